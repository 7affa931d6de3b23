// The engine over small packs written to a temporary directory: findings, positions,
// pointers, rule errors, evidence, laws in force, masking, selection, threads.
#include <doctest/doctest.h>

#include <thread>

#include "document/loader.h"
#include "engine/doc_view.h"
#include "engine/engine.h"
#include "expr/civil_time.h"
#include "temp_pack.h"

using aktkoll::core::Finding;
using aktkoll::engine::CaseEvidence;
using aktkoll::engine::Engine;
using aktkoll::ruleset::testing::kPackYaml;
using aktkoll::ruleset::testing::TempPack;

namespace {

std::shared_ptr<const aktkoll::ruleset::Pack> LoadOk(const TempPack& t, const std::string& rel = "pack.yaml") {
  auto r = aktkoll::ruleset::LoadPack(t.Path(rel));
  INFO(r.diagnostics.Format());
  REQUIRE(r.ok());
  return r.pack;
}

aktkoll::document::Node Parse(const std::string& yaml) {
  aktkoll::document::Node root;
  aktkoll::document::LoadBuffer("case.yaml", yaml, aktkoll::document::Format::kYaml, {},
                                [&](aktkoll::document::LoadedDocument&& d) {
                                  REQUIRE_FALSE(d.has_error);
                                  root = std::move(d.root);
                                });
  return root;
}

int64_t Day(const char* iso) { return *aktkoll::expr::ParseIsoDate(iso); }

std::vector<Finding> Run(const Engine& engine, const std::string& yaml, const char* as_of = "2026-01-01",
                         CaseEvidence* evidence = nullptr) {
  Finding base;
  base.path = "case.yaml";
  base.case_id = "K-1";
  std::vector<Finding> out;
  auto root = Parse(yaml);
  engine.Check(root, base, Day(as_of), &out, evidence);
  return out;
}

std::string Rule(const std::string& id, const std::string& body,
                 const std::string& message = "message: {sv: Fel., en: Wrong.}\n") {
  return "id: " + id +
         "\ntitle: {sv: T}\nseverity: warning\nrequirements: [UPP-2]\n"
         "law:\n"
         "  - {ref: Gammal lag, until: 2025-06-30}\n"
         "  - {ref: Ny lag, from: 2025-07-01}\n" +
         message + "doc: {checks: Något., why: Därför.}\n" + body;
}

}  // namespace

TEST_CASE("a failed assertion is a finding at the pointer, with the law in force on the decision date") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("a/rule.yaml", Rule("T-001", "when: has(c.commission)\nassert: has(c.commission.date)\npointer: /commission/date\n"));
  Engine engine(LoadOk(t));
  CaseEvidence ev;
  auto f = Run(engine, "case_id: K-1\ndecision:\n  date: 2025-03-01\ncommission:\n  written_by: X\n", "2026-01-01", &ev);
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "T-001");
  CHECK(f[0].severity == aktkoll::core::Severity::kWarning);
  CHECK(f[0].pointer == "/commission/date");
  CHECK(f[0].pos == aktkoll::core::Position{5, 3});  // the commission: nearest existing ancestor
  CHECK(f[0].law == std::vector<aktkoll::core::Citation>{{"Gammal lag", aktkoll::core::SourceKind::kLaw}});
  CHECK(f[0].requirements == std::vector<std::string>{"UPP-2"});
  CHECK(f[0].message.sv == "Fel.");
  CHECK(f[0].message.en == "Wrong.");
  CHECK(f[0].case_id == "K-1");
  CHECK(ev.applied == std::vector<std::string>{"T-001"});
  CHECK(ev.failed == std::vector<std::string>{"T-001"});

  // Decided after 2025-07-01: the new law; no decision date: the as-of date decides.
  f = Run(engine, "decision:\n  date: 2025-09-01\ncommission:\n  written_by: X\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].law == std::vector<aktkoll::core::Citation>{{"Ny lag", aktkoll::core::SourceKind::kLaw}});
  f = Run(engine, "commission:\n  written_by: X\n", "2025-01-01");
  REQUIRE(f.size() == 1);
  CHECK(f[0].law == std::vector<aktkoll::core::Citation>{{"Gammal lag", aktkoll::core::SourceKind::kLaw}});

  // `when` false: not applied, no finding; assertion true: applied, passed.
  CaseEvidence ev2;
  CHECK(Run(engine, "case_id: K-2\n", "2026-01-01", &ev2).empty());
  CHECK(ev2.applied.empty());
  CaseEvidence ev3;
  CHECK(Run(engine, "commission:\n  date: 2025-01-01\n", "2026-01-01", &ev3).empty());
  CHECK(ev3.applied == std::vector<std::string>{"T-001"});
  CHECK(ev3.failed.empty());
}

