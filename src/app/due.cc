#include "app/due.h"

#include "app/cli_text.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/check.h"
#include "app/output.h"
#include "app/rule_pack.h"
#include "document/loader.h"
#include "domain/dates.h"
#include "engine/engine.h"
#include "expr/civil_time.h"
#include "report/escape.h"

namespace aktkoll::app {
namespace {

using document::Kind;
using document::Node;

struct DueOptions {
  std::vector<std::string> paths;
  std::string within = "30d";
  std::string as_of;
  std::string format = "text";
  std::string lang = "sv";
  std::string rules, profile;
  bool ivo = false;
  bool show_personal_data = false;
  document::Limits limits;
};

struct Entry {
  std::string path;
  std::string case_id;
  int document = 0;
  int64_t day = 0;
  std::string rule;        // or "IVO"
  std::string what;        // title, or the IVO line
  core::Position pos;
  std::string pointer;
};

// IVO columns.
struct IvoEntry {
  std::string path, case_id, decision_date, intervention_type, kind, limit, reason, report;
  core::Position pos;
};

const Node* At(const Node& root, std::initializer_list<const char*> path) {
  const Node* n = &root;
  for (const char* key : path) {
    n = n->Find(key);
    if (!n) return nullptr;
  }
  return n;
}

std::string Str(const Node* n) { return n && n->kind == Kind::kString ? n->string : ""; }

std::optional<int64_t> Day(const Node* n) { return expr::ParseIsoDate(Str(n)); }

int64_t AddMonthsDay(int64_t day, int months) {
  auto r = domain::AddMonths(static_cast<int32_t>(day), months);
  return r ? *r : day;
}

// The quarter containing `day`: first and last day.
std::pair<int64_t, int64_t> Quarter(int64_t day) {
  std::string iso = expr::FormatIsoDate(day);
  int year = std::stoi(iso.substr(0, 4)), month = std::stoi(iso.substr(5, 2));
  int first_month = (month - 1) / 3 * 3 + 1;
  int64_t start = expr::DaysFromCivil(year, first_month, 1);
  return {start, AddMonthsDay(start, 3) - 1};
}

// Decisions to report to IVO in the quarter: the three-month limit falls on or before the
// quarter's last day and the decision was still not executed (or the interruption not
// over) at some time in the quarter after the limit.
void IvoEntries(const std::string& path, const Node& root, std::pair<int64_t, int64_t> q, bool sv,
                std::vector<IvoEntry>* out) {
  const Node* decision = root.Find("decision");
  if (!decision) return;
  const Node* favourable = decision->Find("favourable");
  if (favourable && favourable->kind == Kind::kBool && !favourable->boolean) return;
  auto decided = Day(decision->Find("date"));
  if (!decided) return;
  const Node* reports = At(root, {"events", "ivo_reports"});
  auto reported = [&](int64_t after) -> std::string {
    if (!reports || reports->kind != Kind::kSequence) return sv ? "nej" : "no";
    for (const Node& r : reports->items)
      if (auto d = Day(r.Find("date")); d && *d >= after) return (sv ? "ja (" : "yes (") + expr::FormatIsoDate(*d) + ")";
    return sv ? "nej" : "no";
  };
  auto reason_of = [&](const Node* own) {
    if (reports && reports->kind == Kind::kSequence)
      for (const Node& r : reports->items)
        if (!Str(r.Find("reason_for_delay")).empty()) return Str(r.Find("reason_for_delay"));
    return Str(own);
  };
  IvoEntry base;
  base.path = path;
  base.case_id = Str(root.Find("case_id"));
  base.decision_date = expr::FormatIsoDate(*decided);
  base.intervention_type = Str(At(root, {"intervention", "type"}));
  base.pos = decision->pos;
  auto executed = Day(At(root, {"execution", "date"}));
  int64_t limit = AddMonthsDay(*decided, 3);
  if (limit <= q.second && (!executed || *executed > limit) && (!executed || *executed >= q.first)) {
    IvoEntry e = base;
    e.kind = sv ? "ej verkställt" : "not executed";
    e.limit = expr::FormatIsoDate(limit);
    e.reason = reason_of(At(root, {"execution", "not_executed_reason"}));
    e.report = reported(limit);
    out->push_back(std::move(e));
  }
  const Node* interruptions = At(root, {"execution", "interruptions"});
  if (!interruptions || interruptions->kind != Kind::kSequence) return;
  for (const Node& i : interruptions->items) {
    auto from = Day(i.Find("date"));
    if (!from) continue;
    auto resumed = Day(i.Find("resumed_date"));
    int64_t ilimit = AddMonthsDay(*from, 3);
    if (ilimit <= q.second && (!resumed || *resumed > ilimit) && (!resumed || *resumed >= q.first)) {
      IvoEntry e = base;
      e.kind = (sv ? "avbrott " : "interrupted ") + expr::FormatIsoDate(*from);
      e.limit = expr::FormatIsoDate(ilimit);
      e.reason = reason_of(i.Find("reason"));
      e.report = reported(ilimit);
      e.pos = i.pos;
      out->push_back(std::move(e));
    }
  }
}

std::string Csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? ";" : "") + report::CsvField(row[i]);
    out += "\r\n";
  }
  return out;
}

