// The engine over named values: pack definitions evaluated lazily and at most once per
// case (counted by a function that ticks), lets per case and per element, a definition
// that fails at run time, per-finding requirement ids, pointers from lets, pack parameters.
#include <doctest/doctest.h>

#include <atomic>

#include "document/loader.h"
#include "engine/engine.h"
#include "expr/civil_time.h"
#include "ruleset/functions.h"
#include "temp_pack.h"

using aktkoll::core::Finding;
using aktkoll::engine::Engine;
using aktkoll::ruleset::testing::kPackYaml;
using aktkoll::ruleset::testing::TempPack;

namespace {

std::atomic<int> ticks{0};

// `tick(x)` returns x and counts its calls: how often an expression around it ran.
aktkoll::ruleset::LoadOptions Counting() {
  aktkoll::ruleset::LoadOptions options;
  options.register_functions = [](aktkoll::expr::FunctionRegistry& r, const aktkoll::ruleset::Pack& pack) {
    using aktkoll::expr::Type;
    using aktkoll::expr::Value;
    auto domain = aktkoll::ruleset::DefaultFunctions()(r, pack);
    if (!domain.ok()) return domain;
    return r.AddGlobal("tick", "tick_dyn", {Type::Dyn()}, Type::Dyn(),
                       [](std::span<const Value> args, const aktkoll::expr::CallContext&) -> aktkoll::expr::Result<Value> {
                         ++ticks;
                         return args[0];
                       });
  };
  return options;
}

std::shared_ptr<const aktkoll::ruleset::Pack> Load(const TempPack& t, const std::string& rel = "pack.yaml") {
  auto r = aktkoll::ruleset::LoadPack(t.Path(rel), Counting());
  INFO(r.diagnostics.Format());
  REQUIRE(r.ok());
  return r.pack;
}

std::vector<Finding> Run(const Engine& engine, const std::string& yaml) {
  aktkoll::document::Node root;
  aktkoll::document::LoadBuffer("case.yaml", yaml, aktkoll::document::Format::kYaml, {},
                                [&](aktkoll::document::LoadedDocument&& d) {
                                  REQUIRE_FALSE(d.has_error);
                                  root = std::move(d.root);
                                });
  Finding base;
  base.path = "case.yaml";
  std::vector<Finding> out;
  engine.Check(root, base, *aktkoll::expr::ParseIsoDate("2026-01-01"), &out);
  return out;
}

std::string Rule(const std::string& id, const std::string& body, const std::string& requirements = "[UPP-2]",
                 const std::string& message = "{sv: Fel., en: Wrong.}") {
  return "id: " + id + "\ntitle: {sv: T}\nseverity: error\nrequirements: " + requirements +
         "\nlaw:\n  - {ref: Lag, from: 2000-01-01}\nmessage: " + message +
         "\ndoc: {checks: Något., why: Därför.}\n" + body;
}

}  // namespace

TEST_CASE("a definition is evaluated only when read, and at most once per case") {
  TempPack t;
  t.Write("pack.yaml", std::string(kPackYaml) + "definitions:\n  items: tick(size(c.items))\n");
  // Three rules read `items`; one applies only when the case has a plan, and reads it then.
  t.Write("a/rule.yaml", Rule("T-001", "assert: items < 5\n"));
  t.Write("b/rule.yaml", Rule("T-002", "assert: items > 0\n"));
  t.Write("c/rule.yaml", Rule("T-003", "when: has(c.plan)\nassert: items > 1\n"));
  t.Write("d/rule.yaml", Rule("T-004", "assert: has(c.items)\n"));
  Engine engine(Load(t));

  ticks = 0;
  CHECK(Run(engine, "items: [1, 2]\n").empty());
  CHECK(ticks == 1);  // three reads, one evaluation
  ticks = 0;
  CHECK(Run(engine, "items: [1, 2]\nplan: x\n").empty());
  CHECK(ticks == 1);
  ticks = 0;
  auto f = Run(engine, "items: [1, 2, 3, 4, 5, 6]\n");  // once more for the next case
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "T-001");
  CHECK(ticks == 1);

  // No rule that reads it applies: never evaluated.
  TempPack u;
  u.Write("pack.yaml", std::string(kPackYaml) + "definitions:\n  items: tick(size(c.items))\n");
  u.Write("a/rule.yaml", Rule("T-001", "when: has(c.plan)\nassert: items > 0\n"));
  Engine lazy(Load(u));
  ticks = 0;
  CHECK(Run(lazy, "items: [1]\n").empty());
  CHECK(ticks == 0);
}

TEST_CASE("a let is evaluated once per case, or once per element when it reads the element") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("a/rule.yaml", Rule("T-001",
                              "for_each: c.items\nas: item\n"
                              "let:\n  limit: tick(2)\n  big: tick(item) > limit\n"
                              "assert: \"!big\"\npointer: /items/{index}\n"));
  Engine engine(Load(t));
  ticks = 0;
  auto f = Run(engine, "items: [1, 3, 2, 5]\n");
  REQUIRE(f.size() == 2);
  CHECK(f[0].pointer == "/items/1");
  CHECK(f[1].pointer == "/items/3");
  CHECK(ticks == 1 + 4);  // limit once, big once per element
}

