// bench_engine: the cost of checking case documents with the built-in national pack, per
// document, split into its parts. For every file in examples/ (all its documents):
//
//   Pack/<file>     the rule engine alone (Engine::Check) over the loaded tree
//   Schema/<file>   schema validation alone (SchemaChecker::Check, schemas/case.schema.json)
//   Check/<file>    the whole per-document check of `aktkoll check`: load from the bytes,
//                   validate, run the pack
//
// and, once per process, what `aktkoll check` pays before the first document:
//
//   LoadPack/national   loading and compiling the embedded national pack
//   ParseSchema         parsing the embedded case schema
//
//   Rule/<id>       one rule alone over every example document (which rules cost most)
//
// Items are documents (items_per_second = docs/s on one core). As-of date 2026-11-23, the
// examples' reference date (and bench_corpus_gen's). AKTKOLL_BENCH_CORPUS=<dir or file> adds
// a "corpus" entry to Pack/, Schema/ and Check/ with the documents found there (recursively,
// at most AKTKOLL_BENCH_CORPUS_MAX files, default 200), e.g. from bench_corpus_gen:
//
//   build-p/bench/bench_corpus_gen --count 200 --format yaml --out /tmp/c --testdata ../shared/testdata
//   AKTKOLL_BENCH_CORPUS=/tmp/c build-p/bench/bench_engine --benchmark_filter=corpus If a rule being written breaks the embedded pack, point
// AKTKOLL_BENCH_RULES at a pack.yaml on disk (e.g. a copy of rules/ without that rule):
//
//   AKTKOLL_BENCH_RULES=/tmp/x/national/pack.yaml build-p/bench/bench_engine
//
// (This replaces the timed doctest tests/engine/perf_test.cc: timings are measured here,
// never asserted by ctest.)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/finding.h"
#include "document/loader.h"
#include "embedded/embedded.h"
#include "engine/engine.h"
#include "expr/civil_time.h"
#include "ruleset/loader.h"
#include "validate/schema_validator.h"

namespace {

using namespace aktkoll;

const char* PackSpec() {
  const char* env = std::getenv("AKTKOLL_BENCH_RULES");
  return env && *env ? env : "national";
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("bench_engine: cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Piece {
  std::string name;   // file name
  std::string text;
  document::Format format = document::Format::kAuto;
};

struct Example {
  std::string name;             // file name, or "corpus"
  std::vector<Piece> pieces;    // its files
  std::vector<document::Node> docs;  // the documents that load
  size_t bytes = 0;
};

void AddPiece(Example* ex, const std::filesystem::path& path) {
  Piece p;
  p.name = path.filename().string();
  p.text = ReadAll(path.string());
  p.format = document::FormatFromPath(p.name);
  document::LoadBuffer(p.name, p.text, p.format, {}, [&](document::LoadedDocument&& d) {
    if (!d.has_error) ex->docs.push_back(std::move(d.root));
  });
  ex->bytes += p.text.size();
  ex->pieces.push_back(std::move(p));
}

bool Checkable(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".jsonl" || ext == ".ndjson";
}

struct World {
  std::shared_ptr<const ruleset::Pack> pack;
  std::unique_ptr<engine::Engine> engine;
  std::shared_ptr<const validate::CaseSchema> schema;
  int64_t as_of = 0;
  std::vector<Example> examples;
};

std::shared_ptr<const ruleset::Pack> LoadPackOrDie() {
  auto loaded = ruleset::LoadPack(PackSpec());
  if (!loaded.ok()) {
    std::fprintf(stderr, "bench_engine: the pack '%s' does not load:\n%s\n", PackSpec(),
                 loaded.diagnostics.Format().c_str());
    std::exit(2);
  }
  return loaded.pack;
}

std::shared_ptr<const validate::CaseSchema> ParseSchemaOrDie() {
  auto text = embedded::Find("schemas/case.schema.json");
  if (!text) {
    std::fprintf(stderr, "bench_engine: no embedded case schema\n");
    std::exit(2);
  }
  auto schema = validate::CaseSchema::Parse(*text);
  if (!schema.ok()) {
    std::fprintf(stderr, "bench_engine: %s\n", schema.status().message().c_str());
    std::exit(2);
  }
  return *schema;
}

World& TheWorld() {
  static World w = [] {
    World w;
    w.pack = LoadPackOrDie();
    w.engine = std::make_unique<engine::Engine>(w.pack);
    w.schema = ParseSchemaOrDie();
    w.as_of = *expr::ParseIsoDate("2026-11-23");
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(AKTKOLL_BENCH_EXAMPLES))
      if (Checkable(e.path())) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      Example ex;
      ex.name = path.filename().string();
      AddPiece(&ex, path);
      if (!ex.docs.empty()) w.examples.push_back(std::move(ex));
    }
    if (const char* corpus = std::getenv("AKTKOLL_BENCH_CORPUS"); corpus && *corpus) {
      const char* max_env = std::getenv("AKTKOLL_BENCH_CORPUS_MAX");
      const size_t max = max_env && *max_env ? std::stoul(max_env) : 200;
      std::vector<std::filesystem::path> found;
      if (std::filesystem::is_directory(corpus)) {
        for (const auto& e : std::filesystem::recursive_directory_iterator(corpus))
          if (e.is_regular_file() && Checkable(e.path())) found.push_back(e.path());
      } else {
        found.emplace_back(corpus);
      }
      std::sort(found.begin(), found.end());
      if (found.size() > max) found.resize(max);
      Example ex;
      ex.name = "corpus";
      for (const auto& path : found) AddPiece(&ex, path);
      if (ex.docs.empty()) {
        std::fprintf(stderr, "bench_engine: no documents in AKTKOLL_BENCH_CORPUS=%s\n", corpus);
        std::exit(2);
      }
      w.examples.push_back(std::move(ex));
    }
    return w;
  }();
  return w;
}

