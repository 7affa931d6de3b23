// YAML is read by libyaml, and by yaml-cpp only where libyaml cannot take a chunk
// (document/yaml_loader.cc). Both feed one tree builder, so for any input the two roads
// must give the same documents: the same trees, node for node and position for position,
// and the same errors. Checked over every YAML file in the repository and a set of
// constructs that parsers are known to read differently.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "document/internal.h"
#include "same_tree.h"

using namespace aktkoll::document;

namespace {

std::vector<LoadedDocument> Read(std::string_view text, internal::YamlParsers parsers) {
  std::vector<LoadedDocument> docs;
  internal::LoadYaml("t.yaml", text, Limits{}, [&](LoadedDocument&& d) { docs.push_back(std::move(d)); },
                     parsers);
  return docs;
}

int libyaml_documents = 0;  // documents libyaml read on its own

// Compares the two roads on `content`; returns false when the text is not UTF-8 (then
// neither parser sees it). Counts the documents libyaml reads without yaml-cpp's help.
bool CheckSame(const std::string& name, std::string_view content) {
  std::string_view text;
  InputError encoding;
  if (!internal::CheckEncoding(content, &text, &encoding)) return false;
  std::vector<LoadedDocument> fast = Read(text, internal::YamlParsers::kLibyamlFirst);
  std::vector<LoadedDocument> slow = Read(text, internal::YamlParsers::kYamlCppOnly);
  INFO(name);
  REQUIRE(fast.size() == slow.size());
  for (size_t i = 0; i < fast.size(); ++i) {
    INFO("document " << i);
    CHECK(fast[i].has_error == slow[i].has_error);
    CHECK(fast[i].error.message == slow[i].error.message);
    CHECK(fast[i].error.pos == slow[i].error.pos);
    CHECK(SameTree(fast[i].root, slow[i].root));
  }
  std::vector<LoadedDocument> only = Read(text, internal::YamlParsers::kLibyamlOnly);
  if (only.size() == fast.size()) {
    for (size_t i = 0; i < only.size(); ++i) {
      if (only[i].has_error) continue;
      ++libyaml_documents;
      CHECK(SameTree(only[i].root, fast[i].root));
    }
  }
  return true;
}

}  // namespace

TEST_CASE("YAML: libyaml and yaml-cpp give the same documents for every YAML file here") {
  namespace fs = std::filesystem;
  const fs::path root = AKTKOLL_SOURCE_DIR;
  int files = 0;
  for (const char* dir : {"examples", "rules", "tests", "bench"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream body;
      body << in.rdbuf();
      if (CheckSame(entry.path().string(), body.str())) ++files;
    }
  }
  CHECK(files >= 300);
  MESSAGE(files << " files, " << libyaml_documents << " documents read by libyaml alone");
  CHECK(libyaml_documents >= 300);
}

TEST_CASE("YAML: libyaml and yaml-cpp agree on the constructs that parsers differ on") {
  const std::vector<std::string> cases = {
      "a: 1\nb:\nc: ~\nd: null\ne: ''\nf: \"\"\n",
      "åäö: \"Åsa\"\nö: [1, två, {ä: 3}]\n",
      "folded: >\n  rad ett\n  rad två\n\n  nytt stycke\nkeep: |+\n  a\n\nstrip: |-\n  b\n",
      "indent: |2\n    två extra\n  mellanslag\n",
      "plain: ord över\n  flera rader\nquoted: \"rad\n  fortsätter\"\n",
      "esc: \"tab\\tny\\nrad \\u00e5 \\x41 \\\\ \\\"\"\nsingle: 'it''s'\n",
      "base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\nlist: &l [1, 2]\nagain: *l\n",
      "? komplex nyckel\n: värde\n",
      "tags: [!!str 1, !!int '2', !!float 3, !!bool true, !!null '', ! x]\n",
      "nums: [0o17, 0x1F, -3, +4, 1.5e3, .inf, -.Inf, 1_000]\n",
      "bools: [true, True, TRUE, yes, on, false, No]\n",
      "datum: 2025-03-01\ntid: 12:30\n",
      "- a\n- - b\n  - c\n- d: e\n  f: g\n",
      "a:\n- indragslös\n- lista\nb: x\n",
      "crlf: ja\r\nnästa: rad\r\n",
      "# kommentar\na: 1 # efter\n# slut\n",
      "flow: {a: [1, {b: 2}], c: d}\nempty: {}\nnone: []\n",
      "%YAML 1.2\n---\na: 1\n...\n---\nb: 2\n",
      "--- x\n--- [1]\n---\n",
      "a: &x 1\nb: &x 2\nc: *x\n",
      "lång: " + std::string(3000, 'x') + "\n",
      // Broken input: the errors must be yaml-cpp's, at yaml-cpp's positions.
      "a: [1, 2\nb: 3\n",
      "a: 'ej stängd\n",
      "a: *saknas\n",
      "a: 1\na: 2\n",
      "a:\n\tb: 1\n",
      "namn\nb: 1\n",
      "a: !!python/object x\n",
      "{a: 1}: 2\n",
      "a: b: c\n",
      "- a\nb: 1\n",
      "a: 1\n b: 2\n",
  };
  const int before = libyaml_documents;
  for (const std::string& c : cases) CHECK(CheckSame(c.substr(0, 40), c));
  // Every well-formed case above is libyaml's to read (the %YAML and `---` streams give
  // two and three documents).
  CHECK(libyaml_documents - before == 24);
}
