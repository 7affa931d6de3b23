#include "report/formats.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "report/escape.h"

namespace aktkoll::report {

void MdFormatter::AddFile(const FileResult& file, std::string*) {
  const FileIndex index(file);
  for (const Finding& f : file.findings) {
    if (row_count_ >= kMaxRows) {
      omitted_++;
      continue;
    }
    row_count_++;
    std::string who = f.case_id;
    const std::string person = PersonLabel(index.CaseOf(f.document), run_);
    if (!person.empty()) who += (who.empty() ? "" : " — ") + person;
    fmt::format_to(std::back_inserter(rows_), "| `{}` | {} | {} | `{}` | {} | {} | {} |\n",
                   MdCode(core::FormatLocation(f.path, f.pos)), MdCell(who),
                   core::SeverityLabel(f.severity, run_.lang), MdCode(f.rule), MdCell(f.message.In(run_.lang)),
                   MdCell(core::FormatCitations(f.law, run_.lang)), MdCell(FindingStatus(f, run_)));
  }
}

void MdFormatter::End(const Summary& s, std::string* out) {
  const bool sv = run_.lang == Lang::kSv;
  const auto& n = s.findings.by_severity;
  auto o = std::back_inserter(*out);
  fmt::format_to(o, "# aktkoll: {}\n\n", sv ? "granskning av ärendeakter" : "case record check");
  fmt::format_to(o, "{} **{}** · {} {} {} · {} **{}**\n\n", sv ? "Granskningsdatum" : "As of", run_.as_of,
                 sv ? "regelpaket" : "rule pack", MdCell(run_.pack.name), MdCell(run_.pack.version),
                 sv ? "profil" : "profile", run_.pack.profile.empty() ? "–" : MdCell(run_.pack.profile));
  fmt::format_to(o, "| {} | {} | {} | {} | {} | {} |\n|---:|---:|---:|---:|---:|---:|\n",
                 sv ? "Dokument" : "Documents", sv ? "Ärenden" : "Cases", sv ? "Indatafel" : "Input errors",
                 sv ? "Fel" : "Errors", sv ? "Varningar" : "Warnings", "Info");
  fmt::format_to(o, "| {} | {} | {} | {} | {} | {} |\n\n", s.documents, s.cases, s.input_errors, n[2], n[1], n[0]);
  if (!s.rule_applied_failed.empty()) {
    fmt::format_to(o, "## {}\n\n| {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|\n",
                   sv ? "Efterlevnad per regel" : "Compliance per rule", sv ? "Regel" : "Rule", sv ? "Rubrik" : "Title",
                   sv ? "Tillämplig" : "Applied", sv ? "Brister" : "Failed", sv ? "Efterlevnad" : "Compliance");
    // Worst first, then by id, as in the HTML report.
    std::vector<std::pair<std::string, std::pair<int, int>>> rules(s.rule_applied_failed.begin(), s.rule_applied_failed.end());
    std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
      return CompliancePercent(a.second) < CompliancePercent(b.second);
    });
    for (const auto& [rule, af] : rules)
      fmt::format_to(o, "| `{}` | {} | {} | {} | {} % |\n", MdCode(rule), MdCell(RuleTitle(rule, run_)), af.first,
                     af.second, CompliancePercent(af));
    *out += "\n";
  }
  if (row_count_ > 0) {
    fmt::format_to(o, "## {}\n\n| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|\n",
                   sv ? "Anmärkningar" : "Findings", sv ? "Plats" : "Location", sv ? "Ärende" : "Case",
                   sv ? "Grad" : "Severity", sv ? "Regel" : "Rule", sv ? "Meddelande" : "Message",
                   sv ? "Rättslig grund" : "Legal basis", "Status");
    *out += rows_;
    if (omitted_ > 0)
      fmt::format_to(o, "\n{} {} {}\n", sv ? "…och" : "…and", omitted_,
                     sv ? "anmärkningar till (se JSON- eller HTML-rapporten)." : "more findings (see the JSON or HTML report).");
  } else {
    *out += sv ? "Inga anmärkningar.\n" : "No findings.\n";
  }
}

}  // namespace aktkoll::report
