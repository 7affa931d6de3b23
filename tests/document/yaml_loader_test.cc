#include <doctest/doctest.h>

#include <cmath>

#include "document/loader.h"
#include "load_helpers.h"

using namespace aktkoll::document;
using namespace aktkoll::document::testing;

namespace {

Node LoadOne(std::string_view yaml, const Limits& limits = Limits{}) {
  auto docs = Load(yaml, Format::kYaml, limits);
  REQUIRE(docs.size() == 1);
  INFO(docs[0].error.message);
  REQUIRE(!docs[0].has_error);
  return std::move(docs[0].root);
}

std::string Nested(size_t depth, std::string_view open, std::string_view leaf, std::string_view close) {
  std::string s;
  for (size_t i = 0; i < depth; ++i) s += open;
  s += leaf;
  for (size_t i = 0; i < depth; ++i) s += close;
  return s + "\n";
}

}  // namespace

TEST_CASE("YAML: every node carries 1-based line and code-point column") {
  Node root = LoadOne("# kommentar\nnamn: \"Åsa Öberg\"\nåäö: [1, två]\nlista:\n  - a: 1\n    b: x\n");
  CHECK(Pos(root) == "2:1");
  REQUIRE(root.entries.size() == 3);
  CHECK(root.entries[0].key == "namn");
  CHECK(root.entries[0].key_pos == Position{2, 1});
  CHECK(Pos(root.entries[0].value) == "2:7");
  CHECK(root.entries[0].value.string == "Åsa Öberg");
  CHECK(root.entries[1].key == "åäö");
  const Node& seq = root.entries[1].value;
  CHECK(Pos(seq) == "3:6");  // "åäö: " is five code points
  CHECK(Pos(seq.items[1]) == "3:10");
  const Node& item = root.Find("lista")->items[0];
  CHECK(Pos(item) == "5:5");
  CHECK(Pos(*item.Find("b")) == "6:8");
}

TEST_CASE("YAML: an empty value is null at its key's position") {
  Node root = LoadOne("a:\nb: 1\n");
  CHECK(root.Find("a")->kind == Kind::kNull);
  CHECK(Pos(*root.Find("a")) == "1:1");
}

TEST_CASE("YAML: plain scalars resolve by the 1.2 core schema") {
  Node root = LoadOne(
      "n1: null\nn2: Null\nn3: NULL\nn4: ~\nn5:\n"
      "b1: true\nb2: True\nb3: FALSE\nnotbool: yes\n"
      "i1: 42\ni2: -17\ni3: +5\ni4: 0x1F\ni5: 0o17\ni6: 0123\n"
      "f1: 1.5\nf2: -.5\nf3: 1e3\nf4: .inf\nf5: -.Inf\nf6: .nan\nf7: 2.\n"
      "s1: 2025-03-01\ns2: '42'\ns3: \"true\"\ns4: 0x\ns5: 1_000\ns6: tRue\n");
  for (const char* k : {"n1", "n2", "n3", "n4", "n5"}) CHECK(root.Find(k)->kind == Kind::kNull);
  CHECK(root.Find("b1")->boolean == true);
  CHECK(root.Find("b2")->kind == Kind::kBool);
  CHECK(root.Find("b3")->boolean == false);
  CHECK(root.Find("notbool")->kind == Kind::kString);
  CHECK(root.Find("i1")->integer == 42);
  CHECK(root.Find("i2")->integer == -17);
  CHECK(root.Find("i3")->integer == 5);
  CHECK(root.Find("i4")->integer == 31);
  CHECK(root.Find("i5")->integer == 15);
  CHECK(root.Find("i6")->integer == 123);
  CHECK(root.Find("f1")->number == 1.5);
  CHECK(root.Find("f2")->number == -0.5);
  CHECK(root.Find("f3")->number == 1000.0);
  CHECK(root.Find("f4")->number == INFINITY);
  CHECK(root.Find("f5")->number == -INFINITY);
  CHECK(std::isnan(root.Find("f6")->number));
  CHECK(root.Find("f7")->number == 2.0);
  for (const char* k : {"s1", "s2", "s3", "s4", "s5", "s6"}) {
    INFO(k);
    CHECK(root.Find(k)->kind == Kind::kString);
  }
  CHECK(root.Find("s1")->string == "2025-03-01");
}