int RunDue(const DueOptions& options) {
  DueOptions o = options;
  if (o.paths.empty()) o.paths.push_back(".");
  if (o.as_of.empty()) o.as_of = Today();
  if (!IsIsoDate(o.as_of)) {
    std::fprintf(stderr, "aktkoll: --as-of %s: väntade ett datum ÅÅÅÅ-MM-DD\n", o.as_of.c_str());
    return 2;
  }
  const int64_t as_of = *expr::ParseIsoDate(o.as_of);
  auto until = PeriodEnd(o.within, as_of);
  if (!until) {
    std::fprintf(stderr, "aktkoll: --within %s: väntade en period som 30d, 6w eller 3m\n", o.within.c_str());
    return 2;
  }
  const bool sv = o.lang != "en";
  core::Lang lang = sv ? core::Lang::kSv : core::Lang::kEn;
  auto pack = LoadChosenPack(PackChoice{o.rules, o.profile}, lang);
  if (!pack) return 2;
  engine::EngineOptions eo;
  eo.lang = lang;
  engine::Engine engine(pack, eo);
  auto quarter = Quarter(as_of);

  std::vector<std::string> missing;
  std::vector<std::string> files = document::ExpandPaths(o.paths, &missing);
  for (const auto& m : missing) std::fprintf(stderr, "aktkoll: %s: sökvägen finns inte\n", m.c_str());
  std::vector<Entry> entries;
  std::vector<IvoEntry> ivo;
  int problems = static_cast<int>(missing.size());
  for (const auto& path : files) {
    document::LoadFile(path, document::FormatFromPath(path), o.limits, [&](document::LoadedDocument&& doc) {
      if (doc.has_error) {
        std::fprintf(stderr, "%s: %s\n", core::FormatLocation(path, doc.error.pos).c_str(), doc.error.message.c_str());
        problems++;
        return;
      }
      core::Finding base;
      base.path = path;
      base.document = doc.index;
      base.case_id = Str(doc.root.Find("case_id"));
      if (o.ivo) {
        IvoEntries(path, doc.root, quarter, sv, &ivo);
        return;
      }
      std::vector<engine::Deadline> deadlines;
      std::vector<core::Finding> errors;
      engine.Deadlines(doc.root, base, as_of, &deadlines, &errors);
      for (const auto& e : errors) {
        std::fprintf(stderr, "%s: %s\n", core::FormatLocation(path, e.pos).c_str(), e.message.In(lang).c_str());
        problems++;
      }
      for (const auto& d : deadlines) {
        if (d.day > *until) continue;
        entries.push_back({path, base.case_id, doc.index, d.day, d.rule, d.title.In(lang), d.pos, d.pointer});
      }
    });
  }

  std::string out;
  if (o.ivo) {
    // The recorded reason is free text written by a case worker and may name people: it is
    // shown only with --show-personal-data; otherwise the report says whether there is one.
    if (!o.show_personal_data)
      for (IvoEntry& e : ivo)
        if (!e.reason.empty()) e.reason = sv ? "dokumenterat (visas med --show-personal-data)"
                                             : "documented (shown with --show-personal-data)";
    std::sort(ivo.begin(), ivo.end(), [](const IvoEntry& a, const IvoEntry& b) {
      return std::tie(a.decision_date, a.case_id, a.kind) < std::tie(b.decision_date, b.case_id, b.kind);
    });
    std::string qs = expr::FormatIsoDate(quarter.first), qe = expr::FormatIsoDate(quarter.second);
    if (o.format == "json") {
      nlohmann::ordered_json j;
      j["as_of"] = o.as_of;
      j["quarter"] = {{"from", qs}, {"to", qe}};
      j["decisions"] = nlohmann::ordered_json::array();
      for (const auto& e : ivo)
        j["decisions"].push_back({{"case_id", e.case_id}, {"path", e.path}, {"line", e.pos.line},
                                  {"decision_date", e.decision_date}, {"intervention_type", e.intervention_type},
                                  {"kind", e.kind}, {"three_months", e.limit}, {"reason_for_delay", e.reason},
                                  {"report_recorded", e.report}});
      out = j.dump(2) + "\n";
    } else if (o.format == "csv") {
      std::vector<std::vector<std::string>> rows = {
          sv ? std::vector<std::string>{"Ärende", "Fil", "Beslutsdatum", "Insatstyp", "Gäller", "Tre månader",
                                        "Skäl till dröjsmålet", "Rapport registrerad"}
             : std::vector<std::string>{"Case", "File", "Decision date", "Intervention type", "Concerns", "Three months",
                                        "Reason for the delay", "Report recorded"}};
      for (const auto& e : ivo)
        rows.push_back({e.case_id, e.path, e.decision_date, e.intervention_type, e.kind, e.limit, e.reason, e.report});
      out = Csv(rows);
    } else {
      out += fmt::format(fmt::runtime(sv ? "Beslut att rapportera till IVO för kvartalet {} – {} (34 kap. 1 § SoL 2025:400)\n\n"
                                         : "Decisions to report to IVO for the quarter {} – {} (34 kap. 1 § SoL 2025:400)\n\n"),
                         qs, qe);
      for (const auto& e : ivo)
        out += fmt::format(fmt::runtime(sv ? "{}  {}  beslut {}  {}  ({}; tre månader {})\n    skäl: {}\n    rapport registrerad: {}\n"
                                           : "{}  {}  decision {}  {}  ({}; three months {})\n    reason: {}\n    report recorded: {}\n"),
                           core::FormatLocation(e.path, e.pos), e.case_id, e.decision_date, e.intervention_type, e.kind,
                           e.limit, e.reason.empty() ? (sv ? "inget skäl dokumenterat" : "no reason documented") : e.reason,
                           e.report);
      out += sv ? fmt::format("\n{} beslut att rapportera.\n", ivo.size())
                : fmt::format("\n{} {} to report.\n", ivo.size(), ivo.size() == 1 ? "decision" : "decisions");
    }
  } else {
    // Per case, cases in the order of their earliest date; within a case by date.
    std::map<std::pair<std::string, int>, int64_t> first;
    for (const auto& e : entries) {
      auto key = std::make_pair(e.path, e.document);
      auto it = first.find(key);
      if (it == first.end() || e.day < it->second) first[key] = e.day;
    }
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
      auto fa = first[{a.path, a.document}], fb = first[{b.path, b.document}];
      return std::tie(fa, a.path, a.document, a.day, a.rule, a.pointer) <
             std::tie(fb, b.path, b.document, b.day, b.rule, b.pointer);
    });
    std::string ue = expr::FormatIsoDate(*until);
    if (o.format == "json") {
      nlohmann::ordered_json j;
      j["as_of"] = o.as_of;
      j["until"] = ue;
      j["deadlines"] = nlohmann::ordered_json::array();
      for (const auto& e : entries)
        j["deadlines"].push_back({{"case_id", e.case_id}, {"path", e.path}, {"line", e.pos.line},
                                  {"column", e.pos.column}, {"pointer", e.pointer}, {"rule", e.rule},
                                  {"title", e.what}, {"date", expr::FormatIsoDate(e.day)},
                                  {"days_left", e.day - as_of}, {"overdue", e.day < as_of}});
      out = j.dump(2) + "\n";
    } else if (o.format == "csv") {
      std::vector<std::vector<std::string>> rows = {{"Ärende", "Fil", "Rad", "Datum", "Dagar kvar", "Regel", "Vad"}};
      for (const auto& e : entries)
        rows.push_back({e.case_id, e.path, std::to_string(e.pos.line), expr::FormatIsoDate(e.day),
                        std::to_string(e.day - as_of), e.rule, e.what});
      out = Csv(rows);
    } else {
      out += sv ? fmt::format("Att göra till och med {} (granskningsdatum {})\n", ue, o.as_of)
                : fmt::format("Due up to {} (as of {})\n", ue, o.as_of);
      std::pair<std::string, int> current{"", -1};
      for (const auto& e : entries) {
        if (std::make_pair(e.path, e.document) != current) {
          current = {e.path, e.document};
          out += fmt::format("\n{} {} ({})\n", sv ? "Ärende" : "Case", e.case_id.empty() ? "?" : e.case_id, e.path);
        }
        int64_t left = e.day - as_of;
        auto days = [sv](int64_t n) {
          return fmt::format("{} {}", n, n == 1 ? (sv ? "dag" : "day") : (sv ? "dagar" : "days"));
        };
        std::string when = left < 0 ? (sv ? "försenad " : "overdue ") + days(-left)
                           : left == 0 ? std::string(sv ? "i dag" : "today")
                                       : (sv ? "om " : "in ") + days(left);
        out += fmt::format("  {}  {:<18}  {:<10}  {}\n", expr::FormatIsoDate(e.day), when, e.rule, e.what);
      }
      out += sv ? fmt::format("\n{} att göra.\n", entries.size()) : fmt::format("\n{} due.\n", entries.size());
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return problems > 0 ? 1 : 0;
}

}  // namespace

