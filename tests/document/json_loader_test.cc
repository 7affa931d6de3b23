#include <doctest/doctest.h>

#include "document/loader.h"
#include "load_helpers.h"

using namespace aktkoll::document;
using namespace aktkoll::document::testing;

namespace {

Node LoadOne(std::string_view json) {
  auto docs = Load(json, Format::kJson);
  REQUIRE(docs.size() == 1);
  INFO(docs[0].error.message);
  REQUIRE(!docs[0].has_error);
  return std::move(docs[0].root);
}

}  // namespace

TEST_CASE("JSON: positions of keys and values, columns in code points") {
  Node root = LoadOne("{\n  \"namn\": \"Åsa\", \"ålder\": 7,\n  \"lista\": [true, null, -1.5e2, {\"x\": \"\\u00e5\"}]\n}");
  CHECK(Pos(root) == "1:1");
  CHECK(root.entries[0].key_pos == Position{2, 3});
  CHECK(Pos(*root.Find("namn")) == "2:11");
  CHECK(root.entries[1].key_pos == Position{2, 18});
  CHECK(Pos(*root.Find("ålder")) == "2:27");
  CHECK(root.Find("ålder")->integer == 7);
  const Node& list = *root.Find("lista");
  CHECK(Pos(list) == "3:12");
  CHECK(list.items[0].boolean == true);
  CHECK(list.items[1].kind == Kind::kNull);
  CHECK(list.items[2].number == -150.0);
  CHECK(Pos(list.items[3]) == "3:33");
  CHECK(list.items[3].Find("x")->string == "å");
}

TEST_CASE("JSON: strings decode escapes and surrogate pairs") {
  Node root = LoadOne(R"({"s": "a\"b\\c\/d\b\f\n\r\t\u0041\ud83d\ude00", "e": ""})");
  CHECK(root.Find("s")->string == "a\"b\\c/d\b\f\n\r\tA\xF0\x9F\x98\x80");
  CHECK(root.Find("e")->string.empty());
}

TEST_CASE("JSON: numbers") {
  Node root = *LoadOne(R"({"n": [0, -0, 9223372036854775807, -9223372036854775808, 1.0, 1e2, 2E-2, 1e-400]})").Find("n");
  CHECK(root.items[0].kind == Kind::kInt);
  CHECK(root.items[2].integer == INT64_MAX);
  CHECK(root.items[3].integer == INT64_MIN);
  CHECK(root.items[4].kind == Kind::kDouble);
  CHECK(root.items[5].number == 100.0);
  CHECK(root.items[6].number == 0.02);
  CHECK(root.items[7].number == 0.0);
}

TEST_CASE("JSON: a top-level array gives one document per element, at its position") {
  auto docs = Load("[\n  {\"case_id\": \"A\"},\n  {\"case_id\": \"B\"}\n]\n", Format::kJson);
  REQUIRE(docs.size() == 2);
  CHECK(docs[1].index == 1);
  CHECK(Pos(docs[1].root) == "3:3");
  CHECK(docs[1].root.Find("case_id")->string == "B");
  CHECK(Load("[]", Format::kJson).empty());
  CHECK(Summary("[{\"a\": 1}, {\"a\": }, {\"a\": 3}]", Format::kJson) ==
        "doc 0: ok\ndoc 1: error 1:18: förväntade ett värde\n");
  CHECK(Summary("[{}, {}] {}", Format::kJson) == "doc 0: ok\ndoc 1: ok\ndoc 2: error 1:10: oväntat innehåll efter JSON-värdet\n");
  CHECK(Summary("[{}, {},]", Format::kJson) == "doc 0: ok\ndoc 1: ok\ndoc 2: error 1:9: avslutande kommatecken är inte tillåtet i JSON\n");
}

