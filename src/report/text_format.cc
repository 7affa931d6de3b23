#include "report/formats.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace aktkoll::report {
namespace {

const char* Color(Severity s) {
  switch (s) {
    case Severity::kError: return "\033[31m";
    case Severity::kWarning: return "\033[33m";
    case Severity::kInfo: return "\033[36m";
  }
  return "";
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Characters (not bytes) of a UTF-8 string, for alignment.
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// A table of counts: the names padded to the longest, the counts right-aligned, and an
// optional note after the count (a rule's title).
void StatsTable(const char* title, const std::vector<std::tuple<std::string, int, std::string>>& rows,
                std::string* out) {
  if (rows.empty()) return;
  size_t name_w = 0, count_w = 1;
  for (const auto& [name, n, note] : rows) {
    name_w = std::max(name_w, Width(name));
    count_w = std::max(count_w, std::to_string(n).size());
  }
  fmt::format_to(std::back_inserter(*out), "\n{}\n", title);
  for (const auto& [name, n, note] : rows) {
    std::string line = "  " + name + std::string(name_w - Width(name), ' ') + "  " +
                       fmt::format("{:>{}}", n, count_w) + (note.empty() ? "" : "  " + note);
    *out += line + "\n";
  }
}

}  // namespace

void TextFormatter::AddFile(const FileResult& file, std::string* out) {
  if (summary_only_) return;
  const bool sv = run_.lang == Lang::kSv;
  const char* bold = run_.color ? "\033[1m" : "";
  const char* reset = run_.color ? "\033[0m" : "";
  const char* dim = run_.color ? "\033[2m" : "";
  int current = -1;
  const FileIndex index(file);
  for (const Finding& f : file.findings) {
    if (f.document != current) {
      current = f.document;
      std::string who = !f.case_id.empty()
                            ? fmt::format("{} {}", sv ? "Ärende" : "Case", f.case_id)
                            : fmt::format("{} {}", sv ? "Dokument" : "Document", f.document + 1);
      const std::string person = PersonLabel(index.CaseOf(f.document), run_);
      if (!person.empty()) who += " — " + person;
      fmt::format_to(std::back_inserter(*out), "\n{}{}{} ({})\n", bold, who, reset, file.input.path);
    }
    std::string loc = core::FormatLocation(f.path, f.pos);
    std::string status = FindingStatus(f, run_);
    if (!status.empty()) status = " [" + status + "]";
    fmt::format_to(std::back_inserter(*out), "  {}  {}{}{}  {}  {}{}\n", loc,
                   run_.color ? Color(f.severity) : "", core::SeverityLabel(f.severity, run_.lang),
                   reset, f.rule, f.message.In(run_.lang), status);
    std::string refs;
    refs += core::FormatCitations(f.law, run_.lang);
    if (!f.requirements.empty())
      refs += (refs.empty() ? "" : " · ") + std::string(sv ? "Krav: " : "Requirements: ") + Join(f.requirements, ", ");
    if (!f.due_date.empty())
      refs += (refs.empty() ? "" : " · ") + std::string(sv ? "Förfallodag: " : "Due: ") + f.due_date;
    if (!refs.empty()) fmt::format_to(std::back_inserter(*out), "      {}{}{}\n", dim, refs, reset);
  }
}

void TextFormatter::End(const Summary& s, std::string* out) {
  const bool sv = run_.lang == Lang::kSv;
  if (run_.statistics) {
    std::vector<std::tuple<std::string, int, std::string>> rows;
    for (const auto& [rule, n] : s.per_rule) rows.emplace_back(rule, n, RuleTitle(rule, run_));
    StatsTable(sv ? "Anmärkningar per regel" : "Findings per rule", rows, out);
    rows.clear();
    for (const auto& [unit, n] : s.per_unit) rows.emplace_back(TypeLabel(unit, run_), n, "");
    StatsTable(sv ? "Anmärkningar per enhet" : "Findings per unit", rows, out);
    rows.clear();
    for (const auto& [type, n] : s.per_type) rows.emplace_back(TypeLabel(type, run_), n, "");
    StatsTable(sv ? "Anmärkningar per insatstyp" : "Findings per intervention type", rows, out);
    rows.clear();
    for (const auto& [month, n] : s.per_month) rows.emplace_back(TypeLabel(month, run_), n, "");
    StatsTable(sv ? "Anmärkningar per beslutsmånad" : "Findings per decision month", rows, out);
  }
  const auto& n = s.findings.by_severity;
  auto count = [](int k, const char* one, const char* many) { return fmt::format("{} {}", k, k == 1 ? one : many); };
  if (s.waived || s.baseline) {
    if (sv)
      fmt::format_to(std::back_inserter(*out), "\n{} och {} i baslinjen räknas inte i slutstatusen.\n",
                     count(s.waived, "undantagen", "undantagna"), s.baseline);
    else
      fmt::format_to(std::back_inserter(*out), "\n{} and {} in the baseline do not count for the exit status.\n",
                     count(s.waived, "waived finding", "waived findings"), s.baseline);
  }
  if (sv) {
    fmt::format_to(std::back_inserter(*out), "\nSammanfattning (granskningsdatum {}): {}, {}, {}, {}; {}, {}, {} info.\n",
                   run_.as_of, count(s.files, "fil", "filer"), count(s.documents, "dokument", "dokument"),
                   count(s.cases, "ärende", "ärenden"), count(s.input_errors, "indatafel", "indatafel"),
                   count(n[2], "fel", "fel"), count(n[1], "varning", "varningar"), n[0]);
  } else {
    fmt::format_to(std::back_inserter(*out), "\nSummary (as of {}): {}, {}, {}, {}; {}, {}, {} info.\n",
                   run_.as_of, count(s.files, "file", "files"), count(s.documents, "document", "documents"),
                   count(s.cases, "case", "cases"), count(s.input_errors, "input error", "input errors"),
                   count(n[2], "error", "errors"), count(n[1], "warning", "warnings"), n[0]);
  }
}

}  // namespace aktkoll::report
