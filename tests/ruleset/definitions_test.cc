// Load-time errors of the rule language's named values: pack definitions, rule lets,
// pack parameters, per-finding requirements and a profile's law. Each message is compared
// whole: file:line:column, the text, the source line and the caret.
#include <doctest/doctest.h>

#include "temp_pack.h"

using aktkoll::ruleset::testing::kPackYaml;
using aktkoll::ruleset::testing::RuleYaml;
using aktkoll::ruleset::testing::TempPack;

namespace {

// A pack with `definitions` (a YAML block under the key) and one rule with `body`.
std::string Errors(const std::string& definitions, const std::string& body) {
  TempPack t;
  t.Write("pack.yaml", std::string(kPackYaml) + definitions);
  t.Write("r/rule.yaml", RuleYaml("T-001", body));
  return t.Errors();
}

std::string Warnings(const std::string& definitions, const std::string& body) {
  TempPack t;
  t.Write("pack.yaml", std::string(kPackYaml) + definitions);
  t.Write("r/rule.yaml", RuleYaml("T-001", body));
  auto r = aktkoll::ruleset::LoadPack(t.Path("pack.yaml"));
  std::string out = r.diagnostics.FormatWarnings();
  for (size_t pos = out.find(t.dir()); pos != std::string::npos; pos = out.find(t.dir(), pos))
    out.replace(pos, t.dir().size(), "T");
  if (!r.ok()) out += "(pack did not load)";
  return out;
}

}  // namespace

TEST_CASE("definitions, lets and pack parameters load and are recorded") {
  TempPack t;
  t.Write("pack.yaml", std::string(kPackYaml) +
                           "params:\n"
                           "  months: {type: int, default: 6, description: Månader.}\n"
                           "definitions:\n"
                           "  has_plan: has(c.plan)\n"
                           "  plan_months:\n"
                           "    description: {sv: Planens månader., en: The plan's months.}\n"
                           "    type: int\n"
                           "    expr: \"has_plan ? params.months : 0\"\n");
  t.Write("r/rule.yaml", RuleYaml("T-001",
                                  "let:\n"
                                  "  m: plan_months + 1\n"
                                  "  twice: m * 2\n"
                                  "assert: twice > 0\n"));
  auto r = aktkoll::ruleset::LoadPack(t.Path("pack.yaml"));
  INFO(r.diagnostics.Format());
  REQUIRE(r.ok());
  CHECK(r.diagnostics.warnings().empty());
  REQUIRE(r.pack->definitions.size() == 2);
  CHECK(r.pack->definitions[0].name == "has_plan");
  CHECK(r.pack->definitions[1].name == "plan_months");
  CHECK(r.pack->definitions[1].uses == std::vector<std::string>{"has_plan"});
  CHECK(r.pack->definitions[1].description.en == "The plan's months.");
  REQUIRE(r.pack->params.size() == 1);
  const auto& rule = r.pack->rules[0];
  CHECK(rule.definitions == std::vector<std::string>{"plan_months"});
  REQUIRE(rule.lets.size() == 2);
  CHECK(rule.lets[1].name == "twice");
  CHECK_FALSE(rule.lets[1].per_item);
}

TEST_CASE("an unknown name in a definition") {
  CHECK(Errors("definitions:\n  a: has(c.x) && nosuch\n", "assert: a\n") ==
        "T/pack.yaml:6:18: fel: okänd variabel 'nosuch'\n"
        " |   a: has(c.x) && nosuch\n"
        " | .................^\n");
}

TEST_CASE("definitions that read each other in a circle") {
  CHECK(Errors("definitions:\n  a: b && true\n  b: \"!a\"\n", "assert: a\n") ==
        "T/pack.yaml:7:8: fel: definitionerna bildar en cirkel: a → b → a\n"
        " |   b: \"!a\"\n"
        " | .......^\n");
}

TEST_CASE("a definition that does not give its declared type") {
  CHECK(Errors("definitions:\n  a:\n    type: bool\n    expr: \"1 + 2\"\n", "assert: a\n") ==
        "T/pack.yaml:7:11: fel: definitionen 'a' deklareras som bool men ger int\n"
        " |     type: bool\n"
        " | ..........^\n");
}

TEST_CASE("a type error through a definition's type") {
  CHECK(Errors("definitions:\n  n: \"size([1, 2])\"\n", "assert: n && true\n") ==
        "T/r/rule.yaml:9:9: fel: '&&' kräver bool, fick int\n"
        " | assert: n && true\n"
        " | ........^\n");
}