TEST_CASE("JSON: errors name the problem, the position and what was expected") {
  auto check = [](std::string_view json, const std::string& expected) {
    INFO(json);
    CHECK(Summary(json, Format::kJson) == expected);
  };
  check("{\"a\": 1,\n \"b\": 2,\n \"a\": 3}", Error(3, 2, "dubblettnyckel 'a' (först på rad 1)"));
  check("{\"19121212-1212\": 1, \"19121212-1212\": 2}", Error(1, 22, "dubblettnyckel (först på rad 1)"));
  check("{\"a\": 1 // kommentar\n}", Error(1, 9, "kommentarer är inte tillåtna i JSON"));
  check("/* c */ {}", Error(1, 1, "kommentarer är inte tillåtna i JSON"));
  check("{\"a\": [1, 2", Error(1, 12, "oväntat slut på filen"));
  check("{\"a\": \"öppen", Error(1, 13, "oväntat slut på filen"));
  check("{\"a\": \"ö\\", Error(1, 10, "oväntat slut på filen"));
  check("{\"a\": 1} x", Error(1, 10, "oväntat innehåll efter JSON-värdet"));
  check("{\"a\": 1 \"b\": 2}", Error(1, 9, "förväntade ',' eller '}'"));
  check("{\"a\": [1 2]}", Error(1, 10, "förväntade ',' eller ']'"));
  check("{\"a\" 1}", Error(1, 6, "förväntade ':'"));
  check("{a: 1}", Error(1, 2, "förväntade en nyckel inom dubbla citattecken eller '}'"));
  check("{\"a\": 1, }", Error(1, 10, "avslutande kommatecken är inte tillåtet i JSON"));
  check("{\"a\": [1, ]}", Error(1, 11, "avslutande kommatecken är inte tillåtet i JSON"));
  check("{'a': 1}", Error(1, 2, "enkla citattecken är inte tillåtna i JSON"));
  check("{\"a\": 'x'}", Error(1, 7, "enkla citattecken är inte tillåtna i JSON"));
  check("{\"a\": True}", Error(1, 7, "ogiltigt värde (true, false och null skrivs med små bokstäver)"));
  check("{\"a\": NaN}", Error(1, 7, "NaN och Infinity är inte tillåtna i JSON"));
  check("{\"a\": hej}", Error(1, 7, "ogiltigt värde (text ska stå inom dubbla citattecken)"));
  check("{\"a\": 012}", Error(1, 7, "ogiltigt tal (inledande nolla)"));
  check("{\"a\": 1.}", Error(1, 7, "ogiltigt tal"));
  check("{\"a\": .5}", Error(1, 7, "ogiltigt tal"));
  check("{\"a\": +1}", Error(1, 7, "ogiltigt tal"));
  check("{\"a\": 12345678901234567890}", Error(1, 7, "talet är för stort"));
  check("{\"a\": -1e400}", Error(1, 7, "talet är för stort"));
  check("{\"a\": \"x\\qy\"}", Error(1, 9, "ogiltig escape-sekvens i sträng (tillåtna: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"));
  check("{\"a\": \"\\u12G4\"}", Error(1, 8, "ogiltig \\u-escape i sträng (kräver fyra hexsiffror)"));
  check("{\"a\": \"\\ud800\"}", Error(1, 8, "ogiltig \\u-escape i sträng (ensamt surrogattecken)"));
  check("{\"a\": \"\\udc00\"}", Error(1, 8, "ogiltig \\u-escape i sträng (ensamt surrogattecken)"));
  check("{\"a\": \"\\ud800\\u0041\"}", Error(1, 8, "ogiltig \\u-escape i sträng (ensamt surrogattecken)"));
  check("{\"a\": \"ä\tb\"}", Error(1, 9, "otillåtet styrtecken i sträng (radbrytning och tabb skrivs \\n och \\t)"));
  check("{\"a\": }", Error(1, 7, "förväntade ett värde"));
  check("   \n  ", "doc 0: error 0:0: filen är tom\n");
}

TEST_CASE("JSON: depth is checked before recursing") {
  auto nested = [](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += "{\"a\":";
    return s + "[]" + std::string(n, '}');
  };
  CHECK(Summary(nested(199), Format::kJson) == "doc 0: ok\n");
  CHECK(Summary(nested(200), Format::kJson) == Error(1, 1001, "för djup nästling (gräns 200)"));
  CHECK(Summary(nested(100000), Format::kJson) == Error(1, 1001, "för djup nästling (gräns 200)"));
  // Elements of a top-level array are documents: the array itself is not a level.
  CHECK(Summary("[" + nested(199) + "]", Format::kJson) == "doc 0: ok\n");
  CHECK(Summary("[" + nested(200) + "]", Format::kJson) == Error(1, 1002, "för djup nästling (gräns 200)"));
}

