// input_conformance: the document loader against two public suites that nobody here wrote
// (../shared/corpora, see its README).
//
//   input_conformance --yaml DIR --json DIR [--verbose] [--i-report]
//   input_conformance --load FILE
//
// --load loads one file (format from its extension) and prints each document's outcome:
// the loader alone, for measuring its time and peak RSS on a hostile input.
//
// yaml-test-suite (one folder per case, holding in.yaml):
//   - a case with an `error` file must give an input error with a line and a column;
//   - a valid case with `in.json` must load to exactly that data (the loaded tree is
//     compared with the JSON values, one per document);
//   - a valid case without `in.json` must load without error.
//   A valid case may instead be refused by policy (an application tag, a complex key, a
//   stream with no document) when the message says so; those are counted and listed.
// JSONTestSuite (test_parsing/): y_ files must load, n_ files must give an input error;
// i_ files are implementation-defined: --i-report prints what each gives (documented in
// docs/case-format.md).
//
// Prints "yaml-test-suite: N/M" and "JSONTestSuite: N/M"; exits 1 on any failure, 77
// (skipped, for ctest) with a "skipped: ..." line when a corpus is absent.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "document/loader.h"

namespace fs = std::filesystem;
using aktkoll::document::Entry;
using aktkoll::document::Format;
using aktkoll::document::Kind;
using aktkoll::document::LoadBuffer;
using aktkoll::document::LoadedDocument;
using aktkoll::document::Limits;
using aktkoll::document::Node;
using nlohmann::json;

namespace {

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<LoadedDocument> Load(const std::string& name, const std::string& text, Format format) {
  std::vector<LoadedDocument> docs;
  LoadBuffer(name, text, format, Limits{}, [&](LoadedDocument&& d) { docs.push_back(std::move(d)); });
  return docs;
}

bool Same(const Node& n, const json& j) {
  switch (n.kind) {
    case Kind::kNull: return j.is_null();
    case Kind::kBool: return j.is_boolean() && j.get<bool>() == n.boolean;
    case Kind::kInt:
      if (j.is_number_integer()) return j.get<int64_t>() == n.integer;
      return j.is_number_float() && j.get<double>() == static_cast<double>(n.integer);
    case Kind::kDouble:
      if (!j.is_number()) return false;
      return j.get<double>() == n.number ||
             std::fabs(j.get<double>() - n.number) <= 1e-12 * std::fabs(n.number);
    case Kind::kString: return j.is_string() && j.get<std::string>() == n.string;
    case Kind::kSequence:
      if (!j.is_array() || j.size() != n.items.size()) return false;
      for (size_t i = 0; i < n.items.size(); ++i)
        if (!Same(n.items[i], j[i])) return false;
      return true;
    case Kind::kMapping:
      if (!j.is_object() || j.size() != n.entries.size()) return false;
      for (const Entry& e : n.entries) {
        auto it = j.find(e.key);
        if (it == j.end() || !Same(e.value, *it)) return false;
      }
      return true;
  }
  return false;
}

// The JSON values of an in.json, in order (a stream of several, or none).
bool ParseJsonStream(const std::string& text, std::vector<json>* out) {
  std::istringstream in(text);
  while (true) {
    in >> std::ws;
    if (in.peek() == std::char_traits<char>::eof()) return true;
    json j;
    try {
      in >> j;
    } catch (const json::exception&) {
      return false;
    }
    out->push_back(std::move(j));
  }
}

// Refusals of valid YAML that aktkoll makes on purpose, by the start of their message:
// application tags, and a stream with no document, anywhere; a null key or a mapping or
// list as a key only where the case has no in.json (JSON cannot express those, so where
// in.json exists the key is really there and the refusal is wrong).
bool IsPolicy(const std::string& message, bool has_json) {
  for (const char* p : {"okänd YAML-tagg", "filen innehåller inget YAML-dokument", "filen är tom"})
    if (message.rfind(p, 0) == 0) return true;
  if (has_json) return false;
  for (const char* p : {"en nyckel måste vara ett enkelt värde", "en nyckel saknas eller är null"})
    if (message.rfind(p, 0) == 0) return true;
  return false;
}

std::string Describe(const std::vector<LoadedDocument>& docs) {
  std::string s;
  for (const LoadedDocument& d : docs) {
    if (!s.empty()) s += " | ";
    if (d.has_error)
      s += std::to_string(d.error.pos.line) + ":" + std::to_string(d.error.pos.column) + ": " + d.error.message;
    else
      s += "ok";
  }
  return s.empty() ? "(no documents)" : s;
}

struct Counts {
  int cases = 0, passed = 0, policy = 0;
};

Counts RunYaml(const fs::path& dir, bool verbose) {
  std::vector<fs::path> cases;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename() == "in.yaml") cases.push_back(e.path().parent_path());
  std::sort(cases.begin(), cases.end());
  Counts c;
  for (const fs::path& p : cases) {
    ++c.cases;
    const std::string id = fs::relative(p, dir).string();
    const std::vector<LoadedDocument> docs = Load(id + "/in.yaml", ReadAll(p / "in.yaml"), Format::kYaml);
    const bool invalid = fs::exists(p / "error");
    std::string why;
    bool policy = false;
    if (invalid) {
      bool found = false;
      for (const LoadedDocument& d : docs)
        if (d.has_error && d.error.pos.line > 0 && d.error.pos.column > 0) found = true;
      if (!found) why = "invalid input accepted (or error without line:column)";
    } else {
      for (const LoadedDocument& d : docs) {
        if (!d.has_error) continue;
        if (IsPolicy(d.error.message, fs::exists(p / "in.json"))) {
          policy = true;
        } else {
          why = "valid input refused";
        }
      }
      if (why.empty() && !policy && fs::exists(p / "in.json")) {
        std::vector<json> expected;
        if (!ParseJsonStream(ReadAll(p / "in.json"), &expected)) {
          why = "in.json unreadable";
        } else if (expected.size() != docs.size()) {
          why = "wrong number of documents (" + std::to_string(docs.size()) + ", expected " +
                std::to_string(expected.size()) + ")";
        } else {
          for (size_t i = 0; i < docs.size() && why.empty(); ++i)
            if (!Same(docs[i].root, expected[i])) why = "wrong data in document " + std::to_string(i);
        }
      }
    }
    if (why.empty()) {
      ++c.passed;
      if (policy) {
        ++c.policy;
        if (verbose) std::printf("  policy %s: %s\n", id.c_str(), Describe(docs).c_str());
      }
    } else {
      std::printf("  FAIL %s (%s): %s: %s\n", id.c_str(), ReadAll(p / "===").substr(0, 60).c_str(),
                  why.c_str(), Describe(docs).c_str());
    }
  }
  return c;
}