core::Finding Base(const std::string& name) {
  core::Finding base;
  base.path = name;
  return base;
}

void BM_Pack(benchmark::State& state, const Example* ex) {
  const World& w = TheWorld();
  const core::Finding base = Base(ex->name);
  size_t findings = 0;
  for (auto _ : state) {
    for (const document::Node& doc : ex->docs) {
      std::vector<core::Finding> out;
      engine::CaseEvidence evidence;
      w.engine->Check(doc, base, w.as_of, &out, &evidence);
      findings += out.size();
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * ex->docs.size()));
  state.counters["findings/doc"] =
      static_cast<double>(findings) / static_cast<double>(state.iterations() * ex->docs.size());
}

void BM_Schema(benchmark::State& state, const Example* ex) {
  const World& w = TheWorld();
  validate::SchemaChecker checker(w.schema);
  const core::Finding base = Base(ex->name);
  size_t findings = 0;
  for (auto _ : state) {
    for (const document::Node& doc : ex->docs) {
      std::vector<core::Finding> out;
      checker.Check(doc, base, &out);
      findings += out.size();
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * ex->docs.size()));
  state.counters["findings/doc"] =
      static_cast<double>(findings) / static_cast<double>(state.iterations() * ex->docs.size());
}

// What check_pipeline.cc does per document, minus the report bookkeeping.
void BM_Check(benchmark::State& state, const Example* ex) {
  const World& w = TheWorld();
  validate::SchemaChecker checker(w.schema);
  const core::Finding base = Base(ex->name);
  size_t docs = 0;
  for (auto _ : state) {
    for (const Piece& piece : ex->pieces) {
      std::vector<core::Finding> out;
      document::LoadBuffer(piece.name, piece.text, piece.format, {}, [&](document::LoadedDocument&& d) {
        ++docs;
        if (d.has_error) return;
        checker.Check(d.root, base, &out);
        engine::CaseEvidence evidence;
        w.engine->Check(d.root, base, w.as_of, &out, &evidence);
      });
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(docs));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * ex->bytes));
}

// One rule over every example document.
void BM_Rule(benchmark::State& state, const engine::Engine* rule) {
  const World& w = TheWorld();
  const core::Finding base = Base("examples");
  size_t docs = 0;
  for (auto _ : state) {
    for (const Example& ex : w.examples) {
      for (const document::Node& doc : ex.docs) {
        std::vector<core::Finding> out;
        rule->Check(doc, base, w.as_of, &out);
        benchmark::DoNotOptimize(out.data());
        ++docs;
      }
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(docs));
}

void BM_LoadPack(benchmark::State& state) {
  for (auto _ : state) {
    auto pack = LoadPackOrDie();
    benchmark::DoNotOptimize(pack.get());
  }
  state.SetLabel(PackSpec());
}

void BM_ParseSchema(benchmark::State& state) {
  for (auto _ : state) {
    auto schema = ParseSchemaOrDie();
    benchmark::DoNotOptimize(schema.get());
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const World& w = TheWorld();
  std::fprintf(stderr, "bench_engine: pack '%s', %zu rules, %zu example files\n", PackSpec(),
               w.engine->rules().size(), w.examples.size());
  for (const Example& ex : w.examples) benchmark::RegisterBenchmark(("Pack/" + ex.name).c_str(), BM_Pack, &ex);
  for (const Example& ex : w.examples) benchmark::RegisterBenchmark(("Schema/" + ex.name).c_str(), BM_Schema, &ex);
  for (const Example& ex : w.examples) benchmark::RegisterBenchmark(("Check/" + ex.name).c_str(), BM_Check, &ex);
  static std::vector<std::unique_ptr<engine::Engine>> single;
  for (const ruleset::Rule* r : w.engine->rules()) {
    engine::EngineOptions options;
    options.select = {r->id};
    // --select also takes the rule's variants (UPF-001 selects UPF-001-SEN): drop them.
    options.ignore.clear();
    for (const ruleset::Rule* other : w.engine->rules())
      if (other->id != r->id && engine::MatchesRuleSelector(other->id, r->id)) options.ignore.push_back(other->id);
    single.push_back(std::make_unique<engine::Engine>(w.pack, options));
    benchmark::RegisterBenchmark(("Rule/" + r->id).c_str(), BM_Rule, single.back().get());
  }
  benchmark::RegisterBenchmark("LoadPack", BM_LoadPack)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("ParseSchema", BM_ParseSchema)->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