TEST_CASE("a definition may read only the pack's parameters") {
  CHECK(Errors("definitions:\n  a: params.months > 1\n", "assert: a\n") ==
        "T/pack.yaml:6:13: fel: okänd parameter 'months'; paketet deklarerar inga parametrar under 'params'\n"
        " |   a: params.months > 1\n"
        " | ............^\n");
}

TEST_CASE("a let that hides a definition without saying so") {
  CHECK(Errors("definitions:\n  a: has(c.x)\n", "let:\n  a: has(c.y)\nassert: a\n") ==
        "T/r/rule.yaml:10:3: fel: let-värdet 'a' skymmer definitionen med samma namn (T/pack.yaml:6:3); byt namn, "
        "eller skriv shadows: true om det är meningen\n"
        " |   a: has(c.y)\n"
        " | ..^\n");
}

TEST_CASE("a let that hides a definition on purpose") {
  CHECK(Errors("definitions:\n  a: has(c.x)\n",
               "let:\n  a:\n    shadows: true\n    expr: has(c.y)\nassert: a\n") == "");
}

TEST_CASE("shadows: true that hides nothing") {
  CHECK(Errors("", "let:\n  a:\n    shadows: true\n    expr: has(c.y)\nassert: a\n") ==
        "T/r/rule.yaml:10:3: fel: let-värdet 'a' har shadows: true men skymmer ingen definition\n"
        " |   a:\n"
        " | ..^\n");
}

TEST_CASE("a let read before its turn") {
  CHECK(Errors("", "let:\n  a: b\n  b: has(c.y)\nassert: a\n") ==
        "T/r/rule.yaml:10:6: fel: 'b' används innan det definieras; ett let-värde kan bara läsa de som står före det\n"
        " |   a: b\n"
        " | .....^\n");
}

TEST_CASE("a let that reads the element cannot decide when the rule applies") {
  CHECK(Errors("", "for_each: c.items\nas: item\nlet:\n  big: item > 2\nwhen: big\nassert: true\n") ==
        "T/r/rule.yaml:13:7: fel: 'big' läser for_each-variabeln och kan inte användas i 'when'\n"
        " | when: big\n"
        " | ......^\n");
}

TEST_CASE("a message value that reaches personal data through a definition") {
  CHECK(Errors("definitions:\n  who: c.individual.name\n",
               "values:\n  name: who\nassert: false\n") ==
        "T/r/rule.yaml:10:9: fel: värdet 'name' läser personuppgifter genom definitionen 'who'; meddelanden får inte "
        "innehålla personuppgifter\n"
        " |   name: who\n"
        " | ........^\n");
}

TEST_CASE("a message value that reaches personal data through a let") {
  CHECK(Errors("", "let:\n  first: c.guardians[0]\nvalues:\n  g: first\nassert: false\n") ==
        "T/r/rule.yaml:12:6: fel: värdet 'g' läser personuppgifter genom let-värdet 'first'; meddelanden får inte "
        "innehålla personuppgifter\n"
        " |   g: first\n"
        " | .....^\n");
}

TEST_CASE("a definition that nothing reads is a warning") {
  CHECK(Warnings("definitions:\n  unused: has(c.x)\n", "assert: true\n") ==
        "T/pack.yaml:6:3: varning: definitionen 'unused' används inte av någon regel\n"
        " |   unused: has(c.x)\n"
        " | ..^\n");
}

TEST_CASE("a definition read only through another is used") {
  CHECK(Warnings("definitions:\n  a: has(c.x)\n  b: a\n", "assert: b\n") == "");
}

TEST_CASE("a requirement the rule does not list") {
  CHECK(Errors("", "requirement: \"'UPP-3'\"\nassert: true\n") ==
        "T/r/rule.yaml:9:15: fel: kravet 'UPP-3' i 'requirement' står inte i regelns 'requirements' (UPP-2)\n"
        " | requirement: \"'UPP-3'\"\n"
        " | ..............^\n");
}

TEST_CASE("a requirement expression that gives neither an id nor a list") {
  CHECK(Errors("", "requirement: \"1\"\nassert: true\n") ==
        "T/r/rule.yaml:9:15: fel: 'requirement' ska ge ett krav-id eller en lista av krav-id men ger int\n"
        " | requirement: \"1\"\n"
        " | ..............^\n");
}