TEST_CASE("an expression that fails on a document is a rule-error, never a pass") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("a/rule.yaml", Rule("T-001", "assert: c.commission.date != ''\n"));
  Engine engine(LoadOk(t));
  CaseEvidence ev;
  auto f = Run(engine, "case_id: K-1\nunit: x\n", "2026-01-01", &ev);
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "rule-error");
  CHECK(f[0].severity == aktkoll::core::Severity::kError);
  CHECK(f[0].path == "case.yaml");
  CHECK(f[0].pos == aktkoll::core::Position{1, 1});
  CHECK(f[0].message.sv.rfind("regeln T-001 kunde inte utvärderas på dokumentet (assert): ", 0) == 0);
  CHECK(ev.failed == std::vector<std::string>{"T-001"});
}

TEST_CASE("for_each: one finding per failing element, pointers from {index}, {key} or the element") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("a/rule.yaml", Rule("T-001",
                              "for_each: c.follow_ups\nas: fu\nassert: has(fu.date)\n"
                              "pointer: /follow_ups/{index}/date\n",
                              "message: {sv: \"Uppföljning {index} saknar datum.\"}\n"));
  t.Write("b/rule.yaml", Rule("T-002", "for_each: c.follow_ups\nas: fu\nassert: has(fu.date)\n"));
  t.Write("c/rule.yaml", Rule("T-003",
                              "for_each: \"['goals', 'follow_up']\"\nas: p\n"
                              "assert: has(c.points) && p in c.points\npointer: /points/{key}\n"));
  Engine engine(LoadOk(t));
  auto f = Run(engine,
               "follow_ups:\n"
               "  - date: 2025-01-01\n"
               "  - method: samtal\n"
               "points:\n"
               "  goals: x\n");
  REQUIRE(f.size() == 3);
  // Sorted by position, then rule id.
  CHECK(f[0].rule == "T-001");
  CHECK(f[0].pointer == "/follow_ups/1/date");
  CHECK(f[0].pos == aktkoll::core::Position{3, 5});
  CHECK(f[0].message.sv == "Uppföljning 1 saknar datum.");
  CHECK(f[1].rule == "T-002");
  CHECK(f[1].pointer == "/follow_ups/1");
  CHECK(f[1].pos == aktkoll::core::Position{3, 5});
  CHECK(f[2].rule == "T-003");
  CHECK(f[2].pointer == "/points/follow_up");
  CHECK(f[2].pos == aktkoll::core::Position{5, 3});
}

