#include "report/formats.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <xlsxwriter.h>

namespace aktkoll::report {
namespace {

constexpr int kColumns = 12;

void Text(lxw_worksheet* ws, unsigned row, int col, const std::string& s, lxw_format* f = nullptr) {
  worksheet_write_string(ws, row, static_cast<lxw_col_t>(col), s.c_str(), f);
}

// A block of rows: title, header, then name / applied / failed / compliance.
unsigned Block(lxw_worksheet* ws, unsigned row, const std::string& title, const std::string& name_header,
               const std::map<std::string, std::pair<int, int>>& rows, bool sv, lxw_format* bold,
               lxw_format* percent) {
  Text(ws, row++, 0, title, bold);
  Text(ws, row, 0, name_header, bold);
  Text(ws, row, 1, sv ? "Ärenden" : "Cases", bold);
  Text(ws, row, 2, sv ? "Med brister" : "With shortcomings", bold);
  Text(ws, row, 3, sv ? "Efterlevnad" : "Compliance", bold);
  row++;
  for (const auto& [name, af] : rows) {
    Text(ws, row, 0, name);
    worksheet_write_number(ws, row, 1, af.first, nullptr);
    worksheet_write_number(ws, row, 2, af.second, nullptr);
    worksheet_write_number(ws, row, 3, af.first ? double(af.first - af.second) / af.first : 1.0, percent);
    row++;
  }
  return row + 1;
}

}  // namespace

XlsxFormatter::~XlsxFormatter() {
  if (book_) workbook_close(book_);
  if (!tmp_path_.empty()) ::unlink(tmp_path_.c_str());
}

void XlsxFormatter::Start(std::string*) {
  const char* dir = std::getenv("TMPDIR");
  tmp_path_ = std::string(dir && *dir ? dir : "/tmp") + "/aktkoll-xlsx-XXXXXX";
  int fd = ::mkstemp(tmp_path_.data());
  if (fd >= 0) ::close(fd);
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  book_ = workbook_new_opt(tmp_path_.c_str(), &options);
  if (!book_) return;
  const bool sv = run_.lang == Lang::kSv;
  summary_ = workbook_add_worksheet(book_, sv ? "Sammanfattning" : "Summary");
  findings_ = workbook_add_worksheet(book_, sv ? "Anmärkningar" : "Findings");
  bold_ = workbook_add_format(book_);
  format_set_bold(bold_);
  percent_ = workbook_add_format(book_);
  format_set_num_format(percent_, "0%");
  const char* sv_head[kColumns] = {"Fil", "Rad", "Kolumn", "Ärende", "Enhet", "Insatstyp", "Beslutsdatum",
                                   "Regel", "Allvarlighetsgrad", "Meddelande", "Lagrum", "Förfallodag"};
  const char* en_head[kColumns] = {"File", "Line", "Column", "Case", "Unit", "Intervention type", "Decision date",
                                   "Rule", "Severity", "Message", "Law", "Due date"};
  for (int c = 0; c < kColumns; ++c) Text(findings_, 0, c, sv ? sv_head[c] : en_head[c], bold_);
  worksheet_set_column(findings_, 0, 0, 40, nullptr);
  worksheet_set_column(findings_, 9, 9, 80, nullptr);
  worksheet_set_column(findings_, 10, 10, 40, nullptr);
  worksheet_freeze_panes(findings_, 1, 0);
  row_ = 1;
}

void XlsxFormatter::AddFile(const FileResult& file, std::string*) {
  if (!book_) return;
  const FileIndex index(file);
  for (const Finding& f : file.findings) {
    const CaseResult* c = index.CaseOf(f.document);
    Text(findings_, row_, 0, f.path);
    if (f.pos.line) worksheet_write_number(findings_, row_, 1, f.pos.line, nullptr);
    if (f.pos.column) worksheet_write_number(findings_, row_, 2, f.pos.column, nullptr);
    Text(findings_, row_, 3, f.case_id);
    Text(findings_, row_, 4, c ? c->unit : "");
    Text(findings_, row_, 5, c ? c->intervention_type : "");
    Text(findings_, row_, 6, c ? c->decision_date : "");
    Text(findings_, row_, 7, f.rule);
    Text(findings_, row_, 8, core::SeverityLabel(f.severity, run_.lang));
    Text(findings_, row_, 9, f.message.In(run_.lang));
    Text(findings_, row_, 10, JoinStrings(f.law, "; "));
    Text(findings_, row_, 11, f.due_date);
    row_++;
  }
}

void XlsxFormatter::End(const Summary& s, std::string* out) {
  if (!book_) {
    *out += "";
    return;
  }
  worksheet_autofilter(findings_, 0, 0, row_ > 1 ? row_ - 1 : 1, kColumns - 1);
  const bool sv = run_.lang == Lang::kSv;
  unsigned r = 0;
  Text(summary_, r++, 0, sv ? "aktkoll — granskning av ärendeakter" : "aktkoll — case record check", bold_);
  Text(summary_, r, 0, sv ? "Granskningsdatum" : "As of");
  Text(summary_, r++, 1, run_.as_of);
  Text(summary_, r, 0, sv ? "Regelpaket" : "Rule pack");
  Text(summary_, r++, 1, run_.pack.name + " " + run_.pack.version + (run_.pack.profile.empty() ? "" : " / " + run_.pack.profile));
  Text(summary_, r, 0, sv ? "Ärenden" : "Cases");
  worksheet_write_number(summary_, r++, 1, s.cases, nullptr);
  Text(summary_, r, 0, sv ? "Fel / varningar / info" : "Errors / warnings / info");
  Text(summary_, r++, 1, std::to_string(s.findings.by_severity[2]) + " / " + std::to_string(s.findings.by_severity[1]) +
                             " / " + std::to_string(s.findings.by_severity[0]));
  r++;
  worksheet_set_column(summary_, 0, 0, 45, nullptr);
  worksheet_set_column(summary_, 1, 3, 16, nullptr);
  r = Block(summary_, r, sv ? "Efterlevnad per regel" : "Compliance per rule", sv ? "Regel" : "Rule",
            s.rule_applied_failed, sv, bold_, percent_);
  r = Block(summary_, r, sv ? "Efterlevnad per enhet" : "Compliance per unit", sv ? "Enhet" : "Unit",
            s.unit_cases, sv, bold_, percent_);
  Block(summary_, r, sv ? "Efterlevnad per insatstyp" : "Compliance per intervention type",
        sv ? "Insatstyp" : "Intervention type", s.type_cases, sv, bold_, percent_);
  workbook_close(book_);
  book_ = nullptr;
  std::ifstream in(tmp_path_, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  *out += bytes.str();
}

}  // namespace aktkoll::report
