// bench_stages: where the time of a check goes, stage by stage, in µs per case, beside the
// parse-only floor of the same files measured in the same process (so that the ratio holds
// on a busy machine). Single-threaded; process CPU time, not wall time.
//
//   bench_stages [--repeat R] [--rules PACK] FILE_OR_DIR...
//
// Every .yaml/.yml/.json/.jsonl file under the arguments (sorted) is one input. Stages, each
// timed over all inputs at once, R times (default 5) after one warm-up; the fastest run of
// each stage is reported:
//
//   read      reading each file and its SHA-256 (what `aktkoll check` does per input)
//   parse     document::LoadBuffer: bytes to the document tree
//   map       the --mapping step (field mapping of another export format); the corpus is
//             in the canonical format, so nothing runs: shown as "-"
//   schema    validate::SchemaChecker::Check (the embedded case schema)
//   rules     engine::Engine::Check with the national pack (or --rules PACK)
//   report    the JSON report: per-case results, summary and the json formatter
//
// and the floors: nlohmann::json::parse of each JSON document (a JSONL file line by line),
// libfyaml's event parser over each YAML file (every event pulled, no tree). Output: a
// Markdown table, then one `stages ...` line of key=value pairs for scripts.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <libfyaml.h>

#include <nlohmann/json.hpp>

#include "core/file_io.h"
#include "core/finding.h"
#include "core/sha256.h"
#include "document/loader.h"
#include "embedded/embedded.h"
#include "engine/engine.h"
#include "expr/civil_time.h"
#include "report/model.h"
#include "ruleset/loader.h"
#include "validate/schema_validator.h"

namespace {

using namespace aktkoll;

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "bench_stages: %s\n", what.c_str());
  std::exit(2);
}

struct Input {
  std::string path;
  document::Format format = document::Format::kAuto;
  std::string text;
};

struct Doc {
  const Input* input = nullptr;
  int index = 0;
  document::Node root;
};

