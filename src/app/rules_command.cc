#include <algorithm>
#include "app/rules_command.h"

#include "app/cli_text.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/fixtures.h"
#include "app/rule_pack.h"
#include "engine/engine.h"
#include "expr/civil_time.h"
#include "ruleset/diagnostics.h"
#include "ruleset/loader.h"

namespace aktkoll::app {
namespace {

using ruleset::Pack;
using ruleset::Rule;

struct Options {
  PackChoice pack;
  std::string format = "text";
  std::string lang = "sv";
  std::string id;
  std::vector<std::string> packs;  // rules test
  bool strict = false;
};

core::Lang LangOf(const Options& o) { return o.lang == "en" ? core::Lang::kEn : core::Lang::kSv; }

std::string LawText(const ruleset::LawRef& law, core::Lang lang) {
  bool en = lang == core::Lang::kEn;
  std::string out = std::string(core::SourceKindLabel(law.kind, lang)) + ": " + law.ref;
  if (law.from && law.until)
    out += " (" + expr::FormatIsoDate(*law.from) + " – " + expr::FormatIsoDate(*law.until) + ")";
  else if (law.from)
    out += std::string(en ? " (from " : " (från ") + expr::FormatIsoDate(*law.from) + ")";
  else if (law.until)
    out += std::string(en ? " (until " : " (till och med ") + expr::FormatIsoDate(*law.until) + ")";
  return out;
}

std::string Join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Indents every line of `text` by `indent` spaces.
std::string Indent(const std::string& text, int indent) {
  std::string pad(indent, ' '), out = pad;
  for (char c : text) {
    out += c;
    if (c == '\n') out += pad;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

std::string PackLine(const Pack& pack) {
  std::string out = pack.name + " " + pack.version;
  if (!pack.profile.empty()) out += " (profil " + pack.profile + ")";
  return out;
}

int List(const Options& o) {
  core::Lang lang = LangOf(o);
  auto pack = LoadChosenPack(o.pack, lang, BuiltinPacks::kCheckAll);
  if (!pack) return 2;
  if (o.format == "json") {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const Rule& r : pack->rules) {
      nlohmann::ordered_json j;
      j["id"] = r.id;
      j["severity"] = core::SeverityName(r.severity);
      j["title"] = {{"sv", r.title.sv}, {"en", r.title.en}};
      nlohmann::ordered_json law = nlohmann::ordered_json::array();
      for (const auto& l : r.law) {
        nlohmann::ordered_json lj{{"ref", l.ref}, {"kind", core::SourceKindName(l.kind)}};
        lj["from"] = l.from ? nlohmann::ordered_json(expr::FormatIsoDate(*l.from)) : nlohmann::ordered_json();
        lj["until"] = l.until ? nlohmann::ordered_json(expr::FormatIsoDate(*l.until)) : nlohmann::ordered_json();
        law.push_back(lj);
      }
      j["law"] = law;
      j["requirements"] = r.requirements;
      nlohmann::ordered_json params = nlohmann::ordered_json::array();
      for (const auto& p : r.params)
        params.push_back({{"name", p.name}, {"type", ruleset::ParamTypeName(p.type)}, {"value", p.value_text},
                          {"default", p.default_text}, {"description", {{"sv", p.description.sv}, {"en", p.description.en}}}});
      j["params"] = params;
      j["definitions"] = r.definitions;
      j["pack"] = r.pack;
      j["file"] = r.file;
      rules.push_back(j);
    }
    nlohmann::ordered_json out;
    out["pack"] = {{"name", pack->name}, {"version", pack->version}, {"profile", pack->profile}, {"sha256", pack->sha256}};
    nlohmann::ordered_json pack_params = nlohmann::ordered_json::array();
    for (const auto& p : pack->params)
      pack_params.push_back({{"name", p.name}, {"type", ruleset::ParamTypeName(p.type)}, {"value", p.value_text},
                             {"default", p.default_text}, {"description", {{"sv", p.description.sv}, {"en", p.description.en}}}});
    out["params"] = pack_params;
    nlohmann::ordered_json definitions = nlohmann::ordered_json::array();
    for (const auto& d : pack->definitions)
      definitions.push_back({{"name", d.name}, {"type", d.type}, {"expr", d.source}, {"uses", d.uses},
                             {"pack", d.pack}, {"description", {{"sv", d.description.sv}, {"en", d.description.en}}}});
    out["definitions"] = definitions;
    out["rules"] = rules;
    out["disabled"] = pack->disabled;
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
  }
  bool en = lang == core::Lang::kEn;
  std::printf("%s: %zu %s\n\n", PackLine(*pack).c_str(), pack->rules.size(),
              pack->rules.size() == 1 ? (en ? "rule" : "regel") : (en ? "rules" : "regler"));
  for (const Rule& r : pack->rules) {
    std::printf("%-9s %-7s %s\n", r.id.c_str(), core::SeverityLabel(r.severity, lang), r.title.In(lang).c_str());
    if (!en && !r.title.en.empty()) std::printf("%-17s en: %s\n", "", r.title.en.c_str());
    for (const auto& l : r.law) std::printf("%-17s %s\n", "", LawText(l, lang).c_str());
    std::printf("%-17s %s: %s\n", "", en ? "requirements" : "krav", Join(r.requirements).c_str());
    for (const auto& p : r.params)
      std::printf("%-17s %s: %s = %s (%s)\n", "", en ? "parameter" : "parameter", p.name.c_str(), p.value_text.c_str(),
                  ruleset::ParamTypeName(p.type));
  }
  if (!pack->params.empty()) {
    std::printf("\n%s\n", en ? "Pack parameters" : "Paketets parametrar");
    for (const auto& p : pack->params)
      std::printf("  %s = %s (%s)  %s\n", p.name.c_str(), p.value_text.c_str(), ruleset::ParamTypeName(p.type),
                  p.description.In(lang).c_str());
  }
  if (!pack->definitions.empty()) {
    std::printf("\n%s\n", en ? "Definitions (aktkoll rules explain NAME)" : "Definitioner (aktkoll rules explain NAMN)");
    for (const auto& d : pack->definitions)
      std::printf("  %s%s\n", d.name.c_str(), d.description.In(lang).empty() ? "" : ("  " + d.description.In(lang)).c_str());
  }
  if (!pack->disabled.empty())
    std::printf("\n%s: %s\n", en ? "disabled by the profile" : "avstängda av profilen", Join(pack->disabled).c_str());
  return 0;
}

// `names` and the definitions they read, directly or not, in the pack's order.
std::vector<std::string> DefinitionClosure(const Pack& pack, std::vector<std::string> names) {
  for (auto it = pack.definitions.rbegin(); it != pack.definitions.rend(); ++it) {
    if (std::find(names.begin(), names.end(), it->name) == names.end()) continue;
    for (const std::string& u : it->uses)
      if (std::find(names.begin(), names.end(), u) == names.end()) names.push_back(u);
  }
  std::vector<std::string> out;
  for (const ruleset::Definition& d : pack.definitions)
    if (std::find(names.begin(), names.end(), d.name) != names.end()) out.push_back(d.name);
  return out;
}

int ExplainDefinition(const Pack& pack, const ruleset::Definition& d, core::Lang lang) {
  bool en = lang == core::Lang::kEn;
  std::string out = std::string(en ? "Definition " : "Definitionen ") + d.name +
                    (d.type.empty() ? "" : " (" + d.type + ")") + (en ? "    Pack: " : "    Paket: ") + d.pack + "\n\n";
  auto section = [&](const char* sv, const char* english, const std::string& body) {
    if (body.empty()) return;
    out += std::string(en ? english : sv) + "\n" + Indent(body, 2) + "\n\n";
  };
  section("Beskrivning", "Description", d.description.In(lang));
  section("Uttryck", "Expression", d.source);
  std::string reads;
  for (const std::string& u : DefinitionClosure(pack, d.uses)) {
    const ruleset::Definition* x = pack.FindDefinition(u);
    reads += u + (x->description.In(lang).empty() ? "" : "  " + x->description.In(lang)) + "\n";
    reads += Indent(x->source, 4) + "\n";
  }
  section("Definitioner som den läser", "Definitions it reads", reads);
  std::string users;
  for (const Rule& r : pack.rules) {
    std::vector<std::string> all = DefinitionClosure(pack, r.definitions);
    if (std::find(all.begin(), all.end(), d.name) != all.end()) users += r.id + "  " + r.title.In(lang) + "\n";
  }
  section("Regler som läser den", "Rules that read it", users);
  out += std::string(en ? "File: " : "Fil: ") + core::FormatLocation(d.file, d.pos) + "\n";
  std::fputs(out.c_str(), stdout);
  return 0;
}

int Explain(const Options& o) {
  core::Lang lang = LangOf(o);
  bool en = lang == core::Lang::kEn;
  auto pack = LoadChosenPack(o.pack, lang, BuiltinPacks::kCheckAll);
  if (!pack) return 2;
  const Rule* r = pack->Find(o.id);
  if (!r) {
    if (const ruleset::Definition* d = pack->FindDefinition(o.id)) return ExplainDefinition(*pack, *d, lang);
    std::vector<std::string> ids;
    for (const Rule& x : pack->rules) ids.push_back(x.id);
    for (const ruleset::Definition& x : pack->definitions) ids.push_back(x.name);
    std::string near = ruleset::ClosestMatch(o.id, ids);
    std::fprintf(stderr, en ? "aktkoll: no rule '%s' in %s%s\n" : "aktkoll: regeln '%s' finns inte i %s%s\n",
                 o.id.c_str(), PackLine(*pack).c_str(),
                 near.empty() ? "" : ((en ? " (did you mean " : " (menade du ") + near + "?)").c_str());
    return 2;
  }
  ruleset::Diagnostics ignored;  // the catalogue is checked when the pack loads
  std::vector<ruleset::Requirement> reqs = ruleset::LoadRequirements(std::nullopt, &ignored);
  std::string out;
  out += r->id + ": " + r->title.In(lang) + "\n";
  out += std::string(en ? "Severity: " : "Allvarlighetsgrad: ") + core::SeverityLabel(r->severity, lang) +
         (en ? "    Pack: " : "    Paket: ") + r->pack + "\n\n";
  auto section = [&](const char* sv, const char* english, const std::string& body) {
    if (body.empty()) return;
    out += std::string(en ? english : sv) + "\n" + Indent(body, 2) + "\n\n";
  };
  section("Vad regeln kontrollerar", "What it checks", r->doc.checks.In(lang));
  section("Varför", "Why", r->doc.why.In(lang));
  section("Exempel", "Example", r->doc.example.In(lang));
  std::string law;
  for (const auto& l : r->law) law += LawText(l, lang) + "\n";
  section("Rättslig grund", "Legal basis", law);
  std::string req;
  for (const std::string& id : r->requirements) {
    std::string title;
    for (const auto& q : reqs)
      if (q.id == id) title = q.title.In(lang);
    req += id + (title.empty() ? "" : "  " + title) + "\n";
  }
  section("Krav", "Requirements", req);
  std::string params;
  for (const auto& p : r->params) {
    params += p.name + " (" + ruleset::ParamTypeName(p.type) + ") = " + p.value_text;
    if (p.value_text != p.default_text) params += std::string(en ? ", default " : ", standard ") + p.default_text;
    params += "\n  " + p.description.In(lang) + "\n";
  }
  section("Parametrar", "Parameters", params);
  std::string defs;
  for (const std::string& name : DefinitionClosure(*pack, r->definitions)) {
    const ruleset::Definition* d = pack->FindDefinition(name);
    defs += name + (d->description.In(lang).empty() ? "" : "  " + d->description.In(lang)) + "\n";
    defs += Indent(d->source, 4) + "\n";
  }
  section("Definitioner som regeln läser", "Definitions the rule reads", defs);
  out += std::string(en ? "File: " : "Fil: ") + r->file + "\n";
  std::fputs(out.c_str(), stdout);
  return 0;
}

int Test(const Options& o) {
  std::vector<std::string> specs = o.packs;
  if (specs.empty()) specs = ruleset::BuiltinPackNames();
  int passed = 0, failed = 0;
  bool load_error = false;
  for (const std::string& spec : specs) {
    auto pack = LoadPackOrReport(spec, core::Lang::kSv, BuiltinPacks::kCheckAll);
    if (!pack) {
      load_error = true;
      continue;
    }
    // A profile's fixtures test its own rules: inherited rules are tested with their pack.
    const std::string& own = pack->chain.back();
    std::vector<const Rule*> rules;
    for (const Rule& r : pack->rules)
      if (r.pack == own) rules.push_back(&r);
    std::printf("%s: %zu %s\n", PackLine(*pack).c_str(), rules.size(), rules.size() == 1 ? "regel" : "regler");
    for (const RuleFixtures& rf : RunFixtures(pack, rules)) {
      int ok = 0, bad = static_cast<int>(rf.problems.size());
      for (const FixtureResult& f : rf.fixtures) (f.passed ? ok : bad)++;
      passed += ok;
      failed += bad;
      std::printf("  %-4s %-9s %d/%zu fixturer\n", rf.passed() ? "ok" : "FEL", rf.rule.c_str(), ok,
                  rf.fixtures.size());
      for (const std::string& p : rf.problems) std::printf("         %s\n", p.c_str());
      for (const FixtureResult& f : rf.fixtures)
        for (const std::string& p : f.problems) std::printf("         %s: %s\n", f.path.c_str(), p.c_str());
    }
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  if (load_error) return 2;
  return failed > 0 ? 1 : 0;
}

// With --rules or --profile: the coverage of that pack. Without: of every built-in pack
// and profile together, since some requirements are municipal rules that only a
// profile has (Kalix's catalogue, Stockholm's documentation ban); a profile's own rules
// are shown with the profile's name.
int Coverage(const Options& o) {
  core::Lang lang = LangOf(o);
  bool en = lang == core::Lang::kEn;
  std::vector<std::shared_ptr<const ruleset::Pack>> packs;
  const bool all = o.pack.rules.empty() && o.pack.profile.empty();
  if (all) {
    for (const std::string& name : ruleset::BuiltinPackNames()) {
      auto p = LoadPackOrReport(name, lang, BuiltinPacks::kCheckAll);
      if (!p) return 2;
      packs.push_back(p);
    }
  } else {
    auto p = LoadChosenPack(o.pack, lang, BuiltinPacks::kCheckAll);
    if (!p) return 2;
    packs.push_back(p);
  }
  ruleset::Diagnostics ignored;
  std::vector<ruleset::Requirement> reqs = ruleset::LoadRequirements(std::nullopt, &ignored);
  int covered = 0, not_checkable = 0, missing = 0;
  std::string group;
  for (const auto& p : packs) std::printf("%s\n", PackLine(*p).c_str());
  for (const ruleset::Requirement& q : reqs) {
    if (q.group != group) {
      group = q.group;
      std::printf("\n%s\n", group.c_str());
    }
    std::vector<std::string> rules;
    const ruleset::NotCheckable* nc = nullptr;
    for (size_t i = 0; i < packs.size(); ++i) {
      const ruleset::Pack& pack = *packs[i];
      for (const Rule& r : pack.rules) {
        // In the all-packs view, a profile contributes only the rules it defines itself.
        if (all && i > 0 && r.pack != pack.profile) continue;
        for (const std::string& id : r.requirements) {
          if (id != q.id) continue;
          std::string shown = all && i > 0 ? r.id + " (" + pack.profile + ")" : r.id;
          if (std::find(rules.begin(), rules.end(), shown) == rules.end()) rules.push_back(shown);
        }
      }
      for (const auto& n : pack.not_checkable)
        if (n.requirement == q.id && !nc) nc = &n;
    }
    if (!rules.empty()) {
      ++covered;
      std::printf("  %-8s %s\n", q.id.c_str(), Join(rules).c_str());
    } else if (nc) {
      ++not_checkable;
      std::printf("  %-8s %s: %s\n", q.id.c_str(), en ? "not checkable" : "kan inte kontrolleras",
                  nc->reason.In(lang).c_str());
    } else {
      ++missing;
      std::printf("  %-8s SAKNAS\n", q.id.c_str());
    }
  }
  std::printf(en ? "\n%d requirements: %d covered, %d not checkable, %d missing\n"
                 : "\n%d krav: %d täckta, %d kan inte kontrolleras, %d saknas\n",
              static_cast<int>(reqs.size()), covered, not_checkable, missing);
  return o.strict && missing > 0 ? 1 : 0;
}

void AddPackOptions(CLI::App* cmd, Options* o) {
  cmd->add_option("--rules", o->pack.rules, Ui("Regelpaket eller profil på disk (pack.yaml, profile.yaml)",
                                               "Rule pack or profile on disk (pack.yaml, profile.yaml)"))
      ->type_name(Ui("FIL", "FILE"));
  cmd->add_option("--profile", o->pack.profile, Ui("Inbyggd kommunprofil: kalix, stockholm eller gotland",
                                                   "Built-in municipal profile: kalix, stockholm or gotland"))
      ->type_name(Ui("NAMN", "NAME"));
  cmd->add_option("--lang", o->lang, Ui("Språk: sv eller en (standard: sv, eller en när LANG säger engelska)",
                                        "Language: sv or en (default: sv, or en when LANG says English)"))
      ->type_name("sv|en")->check(OneOf({"sv", "en"}));
}

}  // namespace

void AddRulesCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<Options>();
  o->lang = UiLangCode();
  CLI::App* rules = app.add_subcommand("rules", Ui("Visa, förklara och testa regelpaketet", "Show, explain and test the rule pack"));
  rules->require_subcommand(1);

  CLI::App* list = rules->add_subcommand("list", Ui("Lista paketets regler: id, allvarlighetsgrad, rubrik, lagrum, krav, parametrar",
                                                    "List the pack's rules: id, severity, title, law, requirements, parameters"));
  AddPackOptions(list, o.get());
  list->add_option("--format", o->format, Ui("text eller json (standard: text)", "text or json (default: text)"))
      ->type_name("FMT")->check(OneOf({"text", "json"}));
  list->callback([o, exit_code] { *exit_code = List(*o); });

  CLI::App* explain = rules->add_subcommand(
      "explain", Ui("Visa en regels eller en definitions dokumentation", "Show a rule's or a definition's documentation"));
  explain->add_option("id", o->id, Ui("Regel-id, t.ex. GP-001, eller en definitions namn, t.ex. needs_assessed",
                                      "Rule id, e.g. GP-001, or a definition's name, e.g. needs_assessed"))
      ->type_name("ID")
      ->required();
  AddPackOptions(explain, o.get());
  explain->callback([o, exit_code] { *exit_code = Explain(*o); });

  CLI::App* test = rules->add_subcommand("test", Ui("Kör reglernas fixturer (standard: alla inbyggda paket och profiler)",
                                                    "Run the rules' fixtures (default: every built-in pack and profile)"));
  test->add_option("packs", o->packs, Ui("Paket eller profiler: inbyggda namn eller sökvägar", "Packs or profiles: built-in names or paths"))
      ->type_name(Ui("PAKET", "PACK"));
  test->callback([o, exit_code] { *exit_code = Test(*o); });

  CLI::App* coverage = rules->add_subcommand("coverage", Ui("Visa vilka krav som kontrolleras av vilka regler",
                                                            "Show which requirements are checked by which rules"));
  AddPackOptions(coverage, o.get());
  coverage->add_flag("--strict", o->strict, Ui("Slutstatus 1 om något krav saknar regel", "Exit status 1 if a requirement has no rule"));
  coverage->callback([o, exit_code] { *exit_code = Coverage(*o); });
}

}  // namespace aktkoll::app
