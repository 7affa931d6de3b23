// Every load-time error of a rule pack, compared as the whole message: file:line:column,
// the text, the source line and the caret.
#include <doctest/doctest.h>

#include "temp_pack.h"

using aktkoll::ruleset::testing::kPackYaml;
using aktkoll::ruleset::testing::RuleYaml;
using aktkoll::ruleset::testing::TempPack;

namespace {

std::string ErrorsForRule(const std::string& body, const std::string& id = "T-001") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("r/rule.yaml", RuleYaml(id, body));
  return t.Errors();
}

// A rule whose message (Swedish, on line 7), values and pointer are given, for the
// placeholder checks.
std::string ErrorsForMessage(const std::string& message, const std::string& values,
                             const std::string& pointer = "") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("r/rule.yaml", RuleYaml("T-001",
                                  "values: " + values + "\n" +
                                      (pointer.empty() ? "" : "pointer: \"" + pointer + "\"\n") +
                                      "assert: false\n",
                                  "{sv: \"" + message + "\"}"));
  return t.Errors();
}

}  // namespace

TEST_CASE("a valid minimal pack loads") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("r/rule.yaml", RuleYaml("T-001", "assert: has(c.commission)\n"));
  CHECK(t.Errors() == "");
  auto r = aktkoll::ruleset::LoadPack(t.Path("pack.yaml"));
  REQUIRE(r.ok());
  CHECK(r.pack->rules.size() == 1);
  CHECK(r.pack->name == "testpack");
  CHECK(r.pack->sha256.size() == 64);
}

TEST_CASE("unknown key, with the closest valid key suggested") {
  CHECK(ErrorsForRule("asert: has(c.x)\n") ==
        "T/r/rule.yaml:1:1: fel: nyckeln 'assert' saknas\n"
        " | id: T-001\n"
        " | ^\n"
        "T/r/rule.yaml:9:1: fel: okänd nyckel 'asert' i regeln (menade du 'assert'?)\n"
        " | asert: has(c.x)\n"
        " | ^\n");
}

TEST_CASE("unknown function") {
  CHECK(ErrorsForRule("assert: has(c.x) && frobnicate(c.y)\n") ==
        "T/r/rule.yaml:9:21: fel: okänd funktion 'frobnicate'\n"
        " | assert: has(c.x) && frobnicate(c.y)\n"
        " | ....................^\n");
}

TEST_CASE("wrong number of arguments") {
  CHECK(ErrorsForRule("assert: size(c.x, c.y) > 0\n") ==
        "T/r/rule.yaml:9:9: fel: fel antal argument till 'size': fick 2, förväntade 1\n"
        " | assert: size(c.x, c.y) > 0\n"
        " | ........^\n");
}

TEST_CASE("type error found before any document is read") {
  CHECK(ErrorsForRule("assert: size(3) > 0\n") ==
        "T/r/rule.yaml:9:9: fel: ingen variant av 'size' tar (int)\n"
        " | assert: size(3) > 0\n"
        " | ........^\n");
}

TEST_CASE("assert that is not a condition") {
  CHECK(ErrorsForRule("assert: 1 + 2\n") ==
        "T/r/rule.yaml:9:9: fel: 'assert' ska ge bool men ger int\n"
        " | assert: 1 + 2\n"
        " | ........^\n");
}

TEST_CASE("expression errors point into literal and folded block scalars") {
  CHECK(ErrorsForRule("assert: |\n"
                      "  has(c.commission)\n"
                      "    && nosuch(c.commission.date)\n") ==
        "T/r/rule.yaml:11:8: fel: okänd funktion 'nosuch'\n"
        " |     && nosuch(c.commission.date)\n"
        " | .......^\n");
  CHECK(ErrorsForRule("assert: >-\n"
                      "  has(c.commission) &&\n"
                      "  c.commission.date != '' && nosuch(1)\n") ==
        "T/r/rule.yaml:11:30: fel: okänd funktion 'nosuch'\n"
        " |   c.commission.date != '' && nosuch(1)\n"
        " | .............................^\n");
  CHECK(ErrorsForRule("assert: \"has(c.x) && nosuch(1)\"\n") ==
        "T/r/rule.yaml:9:22: fel: okänd funktion 'nosuch'\n"
        " | assert: \"has(c.x) && nosuch(1)\"\n"
        " | .....................^\n");
}

TEST_CASE("parameters: wrong default type, unknown type, unknown reference") {
  CHECK(ErrorsForRule("params:\n"
                      "  months: {type: int, default: six, description: Månader.}\n"
                      "assert: params.months > 0\n") ==
        "T/r/rule.yaml:10:32: fel: parametern har typen int men värdet är av typen string\n"
        " |   months: {type: int, default: six, description: Månader.}\n"
        " | ...............................^\n");
  CHECK(ErrorsForRule("params:\n"
                      "  months: {type: integer, default: 6, description: Månader.}\n"
                      "assert: true\n") ==
        "T/r/rule.yaml:10:18: fel: okänd parametertyp 'integer' (menade du 'int'?); giltiga typer: int, double, "
        "string, bool, date, list\n"
        " |   months: {type: integer, default: 6, description: Månader.}\n"
        " | .................^\n");
  CHECK(ErrorsForRule("params:\n"
                      "  months: {type: int, default: 6, description: Månader.}\n"
                      "assert: size(c.follow_ups) < params.month\n") ==
        "T/r/rule.yaml:11:37: fel: okänd parameter 'month' (menade du 'months'?); regeln deklarerar: months\n"
        " | assert: size(c.follow_ups) < params.month\n"
        " | ....................................^\n");
}