TEST_CASE("a rule parameter with the name of a pack parameter") {
  CHECK(Errors("params:\n  months: {type: int, default: 6, description: M.}\n",
               "params:\n  months: {type: int, default: 3, description: M.}\nassert: params.months > 0\n") ==
        "T/r/rule.yaml:10:3: fel: parametern 'months' är redan en parameter för hela paketet; använd den, eller välj "
        "ett annat namn\n"
        " |   months: {type: int, default: 3, description: M.}\n"
        " | ..^\n");
}

TEST_CASE("an invalid definition name") {
  CHECK(Errors("definitions:\n  as_of: true\n", "assert: true\n") ==
        "T/pack.yaml:6:3: fel: ogiltigt namn 'as_of' i 'definitions': använd gemener, siffror och _ (c, as_of, "
        "params, index och key är upptagna)\n"
        " |   as_of: true\n"
        " | ..^\n");
}

TEST_CASE("a profile: replacing, adding, parameters and law") {
  TempPack t;
  t.Write("base/pack.yaml", std::string(kPackYaml) +
                                "params:\n  months: {type: int, default: 6, description: M.}\n"
                                "definitions:\n  a: has(c.x)\n");
  t.Write("base/r/rule.yaml", RuleYaml("T-001", "assert: a && params.months > 0\n"));
  SUBCASE("an inherited name without replaces") {
    t.Write("p/profile.yaml", "name: p\nextends: ../base\ndefinitions:\n  a: has(c.y)\n");
    CHECK(t.Errors("p/profile.yaml") ==
          "T/p/profile.yaml:4:3: fel: definitionen 'a' finns redan i testpack (T/base/pack.yaml:8:3); skriv "
          "replaces: true för att ersätta den\n"
          " |   a: has(c.y)\n"
          " | ..^\n");
  }
  SUBCASE("replaces that replaces nothing") {
    t.Write("p/profile.yaml", "name: p\nextends: ../base\ndefinitions:\n  b: {replaces: true, expr: has(c.y)}\n");
    CHECK(t.Errors("p/profile.yaml") ==
          "T/p/profile.yaml:4:3: fel: definitionen 'b' har replaces: true men ersätter ingen ärvd definition\n"
          " |   b: {replaces: true, expr: has(c.y)}\n"
          " | ..^\n");
  }
  SUBCASE("a value for a pack parameter that does not exist") {
    t.Write("p/profile.yaml", "name: p\nextends: ../base\nparams:\n  month: 2\n");
    CHECK(t.Errors("p/profile.yaml") ==
          "T/p/profile.yaml:4:3: fel: paketet har ingen parameter 'month' (menade du 'months'?); en ny parameter "
          "deklareras med type och default\n"
          " |   month: 2\n"
          " | ..^\n");
  }
  SUBCASE("a valid profile") {
    t.Write("p/profile.yaml",
            "name: p\nextends: ../base\nparams:\n  months: 2\n"
            "definitions:\n  a: {replaces: true, expr: has(c.y)}\n"
            "add_law:\n  - {ref: Kommunens riktlinje, from: 2025-01-01}\n"
            "overrides:\n  T-001:\n    add_law:\n      - {ref: Avsnitt 17, from: 2025-07-01}\n");
    CHECK(t.Errors("p/profile.yaml") == "");
    auto r = aktkoll::ruleset::LoadPack(t.Path("p/profile.yaml"));
    REQUIRE(r.ok());
    CHECK(r.pack->params[0].value_text == "2");
    CHECK(r.pack->definitions[0].source == "has(c.y)");
    CHECK(r.pack->definitions[0].pack == "p");
    const auto& law = r.pack->rules[0].law;
    REQUIRE(law.size() == 3);
    CHECK(law[1].ref == "Avsnitt 17");
    CHECK(law[2].ref == "Kommunens riktlinje");
  }
  SUBCASE("a profile's law replaces the rule's") {
    t.Write("p/profile.yaml",
            "name: p\nextends: ../base\n"
            "overrides:\n  T-001:\n    law:\n      - {ref: Bara detta, from: 2025-07-01}\n");
    auto r = aktkoll::ruleset::LoadPack(t.Path("p/profile.yaml"));
    REQUIRE(r.ok());
    REQUIRE(r.pack->rules[0].law.size() == 1);
    CHECK(r.pack->rules[0].law[0].ref == "Bara detta");
  }
}
