#include "report/formats.h"

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

void StatsTable(const char* title, const std::map<std::string, int>& m, std::string* out) {
  if (m.empty()) return;
  fmt::format_to(std::back_inserter(*out), "\n{}\n", title);
  for (const auto& [k, v] : m) fmt::format_to(std::back_inserter(*out), "  {:<40} {:>6}\n", k, v);
}

}  // namespace

void TextFormatter::AddFile(const FileResult& file, std::string* out) {
  const bool sv = run_.lang == Lang::kSv;
  const char* bold = run_.color ? "\033[1m" : "";
  const char* reset = run_.color ? "\033[0m" : "";
  const char* dim = run_.color ? "\033[2m" : "";
  int current = -1;
  for (const Finding& f : file.findings) {
    if (f.document != current) {
      current = f.document;
      std::string who = !f.case_id.empty()
                            ? fmt::format("{} {}", sv ? "Ärende" : "Case", f.case_id)
                            : fmt::format("{} {}", sv ? "Dokument" : "Document", f.document + 1);
      fmt::format_to(std::back_inserter(*out), "\n{}{}{} ({})\n", bold, who, reset, file.input.path);
    }
    std::string loc = core::FormatLocation(f.path, f.pos);
    std::string status;
    if (f.waived) status = std::string(sv ? " [undantagen: " : " [waived: ") + f.waiver_reason + "]";
    else if (f.baseline) status = sv ? " [i baslinjen]" : " [in the baseline]";
    fmt::format_to(std::back_inserter(*out), "  {}  {}{}{}  {}  {}{}\n", loc,
                   run_.color ? Color(f.severity) : "", core::SeverityLabel(f.severity, run_.lang),
                   reset, f.rule, f.message.In(run_.lang), status);
    std::string refs;
    if (!f.law.empty()) refs += (sv ? "Lag: " : "Law: ") + Join(f.law, "; ");
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
    StatsTable(sv ? "Anmärkningar per regel" : "Findings per rule", s.per_rule, out);
    StatsTable(sv ? "Anmärkningar per enhet" : "Findings per unit", s.per_unit, out);
    StatsTable(sv ? "Anmärkningar per insatstyp" : "Findings per intervention type", s.per_type, out);
    StatsTable(sv ? "Anmärkningar per beslutsmånad" : "Findings per decision month", s.per_month, out);
  }
  const auto& n = s.findings.by_severity;
  if (s.waived || s.baseline) {
    fmt::format_to(std::back_inserter(*out),
                   fmt::runtime(sv ? "\n{} undantagna och {} i baslinjen räknas inte i slutstatusen.\n"
                                   : "\n{} waived and {} baseline findings do not count for the exit status.\n"),
                   s.waived, s.baseline);
  }
  auto count = [](int k, const char* one, const char* many) { return fmt::format("{} {}", k, k == 1 ? one : many); };
  if (sv) {
    fmt::format_to(std::back_inserter(*out), "\nSammanfattning: {}, {}, {}, {}; {}, {}, {} info.\n",
                   count(s.files, "fil", "filer"), count(s.documents, "dokument", "dokument"),
                   count(s.cases, "ärende", "ärenden"), count(s.input_errors, "indatafel", "indatafel"),
                   count(n[2], "fel", "fel"), count(n[1], "varning", "varningar"), n[0]);
  } else {
    fmt::format_to(std::back_inserter(*out), "\nSummary: {}, {}, {}, {}; {}, {}, {} info.\n",
                   count(s.files, "file", "files"), count(s.documents, "document", "documents"),
                   count(s.cases, "case", "cases"), count(s.input_errors, "input error", "input errors"),
                   count(n[2], "error", "errors"), count(n[1], "warning", "warnings"), n[0]);
  }
}

}  // namespace aktkoll::report