bool Checkable(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".jsonl" || ext == ".ndjson";
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 5;
  std::string rules = "national";
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--rules" && i + 1 < argc) rules = argv[++i];
    else if (!a.empty() && a[0] == '-') Die("unknown option " + a);
    else paths.push_back(a);
  }
  if (paths.empty()) Die("usage: bench_stages [--repeat R] [--rules PACK] FILE_OR_DIR...");

  std::vector<std::string> files;
  for (const std::string& p : paths) {
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(p))
        if (e.is_regular_file() && Checkable(e.path())) files.push_back(e.path().string());
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) Die("no input files");

  auto loaded = ruleset::LoadPack(rules);
  if (!loaded.ok()) Die("the pack '" + rules + "' does not load:\n" + loaded.diagnostics.Format());
  engine::Engine engine(loaded.pack);
  auto schema_text = embedded::Find("schemas/case.schema.json");
  if (!schema_text) Die("no embedded case schema");
  auto schema = validate::CaseSchema::Parse(*schema_text);
  if (!schema.ok()) Die(schema.status().message());
  validate::SchemaChecker checker(*schema);
  const int64_t as_of = *expr::ParseIsoDate("2026-11-23");

  std::vector<Input> inputs(files.size());
  std::vector<Doc> docs;
  std::vector<std::vector<core::Finding>> findings;
  size_t bytes = 0, sink = 0;

  auto read = [&] {
    for (size_t i = 0; i < files.size(); ++i) {
      auto text = core::ReadFile(files[i]);
      if (!text.ok()) Die("cannot read " + files[i]);
      core::Sha256 hash;
      hash.Update(*text);
      sink += hash.HexDigest().size();
      inputs[i].path = files[i];
      inputs[i].format = document::FormatFromPath(files[i]);
      inputs[i].text = std::move(*text);
    }
  };
  auto parse = [&] {
    docs.clear();
    for (const Input& in : inputs)
      document::LoadBuffer(in.path, in.text, in.format, {}, [&](document::LoadedDocument&& d) {
        if (d.has_error || d.root.kind != document::Kind::kMapping) return;
        docs.push_back(Doc{&in, d.index, std::move(d.root)});
      });
  };
  auto base = [](const Doc& d) {
    core::Finding b;
    b.path = d.input->path;
    b.document = d.index;
    b.case_id = document::StringAt(d.root, {"case_id"});
    return b;
  };
  auto validate = [&] {
    findings.assign(docs.size(), {});
    for (size_t i = 0; i < docs.size(); ++i) checker.Check(docs[i].root, base(docs[i]), &findings[i]);
  };
  std::vector<engine::CaseEvidence> evidence;
  std::vector<std::vector<core::Finding>> rule_findings;
  auto run_rules = [&] {
    evidence.assign(docs.size(), {});
    rule_findings.assign(docs.size(), {});
    for (size_t i = 0; i < docs.size(); ++i)
      engine.Check(docs[i].root, base(docs[i]), as_of, &rule_findings[i], &evidence[i]);
  };
  auto report = [&] {
    report::RunInfo run;
    run.tool_version = "bench";
    run.as_of = "2026-11-23";
    for (const ruleset::Rule* r : engine.rules()) {
      report::RuleInfo info;
      info.id = r->id;
      info.severity = r->severity;
      info.title = r->title;
      info.requirements = r->requirements;
      run.rules.push_back(std::move(info));
    }
    auto fmt = report::MakeFormatter("json");
    std::string out;
    fmt->Begin(run, &out);
    report::Summary summary;
    size_t d = 0;
    for (const Input& in : inputs) {
      report::FileResult file;
      file.input.path = in.path;
      for (; d < docs.size() && docs[d].input == &in; ++d) {
        report::CaseResult c;
        c.document = docs[d].index;
        c.pos = docs[d].root.pos;
        c.case_id = document::StringAt(docs[d].root, {"case_id"});
        c.unit = document::StringAt(docs[d].root, {"unit"});
        c.intervention_type = document::StringAt(docs[d].root, {"intervention", "type"});
        c.decision_date = document::StringAt(docs[d].root, {"decision", "date"});
        c.applied = evidence[d].applied;
        c.failed = evidence[d].failed;
        file.cases.push_back(std::move(c));
        file.input.documents++;
        file.findings.insert(file.findings.end(), findings[d].begin(), findings[d].end());
        file.findings.insert(file.findings.end(), rule_findings[d].begin(), rule_findings[d].end());
      }
      std::stable_sort(file.findings.begin(), file.findings.end(), core::FindingLess);
      report::AddToSummary(file, &summary);
      fmt->AddFile(file, &out);
      sink += out.size();
      out.clear();
    }
    fmt->End(summary, &out);
    sink += out.size();
  };

  // The floors, on the texts in memory.
  auto floor_json = [&] {
    for (const Input& in : inputs) {
      if (in.format == document::Format::kJsonLines) {
        size_t start = 0;
        while (start < in.text.size()) {
          size_t end = in.text.find('\n', start);
          if (end == std::string::npos) end = in.text.size();
          if (end > start) sink += nlohmann::json::parse(in.text.begin() + static_cast<long>(start),
                                                        in.text.begin() + static_cast<long>(end)).size();
          start = end + 1;
        }
      } else if (in.format == document::Format::kJson) {
        sink += nlohmann::json::parse(in.text).size();
      }
    }
  };
  auto floor_yaml = [&] {
    fy_parse_cfg cfg{};
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE);
    for (const Input& in : inputs) {
      if (in.format != document::Format::kYaml) continue;
      fy_parser* p = fy_parser_create(&cfg);
      if (p == nullptr || fy_parser_set_string(p, in.text.data(), in.text.size()) != 0) Die("libfyaml");
      while (fy_event* e = fy_parser_parse(p)) {
        ++sink;
        fy_parser_event_free(p, e);
      }
      fy_parser_destroy(p);
    }
  };

  struct Stage {
    const char* name;
    std::function<void()> run;
    double best = std::numeric_limits<double>::infinity();
  };
  std::vector<Stage> stages = {{"read", read}, {"parse", parse}, {"schema", validate}, {"rules", run_rules},
                               {"report", report}, {"floor.nlohmann", floor_json}, {"floor.libfyaml", floor_yaml}};
  for (int r = 0; r <= repeat; ++r) {
    for (Stage& s : stages) {
      const double t0 = CpuSeconds();
      s.run();
      const double t = CpuSeconds() - t0;
      if (r > 0) s.best = std::min(s.best, t);
    }
  }
  for (const Input& in : inputs) bytes += in.text.size();
  const double n = static_cast<double>(docs.size());
  if (docs.empty()) Die("no case documents");
  auto best = [&](const char* name) {
    for (const Stage& s : stages)
      if (std::string(name) == s.name) return s.best;
    return 0.0;
  };
  const double report_only = best("report");
  const double total = best("read") + best("parse") + best("schema") + best("rules") + report_only;
  const double us = 1e6 / n;

  bool any_json = false, any_yaml = false;
  for (const Input& in : inputs) {
    any_json = any_json || in.format == document::Format::kJson || in.format == document::Format::kJsonLines;
    any_yaml = any_yaml || in.format == document::Format::kYaml;
  }
  std::printf("%zu cases in %zu files, %.1f KB/case, best of %d runs, CPU time, one thread\n\n", docs.size(),
              inputs.size(), static_cast<double>(bytes) / n / 1024.0, repeat);
  std::printf("| stage | µs per case | share |\n|---|---:|---:|\n");
  auto row = [&](const char* name, double seconds) {
    std::printf("| %s | %.1f | %.0f%% |\n", name, seconds * us, 100.0 * seconds / total);
  };
  row("read + SHA-256", best("read"));
  row("parse", best("parse"));
  std::printf("| map/assemble | - | - |\n");
  row("schema", best("schema"));
  row("rules", best("rules"));
  row("report (json)", report_only);
  std::printf("| **total** | **%.1f** | |\n\n", total * us);
  const double floor = any_json ? best("floor.nlohmann") : best("floor.libfyaml");
  const char* floor_name = any_json ? "nlohmann::json::parse" : "libfyaml events";
  if ((any_json || any_yaml) && floor > 0) {
    std::printf("| measure | docs per CPU-second |\n|---|---:|\n");
    std::printf("| aktkoll stages, summed | %.0f |\n", n / total);
    std::printf("| floor: %s | %.0f |\n", floor_name, n / floor);
    std::printf("| ratio to floor | %.2f |\n", floor / total);
    std::printf("| rules alone, ratio to floor | %.2f |\n\n", floor / best("rules"));
  }
  std::printf("stages cases=%zu read_us=%.2f parse_us=%.2f schema_us=%.2f rules_us=%.2f report_us=%.2f "
              "total_us=%.2f floor=%s floor_us=%.2f ratio=%.3f sink=%zu\n",
              docs.size(), best("read") * us, best("parse") * us, best("schema") * us, best("rules") * us,
              report_only * us, total * us, any_json ? "nlohmann" : "libfyaml", floor * us,
              floor > 0 ? floor / total : 0.0, sink % 10);
  return 0;
}
