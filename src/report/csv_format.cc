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
  std::vector<std::string> head;
  if (run_.lang == Lang::kSv) {
    head = {"Fil", "Rad", "Kolumn", "Ärende", "Enhet", "Insatstyp", "Beslutsdatum", "Regel",
            "Allvarlighetsgrad", "Meddelande", "Rättslig grund", "Krav", "Förfallodag", "Plats i dokumentet", "Status"};
    if (run_.show_personal_data) head.insert(head.begin() + 4, {"Namn", "Personnummer"});
  } else {
    head = {"File", "Line", "Column", "Case", "Unit", "Intervention type", "Decision date", "Rule",
            "Severity", "Message", "Legal basis", "Requirements", "Due date", "Pointer", "Status"};
    if (run_.show_personal_data) head.insert(head.begin() + 4, {"Name", "Personal identity number"});
  }
  Row(head, out);
}

void CsvFormatter::AddFile(const FileResult& file, std::string* out) {
  const FileIndex index(file);
  for (const Finding& f : file.findings) {
    const CaseResult* c = index.CaseOf(f.document);
    std::vector<std::string> row = {
        f.path, f.pos.line ? std::to_string(f.pos.line) : "", f.pos.column ? std::to_string(f.pos.column) : "",
        f.case_id, c ? c->unit : "", c ? c->intervention_type : "", c ? c->decision_date : "", f.rule,
        core::SeverityLabel(f.severity, run_.lang), f.message.In(run_.lang), core::FormatCitations(f.law, run_.lang),
        JoinStrings(f.requirements, ", "), f.due_date, f.pointer, FindingStatus(f, run_)};
    if (run_.show_personal_data)
      row.insert(row.begin() + 4, {c ? c->person_name : "", c ? c->person_id : ""});
    Row(row, out);
  }
}

void CsvFormatter::End(const Summary&, std::string*) {}

}  // namespace aktkoll::report