TEST_CASE("a definition that fails at run time is a rule-error of each rule that read it") {
  TempPack t;
  t.Write("pack.yaml", std::string(kPackYaml) + "definitions:\n  plan_date: date(tick(c.plan.date))\n");
  t.Write("a/rule.yaml", Rule("T-001", "assert: plan_date > date('2020-01-01')\n"));
  t.Write("b/rule.yaml", Rule("T-002", "assert: has(c.plan) && plan_date < date('2030-01-01')\n"));
  t.Write("c/rule.yaml", Rule("T-003", "assert: has(c.plan)\n"));
  Engine engine(Load(t));
  ticks = 0;
  auto f = Run(engine, "plan:\n  date: 2025-02-30\n");
  REQUIRE(f.size() == 2);
  CHECK(f[0].rule == "rule-error");
  CHECK(f[0].message.sv ==
        "regeln T-001 kunde inte utvärderas på dokumentet (assert): i definitionen 'plan_date': "
        "'2025-02-30' är inget giltigt datum (ÅÅÅÅ-MM-DD)");
  CHECK(f[1].message.sv ==
        "regeln T-002 kunde inte utvärderas på dokumentet (assert): i definitionen 'plan_date': "
        "'2025-02-30' är inget giltigt datum (ÅÅÅÅ-MM-DD)");
  CHECK(ticks == 1);  // evaluated once: the second rule got the kept error
}

TEST_CASE("a finding cites only the requirement it breaks") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("a/rule.yaml",
          Rule("T-001",
               "for_each: \"[{'point': 'goals', 'req': 'GP-1'}, {'point': 'follow_up', 'req': 'GP-3'}]\"\n"
               "as: p\nassert: has(c.points) && p.point in c.points\nrequirement: p.req\n"
               "pointer: /points\n",
               "[GP-1, GP-3, GP-8]"));
  t.Write("b/rule.yaml", Rule("T-002", "let:\n  first: \"!has(c.follow_ups)\"\n"
                                       "assert: false\nrequirement: \"first ? 'UPF-2' : ['UPF-1', 'UPF-2']\"\n",
                              "[UPF-1, UPF-2]"));
  t.Write("c/rule.yaml", Rule("T-003", "assert: false\nrequirement: \"c.which\"\n", "[UPP-2]"));
  Engine engine(Load(t));
  auto of = [](const std::vector<Finding>& fs, const std::string& rule) {
    std::vector<Finding> out;
    for (const Finding& f : fs)
      if (f.rule == rule) out.push_back(f);
    return out;
  };
  auto f = Run(engine, "points:\n  goals: x\nfollow_ups: []\nwhich: UPP-9\n");
  REQUIRE(f.size() == 3);
  REQUIRE(of(f, "T-001").size() == 1);
  CHECK(of(f, "T-001")[0].requirements == std::vector<std::string>{"GP-3"});
  REQUIRE(of(f, "T-002").size() == 1);
  CHECK(of(f, "T-002")[0].requirements == std::vector<std::string>{"UPF-1", "UPF-2"});
  REQUIRE(of(f, "rule-error").size() == 1);
  CHECK(of(f, "rule-error")[0].message.sv ==
        "regeln T-003 kunde inte utvärderas på dokumentet (requirement): kravet UPP-9 står inte i regelns requirements");
  f = Run(engine, "which: UPP-2\n");
  REQUIRE(f.size() == 4);
  CHECK(of(f, "T-001").size() == 2);
  CHECK(of(f, "T-002")[0].requirements == std::vector<std::string>{"UPF-2"});
  CHECK(of(f, "T-003")[0].requirements == std::vector<std::string>{"UPP-2"});
}

TEST_CASE("a pointer placeholder filled from a let") {
  TempPack t;
  t.Write("pack.yaml", kPackYaml);
  t.Write("a/rule.yaml", Rule("T-001", "for_each: c.bad\nas: b\nlet:\n  where: \"'/' + b\"\n"
                                       "assert: false\npointer: \"{where}\"\n"));
  Engine engine(Load(t));
  auto f = Run(engine, "bad: [decision, plan]\ndecision: {date: x}\nplan: {}\n");
  REQUIRE(f.size() == 2);
  CHECK(f[0].pointer == "/decision");
  CHECK(f[0].pos.line == 2);
  CHECK(f[1].pointer == "/plan");
}

TEST_CASE("pack parameters, overridden once by a profile, reach every rule and definition") {
  TempPack t;
  t.Write("base/pack.yaml", std::string(kPackYaml) +
                                "params:\n  limit: {type: int, default: 3, description: L.}\n"
                                "definitions:\n  too_many: size(c.items) > params.limit\n");
  t.Write("base/a/rule.yaml", Rule("T-001", "assert: \"!too_many\"\n"));
  t.Write("base/b/rule.yaml", Rule("T-002", "assert: size(c.items) <= params.limit\n"));
  t.Write("p/profile.yaml", "name: p\nextends: ../base\nparams:\n  limit: 1\n");
  Engine national(Load(t, "base/pack.yaml"));
  Engine profile(Load(t, "p/profile.yaml"));
  CHECK(Run(national, "items: [1, 2]\n").empty());
  CHECK(Run(profile, "items: [1, 2]\n").size() == 2);
}