TEST_CASE("message values, parameters, due dates, and masking of anything like a personnummer") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("a/rule.yaml", Rule("T-001",
                              "params:\n"
                              "  limit: {type: int, default: 2, description: Gräns.}\n"
                              "assert: size(c.follow_ups) <= params.limit\n"
                              "values:\n"
                              "  n: size(c.follow_ups)\n"
                              "  note: c.note\n"
                              "  ok: size(c.follow_ups) < 10\n"
                              "due: add_days(date(c.decision.date), 30)\n"
                              "pointer: /follow_ups\n",
                              "message:\n"
                              "  sv: \"{n} uppföljningar (högst {limit_text}); {note}; {ok}\"\n"
                              "  en: \"{n} follow-ups; {ok}\"\n"));
  // {limit_text} is not declared: the pack refuses to load.
  CHECK_FALSE(aktkoll::ruleset::LoadPack(t.Path("pack.yaml")).ok());
  t.Write("a/rule.yaml", Rule("T-001",
                              "params:\n"
                              "  limit: {type: int, default: 2, description: Gräns.}\n"
                              "assert: size(c.follow_ups) <= params.limit\n"
                              "values:\n"
                              "  n: size(c.follow_ups)\n"
                              "  limit: params.limit\n"
                              "  note: c.note\n"
                              "  ok: size(c.follow_ups) < 10\n"
                              "due: add_days(date(c.decision.date), 30)\n"
                              "pointer: /follow_ups\n",
                              "message:\n"
                              "  sv: \"{n} uppföljningar (högst {limit}); {note}; {ok}\"\n"
                              "  en: \"{n} follow-ups; {ok}\"\n"));
  const char* record =
      "decision: {date: 2025-09-10}\n"
      "note: Se 19840607-9288 och 198406079288 men inte 2025-09-10 eller 12345\n"
      "follow_ups: [{date: a}, {date: b}, {date: c}]\n";
  auto pack = LoadOk(t);
  // By default free text from the record (the note) is not quoted at all.
  Engine engine(pack);
  auto f = Run(engine, record);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.sv == "3 uppföljningar (högst 2); (fritext, visas inte); ja");
  CHECK(f[0].message.en == "3 follow-ups; yes");
  CHECK(f[0].due_date == "2025-10-10");
  // With show_free_text (--show-personal-data) it is, with personnummer still masked.
  aktkoll::engine::EngineOptions shown;
  shown.show_free_text = true;
  Engine showing(pack, shown);
  f = Run(showing, record);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.sv ==
        "3 uppföljningar (högst 2); Se ********-**** och ************ men inte 2025-09-10 eller 12345; ja");
}

TEST_CASE("IsCodeLike: codes, dates and ids are quoted; names and sentences are not") {
  using aktkoll::engine::IsCodeLike;
  for (const char* code : {"foraldrastod", "2026-02-30", "KAL-2025-0318", "DOK-5", "", "oppenvard_missbruk"}) {
    CAPTURE(code);
    CHECK(IsCodeLike(code));
  }
  for (const char* text : {"Noah", "Noah Exempelberg", "målen nådda", "flyttade till Uppsala", "Ja"}) {
    CAPTURE(text);
    CHECK_FALSE(IsCodeLike(text));
  }
}

TEST_CASE("select and ignore by id or group") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("a/rule.yaml", Rule("GP-001", "assert: false\n"));
  t.Write("b/rule.yaml", Rule("GP-002", "assert: false\n"));
  t.Write("c/rule.yaml", Rule("GPX-001", "assert: false\n"));
  t.Write("d/rule.yaml", Rule("UPF-001", "assert: false\n"));
  auto pack = LoadOk(t);
  auto ids = [](const Engine& e) {
    std::vector<std::string> out;
    for (const auto* r : e.rules()) out.push_back(r->id);
    return out;
  };
  CHECK(ids(Engine(pack)) == std::vector<std::string>{"GP-001", "GP-002", "GPX-001", "UPF-001"});
  auto with = [](std::vector<std::string> select, std::vector<std::string> ignore) {
    aktkoll::engine::EngineOptions o;
    o.select = std::move(select);
    o.ignore = std::move(ignore);
    return o;
  };
  CHECK(ids(Engine(pack, with({"GP"}, {}))) == std::vector<std::string>{"GP-001", "GP-002"});
  CHECK(ids(Engine(pack, with({"GP-"}, {"GP-002"}))) == std::vector<std::string>{"GP-001"});
  CHECK(ids(Engine(pack, with({}, {"GP", "GPX"}))) == std::vector<std::string>{"UPF-001"});
  CHECK(aktkoll::engine::MatchesRuleSelector("GP-001", "GP-001"));
  CHECK_FALSE(aktkoll::engine::MatchesRuleSelector("GP-001", "G"));
  CHECK_FALSE(aktkoll::engine::MatchesRuleSelector("GP-001", "GP-00"));
}

