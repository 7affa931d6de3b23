// FastSchema says "valid" exactly when valijson (strict types, draft 7) does: on every
// example case and on thousands of mutations of them (each scalar replaced by values of
// every kind, members removed and added, lists emptied and extended).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <valijson/validator.hpp>

#include "document/loader.h"
#include "embedded/embedded.h"
#include "validate/fast_schema.h"
#include "validate/node_adapter.h"
#include "validate/schema_validator.h"

using aktkoll::document::Kind;
using aktkoll::document::Node;
using aktkoll::validate::FastSchema;

namespace {

// A schema as `aktkoll check` parses it (formats dropped), with both validators.
struct Both {
  std::shared_ptr<const aktkoll::validate::CaseSchema> schema;
  const FastSchema* fast = nullptr;

  explicit Both(std::string_view text) {
    auto parsed = aktkoll::validate::CaseSchema::Parse(text);
    REQUIRE(parsed.ok());
    schema = *parsed;
    fast = schema->fast();
  }

  bool Valijson(const Node& root) const {
    valijson::Validator validator;
    aktkoll::validate::NodeAdapter adapter(root);
    return validator.validate(schema->schema(), adapter, nullptr);
  }
};

const Both& CaseSchema() {
  static const Both both(*aktkoll::embedded::Find("schemas/case.schema.json"));
  return both;
}

std::vector<Node> ExampleDocuments() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(AKTKOLL_SOURCE_DIR) + "/examples")) {
    const std::string ext = e.path().extension().string();
    if (ext == ".yaml" || ext == ".json" || ext == ".jsonl") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Node> docs;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    aktkoll::document::LoadBuffer(path.string(), text.str(), aktkoll::document::FormatFromPath(path.string()), {},
                                  [&](aktkoll::document::LoadedDocument&& d) {
                                    if (!d.has_error) docs.push_back(std::move(d.root));
                                  });
  }
  return docs;
}

// Paths to every node: a list of child indices (entries for mappings, items for sequences).
void Paths(const Node& n, std::vector<size_t>& path, std::vector<std::vector<size_t>>* out) {
  out->push_back(path);
  const size_t count = n.kind == Kind::kMapping ? n.entries.size() : n.kind == Kind::kSequence ? n.items.size() : 0;
  for (size_t i = 0; i < count; ++i) {
    path.push_back(i);
    Paths(n.kind == Kind::kMapping ? n.entries[i].value : n.items[i], path, out);
    path.pop_back();
  }
}

Node* At(Node& root, const std::vector<size_t>& path) {
  Node* n = &root;
  for (size_t i : path) n = n->kind == Kind::kMapping ? &n->entries[i].value : &n->items[i];
  return n;
}

Node Scalar(Kind kind, const std::string& s = "", int64_t i = 0, double d = 0) {
  Node n;
  n.kind = kind;
  n.string = s;
  n.integer = i;
  n.number = d;
  n.boolean = i != 0;
  return n;
}

std::vector<Node> Replacements() {
  return {Scalar(Kind::kNull),
          Scalar(Kind::kBool, "", 1),
          Scalar(Kind::kInt, "", 7),
          Scalar(Kind::kInt, "", -1),
          Scalar(Kind::kDouble, "", 0, 2.5),
          Scalar(Kind::kDouble, "", 0, -0.5),
          Scalar(Kind::kString, ""),
          Scalar(Kind::kString, "x"),
          Scalar(Kind::kString, "2025-13-40"),
          Scalar(Kind::kString, "2025-01-31"),
          Scalar(Kind::kString, "20150101-2386"),
          Scalar(Kind::kString, "familjebehandling"),
          Scalar(Kind::kString, std::string("\0x", 2)),
          Scalar(Kind::kSequence),
          Scalar(Kind::kMapping)};
}

}  // namespace

TEST_CASE("the case schema compiles to a fast validator") {
  CHECK(CaseSchema().fast != nullptr);
}