TEST_CASE("YAML: standard tags are honoured") {
  Node root = LoadOne("a: !!str 5\nb: !!int \"7\"\nc: !!float 1\nd: !!bool 'true'\ne: !!null ''\nf: ! 12\n"
                      "g: !!map {x: 1}\nh: !!seq [1]\ni: !<tag:yaml.org,2002:str> 9\n");
  CHECK(root.Find("a")->string == "5");
  CHECK(root.Find("b")->integer == 7);
  CHECK(root.Find("c")->kind == Kind::kDouble);
  CHECK(root.Find("c")->number == 1.0);
  CHECK(root.Find("d")->boolean == true);
  CHECK(root.Find("e")->kind == Kind::kNull);
  CHECK(root.Find("f")->string == "12");
  CHECK(root.Find("g")->kind == Kind::kMapping);
  CHECK(root.Find("h")->kind == Kind::kSequence);
  CHECK(root.Find("i")->string == "9");
}

TEST_CASE("YAML: errors name the problem and position, never the text") {
  auto check = [](std::string_view yaml, const std::string& expected) {
    INFO(yaml);
    CHECK(Summary(yaml, Format::kYaml) == expected);
  };
  check("a: 1\nb: 2\na: 3\n", Error(3, 1, "dubblettnyckel 'a' (först på rad 1)"));
  check("x:\n  \"Anna Andersson\": 1\n  \"Anna Andersson\": 2\n", Error(3, 3, "dubblettnyckel (först på rad 2)"));
  check("a: !!python/object:os.system x\n", Error(1, 4, "okänd YAML-tagg '!!python/object:os.system'"));
  check("a: !custom\n  b: 1\n", Error(1, 4, "okänd YAML-tagg '!custom'"));
  check("a: !custom [1]\n", Error(1, 4, "okänd YAML-tagg '!custom'"));
  check("a: !!binary aGVq\n", Error(1, 4, "okänd YAML-tagg '!!binary'"));
  check("a: !!seq {x: 1}\n", Error(1, 4, "taggen '!!seq' kan inte användas på en mappning"));
  check("a: !!map x\n", Error(1, 4, "taggen '!!map' kan inte användas på ett enkelt värde"));
  check("a: !!int nio\n", Error(1, 4, "värdet passar inte taggen '!!int'"));
  check("a: 9223372036854775808\n", Error(1, 4, "talet är för stort"));
  check("a: -9223372036854775809\n", Error(1, 4, "talet är för stort"));
  check("a: 0xFFFFFFFFFFFFFFFFF\n", Error(1, 4, "talet är för stort"));
  check("a: 1e400\n", Error(1, 4, "talet är för stort"));
  check("[a, b]: 1\n", Error(1, 1, "en nyckel måste vara ett enkelt värde, inte en mappning eller lista"));
  check("? {a: 1}\n: 1\n", Error(1, 3, "en nyckel måste vara ett enkelt värde, inte en mappning eller lista"));
  check("~: 1\n", Error(1, 1, "en nyckel saknas eller är null"));
  check("a:\n\tb: 1\n", Error(2, 1, "tabb i indraget; YAML tillåter bara mellanslag"));
  check("a:\n  b: 1\n\tc: 2\n", Error(3, 1, "tabb i indraget; YAML tillåter bara mellanslag"));
  check("a: {b: 1\n", Error(2, 1, "dokumentet tar slut inuti en lista eller mappning (']' eller '}' saknas)"));
  check("a: [1, 2\nb: 3\n", Error(3, 1, "dokumentet tar slut inuti en lista eller mappning (']' eller '}' saknas)"));
  check("a: 1\n  b: 2\n", Error(1, 4, "ogiltigt värde i mappning (saknas ett kolon eller är indraget fel?)"));
  check("a: \"x\\qy\"\n", Error(1, 6, "okänd escape-sekvens i sträng"));
  check("a: \"öppen\n", Error(1, 4, "oväntat slut på dokumentet inuti en sträng (saknas ett avslutande citattecken?)"));
  check("a: *nope\n", Error(1, 4, "aliaset pekar på ett ankare som inte finns"));
  check("a: &x [1, *x]\n", Error(1, 11, "aliaset pekar på en nod som inte är färdig (ett alias inuti sitt eget ankare)"));
  check("a: 1\n<<: 5\n", Error(2, 5, "värdet för '<<' måste vara en mappning eller en lista av mappningar"));
  check("a: &x {b: 1}\nc:\n  <<: [*x, 3]\n", Error(3, 12, "värdet för '<<' måste vara en mappning eller en lista av mappningar"));
  check("a: 'öppen\nb: 1\n", Error(1, 4, "fel indrag inuti en sträng med citattecken (saknas ett avslutande citattecken?)"));
  check("a: 1\nAnna Andersson\n", Error(2, 1, "förväntade ':' efter nyckeln (eller fel indrag)"));
  check("a: 1\nAnna Andersson\nc: 2\n", Error(2, 1, "förväntade ':' efter nyckeln"));
  check("a: 1\n---\n, x\n", "doc 0: ok\ndoc 1: error 3:1: oväntat ',' utanför en lista eller mappning\n");
  check("# bara en kommentar\n", "doc 0: error 0:0: filen innehåller inget YAML-dokument (bara kommentarer)\n");
}

