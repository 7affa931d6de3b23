#include "report/formats.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "report/escape.h"

namespace aktkoll::report {
namespace {

constexpr const char* kStyle = R"(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
.meta{color:#555}.counts span{display:inline-block;margin-right:1.2rem}
.sev-error{color:#a40000;font-weight:600}.sev-warning{color:#8a5a00;font-weight:600}.sev-info{color:#005a8a}
details{border:1px solid #ddd;border-radius:4px;margin:.4rem 0;padding:.3rem .7rem}
summary{cursor:pointer;font-weight:600}ul.findings{list-style:none;padding-left:0}
ul.findings li{border-top:1px solid #eee;padding:.4rem 0}.loc{font-family:monospace;color:#444}
.law{color:#333;font-size:.92em}.explain{color:#555;font-size:.9em;margin-top:.2rem}
table{border-collapse:collapse;font-size:.9em;max-width:100%}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
.hash{font-family:monospace;font-size:.85em;word-break:break-all}.num{text-align:right;white-space:nowrap}
.status{color:#555;font-style:italic}.explain{white-space:pre-line}table.bars svg{display:block}
svg text{font:12px system-ui,sans-serif}
.filter{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;border:1px solid #ddd;border-radius:4px;padding:.4rem .7rem}
.filter fieldset{border:0;margin:0;padding:0}.filter legend{float:left;margin-right:.4rem;font-weight:600}
@media print{.filter{display:none}details{break-inside:avoid;border:0}body{margin:0;max-width:none;font-size:11pt}
a{color:inherit;text-decoration:none}table.bars svg rect{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
)";

// A compliance chart: one table row per entry, its name (and for rules the title) in
// cells of their own so that no label is ever clipped, a bar drawn in inline SVG and the
// share as "94 % (18/19)", the same whole percent, rounded down, as every format shows.
struct BarRow {
  std::string name;
  std::string note;
  std::pair<int, int> applied_failed;
};

// A CSS string's content: everything but ASCII letters, digits, space, '_' and '-' (and
// UTF-8 bytes above ASCII) as a hex escape, so record data cannot end the string or the
// <style> element.
std::string CssString(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '_' ||
        c == '-' || c >= 0x80)
      out += static_cast<char>(c);
    else
      out += fmt::format("\\{:x} ", c);
  }
  return out;
}

std::string Bars(const std::vector<BarRow>& rows, bool sv, const char* name_head, const char* note_head) {
  if (rows.empty()) return sv ? "<p>Inga uppgifter.</p>" : "<p>No data.</p>";
  const int bar_w = 240;
  std::string html = fmt::format("<table class=\"bars\">\n<tr><th>{}</th>{}<th>{}</th><th>{}</th></tr>\n", name_head,
                                 note_head ? fmt::format("<th>{}</th>", note_head) : "",
                                 sv ? "Efterlevnad" : "Compliance", sv ? "Andel" : "Share");
  for (const auto& row : rows) {
    const auto& af = row.applied_failed;
    int pct = CompliancePercent(af);
    std::string color = pct >= 90 ? "#2e7d32" : pct >= 70 ? "#c77700" : "#b00020";
    html += fmt::format("<tr><td>{}</td>", XmlEscape(row.name));
    if (note_head) html += fmt::format("<td>{}</td>", XmlEscape(row.note));
    html += fmt::format(
        "<td><svg role=\"img\" aria-label=\"{} %\" width=\"{}\" height=\"14\" viewBox=\"0 0 {} 14\">"
        "<rect width=\"{}\" height=\"14\" fill=\"#eee\"/><rect width=\"{}\" height=\"14\" fill=\"{}\"/></svg></td>"
        "<td class=\"num\">{} % ({}/{})</td></tr>\n",
        pct, bar_w, bar_w, bar_w, bar_w * pct / 100, color, pct, af.first - af.second, af.first);
  }
  return html + "</table>";
}

}  // namespace

void HtmlFormatter::AddFile(const FileResult& file, std::string*) {
  const bool sv = run_.lang == Lang::kSv;
  if (!file.more && !file.auxiliary)  // one row per input file, with the totals its last part carries
    inputs_.Append(fmt::format("<tr><td>{}</td><td>{}</td><td class=\"hash\">{}</td></tr>\n",
                               XmlEscape(file.input.path), file.input.documents, XmlEscape(file.input.sha256)));
  // Group findings by document; documents without a case (input errors) get their own entry.
  const FileIndex index(file);
  std::vector<int> docs;
  for (const Finding& f : file.findings)
    if (index.FindingsOf(f.document).front() == &f) docs.push_back(f.document);  // first finding of its document
  for (const CaseResult& c : file.cases)
    if (index.FindingsOf(c.document).empty()) clean_cases_++;
  for (int doc : docs) {
    const CaseResult* c = index.CaseOf(doc);
    std::string name = c && !c->case_id.empty() ? c->case_id : fmt::format("{} {}", sv ? "dokument" : "document", doc + 1);
    int counts[3] = {0, 0, 0};
    std::string items;
    for (const Finding* finding : index.FindingsOf(doc)) {
      const Finding& f = *finding;
      counts[static_cast<int>(f.severity)]++;
      std::string law = f.law.empty() ? ""
                                      : fmt::format("<div class=\"law\">{}</div>",
                                                    XmlEscape(core::FormatCitations(f.law, run_.lang)));
      rules_seen_.insert(f.rule);  // the rule's explanation is given once, under Regler
      std::string due = f.due_date.empty() ? "" : fmt::format(" · {} {}", sv ? "förfallodag" : "due", f.due_date);
      const std::string status = FindingStatus(f, run_);
      items += fmt::format(
          "<li data-severity=\"{}\" data-rule=\"{}\" data-status=\"{}\"><span class=\"sev-{}\">{}</span> "
          "<a href=\"#rule-{}\"><code>{}</code></a> {}{}<div class=\"loc\">{}{}</div>{}</li>\n",
          core::SeverityName(f.severity), XmlEscape(f.rule), f.waived ? "waived" : f.baseline ? "baseline" : "new",
          core::SeverityName(f.severity), core::SeverityLabel(f.severity, run_.lang), XmlEscape(f.rule),
          XmlEscape(f.rule), XmlEscape(f.message.In(run_.lang)),
          status.empty() ? "" : fmt::format(" <span class=\"status\">[{}]</span>", XmlEscape(status)),
          XmlEscape(core::FormatLocation(f.path, f.pos)), due, law);
    }
    std::string person = PersonLabel(c, run_);
    if (!person.empty()) person = " — " + XmlEscape(person);
    const std::string unit = TypeLabel(OrUnknown(c ? c->unit : "", Lang::kSv), run_);
    units_seen_.insert(unit);
    cases_.Append(fmt::format(
        "<details class=\"case\" data-unit=\"{}\"><summary>{}{} <span class=\"meta\">({}) — {} {}, {} {}, {} info</span></summary>\n"
        "<ul class=\"findings\">\n{}</ul></details>\n",
        XmlEscape(unit), XmlEscape(name), person, XmlEscape(file.input.path), counts[2], sv ? "fel" : "errors", counts[1],
        sv ? "varningar" : "warnings", counts[0], items));
  }
  for (const CaseResult& c : file.cases) {
    std::string passed;
    for (const auto& r : c.applied)
      if (std::find(c.failed.begin(), c.failed.end(), r) == c.failed.end() &&
          std::find(c.waived.begin(), c.waived.end(), r) == c.waived.end())
        passed += (passed.empty() ? "" : ", ") + r;
    evidence_.Append(fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                             XmlEscape(c.case_id.empty() ? file.input.path : c.case_id), XmlEscape(passed),
                             XmlEscape(JoinStrings(c.failed, ", ")), XmlEscape(JoinStrings(c.waived, ", ")),
                             c.applied.size()));
  }
}

void HtmlFormatter::End(const Summary& s, std::string* out) {
  const bool sv = run_.lang == Lang::kSv;
  auto o = std::back_inserter(*out);
  fmt::format_to(o, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>aktkoll — {}</title>\n<style>{}",
                 sv ? "sv" : "en", sv ? "granskning av ärendeakter" : "case record check", kStyle);
  // The filter works without a server or a script: each control hides, through :has(),
  // the findings (or cases) it does not select.
  for (const char* sev : {"error", "warning", "info"})
    fmt::format_to(o, "body:has(#f-sev-{0}:not(:checked)) li[data-severity=\"{0}\"]{{display:none}}\n", sev);
  for (const char* st : {"new", "baseline", "waived"})
    fmt::format_to(o, "body:has(#f-status-{0}:not(:checked)) li[data-status=\"{0}\"]{{display:none}}\n", st);
  for (const std::string& rule : rules_seen_)
    fmt::format_to(o, "body:has(#f-rule option[value=\"{0}\"]:checked) li:not([data-rule=\"{0}\"]){{display:none}}\n",
                   CssString(rule));
  for (const std::string& unit : units_seen_)
    fmt::format_to(o,
                   "body:has(#f-unit option[value=\"{0}\"]:checked) details.case:not([data-unit=\"{0}\"]){{display:none}}\n",
                   CssString(unit));
  *out += "</style>\n</head>\n<body>\n";
  fmt::format_to(o, "<h1>{}</h1>\n<p class=\"meta\">{} {} · {} {} {}{} · aktkoll {}</p>\n",
                 sv ? "Granskning av ärendeakter" : "Case record check", sv ? "Granskningsdatum" : "As of",
                 run_.as_of, sv ? "regelpaket" : "rule pack", XmlEscape(run_.pack.name), XmlEscape(run_.pack.version),
                 run_.pack.profile.empty() ? "" : " / " + XmlEscape(run_.pack.profile), run_.tool_version);
  const auto& n = s.findings.by_severity;
  fmt::format_to(o,
                 "<p class=\"counts\"><span>{} <b>{}</b></span><span>{} <b>{}</b></span><span>{} <b>{}</b></span>"
                 "<span class=\"sev-error\">{} {}</span><span class=\"sev-warning\">{} {}</span>"
                 "<span class=\"sev-info\">{} info</span></p>\n",
                 sv ? "Ärenden" : "Cases", s.cases, sv ? "utan anmärkning" : "without findings", clean_cases_,
                 sv ? "indatafel" : "input errors", s.input_errors, n[2], sv ? "fel" : "errors", n[1],
                 sv ? "varningar" : "warnings", n[0]);
  // Per rule, worst first (then by id), with the rule's title beside its id.
  std::vector<BarRow> rows;
  for (const auto& [rule, af] : s.rule_applied_failed) rows.push_back({rule, RuleTitle(rule, run_), af});
  std::stable_sort(rows.begin(), rows.end(), [](const BarRow& a, const BarRow& b) {
    return CompliancePercent(a.applied_failed) < CompliancePercent(b.applied_failed);
  });
  fmt::format_to(o, "<h2>{}</h2>\n{}\n", sv ? "Efterlevnad per regel" : "Compliance per rule",
                 Bars(rows, sv, sv ? "Regel" : "Rule", sv ? "Rubrik" : "Title"));
  rows.clear();
  for (const auto& [unit, af] : s.unit_cases) rows.push_back({TypeLabel(unit, run_), "", af});
  fmt::format_to(o, "<h2>{}</h2>\n{}\n", sv ? "Efterlevnad per enhet" : "Compliance per unit",
                 Bars(rows, sv, sv ? "Enhet" : "Unit", nullptr));
  rows.clear();
  for (const auto& [type, af] : s.type_cases) rows.push_back({TypeLabel(type, run_), "", af});
  fmt::format_to(o, "<h2>{}</h2>\n{}\n", sv ? "Efterlevnad per insatstyp" : "Compliance per intervention type",
                 Bars(rows, sv, sv ? "Insatstyp" : "Intervention type", nullptr));
  fmt::format_to(o, "<h2>{}</h2>\n", sv ? "Anmärkningar per beslutsmånad" : "Findings per decision month");
  if (s.per_month.empty()) {
    *out += sv ? "<p>Inga anmärkningar.</p>\n" : "<p>No findings.</p>\n";
  } else {
    fmt::format_to(o, "<table>\n<tr><th>{}</th><th>{}</th></tr>\n", sv ? "Beslutsmånad" : "Decision month",
                   sv ? "Anmärkningar" : "Findings");
    for (const auto& [month, n] : s.per_month)
      fmt::format_to(o, "<tr><td>{}</td><td class=\"num\">{}</td></tr>\n", XmlEscape(TypeLabel(month, run_)), n);
    *out += "</table>\n";
  }
  fmt::format_to(o, "<h2>{}</h2>\n", sv ? "Ärenden med anmärkningar" : "Cases with findings");
  if (cases_.empty()) *out += sv ? "<p>Inga anmärkningar.</p>\n" : "<p>No findings.</p>\n";
  if (!cases_.empty()) {
    fmt::format_to(o, "<form class=\"filter\" aria-label=\"{}\"><fieldset><legend>{}</legend>", sv ? "Filter" : "Filter",
                   sv ? "Grad" : "Severity");
    for (Severity sev : {Severity::kError, Severity::kWarning, Severity::kInfo})
      fmt::format_to(o, "<label><input type=\"checkbox\" id=\"f-sev-{}\" checked> {}</label> ", core::SeverityName(sev),
                     core::SeverityLabel(sev, run_.lang));
    fmt::format_to(o, "</fieldset><fieldset><legend>Status</legend>");
    const std::pair<const char*, const char*> statuses[] = {{"new", sv ? "ny" : "new"},
                                                            {"baseline", sv ? "i baslinjen" : "in the baseline"},
                                                            {"waived", sv ? "undantagen" : "waived"}};
    for (const auto& [id, label] : statuses)
      fmt::format_to(o, "<label><input type=\"checkbox\" id=\"f-status-{}\" checked> {}</label> ", id, label);
    fmt::format_to(o, "</fieldset><label>{} <select id=\"f-rule\"><option value=\"\" selected>{}</option>",
                   sv ? "Regel" : "Rule", sv ? "alla" : "all");
    for (const std::string& rule : rules_seen_)
      fmt::format_to(o, "<option value=\"{0}\">{0}</option>", XmlEscape(rule));
    fmt::format_to(o, "</select></label><label>{} <select id=\"f-unit\"><option value=\"\" selected>{}</option>",
                   sv ? "Enhet" : "Unit", sv ? "alla" : "all");
    for (const std::string& unit : units_seen_)
      fmt::format_to(o, "<option value=\"{0}\">{0}</option>", XmlEscape(unit));
    *out += "</select></label></form>\n";
  }
  cases_.MoveTo(out, drain());
  // Each rule that has a finding, once: its title, law and explanation, folded.
  if (!rules_seen_.empty()) {
    fmt::format_to(o, "<h2>{}</h2>\n", sv ? "Regler med anmärkningar" : "Rules with findings");
    for (const std::string& id : rules_seen_) {
      const RuleInfo* rule = FindRule(run_, id);
      std::string title = rule ? rule->title.In(run_.lang) : "";
      std::string help = rule ? rule->help.In(run_.lang) : "";
      std::string law = rule && !rule->law.empty() ? fmt::format("<div class=\"law\">{}</div>",
                                                                XmlEscape(core::FormatCitations(rule->law, run_.lang)))
                                                   : "";
      fmt::format_to(o, "<details id=\"rule-{}\"><summary><code>{}</code> {}</summary>{}{}</details>\n", XmlEscape(id),
                     XmlEscape(id), XmlEscape(title), law,
                     help.empty() ? "" : fmt::format("<div class=\"explain\">{}</div>", XmlEscape(help)));
    }
  }
  fmt::format_to(o, "<h2>{}</h2>\n<table>\n<tr><th>{}</th><td>aktkoll {}</td></tr>\n"
                    "<tr><th>{}</th><td>{} {}</td></tr>\n<tr><th>{}</th><td class=\"hash\">{}</td></tr>\n"
                    "<tr><th>{}</th><td>{}</td></tr>\n<tr><th>{}</th><td>{}</td></tr>\n</table>\n",
                 sv ? "Underlag (evidens)" : "Evidence", sv ? "Verktyg" : "Tool", run_.tool_version,
                 sv ? "Regelpaket" : "Rule pack", XmlEscape(run_.pack.name), XmlEscape(run_.pack.version),
                 "SHA-256", XmlEscape(run_.pack.sha256), sv ? "Profil" : "Profile",
                 run_.pack.profile.empty() ? "–" : XmlEscape(run_.pack.profile), sv ? "Granskningsdatum" : "As of",
                 run_.as_of);
  fmt::format_to(o, "<h3>{}</h3>\n<table>\n<tr><th>{}</th><th>{}</th><th>SHA-256</th></tr>\n",
                 sv ? "Indatafiler" : "Input files", sv ? "Fil" : "File", sv ? "Dokument" : "Documents");
  inputs_.MoveTo(out, drain());
  *out += "</table>\n";
  fmt::format_to(o, "<h3>{}</h3>\n<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                 sv ? "Regler per ärende" : "Rules per case", sv ? "Ärende" : "Case", sv ? "Godkända" : "Passed",
                 sv ? "Underkända" : "Failed", sv ? "Undantagna" : "Waived", sv ? "Tillämpliga" : "Applied");
  evidence_.MoveTo(out, drain());
  *out += "</table>\n";
  *out += "</body>\n</html>\n";
}

}  // namespace aktkoll::report
