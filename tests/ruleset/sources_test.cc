// Sources are named as their readers know them, and no guidance is shown as law (issue 17,
// points 2 and 3): no text of a rule, pack, profile or catalogue names a "seed" (the file
// names of the project's source documents); the national pack cites only law and national
// guidance; and every municipal or regional source in a profile is labelled a guideline.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include "document/loader.h"
#include "source_tree.h"

namespace fs = std::filesystem;
using aktkoll::ruleset::testing::Rel;
using aktkoll::ruleset::testing::Slurp;
using aktkoll::ruleset::testing::SourceFiles;
using aktkoll::document::Kind;
using aktkoll::document::Node;

namespace {

// Every YAML file of the rules and the documented example profile, in path order.
std::vector<fs::path> YamlFiles() {
  return SourceFiles([](const fs::path& p) { return p.extension() == ".yaml"; });
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

// One law entry of a rule (`law`), of a profile's overrides (`law`, `add_law`) or of a
// pack (`add_law`), with the file it stands in.
struct Cited {
  std::string file;  // relative to the checkout
  std::string ref;
  std::string kind;  // as written; "law" when the entry has none
};

// The law entries of the national pack's files (`national`), or of every other file.
std::vector<Cited> LawEntries(bool national) {
  std::vector<Cited> out;
  for (const fs::path& p : YamlFiles()) {
    const std::string rel = Rel(p);
    if ((rel.rfind("rules/national/", 0) == 0) != national) continue;
    const Node root = Load(p);
    auto add = [&](const Node* list) {
      if (!list || list->kind != Kind::kSequence) return;
      for (const Node& item : list->items) {
        const Node* ref = item.Find("ref");
        const Node* kind = item.Find("kind");
        out.push_back({rel, ref && ref->kind == Kind::kString ? ref->string : "",
                       kind && kind->kind == Kind::kString ? kind->string : "law"});
      }
    };
    add(root.Find("law"));
    add(root.Find("add_law"));
    if (const Node* o = root.Find("overrides"))
      for (const auto& e : o->entries) {
        add(e.value.Find("law"));
        add(e.value.Find("add_law"));
      }
  }
  return out;
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
  const std::vector<Cited> law = LawEntries(true);
  std::string found;
  for (const Cited& e : law)
    if (e.kind == "guideline" || std::regex_search(e.ref, kMunicipal))
      found += e.file + ": " + e.ref + " (" + e.kind + ")\n";
  CHECK(law.size() > 100);
  CHECK(found == "");
}

TEST_CASE("a profile labels a municipality's or region's own document a guideline") {
  std::string found;
  size_t municipal = 0;
  for (const Cited& e : LawEntries(false)) {
    if (!std::regex_search(e.ref, kMunicipal)) continue;
    ++municipal;
    if (e.kind != "guideline") found += e.file + ": " + e.ref + " (" + e.kind + ")\n";
  }
  CHECK(municipal > 20);
  CHECK(found == "");
}