TEST_CASE("YAML: nesting up to max_depth loads; one more is refused where it happens") {
  // Flow, block and compact block styles; the exact limit is enforced while building.
  CHECK(Summary(Nested(200, "[", "1", "]"), Format::kYaml) == "doc 0: ok\n");
  CHECK(Summary(Nested(201, "[", "1", "]"), Format::kYaml) == Error(1, 201, "för djup nästling (gräns 200)"));
  CHECK(Summary(Nested(200, "- ", "x", ""), Format::kYaml) == "doc 0: ok\n");
  CHECK(Summary(Nested(201, "- ", "x", ""), Format::kYaml) == Error(1, 401, "för djup nästling (gräns 200)"));
  std::string block;
  for (int i = 0; i < 201; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  CHECK(Summary(block, Format::kYaml) == Error(201, 201, "för djup nästling (gräns 200)"));
  Limits small;
  small.max_depth = 3;
  CHECK(Summary("a:\n  b:\n    c: 1\n", Format::kYaml, small) == "doc 0: ok\n");
  CHECK(Summary("a:\n  b:\n    c: [1]\n", Format::kYaml, small) == Error(3, 8, "för djup nästling (gräns 3)"));
  // An alias cannot smuggle in depth either.
  CHECK(Summary("x: &d {a: {b: 1}}\ny:\n  z: *d\n", Format::kYaml, small) == Error(3, 6, "för djup nästling (gräns 3)"));
}

TEST_CASE("YAML: 100,000-deep nesting is refused fast, flow and block") {
  CHECK(Summary(Nested(100000, "[", "", "]"), Format::kYaml) == Error(1, 201, "för djup nästling (gräns 200)"));
  CHECK(Summary(Nested(100000, "{a: ", "1", "}"), Format::kYaml) == Error(1, 801, "för djup nästling (gräns 200)"));
  CHECK(Summary(Nested(100000, "- ", "x", ""), Format::kYaml) == Error(1, 401, "för djup nästling (gräns 200)"));
}

TEST_CASE("YAML: a stream gives one document each; a broken one costs only itself") {
  std::string stream =
      "%YAML 1.2\n---\na: 1\n...\n# mellan\n---\nb: [1\nc: 2\n---\nd: 3\n---\n# tom\n--- x\n";
  auto docs = Load(stream, Format::kYaml);
  CHECK(Summary(docs) ==
        "doc 0: ok\n"
        "doc 1: error 9:1: dokumentet tar slut inuti en lista eller mappning (']' eller '}' saknas)\n"
        "doc 2: ok\n"
        "doc 3: ok\n"
        "doc 4: ok\n");
  REQUIRE(docs.size() == 5);
  CHECK(Pos(*docs[0].root.Find("a")) == "3:4");
  CHECK(Pos(*docs[2].root.Find("d")) == "10:4");
  CHECK(docs[3].root.kind == Kind::kNull);
  CHECK(docs[4].root.string == "x");
  CHECK(Pos(docs[4].root) == "13:5");
}

TEST_CASE("YAML: CRLF line ends and a BOM keep positions right") {
  Node root = LoadOne("\xEF\xBB\xBF" "a: 1\r\nb:\r\n  - \"ä\"\r\n  - x\r\n");
  CHECK(Pos(root) == "1:1");
  CHECK(Pos(*root.Find("a")) == "1:4");
  CHECK(root.Find("b")->items[0].string == "ä");
  CHECK(Pos(root.Find("b")->items[1]) == "4:5");
  CHECK(root.Find("b")->items[1].string == "x");
}

TEST_CASE("YAML: aliases copy the anchored node; merge keys merge, explicit keys win") {
  Node root = LoadOne(
      "bas: &bas {kommun: Kalix, enhet: IFO, typ: barn}\n"
      "extra: &extra {enhet: Vuxen, tolk: true}\n"
      "a:\n  <<: *bas\n  typ: vuxen\n"
      "b:\n  id: 1\n  <<: [*extra, *bas]\n  typ: ungdom\n"
      "c: *bas\n"
      "&k nyckel: 5\nannan: {*k : 6}\n");
  const Node& a = *root.Find("a");
  REQUIRE(a.entries.size() == 3);
  CHECK(a.entries[0].key == "kommun");
  CHECK(a.entries[1].key == "enhet");
  CHECK(a.entries[2].key == "typ");
  CHECK(a.Find("typ")->string == "vuxen");
  CHECK(a.Find("kommun")->pos == Position{1, 20});
  const Node& b = *root.Find("b");
  std::vector<std::string> keys;
  for (const Entry& e : b.entries) keys.push_back(e.key);
  CHECK(keys == std::vector<std::string>{"id", "enhet", "tolk", "kommun", "typ"});
  CHECK(b.Find("enhet")->string == "Vuxen");  // the earlier merged mapping wins
  CHECK(b.Find("typ")->string == "ungdom");
  CHECK(root.Find("c")->Find("typ")->string == "barn");
  CHECK(root.Find("nyckel")->integer == 5);
  CHECK(root.Find("annan")->Find("nyckel")->integer == 6);
}

TEST_CASE("YAML: alias and node limits stop billion laughs") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (char c = 'b'; c <= 'i'; ++c) {
    std::string name(1, c);
    bomb += name + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) bomb += (i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = name;
  }
  CHECK(Summary(bomb, Format::kYaml) == Error(4, 36, "för många aliasexpansioner (gräns 10000)"));
  Limits few;
  few.max_nodes = 5;
  CHECK(Summary("[1, 2, 3, 4, 5]\n", Format::kYaml, few) == Error(1, 14, "för många värden i dokumentet (gräns 5)"));
}