TEST_CASE("a profile that overrides a parameter the rule does not have") {
  TempPack t;
  t.Write("base/pack.yaml", kPackYaml);
  t.Write("base/r/rule.yaml", RuleYaml("T-001", "params:\n"
                                                "  months: {type: int, default: 6, description: Månader.}\n"
                                                "assert: params.months > 0\n"));
  t.Write("profile.yaml",
          "name: kommunen\n"
          "extends: base/pack.yaml\n"
          "overrides:\n"
          "  T-001:\n"
          "    params: {monhts: 3}\n"
          "  T-002:\n"
          "    severity: warning\n");
  CHECK(t.Errors("profile.yaml") ==
        "T/profile.yaml:5:14: fel: regeln T-001 har ingen parameter 'monhts' (menade du 'months'?)\n"
        " |     params: {monhts: 3}\n"
        " | .............^\n"
        "T/profile.yaml:6:3: fel: okänd regel 'T-002' i 'overrides' (menade du 'T-001'?)\n"
        " |   T-002:\n"
        " | ..^\n");
}

TEST_CASE("a profile override of the wrong type") {
  TempPack t;
  t.Write("base/pack.yaml", kPackYaml);
  t.Write("base/r/rule.yaml", RuleYaml("T-001", "params:\n"
                                                "  months: {type: int, default: 6, description: Månader.}\n"
                                                "assert: params.months > 0\n"));
  t.Write("profile.yaml", "name: kommunen\nextends: base/pack.yaml\noverrides:\n  T-001: {params: {months: \"3\"}}\n");
  CHECK(t.Errors("profile.yaml") ==
        "T/profile.yaml:4:28: fel: parametern har typen int men värdet är av typen string\n"
        " |   T-001: {params: {months: \"3\"}}\n"
        " | ...........................^\n");
}

TEST_CASE("duplicate rule ids") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("a/rule.yaml", RuleYaml("T-001", "assert: true\n"));
  t.Write("b/rule.yaml", RuleYaml("T-001", "assert: false\n"));
  CHECK(t.Errors() ==
        "T/b/rule.yaml:1:5: fel: regel-id 'T-001' används redan i T/a/rule.yaml:1:5\n"
        " | id: T-001\n"
        " | ....^\n");
}

TEST_CASE("a cycle in extends") {
  TempPack t;
  t.Write("a/profile.yaml", "name: a\nextends: ../b/profile.yaml\n");
  t.Write("b/profile.yaml", "name: b\nextends: ../a\n");
  CHECK(t.Errors("a/profile.yaml") ==
        "T/b/profile.yaml:2:10: fel: 'extends' bildar en cykel: T/a/profile.yaml → T/b/profile.yaml → "
        "T/a/profile.yaml\n"
        " | extends: ../a\n"
        " | .........^\n");
}

TEST_CASE("missing and invalid law dates; unknown requirement id") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("r/rule.yaml",
          "id: T-001\n"
          "title: {sv: Testregel}\n"
          "severity: error\n"
          "requirements: [UPP-2, GP-99]\n"
          "law:\n"
          "  - ref: \"SoL (2001:453) 11 kap. 5 §\"\n"
          "  - {ref: \"SoL (2025:400) 14 kap. 3 §\", from: 2025-02-30}\n"
          "message: {sv: Fel.}\n"
          "doc: {checks: Något., why: Därför.}\n"
          "assert: true\n");
  CHECK(t.Errors() ==
        "T/r/rule.yaml:4:23: fel: okänt krav-id 'GP-99' (menade du 'GP-9'?); kraven finns i rules/requirements.yaml\n"
        " | requirements: [UPP-2, GP-99]\n"
        " | ......................^\n"
        "T/r/rule.yaml:6:5: fel: lagrummet saknar 'from' eller 'until' (datum då det började eller upphörde att "
        "gälla)\n"
        " |   - ref: \"SoL (2001:453) 11 kap. 5 §\"\n"
        " | ....^\n"
        "T/r/rule.yaml:7:47: fel: ogiltigt datum '2025-02-30' i 'from': väntade ÅÅÅÅ-MM-DD\n"
        " |   - {ref: \"SoL (2025:400) 14 kap. 3 §\", from: 2025-02-30}\n"
        " | ..............................................^\n");
}