TEST_CASE("the fast validator agrees with valijson on the examples and their mutations") {
  const Both& both = CaseSchema();
  REQUIRE(both.fast != nullptr);
  const std::vector<Node> docs = ExampleDocuments();
  REQUIRE(docs.size() >= 10);
  const std::vector<Node> replacements = Replacements();
  size_t valid = 0, invalid = 0;
  auto compare = [&](const Node& doc, const std::string& what) {
    const bool expected = both.Valijson(doc);
    INFO(what);
    CHECK(both.fast->Valid(doc) == expected);
    (expected ? valid : invalid)++;
  };
  for (size_t d = 0; d < docs.size(); ++d) {
    compare(docs[d], "document " + std::to_string(d));
    std::vector<std::vector<size_t>> paths;
    std::vector<size_t> path;
    Paths(docs[d], path, &paths);
    // About 60 nodes per document, spread over the tree.
    const size_t stride = std::max<size_t>(1, paths.size() / 60);
    for (size_t p = 0; p < paths.size(); p += stride) {
      std::string where = "document " + std::to_string(d) + " node " + std::to_string(p);
      for (size_t r = 0; r < replacements.size(); ++r) {
        Node copy = docs[d];
        *At(copy, paths[p]) = replacements[r];
        compare(copy, where + " replaced by #" + std::to_string(r));
      }
      Node copy = docs[d];
      Node* n = At(copy, paths[p]);
      if (n->kind == Kind::kMapping && !n->entries.empty()) {
        Node first = docs[d], last = docs[d], extra = docs[d], unknown = docs[d];
        At(first, paths[p])->entries.erase(At(first, paths[p])->entries.begin());
        compare(first, where + " without its first member");
        At(last, paths[p])->entries.pop_back();
        compare(last, where + " without its last member");
        At(extra, paths[p])->entries.push_back({"x_extra", {}, Scalar(Kind::kInt, "", 1)});
        compare(extra, where + " with x_extra");
        At(unknown, paths[p])->entries.push_back({"unknown_field", {}, Scalar(Kind::kString, "v")});
        compare(unknown, where + " with an unknown member");
      } else if (n->kind == Kind::kSequence) {
        Node empty = docs[d], more = docs[d], map = docs[d];
        At(empty, paths[p])->items.clear();
        compare(empty, where + " emptied");
        At(more, paths[p])->items.push_back(Scalar(Kind::kString, "x"));
        compare(more, where + " with a string appended");
        At(map, paths[p])->items.push_back(Scalar(Kind::kMapping));
        compare(map, where + " with an empty mapping appended");
      }
    }
  }
  MESSAGE(valid << " valid and " << invalid << " invalid documents compared");
  CHECK(valid > 100);
  CHECK(invalid > 1000);
}

TEST_CASE("schemas with keywords the fast validator does not implement get none") {
  for (const char* s : {R"({"oneOf": [{"type": "string"}, {"type": "integer"}]})",
                        R"({"properties": {"a": {"const": 1}}})",
                        R"({"type": "object", "if": {"required": ["a"]}, "then": {"required": ["b"]}})",
                        R"({"items": [{"type": "string"}]})",
                        R"({"enum": [1, "a"]})",
                        R"({"definitions": {"a b": {"type": "string"}}, "items": {"$ref": "#/definitions/a%20b"}})",
                        R"({"pattern": "(?<=a)b"})"}) {
    INFO(std::string(s));
    Both both(s);
    CHECK(both.fast == nullptr);
  }
}

TEST_CASE("small schemas: the fast validator agrees with valijson") {
  const char* schemas[] = {
      R"({"type": ["string", "null"], "minLength": 2, "maxLength": 3})",
      R"({"type": "number", "minimum": 0, "maximum": 2.5})",
      R"({"type": "integer", "minimum": -1})",
      R"({"type": "array", "minItems": 1, "maxItems": 2, "items": {"enum": ["a", "x"]}})",
      R"({"type": "object", "required": ["a"], "properties": {"a": {"type": "string", "pattern": "^\\d+$"}},
          "patternProperties": {"^x_": {"type": "integer"}}, "additionalProperties": false})",
      R"({"additionalProperties": {"type": "boolean"}, "properties": {"a": true, "b": false}})",
      R"({"definitions": {"d": {"type": "string", "pattern": "^[A-Z]"}}, "items": {"$ref": "#/definitions/d"}})",
      R"({"pattern": "(?:ab)+\\b"})",  // \b: std::regex fallback inside the fast validator
  };
  const std::vector<Node> values = Replacements();
  std::vector<Node> nodes = values;
  for (const char* key : {"a", "b", "x_1", "y"}) {
    for (const Node& v : values) {
      Node m = Scalar(Kind::kMapping);
      m.entries.push_back({key, {}, v});
      nodes.push_back(m);
    }
  }
  for (const Node& v : values) {
    Node l = Scalar(Kind::kSequence);
    l.items.push_back(v);
    nodes.push_back(l);
    l.items.push_back(Scalar(Kind::kString, "Abc"));
    nodes.push_back(l);
  }
  nodes.push_back(Scalar(Kind::kString, "ab ab"));
  nodes.push_back(Scalar(Kind::kString, "abc"));
  nodes.push_back(Scalar(Kind::kString, "åäö"));
  for (const char* s : schemas) {
    Both both(s);
    INFO(std::string(s));
    REQUIRE(both.fast != nullptr);
    for (size_t i = 0; i < nodes.size(); ++i) {
      INFO("node " << i);
      CHECK(both.fast->Valid(nodes[i]) == both.Valijson(nodes[i]));
    }
  }
}