TEST_CASE("YAML: the data the old loader got wrong (yaml-test-suite, issue 18)") {
  // A literal block scalar starting with '%' (M7A3 / spec 9.3): not an empty string.
  auto docs = Load("--- |\n%!PS-Adobe-2.0\n...\n", Format::kYaml);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].root.string == "%!PS-Adobe-2.0\n");
  CHECK(Pos(docs[0].root) == "1:5");
  // An anchor name with a colon in it (Y2GN) keeps its value.
  Node root = LoadOne("key: &an:chor value\nalias: *an:chor\n");
  CHECK(root.Find("key")->string == "value");
  CHECK(root.Find("alias")->string == "value");
  // Keep chomping keeps the trailing lines (S98Z, JEF9).
  root = LoadOne("keep: |+\n  rad\n\n\nnext: 1\n");
  CHECK(root.Find("keep")->string == "rad\n\n\n");
  CHECK(Pos(*root.Find("keep")) == "1:7");
  // Lone CR line breaks are YAML line breaks.
  root = LoadOne("a: 1\rb: x\r");
  CHECK(Pos(*root.Find("b")) == "2:4");
  // A multi-line flow key is there (4MUZ): not "en nyckel saknas eller är null".
  root = LoadOne("{\"foo\"\n: \"bar\"}\n");
  CHECK(root.Find("foo")->string == "bar");
}

