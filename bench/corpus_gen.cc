// bench_corpus_gen: writes a deterministic corpus of synthetic case records for the
// benchmarks (bench/run.sh). Standard library only.
//
//   bench_corpus_gen --count N --format yaml|json|jsonl --out DIR [--seed S]
//                    [--files-per-dir K] [--stream | --array] [--docs-per-file M]
//                    [--testdata DIR] [--quiet]
//
// yaml: one case per file, or with --stream M cases per file as a multi-document stream;
// json: one case per file (pretty-printed), or with --array M cases per file as a JSON
// array; jsonl: one file, cases.jsonl, one case per line. Files go in numbered
// subdirectories of K files each (K = 0: all in DIR). The same arguments give byte-identical
// files. A summary of what the corpus holds (sizes, shortcomings and their rates) goes to
// standard output.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "corpus/case_gen.h"
#include "corpus/identity.h"
#include "corpus/value.h"

#ifndef AKTKOLL_BENCH_TESTDATA
#define AKTKOLL_BENCH_TESTDATA "../shared/testdata"
#endif

namespace fs = std::filesystem;
using aktkoll::bench::CaseStats;
using aktkoll::bench::GenerateCase;
using aktkoll::bench::IdentityPool;
using aktkoll::bench::Value;

namespace {

struct Options {
  uint64_t count = 0;
  std::string format;
  std::string out;
  uint64_t seed = 1;
  uint64_t files_per_dir = 1000;
  bool grouped = false;  // --stream / --array
  uint64_t docs_per_file = 100;
  std::string testdata = AKTKOLL_BENCH_TESTDATA;
  bool quiet = false;
};

[[noreturn]] void Usage(const std::string& error) {
  std::fprintf(stderr,
               "bench_corpus_gen: %s\n"
               "usage: bench_corpus_gen --count N --format yaml|json|jsonl --out DIR [--seed S]\n"
               "         [--files-per-dir K] [--stream|--array] [--docs-per-file M]\n"
               "         [--testdata DIR] [--quiet]\n",
               error.c_str());
  std::exit(2);
}

uint64_t Number(const char* flag, const char* text) {
  char* end = nullptr;
  unsigned long long v = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0' || text[0] == '-') Usage(std::string(flag) + ": not a number: " + text);
  return v;
}

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) Usage(a + " needs a value");
      return argv[++i];
    };
    if (a == "--count") o.count = Number("--count", value());
    else if (a == "--format") o.format = value();
    else if (a == "--out") o.out = value();
    else if (a == "--seed") o.seed = Number("--seed", value());
    else if (a == "--files-per-dir") o.files_per_dir = Number("--files-per-dir", value());
    else if (a == "--docs-per-file") o.docs_per_file = Number("--docs-per-file", value());
    else if (a == "--stream" || a == "--array") o.grouped = true;
    else if (a == "--testdata") o.testdata = value();
    else if (a == "--quiet") o.quiet = true;
    else if (a == "--help" || a == "-h") Usage("help");
    else Usage("unknown argument " + a);
  }
  if (o.count == 0) Usage("--count N (N > 0) is required");
  if (o.format != "yaml" && o.format != "json" && o.format != "jsonl") Usage("--format must be yaml, json or jsonl");
  if (o.out.empty()) Usage("--out DIR is required");
  if (o.docs_per_file == 0) Usage("--docs-per-file must be > 0");
  if (o.grouped && o.format == "jsonl") Usage("--stream/--array do not apply to jsonl");
  if (!o.grouped) o.docs_per_file = 1;
  return o;
}

void WriteFile(const fs::path& path, const std::string& data) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f || std::fwrite(data.data(), 1, data.size(), f) != data.size() || std::fclose(f) != 0) {
    std::fprintf(stderr, "bench_corpus_gen: cannot write %s\n", path.c_str());
    std::exit(1);
  }
}

std::string Padded(uint64_t n, size_t width) {
  std::string s = std::to_string(n);
  return std::string(s.size() < width ? width - s.size() : 0, '0') + s;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = Parse(argc, argv);

  IdentityPool ids;
  std::string error;
  if (!ids.Load(o.testdata, &error)) {
    std::fprintf(stderr, "bench_corpus_gen: %s (set --testdata to shared/testdata)\n", error.c_str());
    return 1;
  }
  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (ec || !fs::is_directory(o.out)) {
    std::fprintf(stderr, "bench_corpus_gen: cannot create %s\n", o.out.c_str());
    return 1;
  }
  if (!fs::is_empty(o.out)) {
    std::fprintf(stderr, "bench_corpus_gen: %s is not empty; give an empty or new directory\n", o.out.c_str());
    return 1;
  }

  const std::string header =
      "# Syntetisk akt, bench_corpus_gen --seed " + std::to_string(o.seed) + "\n";
  const std::string ext = o.format == "yaml" ? ".yaml" : o.format == "json" ? ".json" : ".jsonl";
  CaseStats stats;
  uint64_t bytes = 0, files = 0;
  std::string buf;
  auto flush = [&](uint64_t file_index) {
    fs::path dir = o.out;
    if (o.format != "jsonl" && o.files_per_dir > 0) {
      dir /= Padded(file_index / o.files_per_dir, 4);
      if (file_index % o.files_per_dir == 0) fs::create_directories(dir);
    }
    std::string name = o.format == "jsonl" ? "cases" : "case-" + Padded(file_index, 7);
    WriteFile(dir / (name + ext), buf);
    bytes += buf.size();
    ++files;
    buf.clear();
  };

  if (o.format == "jsonl") {
    for (uint64_t i = 0; i < o.count; ++i) {
      aktkoll::bench::WriteJson(GenerateCase(o.seed, i, ids, &stats), 0, buf);
      buf += '\n';
    }
    flush(0);
  } else {
    for (uint64_t first = 0, file = 0; first < o.count; first += o.docs_per_file, ++file) {
      uint64_t last = std::min(o.count, first + o.docs_per_file);
      if (o.format == "yaml") {
        buf += header;
        for (uint64_t i = first; i < last; ++i) {
          if (o.grouped) buf += "---\n";
          aktkoll::bench::WriteYaml(GenerateCase(o.seed, i, ids, &stats), buf);
        }
      } else if (o.grouped) {
        Value array = Value::Array();
        for (uint64_t i = first; i < last; ++i) array.Push(GenerateCase(o.seed, i, ids, &stats));
        aktkoll::bench::WriteJson(array, 2, buf);
        buf += '\n';
      } else {
        aktkoll::bench::WriteJson(GenerateCase(o.seed, first, ids, &stats), 2, buf);
        buf += '\n';
      }
      flush(file);
    }
  }

  if (!o.quiet) {
    std::printf("corpus: %llu cases, format %s, %llu files, %llu bytes (%.0f bytes/case), seed %llu, as-of %s\n",
                static_cast<unsigned long long>(o.count), o.format.c_str(),
                static_cast<unsigned long long>(files), static_cast<unsigned long long>(bytes),
                static_cast<double>(bytes) / static_cast<double>(o.count),
                static_cast<unsigned long long>(o.seed), aktkoll::bench::kAsOf);
    std::printf("identity numbers: %zu test personnummer, %zu test samordningsnummer from %s\n",
                ids.personnummer_count(), ids.samordningsnummer_count(), o.testdata.c_str());
    for (const auto& [what, n] : stats.counts) {
      std::printf("  %-42s %8llu  %5.1f%%\n", what.c_str(), static_cast<unsigned long long>(n),
                  100.0 * static_cast<double>(n) / static_cast<double>(stats.cases));
    }
  }
  return 0;
}
