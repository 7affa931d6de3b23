#include "app/fixtures.h"

#include <optional>
#include <sstream>

#include "document/loader.h"
#include "engine/engine.h"
#include "expr/civil_time.h"
#include "ruleset/loader.h"

namespace aktkoll::app {
namespace {

struct Expectation {
  std::string rule;
  std::string pointer;
  core::Position pos;  // line 0 = any position
  std::optional<std::vector<std::string>> requirements;  // `[GP-1]`: exactly these ids
  int line_in_file = 0;
  bool matched = false;
};

std::string Trim(std::string s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Reads the `# expect:` and `# as-of:` lines. Problems are appended to `problems`.
void ParseDirectives(const std::string& text, std::vector<Expectation>* expectations, std::string* as_of,
                     std::vector<std::string>* problems) {
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string t = Trim(line);
    if (t.rfind("#", 0) != 0) continue;
    t = Trim(t.substr(1));
    if (t.rfind("as-of:", 0) == 0) {
      *as_of = Trim(t.substr(6));
      if (!expr::ParseIsoDate(*as_of))
        problems->push_back("rad " + std::to_string(n) + ": ogiltigt datum i as-of: '" + *as_of + "'");
      continue;
    }
    if (t.rfind("expect:", 0) != 0) continue;
    std::istringstream fields(t.substr(7));
    Expectation e;
    e.line_in_file = n;
    std::string pos, reqs;
    fields >> e.rule >> e.pointer >> pos >> reqs;
    if (!pos.empty() && pos[0] == '[') std::swap(pos, reqs);
    if (e.pointer == "\"\"") e.pointer.clear();
    if (!reqs.empty()) {
      if (reqs.size() < 3 || reqs.front() != '[' || reqs.back() != ']') {
        problems->push_back("rad " + std::to_string(n) + ": ogiltiga krav '" + reqs + "', väntade t.ex. [GP-1,GP-8]");
        continue;
      }
      std::vector<std::string> ids;
      std::istringstream list(reqs.substr(1, reqs.size() - 2));
      for (std::string id; std::getline(list, id, ',');) ids.push_back(id);
      e.requirements = ids;
    }
    if (e.rule.empty() || (e.pointer.empty() && t.find("\"\"") == std::string::npos) ||
        (!e.pointer.empty() && e.pointer[0] != '/')) {
      problems->push_back("rad " + std::to_string(n) + ": väntade '# expect: REGEL-ID /pekare [rad:kolumn]'");
      continue;
    }
    if (!pos.empty()) {
      unsigned l = 0, c = 0;
      char colon = 0;
      std::istringstream p(pos);
      if (!(p >> l >> colon >> c) || colon != ':' || l == 0 || c == 0) {
        problems->push_back("rad " + std::to_string(n) + ": ogiltig position '" + pos + "', väntade rad:kolumn");
        continue;
      }
      e.pos = core::Position{l, c};
    }
    expectations->push_back(e);
  }
}

std::string Describe(const core::Finding& f) {
  std::string reqs;
  for (const std::string& r : f.requirements) reqs += (reqs.empty() ? " [" : ",") + r;
  if (!reqs.empty()) reqs += "]";
  return f.rule + " " + (f.pointer.empty() ? "\"\"" : f.pointer) + " " + std::to_string(f.pos.line) + ":" +
         std::to_string(f.pos.column) + reqs + " (" + f.message.sv + ")";
}

FixtureResult RunOne(const engine::Engine& engine, const ruleset::Fixture& fixture) {
  FixtureResult result;
  result.path = fixture.path;
  const ruleset::FileSource& source = fixture.source ? *fixture.source : ruleset::DiskSource();
  auto text = source.Read(fixture.path);
  if (!text) {
    result.problems.push_back("fixturen kan inte läsas");
    return result;
  }
  std::vector<Expectation> expectations;
  std::string as_of_text = kDefaultFixtureAsOf;
  ParseDirectives(*text, &expectations, &as_of_text, &result.problems);
  auto as_of = expr::ParseIsoDate(as_of_text);
  if (fixture.must_pass && !expectations.empty())
    result.problems.push_back("en pass-fixtur får inte ha '# expect:'-rader");
  if (!fixture.must_pass && expectations.empty())
    result.problems.push_back("en fail-fixtur måste ange sina anmärkningar med '# expect:'-rader");

  std::vector<core::Finding> findings;
  int documents = 0;
  document::LoadBuffer(fixture.path, *text, document::FormatFromPath(fixture.path), document::Limits{},
                       [&](document::LoadedDocument&& doc) {
    ++documents;
    if (doc.has_error) {
      result.problems.push_back("dokument " + std::to_string(doc.index) + " kan inte läsas: " + doc.error.message +
                                " (" + core::FormatLocation(fixture.path, doc.error.pos) + ")");
      return;
    }
    core::Finding base;
    base.path = fixture.path;
    base.document = doc.index;
    engine.Check(doc.root, base, as_of.value_or(0), &findings);
  });
  if (documents == 0) result.problems.push_back("fixturen innehåller inget dokument");

  for (const core::Finding& f : findings) {
    bool matched = false;
    for (Expectation& e : expectations) {
      if (e.matched || e.rule != f.rule || e.pointer != f.pointer) continue;
      if (e.pos.known() && e.pos != f.pos) continue;
      if (e.requirements && *e.requirements != f.requirements) continue;
      e.matched = matched = true;
      break;
    }
    if (!matched) result.problems.push_back("oväntad anmärkning: " + Describe(f));
  }
  for (const Expectation& e : expectations) {
    if (e.matched) continue;
    std::string where = e.pos.known() ? " " + std::to_string(e.pos.line) + ":" + std::to_string(e.pos.column) : "";
    std::string reqs;
    if (e.requirements)
      for (const std::string& r : *e.requirements) reqs += (reqs.empty() ? " [" : ",") + r;
    if (!reqs.empty()) reqs += "]";
    result.problems.push_back("förväntad anmärkning saknas (rad " + std::to_string(e.line_in_file) +
                              "): " + e.rule + " " + (e.pointer.empty() ? "\"\"" : e.pointer) + where + reqs);
  }
  result.passed = result.problems.empty();
  return result;
}

}  // namespace

bool RuleFixtures::passed() const {
  if (!problems.empty()) return false;
  for (const FixtureResult& f : fixtures)
    if (!f.passed) return false;
  return true;
}

std::vector<RuleFixtures> RunFixtures(const std::shared_ptr<const ruleset::Pack>& pack,
                                      const std::vector<const ruleset::Rule*>& rules) {
  std::vector<RuleFixtures> out;
  for (const ruleset::Rule* rule : rules) {
    RuleFixtures rf;
    rf.rule = rule->id;
    engine::EngineOptions options;
    options.select = {rule->id};
    options.exact_select = true;  // a fixture tests its own rule, not the rule's variants
    engine::Engine engine(pack, options);
    bool has_pass = false, has_fail = false;
    for (const ruleset::Fixture& fixture : rule->fixtures) {
      has_pass = has_pass || fixture.must_pass;
      has_fail = has_fail || !fixture.must_pass;
      rf.fixtures.push_back(RunOne(engine, fixture));
    }
    if (!has_pass) rf.problems.push_back("regeln saknar en pass-fixtur (pass-*.yaml bredvid " + rule->file + ")");
    if (!has_fail) rf.problems.push_back("regeln saknar en fail-fixtur (fail-*.yaml bredvid " + rule->file + ")");
    out.push_back(std::move(rf));
  }
  return out;
}

}  // namespace aktkoll::app
