#include <doctest/doctest.h>

#include "document/node.h"
#include "load_helpers.h"

using namespace aktkoll::document;
using namespace aktkoll::document::testing;

TEST_CASE("KindName gives JSON Schema type names") {
  CHECK(std::string(KindName(Kind::kNull)) == "null");
  CHECK(std::string(KindName(Kind::kBool)) == "boolean");
  CHECK(std::string(KindName(Kind::kInt)) == "integer");
  CHECK(std::string(KindName(Kind::kDouble)) == "number");
  CHECK(std::string(KindName(Kind::kString)) == "string");
  CHECK(std::string(KindName(Kind::kSequence)) == "array");
  CHECK(std::string(KindName(Kind::kMapping)) == "object");
}

TEST_CASE("EscapePointerToken escapes ~ and /") {
  CHECK(EscapePointerToken("a/b~c") == "a~1b~0c");
  CHECK(EscapePointerToken("") == "");
  CHECK(EscapePointerToken("~1") == "~01");
}

TEST_CASE("ResolvePointer and ResolveNearest follow RFC 6901") {
  auto docs = Load(R"({"a": {"b/c": [10, {"d~e": 5}]}, "": 1, "x": {"": 2}})", Format::kJson);
  REQUIRE(docs.size() == 1);
  const Node& root = docs[0].root;
  CHECK(ResolvePointer(root, "") == &root);
  CHECK(ResolvePointer(root, "/a/b~1c/0")->integer == 10);
  CHECK(ResolvePointer(root, "/a/b~1c/1/d~0e")->integer == 5);
  CHECK(ResolvePointer(root, "/")->integer == 1);
  CHECK(ResolvePointer(root, "/x/")->integer == 2);
  CHECK(ResolvePointer(root, "/a/b~1c/2") == nullptr);
  CHECK(ResolvePointer(root, "/a/b~1c/01") == nullptr);
  CHECK(ResolvePointer(root, "/a/b~1c/-") == nullptr);
  CHECK(ResolvePointer(root, "/a/nope/x") == nullptr);
  CHECK(ResolvePointer(root, "a") == nullptr);
  CHECK(ResolvePointer(root, "/a/b~1c/0/deeper") == nullptr);
  CHECK(&ResolveNearest(root, "/a/b~1c/1/missing/more") == ResolvePointer(root, "/a/b~1c/1"));
  CHECK(&ResolveNearest(root, "/nope") == &root);
  CHECK(&ResolveNearest(root, "/a") == ResolvePointer(root, "/a"));
  CHECK(&ResolveNearest(root, "") == &root);
}