Counts RunJson(const fs::path& dir, bool i_report) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  Counts c;
  for (const fs::path& p : files) {
    const std::string name = p.filename().string();
    const std::vector<LoadedDocument> docs = Load(name, ReadAll(p), Format::kJson);
    bool error = false;
    for (const LoadedDocument& d : docs) error |= d.has_error;
    if (name[0] == 'i') {
      if (i_report) std::printf("  %s: %s\n", name.c_str(), error ? Describe(docs).c_str() : "ok");
      continue;
    }
    if (name[0] != 'y' && name[0] != 'n') continue;
    ++c.cases;
    // Duplicate names are valid JSON (RFC 8259 only says they SHOULD be unique), but
    // aktkoll refuses them on purpose, saying so.
    bool policy = name[0] == 'y' && error && docs.size() == 1 &&
                  docs[0].error.message.rfind("dubblettnyckel", 0) == 0;
    if ((name[0] == 'y') == !error || policy) {
      ++c.passed;
      if (policy) ++c.policy;
    } else {
      std::printf("  FAIL %s: %s\n", name.c_str(), Describe(docs).c_str());
    }
  }
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--load") {
    std::string text = ReadAll(argv[2]);
    std::vector<LoadedDocument> docs = Load(argv[2], text, aktkoll::document::FormatFromPath(argv[2]));
    std::printf("%zu documents: %s\n", docs.size(), Describe(docs).substr(0, 2000).c_str());
    return 0;
  }
  std::string yaml_dir, json_dir;
  bool verbose = false, i_report = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--yaml" && i + 1 < argc) {
      yaml_dir = argv[++i];
    } else if (a == "--json" && i + 1 < argc) {
      json_dir = argv[++i];
    } else if (a == "--verbose") {
      verbose = true;
    } else if (a == "--i-report") {
      i_report = true;
    } else {
      std::fprintf(stderr, "usage: input_conformance --yaml DIR --json DIR [--verbose] [--i-report]\n");
      return 2;
    }
  }
  bool failed = false, skipped = false;
  if (yaml_dir.empty() || !fs::is_directory(yaml_dir)) {
    std::printf("skipped: yaml-test-suite (%s not found)\n", yaml_dir.c_str());
    skipped = true;
  } else {
    Counts c = RunYaml(yaml_dir, verbose);
    std::printf("yaml-test-suite: %d/%d (%d of them valid YAML refused by policy)\n", c.passed, c.cases, c.policy);
    failed |= c.passed != c.cases || c.cases == 0;
  }
  if (json_dir.empty() || !fs::is_directory(json_dir)) {
    std::printf("skipped: JSONTestSuite (%s not found)\n", json_dir.c_str());
    skipped = true;
  } else {
    Counts c = RunJson(json_dir, i_report);
    std::printf("JSONTestSuite: %d/%d (y_ and n_; %d y_ refused by policy: duplicate names)\n", c.passed,
                c.cases, c.policy);
    failed |= c.passed != c.cases || c.cases == 0;
  }
  if (failed) return 1;
  return skipped ? 77 : 0;
}