TEST_CASE("YAML: keys that differ only in type are refused as such, not as duplicates") {
  CHECK(Summary("{1: a, \"1\": b}\n", Format::kYaml) ==
        Error(1, 8, "nyckeln finns redan (rad 1) som en annan typ: i YAML är till exempel 1 och \"1\" olika "
                    "nycklar, men aktkoll läser nycklar som text och kan inte skilja dem åt"));
  CHECK(Summary("{true: a, \"true\": b}\n", Format::kYaml) ==
        Error(1, 11, "nyckeln 'true' finns redan (rad 1) som en annan typ: i YAML är till exempel 1 och \"1\" "
                     "olika nycklar, men aktkoll läser nycklar som text och kan inte skilja dem åt"));
  CHECK(Summary("{a: 1, \"a\": 2}\n", Format::kYaml) == Error(1, 8, "dubblettnyckel 'a' (först på rad 1)"));
}

TEST_CASE("YAML: anchors cost nothing until an alias copies them, and copies are counted") {
  std::string nested = "a: ";
  for (int i = 0; i < 150; ++i) nested += "&x [";
  for (int i = 0; i < 20000; ++i) nested += "0, ";
  nested += "0";
  for (int i = 0; i < 150; ++i) nested += "]";
  nested += "\n";
  Limits few;
  few.max_nodes = 20200;  // the tree once, not once per anchor
  CHECK(Summary(nested, Format::kYaml, few) == "doc 0: ok\n");
  CHECK(Summary(nested + "b: *x\n", Format::kYaml) == Error(2, 4, "för många aliasexpansioner (gräns 10000)"));
  Limits nodes;
  nodes.max_nodes = 30;
  nodes.max_alias_expansions = 1000;
  CHECK(Summary("a: &x [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*x, *x]\n", Format::kYaml, nodes) ==
        Error(2, 9, "för många värden i dokumentet (gräns 30)"));
}

TEST_CASE("YAML: libfyaml's crash after a tab following '-' is kept away, and bounded") {
  // libfyaml 0.7.12 crashes destroying a parser that stopped here (found by fuzzing).
  CHECK(Summary("? -:\t-\n", Format::kYaml) == Error(1, 5, "tabb i indraget; YAML tillåter bara mellanslag"));
  std::string stream = "a: 1\n";
  for (int i = 0; i < 70; ++i) stream += "---\n? -:\t-\n";
  auto docs = Load(stream, Format::kYaml);
  REQUIRE(docs.size() == 1 + 64 + 1 + 1);
  CHECK_FALSE(docs[0].has_error);
  CHECK(docs[65].error.message == "tabb i indraget; YAML tillåter bara mellanslag");
  CHECK(docs[66].error.message ==
        "resten av filen läses inte: för många dokument med en tabb efter '-' (YAML-läsaren libfyaml 0.7.12 "
        "kan inte städa upp efter dem)");
}
