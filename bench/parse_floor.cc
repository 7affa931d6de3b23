// bench_parse_floor: the parse-only "floor" that aktkoll's throughput targets are ratios of.
// Single-threaded; nothing but parsing (and reading the file, where the library's own call
// does it, as YAML::LoadFile does).
//
//   bench_parse_floor [--yaml DIR] [--json DIR] [--jsonl FILE] [--repeat R]
//
// --yaml DIR    every .yaml/.yml file under DIR: YAML::LoadAllFromFile (a file may be a
//               multi-document stream; with one document per file it is YAML::LoadFile), and
//               YAML::LoadAll from a string already in memory (yaml-cpp: the reference line
//               the YAML target is stated against); and libfyaml's event parser on the same
//               strings in memory, every event pulled and freed, no tree (the parser aktkoll
//               reads YAML with: the floor under aktkoll's own YAML loading);
// --json DIR    every .json file under DIR: read + nlohmann::json::parse, and simdjson's DOM
//               parser (when built with simdjson);
// --jsonl FILE  the file read once, then nlohmann::json::parse (and simdjson) of each line.
//
// Each measurement runs R times (default 3) after one warm-up pass that also fills the page
// cache; it prints one line of key=value pairs:
//   floor name=yaml-cpp.LoadFile docs=20000 bytes=... best_s=... mean_s=... cpu_s=...
//         docs_per_s=... mb_per_s=... docs_per_cpu_s=...
// best_s and mean_s are wall-clock seconds of the best and the mean run; docs_per_s and
// mb_per_s are from the best run. cpu_s is the process CPU time of the best run: on a shared
// machine (other builds running) wall time includes waiting for a core and CPU time does not,
// so docs_per_cpu_s is the figure that stays comparable while the machine is busy.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <libfyaml.h>
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

#ifdef AKTKOLL_BENCH_SIMDJSON
#include <simdjson.h>
#endif

namespace fs = std::filesystem;

namespace {

struct Result {
  uint64_t docs = 0;
  uint64_t bytes = 0;
  size_t sink = 0;  // keeps the parse from being optimised away
};

std::vector<std::string> FilesUnder(const std::string& dir, std::initializer_list<const char*> exts) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::string ext = e.path().extension().string();
    if (std::find_if(exts.begin(), exts.end(), [&](const char* x) { return ext == x; }) != exts.end()) {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void Measure(const std::string& name, int repeat, const std::function<Result()>& run) {
  run();  // warm-up: page cache, allocator
  std::vector<double> seconds;
  double best_cpu = 0;
  Result r;
  size_t sink = 0;
  for (int i = 0; i < repeat; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = CpuSeconds();
    r = run();
    double cpu = CpuSeconds() - c0;
    auto t1 = std::chrono::steady_clock::now();
    seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
    if (i == 0 || cpu < best_cpu) best_cpu = cpu;
    sink += r.sink;
  }
  double best = *std::min_element(seconds.begin(), seconds.end());
  double mean = 0;
  for (double s : seconds) mean += s;
  mean /= static_cast<double>(seconds.size());
  std::printf("floor name=%s docs=%llu bytes=%llu best_s=%.3f mean_s=%.3f cpu_s=%.3f "
              "docs_per_s=%.0f mb_per_s=%.1f docs_per_cpu_s=%.0f sink=%zu\n",
              name.c_str(), static_cast<unsigned long long>(r.docs),
              static_cast<unsigned long long>(r.bytes), best, mean, best_cpu,
              static_cast<double>(r.docs) / best, static_cast<double>(r.bytes) / best / 1e6,
              static_cast<double>(r.docs) / best_cpu, sink % 1000);
  std::fflush(stdout);
}

[[noreturn]] void Usage(const char* error) {
  std::fprintf(stderr,
               "bench_parse_floor: %s\n"
               "usage: bench_parse_floor [--yaml DIR] [--json DIR] [--jsonl FILE] [--repeat R]\n",
               error);
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string yaml_dir, json_dir, jsonl_file;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) Usage("every option needs a value");
    if (a == "--yaml") yaml_dir = argv[++i];
    else if (a == "--json") json_dir = argv[++i];
    else if (a == "--jsonl") jsonl_file = argv[++i];
    else if (a == "--repeat") repeat = std::max(1, std::atoi(argv[++i]));
    else Usage("unknown option");
  }
  if (yaml_dir.empty() && json_dir.empty() && jsonl_file.empty()) Usage("nothing to measure");