TEST_CASE("a message value may not read personal data") {
  CHECK(ErrorsForRule("assert: false\n"
                      "values:\n"
                      "  who: c.individual.name\n"
                      "  n: size(c.guardians)\n") ==
        "T/r/rule.yaml:11:8: fel: värdet 'who' läser personuppgifter (individual.name, jämför 'individual.name' i "
        "paketets personal_paths); meddelanden får inte innehålla personuppgifter\n"
        " |   who: c.individual.name\n"
        " | .......^\n"
        "T/r/rule.yaml:12:11: fel: värdet 'n' läser personuppgifter (guardians, jämför 'guardians' i paketets "
        "personal_paths); meddelanden får inte innehålla personuppgifter\n"
        " |   n: size(c.guardians)\n"
        " | ..........^\n");
}

TEST_CASE("a profile on disk that extends a built-in pack has its personal_paths checked against the pack's values") {
  // The built-in rules were checked when aktkoll was built, but not against this profile's
  // personal paths: loading it as `aktkoll check --rules` does must check them again.
  TempPack t;
  t.Write("profile.yaml", "name: kommunen\nextends: national\npersonal_paths: [decision.date]\n");
  std::string errors = t.Errors("profile.yaml");
  CHECK(errors.find("rules/national/SAM-001/rule.yaml:") != std::string::npos);
  CHECK(errors.find(": fel: värdet 'decision_date' läser personuppgifter (decision.date, jämför 'decision.date' i "
                    "paketets personal_paths); meddelanden får inte innehålla personuppgifter\n") != std::string::npos);
  t.Write("ok/profile.yaml", "name: kommunen\nextends: national\n");
  CHECK(t.Errors("ok/profile.yaml").empty());
}

TEST_CASE("a placeholder without a value") {
  CHECK(ErrorsForRule("assert: false\n"
                      "values: {days: 3}\n", "T-001")
            .empty());
  CHECK(ErrorsForMessage("Försenad {dagar} dagar.", "{days: 3}") ==
        "T/r/rule.yaml:7:25: fel: okänd platshållare '{dagar}' i meddelandet (sv); deklarera den under 'values'\n"
        " | message: {sv: \"Försenad {dagar} dagar.\"}\n"
        " | ........................^\n");
}

TEST_CASE("an unknown pack, severity and extends target") {
  CHECK(aktkoll::ruleset::LoadPack("nosuchpack").diagnostics.Format().rfind(
            "nosuchpack: fel: okänt regelpaket 'nosuchpack'", 0) == 0);
  CHECK(ErrorsForRule("assert: true\n").empty());
  TempPack t;
  t.Write("profile.yaml", "name: p\nextends: nationall\n");
  CHECK(t.Errors("profile.yaml").rfind("T/profile.yaml:2:10: fel: okänt paket 'nationall' i 'extends'", 0) == 0);
}

// The id, parameter-name and placeholder checks are hand-written matchers; these pin
// their edges (they replaced std::regex, which was a tenth of loading the national pack).
TEST_CASE("rule ids: upper case words joined by hyphens, at least two") {
  for (const char* good : {"T-001", "TOLK-002-ANHORIG", "A1-B", "UPF-001-SEN"})
    CHECK_MESSAGE(ErrorsForRule("assert: true\n", good).empty(), good);
  for (const char* bad : {"T", "T-", "-T-1", "T--1", "t-001", "1T-001", "T-00a", "T_001", "T-001-"}) {
    std::string errors = ErrorsForRule("assert: true\n", bad);
    CHECK_MESSAGE(errors.find("ogiltigt regel-id '" + std::string(bad) + "'") != std::string::npos, bad);
  }
}

TEST_CASE("placeholders: {name} in messages, anything in braces in pointers") {
  auto rule = [](const std::string& message, const std::string& pointer) {
    return ErrorsForMessage(message, "{n: 3}", pointer);
  };
  // Only an identifier in braces is a placeholder; '{{n}}' holds one, '{1}' and '{ n}' none.
  CHECK(rule("{{n}} {1} { n} {n", "/a").empty());
  CHECK(rule("{a{n}", "/a").empty());
  CHECK(rule("x {m} y", "/a").find("okänd platshållare '{m}' i meddelandet") != std::string::npos);
  // In a pointer everything up to the first '}' is a name, and only {index}/{key} exist.
  CHECK(rule("x", "/a/{ind{ex}").find("okänd platshållare '{ind{ex}' i 'pointer'") != std::string::npos);
  CHECK(rule("x", "/a/{}").find("okänd platshållare '{}' i 'pointer'") != std::string::npos);
  CHECK(rule("x", "/a/{b").empty());
}

TEST_CASE("parameter and value names") {
  CHECK(ErrorsForRule("params: {Dagar: {type: int, default: 1, description: Dagar.}}\nassert: true\n")
            .find("ogiltigt parameternamn 'Dagar'") != std::string::npos);
  CHECK(ErrorsForRule("params: {_x: {type: int, default: 1, description: Dagar.}}\nassert: true\n")
            .find("ogiltigt parameternamn '_x'") != std::string::npos);
  CHECK(ErrorsForRule("params: {dag_2: {type: int, default: 1, description: Dagar.}}\nassert: params.dag_2 > 0\n").empty());
  CHECK(ErrorsForRule("assert: true\nvalues: {2x: 1}\n").find("ogiltigt värdenamn '2x'") != std::string::npos);
  CHECK(ErrorsForRule("assert: true\nvalues: {_x2: 1}\n").empty());
}
