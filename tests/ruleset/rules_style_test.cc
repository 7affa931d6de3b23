// The shipped rules stay data that people read (issue 16): no rule file is generated, no
// rule.yaml is longer than 80 lines, and no expression line of 60 or more characters
// (whitespace normalised) stands in two files under rules/ or docs/exempel/: shared logic
// is named once, as a definition or a let. `duplicates` reads no YAML, so this test does.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "document/loader.h"
#include "source_tree.h"

namespace fs = std::filesystem;
using aktkoll::ruleset::testing::Rel;
using aktkoll::ruleset::testing::Slurp;
using aktkoll::ruleset::testing::SourceFiles;

namespace {

const char* const kExpressionKeys[] = {"when", "assert", "for_each", "values", "due", "deadline",
                                       "let", "definitions", "requirement"};

std::string Normalise(const std::string& line) {
  std::string out;
  std::istringstream words(line);
  for (std::string w; words >> w;) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Every expression string below `node`: strings, or mappings of them (values, lets,
// definitions and their long form's `expr`), leaving out descriptions and flags.
void Expressions(const aktkoll::document::Node& node, std::vector<std::string>* out) {
  using aktkoll::document::Kind;
  if (node.kind == Kind::kString) {
    out->push_back(node.string);
  } else if (node.kind == Kind::kMapping) {
    for (const auto& e : node.entries)
      if (e.key != "description" && e.key != "type" && e.key != "replaces" && e.key != "shadows")
        Expressions(e.value, out);
  } else if (node.kind == Kind::kSequence) {
    for (const auto& i : node.items) Expressions(i, out);
  }
}

std::vector<fs::path> RuleFiles() {
  return SourceFiles([](const fs::path& p) {
    const std::string name = p.filename().string();
    return name == "rule.yaml" || name == "pack.yaml" || name == "profile.yaml";
  });
}

std::string Lines(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += s + "\n";
  return out;
}

}  // namespace

TEST_CASE("no rule file is generated") {
  std::vector<std::string> generators;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(AKTKOLL_SOURCE_DIR) / "rules")) {
    std::string name = e.path().filename().string();
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0) generators.push_back(Rel(e.path()));
  }
  CHECK(Lines(generators) == "");
}

TEST_CASE("no rule.yaml is longer than 80 lines") {
  std::vector<std::string> too_long;
  for (const fs::path& p : RuleFiles()) {
    if (p.filename() != "rule.yaml") continue;
    std::string text = Slurp(p);
    size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
    if (lines > 80) too_long.push_back(Rel(p) + ": " + std::to_string(lines) + " rader");
  }
  CHECK(Lines(too_long) == "");
}

TEST_CASE("no expression line of 60 or more characters stands in two rule files") {
  std::map<std::string, std::set<std::string>> where;
  size_t files = 0;
  for (const fs::path& p : RuleFiles()) {
    std::string text = Slurp(p);
    aktkoll::document::LoadBuffer(p.string(), text, aktkoll::document::Format::kYaml, {},
                                  [&](aktkoll::document::LoadedDocument&& doc) {
      REQUIRE_FALSE(doc.has_error);
      ++files;
      std::vector<std::string> exprs;
      for (const char* key : kExpressionKeys)
        if (const auto* n = doc.root.Find(key)) Expressions(*n, &exprs);
      for (const std::string& e : exprs) {
        std::istringstream lines(e);
        for (std::string line; std::getline(lines, line);) {
          std::string n = Normalise(line);
          if (n.size() >= 60) where[n].insert(Rel(p));
        }
      }
    });
  }
  CHECK(files > 50);
  std::vector<std::string> repeated;
  for (const auto& [line, in] : where) {
    if (in.size() < 2) continue;
    std::string list;
    for (const std::string& f : in) list += " " + f;
    repeated.push_back(line + "  ←" + list);
  }
  CHECK(Lines(repeated) == "");
}
