// Sources are named as their readers know them, and no guidance is shown as law (issue 17,
// points 2 and 3): no text of a rule, pack, profile or catalogue names a "seed" (the file
// names of the project's source documents); the national pack cites only law and national
// guidance; and every municipal or regional source in a profile is labelled a guideline.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "document/loader.h"

namespace fs = std::filesystem;
using aktkoll::document::Kind;
using aktkoll::document::Node;

namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Rel(const fs::path& p) { return fs::relative(p, AKTKOLL_SOURCE_DIR).generic_string(); }

// Every YAML file of the rules and the documented example profile, in path order.
std::vector<fs::path> YamlFiles() {
  std::vector<fs::path> files;
  for (const char* dir : {"rules", "docs/exempel"})
    for (const auto& e : fs::recursive_directory_iterator(fs::path(AKTKOLL_SOURCE_DIR) / dir))
      if (e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

Node Load(const fs::path& p) {
  Node root;
  aktkoll::document::LoadBuffer(p.string(), Slurp(p), aktkoll::document::Format::kYaml, {},
                                [&](aktkoll::document::LoadedDocument&& doc) {
                                  REQUIRE_FALSE(doc.has_error);
                                  root = std::move(doc.root);
                                });
  return root;
}

// Every string scalar (keys' values, list items) below `node`; comments are not in the tree.
void Strings(const Node& node, std::vector<std::string>* out) {
  if (node.kind == Kind::kString) out->push_back(node.string);
  for (const auto& e : node.entries) Strings(e.value, out);
  for (const auto& i : node.items) Strings(i, out);
}

// The law entries of a rule (`law`), of a profile's overrides (`law`, `add_law`) and of a
// pack (`add_law`).
void LawEntries(const Node& root, std::vector<const Node*>* out) {
  auto add = [&](const Node* list) {
    if (list && list->kind == Kind::kSequence)
      for (const Node& item : list->items) out->push_back(&item);
  };
  add(root.Find("law"));
  add(root.Find("add_law"));
  if (const Node* o = root.Find("overrides"))
    for (const auto& e : o->entries) {
      add(e.value.Find("law"));
      add(e.value.Find("add_law"));
    }
}

std::string SourceKind(const Node& entry) {
  const Node* k = entry.Find("kind");
  return k && k->kind == Kind::kString ? k->string : "law";
}

std::string Ref(const Node& entry) {
  const Node* r = entry.Find("ref");
  return r && r->kind == Kind::kString ? r->string : "";
}

const std::regex kMunicipal(R"((kommun|Region |stad)\b)");

}  // namespace

TEST_CASE("no text of the rules names a seed file") {
  const std::regex seed(R"(\bseeds?\b)", std::regex::icase);
  std::string found;
  size_t files = 0;
  for (const fs::path& p : YamlFiles()) {
    ++files;
    std::vector<std::string> strings;
    Strings(Load(p), &strings);
    for (const std::string& s : strings)
      if (std::regex_search(s, seed)) found += Rel(p) + ": " + s.substr(0, 100) + "\n";
  }
  CHECK(files > 100);
  CHECK(found == "");
}

TEST_CASE("the national pack cites only national law and national guidance") {
  std::string found;
  size_t entries = 0;
  for (const fs::path& p : YamlFiles()) {
    const std::string rel = Rel(p);
    if (rel.rfind("rules/national/", 0) != 0) continue;
    const Node root = Load(p);
    std::vector<const Node*> law;
    LawEntries(root, &law);
    for (const Node* e : law) {
      ++entries;
      if (SourceKind(*e) == "guideline" || std::regex_search(Ref(*e), kMunicipal))
        found += rel + ": " + Ref(*e) + " (" + SourceKind(*e) + ")\n";
    }
  }
  CHECK(entries > 100);
  CHECK(found == "");
}

TEST_CASE("a profile labels a municipality's or region's own document a guideline") {
  std::string found;
  size_t municipal = 0;
  for (const fs::path& p : YamlFiles()) {
    const std::string rel = Rel(p);
    if (rel.rfind("rules/national/", 0) == 0) continue;
    const Node root = Load(p);
    std::vector<const Node*> law;
    LawEntries(root, &law);
    for (const Node* e : law) {
      if (!std::regex_search(Ref(*e), kMunicipal)) continue;
      ++municipal;
      if (SourceKind(*e) != "guideline") found += rel + ": " + Ref(*e) + " (" + SourceKind(*e) + ")\n";
    }
  }
  CHECK(municipal > 20);
  CHECK(found == "");
}