TEST_CASE("one engine checks from several threads at once with the same results") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("a/rule.yaml", Rule("T-001", "for_each: c.items\nas: i\nassert: i % 3 != 0\npointer: /items/{index}\n"));
  Engine engine(LoadOk(t));
  std::string yaml = "items: [";
  for (int i = 0; i < 300; ++i) yaml += (i ? ", " : "") + std::to_string(i);
  yaml += "]\n";
  auto root = Parse(yaml);
  std::vector<std::vector<Finding>> results(4);
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int rep = 0; rep < 50; ++rep) {
        std::vector<Finding> out;
        engine.Check(root, Finding{}, 0, &out);
        if (rep == 0) results[k] = out;
        if (out.size() != 100) results[k].clear();
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int k = 0; k < 4; ++k) {
    REQUIRE(results[k].size() == 100);
    CHECK(results[k][99].pointer == "/items/297");
  }
}

TEST_CASE("DocView exposes the tree without copying and traces values back to pointers") {
  auto root = Parse("a:\n  b: [x, {c: 1}]\n");
  aktkoll::engine::DocView view(root);
  const auto& m = view.root().map_value();
  auto a = m.FindField("a");
  REQUIRE(a);
  auto b = a->map_value().FindField("b");
  REQUIRE(b);
  CHECK(b->list_value().size() == 2);
  CHECK(b->list_value().Get(0).string_value().data() == root.entries[0].value.entries[0].value.items[0].string.data());
  CHECK(aktkoll::engine::DocView::PointerOf(b->list_value().Get(1)) == "/a/b/1");
  CHECK(aktkoll::engine::DocView::PointerOf(view.root()) == "");
  CHECK_FALSE(aktkoll::engine::DocView::PointerOf(aktkoll::expr::Value::Int(1)));
}

TEST_CASE("MaskPersonalNumbers") {
  using aktkoll::engine::MaskPersonalNumbers;
  CHECK(MaskPersonalNumbers("pnr 201501012395.") == "pnr ************.");
  CHECK(MaskPersonalNumbers("150101-2395 och 150101+2395") == "******-**** och ******+****");
  CHECK(MaskPersonalNumbers("20150101-2395") == "********-****");
  CHECK(MaskPersonalNumbers("2015-01-01, 123, 12345678901, 1234567890123") ==
        "2015-01-01, 123, 12345678901, 1234567890123");
}

TEST_CASE("{key} of a list computed from personal data shows only codes, never names") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);  // personal_paths include guardians
  // A computed list of names (a leak if shown) and one of field names (fine to show).
  t.Write("a/rule.yaml", Rule("T-001",
                              "for_each: c.guardians.map(g, g.name)\nas: who\nassert: false\n"
                              "pointer: /guardians/{key}\n",
                              "message: {sv: \"Vårdnadshavare {key}.\"}\n"));
  t.Write("b/rule.yaml", Rule("T-002",
                              "for_each: \"c.guardians.map(g, has(g.personnummer) ? '' : 'personnummer')\"\n"
                              "as: field\nassert: field == ''\npointer: /guardians/{index}/{key}\n",
                              "message: {sv: \"Fältet {key} saknas.\"}\n"));
  Engine engine(LoadOk(t));
  auto f = Run(engine,
               "guardians:\n"
               "  - name: Anna Exempelsson\n");
  REQUIRE(f.size() == 2);
  CHECK(f[0].rule == "T-001");
  CHECK(f[0].message.sv == "Vårdnadshavare 0.");
  CHECK(f[0].pointer == "/guardians/0");
  CHECK(f[1].rule == "T-002");
  CHECK(f[1].message.sv == "Fältet personnummer saknas.");
  CHECK(f[1].pointer == "/guardians/0/personnummer");
}

TEST_CASE("exact selection leaves a rule's variants out") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("a/rule.yaml", Rule("T-002", "assert: false\n"));
  t.Write("b/rule.yaml", Rule("T-002-X", "assert: false\n"));
  auto pack = LoadOk(t);
  aktkoll::engine::EngineOptions group;
  group.select = {"T-002"};
  CHECK(Engine(pack, group).rules().size() == 2);
  aktkoll::engine::EngineOptions exact = group;
  exact.exact_select = true;
  REQUIRE(Engine(pack, exact).rules().size() == 1);
  CHECK(Engine(pack, exact).rules()[0]->id == "T-002");
}
