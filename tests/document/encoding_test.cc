#include <doctest/doctest.h>

#include "document/loader.h"
#include "load_helpers.h"

using namespace aktkoll::document;
using namespace aktkoll::document::testing;

TEST_CASE("Encoding: Latin-1, UTF-16, UTF-32, NUL and broken UTF-8 are named, with position") {
  constexpr const char* kLatin1 =
      "ogiltig UTF-8 (byte 0xE5); filen verkar vara Latin-1/Windows-1252 — spara den som UTF-8";
  for (Format f : {Format::kYaml, Format::kJson, Format::kJsonLines, Format::kAuto}) {
    CHECK(Summary("namn: ok\nort: V\xE5xj\xF6\n", f) == Error(2, 7, kLatin1));
    CHECK(Summary(std::string("\xFF\xFE" "a\0:\0", 6), f) == Error(1, 1, "filen är UTF-16; spara den som UTF-8"));
  }
  CHECK(Summary(std::string("\xFE\xFF\0a\0:", 6), Format::kYaml) == Error(1, 1, "filen är UTF-16; spara den som UTF-8"));
  CHECK(Summary(std::string("{\0\"\0a\0\"\0:\0", 10), Format::kJson) == Error(1, 1, "filen är UTF-16; spara den som UTF-8"));
  CHECK(Summary(std::string("\xFF\xFE\0\0{\0\0\0", 8), Format::kJson) == Error(1, 1, "filen är UTF-32; spara den som UTF-8"));
  CHECK(Summary(std::string("a: 1\nb: x\0y\n", 11), Format::kYaml) == Error(2, 5, "NUL-byte i filen"));
  CHECK(Summary("a: \"\x96\"\n", Format::kYaml) ==
        Error(1, 5, "ogiltig UTF-8 (byte 0x96); filen verkar vara Latin-1/Windows-1252 — spara den som UTF-8"));
  // Damaged UTF-8 that no single-byte encoding explains: no Latin-1 hint.
  CHECK(Summary("a: \xED\xA0\x80\n", Format::kYaml) == Error(1, 4, "ogiltig UTF-8 (byte 0xED)"));
  CHECK(Summary("a: \xE0\x80\x80\n", Format::kYaml) == Error(1, 4, "ogiltig UTF-8 (byte 0xE0)"));
  CHECK(Summary("a: \xF4\x90\x80\x80\n", Format::kYaml) == Error(1, 4, "ogiltig UTF-8 (byte 0xF4)"));
  // Columns count code points, and a BOM is not one.
  CHECK(Summary("\xEF\xBB\xBF" "åäö: \xE5\n", Format::kYaml) == Error(1, 6, kLatin1));
}

TEST_CASE("Encoding: valid UTF-8 with BOM and 4-byte characters loads") {
  auto docs = Load("\xEF\xBB\xBF{\"a\": \"\xF0\x9F\x98\x80\", \"b\": 1}", Format::kJson);
  REQUIRE(docs.size() == 1);
  REQUIRE(!docs[0].has_error);
  CHECK(docs[0].root.Find("a")->string == "\xF0\x9F\x98\x80");
  CHECK(Pos(*docs[0].root.Find("b")) == "1:17");
}