TEST_CASE("JSON: limits on nodes and document size") {
  Limits limits;
  limits.max_nodes = 3;
  // Keys count: the object, "a", the list, then 1 is the fourth.
  CHECK(Summary("{\"a\": [1, 2]}", Format::kJson, limits) == Error(1, 8, "för många värden i dokumentet (gräns 3)"));
  limits = Limits{};
  limits.max_document_bytes = 10;
  CHECK(Summary("[{\"a\": 1}, {\"a\": \"lång text\"}]", Format::kJson, limits) ==
        "doc 0: ok\ndoc 1: error 1:12: dokumentet är större än gränsen 10 byte\n");
}

TEST_CASE("JSON Lines: one document per non-blank line, positions in the whole file") {
  std::string jsonl = "{\"a\": 1}\r\n\n  \n{\"a\": }\n{\"b\": [1,\n{\"c\": 3}\n{\"d\": \"x\\\n";
  auto docs = Load(jsonl, Format::kJsonLines);
  CHECK(Summary(docs) ==
        "doc 0: ok\n"
        "doc 1: error 4:7: förväntade ett värde\n"
        "doc 2: error 5:10: oväntat slut på raden\n"
        "doc 3: ok\n"
        "doc 4: error 7:10: oväntat slut på raden\n");
  REQUIRE(docs.size() == 5);
  CHECK(Pos(*docs[3].root.Find("c")) == "6:7");
  CHECK(docs[0].root.Find("a")->integer == 1);
}

TEST_CASE("kAuto sniffs JSON, JSON Lines and YAML") {
  CHECK(Load("{\"a\": 1}\n{\"a\": 2}\n", Format::kAuto).size() == 2);
  CHECK(Load("  {\n  \"a\": 1\n}\n", Format::kAuto).size() == 1);
  CHECK(Load("[{}, {}, {}]", Format::kAuto).size() == 3);
  auto yaml = Load("a: 1\n---\nb: 2\n", Format::kAuto);
  CHECK(yaml.size() == 2);
  CHECK(FormatFromPath("x/a.YML") == Format::kYaml);
  CHECK(FormatFromPath("a.yaml") == Format::kYaml);
  CHECK(FormatFromPath("a.json") == Format::kJson);
  CHECK(FormatFromPath("a.jsonl") == Format::kJsonLines);
  CHECK(FormatFromPath("a.ndjson") == Format::kJsonLines);
  CHECK(FormatFromPath("-") == Format::kAuto);
  CHECK(FormatFromPath("a.txt") == Format::kAuto);
}

TEST_CASE("Duplicate keys are found in large mappings too (hash index past 16 keys)") {
  std::string json = "{";
  std::string yaml;
  for (int i = 0; i < 40; ++i) {
    json += (i ? ", " : "") + std::string("\"k") + std::to_string(i) + "\": " + std::to_string(i);
    yaml += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  }
  auto ok = Load(json + "}", Format::kJson);
  REQUIRE(ok.size() == 1);
  REQUIRE(!ok[0].has_error);
  CHECK(ok[0].root.Find("k39")->integer == 39);
  CHECK(Summary(json + ", \"k7\": 1}", Format::kJson) == Error(1, 422, "dubblettnyckel 'k7' (först på rad 1)"));
  CHECK(Summary(yaml, Format::kYaml) == "doc 0: ok\n");
  CHECK(Summary(yaml + "k30: x\n", Format::kYaml) == Error(41, 1, "dubblettnyckel 'k30' (först på rad 31)"));
  // Merging a large mapping: explicit keys still win, nothing is duplicated.
  std::string merged = "base: &b {";
  for (int i = 0; i < 30; ++i) merged += (i ? ", " : "") + std::string("m") + std::to_string(i) + ": " + std::to_string(i);
  merged += "}\nx:\n  m29: egen\n  <<: *b\n  m3: egen\n";
  auto docs = Load(merged, Format::kYaml);
  REQUIRE(docs.size() == 1);
  REQUIRE(!docs[0].has_error);
  const Node& x = *docs[0].root.Find("x");
  CHECK(x.entries.size() == 30);
  CHECK(x.Find("m29")->string == "egen");
  CHECK(x.Find("m3")->string == "egen");
  CHECK(x.Find("m0")->integer == 0);
  CHECK(x.entries[0].key == "m29");
  CHECK(x.entries[1].key == "m0");
  CHECK(x.entries.back().key == "m3");
}
