// bench_document: parse speed of our loaders against the libraries they are measured by, on
// a realistic ~4.9 KB case document (tests/document/data/case.yaml).
//
//   YAML: document::LoadBuffer (encoding check, libfyaml's event parser, building
//         document::Node with positions) vs YAML::Load (yaml-cpp, the reference line)
//         building a YAML::Node from the same text; ours should stay at ≥ 0.8× YAML::Load.
//   YAML floor: libfyaml's event parser alone on the same text, every event pulled and
//         freed, no tree and no positions: the parser aktkoll reads YAML with, so the gap
//         between it and document::LoadBuffer is what aktkoll's own loader costs.
//   JSON: our JSON parser on the same case as JSON vs nlohmann::json::parse.
//
// Items are documents, bytes the document's size, so the output shows docs/s and MB/s.
// Compare the pairs by their items_per_second; e.g.
//
//   build-p/bench/bench_document --benchmark_min_time=0.5s
//
// (This replaces the timed doctest tests/document/speed_test.cc: timings are measured
// here, never asserted by ctest.)
#include <benchmark/benchmark.h>
#include <libfyaml.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

#include "document/loader.h"

namespace {

using namespace aktkoll::document;

std::string ReadAll(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("bench_document: cannot read ") + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void ToJson(const Node& n, std::string* out) {
  switch (n.kind) {
    case Kind::kNull: *out += "null"; break;
    case Kind::kBool: *out += n.boolean ? "true" : "false"; break;
    case Kind::kInt: *out += std::to_string(n.integer); break;
    case Kind::kDouble: *out += nlohmann::json(n.number).dump(); break;
    case Kind::kString: *out += nlohmann::json(n.string).dump(); break;
    case Kind::kSequence:
      *out += "[";
      for (size_t i = 0; i < n.items.size(); ++i) {
        if (i) *out += ", ";
        ToJson(n.items[i], out);
      }
      *out += "]";
      break;
    case Kind::kMapping:
      *out += "{";
      for (size_t i = 0; i < n.entries.size(); ++i) {
        if (i) *out += ", ";
        *out += nlohmann::json(n.entries[i].key).dump() + ": ";
        ToJson(n.entries[i].value, out);
      }
      *out += "}";
      break;
  }
}

// Loads every document of `text`; the number of documents loaded without error.
size_t LoadCount(const std::string& text, Format format) {
  size_t docs = 0;
  LoadBuffer("bench", text, format, Limits{}, [&](LoadedDocument&& d) {
    if (!d.has_error) ++docs;
    benchmark::DoNotOptimize(d.root.entries.data());
  });
  return docs;
}

struct Texts {
  std::string yaml, json;
};

const Texts& CaseTexts() {
  static const Texts texts = [] {
    Texts t;
    t.yaml = ReadAll(AKTKOLL_BENCH_CASE);
    Node root;
    LoadBuffer("case.yaml", t.yaml, Format::kYaml, Limits{}, [&](LoadedDocument&& d) {
      if (d.has_error) throw std::runtime_error("bench_document: case.yaml does not load: " + d.error.message);
      root = std::move(d.root);
    });
    ToJson(root, &t.json);
    return t;
  }();
  return texts;
}

void Count(benchmark::State& state, const std::string& text) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_Yaml_Aktkoll(benchmark::State& state) {
  const std::string& yaml = CaseTexts().yaml;
  for (auto _ : state)
    if (LoadCount(yaml, Format::kYaml) != 1) state.SkipWithError("the case did not load");
  Count(state, yaml);
}

void BM_Yaml_YamlCppLoad(benchmark::State& state) {
  const std::string& yaml = CaseTexts().yaml;
  for (auto _ : state) {
    YAML::Node n = YAML::Load(yaml);
    if (!n.IsMap()) state.SkipWithError("not a mapping");
    benchmark::DoNotOptimize(n);
  }
  Count(state, yaml);
}

void BM_Yaml_LibfyamlEvents(benchmark::State& state) {
  const std::string& yaml = CaseTexts().yaml;
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE);
  for (auto _ : state) {
    fy_parser* p = fy_parser_create(&cfg);
    if (p == nullptr || fy_parser_set_string(p, yaml.data(), yaml.size()) != 0) {
      state.SkipWithError("libfyaml parser");
      break;
    }
    size_t events = 0;
    while (fy_event* e = fy_parser_parse(p)) {
      ++events;
      fy_parser_event_free(p, e);
    }
    fy_parser_destroy(p);
    benchmark::DoNotOptimize(events);
  }
  Count(state, yaml);
}

void BM_Json_Aktkoll(benchmark::State& state) {
  const std::string& json = CaseTexts().json;
  for (auto _ : state)
    if (LoadCount(json, Format::kJson) != 1) state.SkipWithError("the case did not load");
  Count(state, json);
}

void BM_Json_Nlohmann(benchmark::State& state) {
  const std::string& json = CaseTexts().json;
  for (auto _ : state) {
    nlohmann::json j = nlohmann::json::parse(json);
    if (!j.is_object()) state.SkipWithError("not an object");
    benchmark::DoNotOptimize(j);
  }
  Count(state, json);
}

BENCHMARK(BM_Yaml_Aktkoll);
BENCHMARK(BM_Yaml_YamlCppLoad);
BENCHMARK(BM_Yaml_LibfyamlEvents);
BENCHMARK(BM_Json_Aktkoll);
BENCHMARK(BM_Json_Nlohmann);

}  // namespace

BENCHMARK_MAIN();