  if (!yaml_dir.empty()) {
    auto files = FilesUnder(yaml_dir, {".yaml", ".yml"});
    if (files.empty()) Usage("no .yaml files under --yaml DIR");
    uint64_t bytes = 0;
    for (const auto& f : files) bytes += fs::file_size(f);
    Measure("yaml-cpp.LoadFile", repeat, [&] {
      Result r;
      r.bytes = bytes;
      for (const auto& f : files) {
        for (const YAML::Node& doc : YAML::LoadAllFromFile(f)) {
          r.sink += doc.size();
          ++r.docs;
        }
      }
      return r;
    });
    std::vector<std::string> texts;
    for (const auto& f : files) texts.push_back(Slurp(f));
    Measure("yaml-cpp.Load(in-memory)", repeat, [&] {
      Result r;
      r.bytes = bytes;
      for (const auto& t : texts) {
        for (const YAML::Node& doc : YAML::LoadAll(t)) {
          r.sink += doc.size();
          ++r.docs;
        }
      }
      return r;
    });
    Measure("libfyaml.events(in-memory)", repeat, [&] {
      Result r;
      r.bytes = bytes;
      fy_parse_cfg cfg{};
      cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 | FYPCF_JSON_NONE);
      for (const auto& t : texts) {
        fy_parser* p = fy_parser_create(&cfg);
        if (p == nullptr || fy_parser_set_string(p, t.data(), t.size()) != 0) std::abort();
        while (fy_event* e = fy_parser_parse(p)) {
          if (e->type == FYET_DOCUMENT_END) ++r.docs;
          ++r.sink;
          fy_parser_event_free(p, e);
        }
        fy_parser_destroy(p);
      }
      return r;
    });
  }

  if (!json_dir.empty()) {
    auto files = FilesUnder(json_dir, {".json"});
    if (files.empty()) Usage("no .json files under --json DIR");
    uint64_t bytes = 0;
    for (const auto& f : files) bytes += fs::file_size(f);
    auto count = [](const nlohmann::json& j) -> uint64_t { return j.is_array() ? j.size() : 1; };
    Measure("nlohmann.parse(file)", repeat, [&] {
      Result r;
      r.bytes = bytes;
      for (const auto& f : files) {
        nlohmann::json j = nlohmann::json::parse(Slurp(f));
        r.sink += j.size();
        r.docs += count(j);
      }
      return r;
    });
#ifdef AKTKOLL_BENCH_SIMDJSON
    Measure("simdjson.dom(file)", repeat, [&] {
      Result r;
      r.bytes = bytes;
      simdjson::dom::parser parser;
      for (const auto& f : files) {
        simdjson::dom::element e = parser.load(f);
        if (e.is_array()) {
          r.docs += simdjson::dom::array(e).size();
        } else {
          r.sink += simdjson::dom::object(e).size();
          ++r.docs;
        }
      }
      return r;
    });
#endif
  }

  if (!jsonl_file.empty()) {
    std::string all = Slurp(jsonl_file);
    if (all.empty()) Usage("--jsonl FILE is empty or unreadable");
    std::vector<std::string_view> lines;
    for (size_t pos = 0; pos < all.size();) {
      size_t nl = all.find('\n', pos);
      if (nl == std::string::npos) nl = all.size();
      if (nl > pos) lines.emplace_back(all.data() + pos, nl - pos);
      pos = nl + 1;
    }
    Measure("nlohmann.parse(jsonl-line)", repeat, [&] {
      Result r;
      r.bytes = all.size();
      for (auto line : lines) {
        nlohmann::json j = nlohmann::json::parse(line);
        r.sink += j.size();
        ++r.docs;
      }
      return r;
    });
#ifdef AKTKOLL_BENCH_SIMDJSON
    Measure("simdjson.dom(jsonl-line)", repeat, [&] {
      Result r;
      r.bytes = all.size();
      simdjson::dom::parser parser;
      for (auto line : lines) {
        simdjson::dom::element e = parser.parse(line.data(), line.size(), true);
        r.sink += simdjson::dom::object(e).size();
        ++r.docs;
      }
      return r;
    });
#endif
  }
  return 0;
}
