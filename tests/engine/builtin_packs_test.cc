// The built-in packs as `aktkoll check` loads them (expressions compiled on first use,
// ruleset::LoadOptions::check_builtin false) and as the `rules` commands load them
// (compiled and checked at once) find the same things in every example and every fixture.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "document/loader.h"
#include "engine/engine.h"
#include "expr/civil_time.h"
#include "ruleset/loader.h"
#include "temp_pack.h"

namespace {

using aktkoll::core::Finding;
using aktkoll::engine::Engine;

std::shared_ptr<const aktkoll::ruleset::Pack> Load(const std::string& name, bool check_builtin) {
  aktkoll::ruleset::LoadOptions options;
  options.check_builtin = check_builtin;
  auto r = aktkoll::ruleset::LoadPack(name, options);
  INFO(name << ": " << r.diagnostics.Format());
  REQUIRE(r.ok());
  return r.pack;
}

// Every finding of `engine` in `content`, one line each.
std::string Findings(const Engine& engine, const std::string& path, const std::string& content) {
  std::string out;
  const int64_t as_of = *aktkoll::expr::ParseIsoDate("2026-11-23");
  aktkoll::document::LoadBuffer(
      path, content, aktkoll::document::FormatFromPath(path), {}, [&](aktkoll::document::LoadedDocument&& d) {
        if (d.has_error) return;
        Finding base;
        base.path = path;
        std::vector<Finding> found;
        engine.Check(d.root, base, as_of, &found);
        for (const Finding& f : found) {
          out += f.rule + " " + f.pointer + " " + std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column) +
                 " " + f.due_date + " " + f.message.sv + " | " + f.message.en;
          for (const aktkoll::core::Citation& l : f.law) out += " | " + l.ref;
          out += "\n";
        }
      });
  return out;
}

// How many of a pack's programs are compiled.
std::pair<size_t, size_t> CompiledOf(const aktkoll::ruleset::Pack& pack) {
  size_t compiled = 0, all = 0;
  auto count = [&](const std::optional<aktkoll::expr::Program>& p) {
    if (!p) return;
    ++all;
    if (p->compiled()) ++compiled;
  };
  for (const auto& r : pack.rules) {
    count(r.when);
    count(r.for_each);
    count(r.assertion);
    count(r.due);
    count(r.deadline);
    for (const auto& v : r.values) count(std::optional<aktkoll::expr::Program>(v.program));
  }
  return {compiled, all};
}

TEST_CASE("a built-in pack loaded for a check compiles its expressions as cases need them") {
  auto lazy = Load("national", false);
  auto [before, all] = CompiledOf(*lazy);
  CHECK(before == 0);
  CHECK(all > 250);
  Engine engine(lazy);
  auto text = aktkoll::ruleset::DiskSource().Read(AKTKOLL_SOURCE_DIR "/examples/barn-familjebehandling-kompliant.yaml");
  REQUIRE(text);
  CHECK(Findings(engine, "barn-familjebehandling-kompliant.yaml", *text).empty());
  auto [after, all2] = CompiledOf(*lazy);
  CHECK(after > 50);   // what this case evaluated...
  CHECK(after < all);  // ...and not the messages' values of rules that found nothing
  CHECK(all2 == all);
  auto [checked, all3] = CompiledOf(*Load("national", true));
  CHECK(checked == all3);
  CHECK(all3 == all);
  // A profile on disk that extends the pack: everything is compiled and checked at once.
  aktkoll::ruleset::testing::TempPack t;
  t.Write("profile.yaml", "name: kommunen\nextends: national\n");
  auto profile = aktkoll::ruleset::LoadPack(t.Path("profile.yaml"));
  REQUIRE(profile.ok());
  auto [on_disk, all4] = CompiledOf(*profile.pack);
  CHECK(on_disk == all4);
  CHECK(all4 == all);
}

TEST_CASE("built-in packs compiled on first use find what fully checked ones find") {
  size_t inputs = 0, findings = 0;
  for (const std::string& name : aktkoll::ruleset::BuiltinPackNames()) {
    auto lazy = Load(name, false);
    auto checked = Load(name, true);
    REQUIRE(lazy->rules.size() == checked->rules.size());
    Engine lazy_engine(lazy), checked_engine(checked);
    std::vector<std::pair<std::string, std::string>> cases;  // path, content
    for (const auto& e : std::filesystem::directory_iterator(AKTKOLL_SOURCE_DIR "/examples")) {
      if (!e.is_regular_file()) continue;
      std::string path = e.path().string();
      auto text = aktkoll::ruleset::DiskSource().Read(path);
      REQUIRE(text);
      cases.emplace_back(path, *text);
    }
    for (const auto& rule : checked->rules)
      for (const auto& fixture : rule.fixtures) {
        auto text = fixture.source->Read(fixture.path);
        REQUIRE(text);
        cases.emplace_back(fixture.path, *text);
      }
    for (const auto& [path, content] : cases) {
      std::string a = Findings(lazy_engine, path, content);
      std::string b = Findings(checked_engine, path, content);
      INFO(name << ": " << path);
      CHECK(a == b);
      findings += static_cast<size_t>(std::count(b.begin(), b.end(), '\n'));
      ++inputs;
    }
  }
  // Not vacuous: the examples and fixtures make every rule fire somewhere.
  CHECK(inputs > 300);
  CHECK(findings > 1000);
}

}  // namespace
