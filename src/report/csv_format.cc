#include "report/formats.h"

#include "report/escape.h"

namespace aktkoll::report {
namespace {

void Row(const std::vector<std::string>& cells, std::string* out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) *out += ';';
    *out += CsvField(cells[i]);
  }
  *out += "\r\n";
}

}  // namespace

void CsvFormatter::Start(std::string* out) {
  *out += "\xEF\xBB\xBF";
  if (run_.lang == Lang::kSv) {
    Row({"Fil", "Rad", "Kolumn", "Ärende", "Enhet", "Insatstyp", "Beslutsdatum", "Regel",
         "Allvarlighetsgrad", "Meddelande", "Lagrum", "Krav", "Förfallodag", "Plats i dokumentet", "Status"}, out);
  } else {
    Row({"File", "Line", "Column", "Case", "Unit", "Intervention type", "Decision date", "Rule",
         "Severity", "Message", "Law", "Requirements", "Due date", "Pointer", "Status"}, out);
  }
}

void CsvFormatter::AddFile(const FileResult& file, std::string* out) {
  const FileIndex index(file);
  for (const Finding& f : file.findings) {
    const CaseResult* c = index.CaseOf(f.document);
    Row({f.path, f.pos.line ? std::to_string(f.pos.line) : "", f.pos.column ? std::to_string(f.pos.column) : "",
         f.case_id, c ? c->unit : "", c ? c->intervention_type : "", c ? c->decision_date : "", f.rule,
         core::SeverityLabel(f.severity, run_.lang), f.message.In(run_.lang), JoinStrings(f.law, "; "),
         JoinStrings(f.requirements, ", "), f.due_date, f.pointer,
         f.waived ? (run_.lang == Lang::kSv ? "undantagen: " : "waived: ") + f.waiver_reason
                  : f.baseline ? (run_.lang == Lang::kSv ? "i baslinjen" : "in the baseline") : ""},
        out);
  }
}

void CsvFormatter::End(const Summary&, std::string*) {}

}  // namespace aktkoll::report
