// The lexical helpers behind positioned expression errors and the personal-data check.
#include <doctest/doctest.h>

#include "ruleset/diagnostics.h"
#include "ruleset/expr_scan.h"
#include "ruleset/scalar_map.h"

using aktkoll::core::Position;
using aktkoll::ruleset::MapScalarOffset;

TEST_CASE("MapScalarOffset: plain, quoted, literal and folded scalars") {
  std::string plain = "assert: a && b\n";
  CHECK(MapScalarOffset(plain, {1, 9}, "a && b", 5) == Position{1, 14});
  std::string quoted = "assert: 'it''s' + b\n";
  CHECK(MapScalarOffset(quoted, {1, 9}, "it's + b", 7) == Position{1, 19});
  std::string literal = "assert: |\n  a &&\n    b\n";
  CHECK(MapScalarOffset(literal, {1, 9}, "a &&\n  b\n", 7) == Position{3, 5});
  std::string folded = "assert: >-\n  a &&\n  b\n";
  CHECK(MapScalarOffset(folded, {1, 9}, "a && b", 5) == Position{3, 3});
  std::string unicode = "assert: å == ö(1)\n";  // columns count characters, not bytes
  CHECK(MapScalarOffset(unicode, {1, 9}, "å == ö(1)", 6) == Position{1, 14});
}

TEST_CASE("ScanCasePaths follows c, has() and macro variables") {
  using aktkoll::ruleset::ScanCasePaths;
  auto paths = [](const std::string& src, const std::string& item = "", const std::string& item_path = "") {
    std::vector<std::string> out;
    for (const auto& p : ScanCasePaths(src, item, item_path)) out.push_back(p.path + (p.narrowed ? "*" : ""));
    return out;
  };
  CHECK(paths("c.a.b + c['x'].y") == std::vector<std::string>{"a.b", "x.y"});
  CHECK(paths("has(c.a) && size(c.b) > 0") == std::vector<std::string>{"a*", "b"});
  CHECK(paths("c.fu.map(f, f.date)") == std::vector<std::string>{"fu*", "fu.date"});
  CHECK(paths("c.fu.map(f, f.date).filter(d, d.x)") == std::vector<std::string>{"fu*", "fu.date"});
  CHECK(paths("g.name", "g", "guardians") == std::vector<std::string>{"guardians.name"});
  CHECK(paths("'c.a' + \"c.b\" + params.x") == std::vector<std::string>{});
}

TEST_CASE("ReadsPersonalPath: the path, below it, or a whole ancestor") {
  using aktkoll::ruleset::CasePath;
  using aktkoll::ruleset::ReadsPersonalPath;
  std::vector<std::string> personal = {"individual.name", "guardians"};
  CHECK(ReadsPersonalPath(CasePath{"individual.name", 0, false}, personal, nullptr));
  CHECK(ReadsPersonalPath(CasePath{"guardians.name", 0, false}, personal, nullptr));
  CHECK(ReadsPersonalPath(CasePath{"individual", 0, false}, personal, nullptr));
  CHECK(ReadsPersonalPath(CasePath{"", 0, false}, personal, nullptr));
  CHECK_FALSE(ReadsPersonalPath(CasePath{"individual", 0, true}, personal, nullptr));
  CHECK_FALSE(ReadsPersonalPath(CasePath{"individual.age", 0, false}, personal, nullptr));
  CHECK_FALSE(ReadsPersonalPath(CasePath{"guardians_count", 0, false}, personal, nullptr));
}

TEST_CASE("ClosestMatch") {
  using aktkoll::ruleset::ClosestMatch;
  CHECK(ClosestMatch("asert", {"assert", "as", "when"}) == "assert");
  CHECK(ClosestMatch("integer", {"int", "double"}) == "int");
  CHECK(ClosestMatch("zzzzzz", {"assert", "when"}) == "");
}