std::optional<int64_t> PeriodEnd(const std::string& text, int64_t as_of) {
  if (text.size() < 2) return std::nullopt;
  char unit = text.back();
  std::string digits = text.substr(0, text.size() - 1);
  if (digits.empty() || digits.size() > 4 || digits.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  int n = std::stoi(digits);
  switch (unit) {
    case 'd': return as_of + n;
    case 'w': return as_of + 7 * n;
    case 'm': return AddMonthsDay(as_of, n);
    default: return std::nullopt;
  }
}

void AddDueCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<DueOptions>();
  o->lang = UiLangCode();
  CLI::App* cmd = app.add_subcommand("due", Ui("Lista vad som förfaller per ärende: uppföljningar, planer, verkställighet, IVO",
                                               "List what falls due per case: follow-ups, plans, execution, IVO"));
  cmd->add_option("paths", o->paths, Ui("Filer eller kataloger; standard: .", "Files or folders; default: ."))
      ->type_name(Ui("FIL", "PATH"));
  cmd->add_option("--within", o->within,
                  Ui("Perioden framåt: t.ex. 30d, 6w eller 3m (standard: 30d)", "The period ahead: e.g. 30d, 6w or 3m (default: 30d)"))
      ->type_name(Ui("PERIOD", "PERIOD"));
  cmd->add_option("--as-of", o->as_of, Ui("Granskningsdatum (standard: i dag)", "The date to measure from (default: today)"))
      ->type_name(Ui("DATUM", "DATE"));
  cmd->add_flag("--ivo", o->ivo, Ui("Beslut att rapportera till IVO detta kvartal (34 kap. 1 § SoL)",
                                    "Decisions to report to IVO this quarter (34 kap. 1 § SoL)"));
  cmd->add_option("--format,-f", o->format, Ui("text, json eller csv (standard: text)", "text, json or csv (default: text)"))
      ->type_name("FMT")->check(OneOf({"text", "json", "csv"}));
  cmd->add_option("--lang", o->lang, Ui("Språk: sv eller en (standard: sv, eller en när LANG säger engelska)",
                                        "Language: sv or en (default: sv, or en when LANG says English)"))
      ->type_name("sv|en")->check(OneOf({"sv", "en"}));
  cmd->add_flag("--show-personal-data", o->show_personal_data,
                Ui("Visa dokumenterade skäl i fritext (kan innehålla namn) i --ivo-listan",
                   "Show the documented reasons in free text (may hold names) in the --ivo list"));
  cmd->add_option("--rules", o->rules, Ui("Regelpaket eller kommunprofil på disk", "Rule pack or municipal profile on disk"))
      ->type_name(Ui("FIL", "FILE"));
  cmd->add_option("--profile", o->profile, Ui("Inbyggd kommunprofil: kalix, stockholm eller gotland",
                                              "Built-in municipal profile: kalix, stockholm or gotland"))
      ->type_name(Ui("NAMN", "NAME"));
  cmd->callback([o, exit_code] { *exit_code = RunDue(*o); });
}

}  // namespace aktkoll::app
