#include "report/formats.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>
#include <unistd.h>

#include <xlsxwriter.h>

namespace aktkoll::report {
namespace {

void Text(lxw_worksheet* ws, unsigned row, int col, const std::string& s, lxw_format* f = nullptr) {
  worksheet_write_string(ws, row, static_cast<lxw_col_t>(col), s.c_str(), f);
}

// A YYYY-MM-DD date as a real Excel date; anything else as text.
void Date(lxw_worksheet* ws, unsigned row, int col, const std::string& s, lxw_format* date) {
  int y, m, d;
  char tail;
  if (s.size() == 10 && std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && y >= 1900) {
    lxw_datetime dt = {y, m, d, 0, 0, 0.0};
    worksheet_write_datetime(ws, row, static_cast<lxw_col_t>(col), &dt, date);
  } else if (!s.empty()) {
    Text(ws, row, col, s);
  }
}

// One statistic on its own sheet: header, then name / cases / with shortcomings /
// compliance (the same whole percent, rounded down, as every other format shows).
void ComplianceSheet(lxw_worksheet* ws, const std::vector<std::string>& head,
                     const std::vector<std::pair<std::vector<std::string>, std::pair<int, int>>>& rows, bool sv,
                     lxw_format* bold, lxw_format* percent) {
  int col = 0;
  for (const auto& h : head) Text(ws, 0, col++, h, bold);
  Text(ws, 0, col, sv ? "Ärenden" : "Cases", bold);
  Text(ws, 0, col + 1, sv ? "Med brister" : "With shortcomings", bold);
  Text(ws, 0, col + 2, sv ? "Efterlevnad" : "Compliance", bold);
  unsigned row = 1;
  for (const auto& [names, af] : rows) {
    for (size_t i = 0; i < names.size(); ++i) Text(ws, row, static_cast<int>(i), names[i]);
    worksheet_write_number(ws, row, static_cast<lxw_col_t>(col), af.first, nullptr);
    worksheet_write_number(ws, row, static_cast<lxw_col_t>(col + 1), af.second, nullptr);
    worksheet_write_number(ws, row, static_cast<lxw_col_t>(col + 2), CompliancePercent(af) / 100.0, percent);
    row++;
  }
  worksheet_set_column(ws, 0, 0, 45, nullptr);
  if (head.size() > 1) worksheet_set_column(ws, 1, static_cast<lxw_col_t>(head.size() - 1), 60, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  if (row > 1) worksheet_autofilter(ws, 0, 0, row - 1, static_cast<lxw_col_t>(col + 2));
}

void CountSheet(lxw_worksheet* ws, const std::string& head, const std::vector<std::pair<std::string, int>>& rows,
                bool sv, lxw_format* bold) {
  Text(ws, 0, 0, head, bold);
  Text(ws, 0, 1, sv ? "Anmärkningar" : "Findings", bold);
  unsigned row = 1;
  for (const auto& [name, n] : rows) {
    Text(ws, row, 0, name);
    worksheet_write_number(ws, row++, 1, n, nullptr);
  }
  worksheet_set_column(ws, 0, 0, 45, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
}

}  // namespace

XlsxFormatter::~XlsxFormatter() {
  if (book_) workbook_close(book_);
  if (!tmp_path_.empty()) ::unlink(tmp_path_.c_str());
}

std::vector<std::string> XlsxFormatter::Columns() const {
  const bool sv = run_.lang == Lang::kSv;
  std::vector<std::string> head =
      sv ? std::vector<std::string>{"Fil", "Rad", "Kolumn", "Ärende", "Enhet", "Insatstyp", "Beslutsdatum", "Regel",
                                    "Regelns rubrik", "Allvarlighetsgrad", "Meddelande", "Rättslig grund", "Förfallodag", "Status"}
         : std::vector<std::string>{"File", "Line", "Column", "Case", "Unit", "Intervention type", "Decision date", "Rule",
                                    "Rule title", "Severity", "Message", "Legal basis", "Due date", "Status"};
  if (run_.show_personal_data)
    head.insert(head.begin() + 4, {sv ? "Namn" : "Name", sv ? "Personnummer" : "Personal identity number"});
  return head;
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
  // Sheets in the order they are shown; constant-memory mode writes a sheet's rows in
  // order, so the summary and statistics sheets are added now and filled at End.
  summary_ = workbook_add_worksheet(book_, sv ? "Sammanfattning" : "Summary");
  findings_ = workbook_add_worksheet(book_, sv ? "Anmärkningar" : "Findings");
  per_rule_ = workbook_add_worksheet(book_, sv ? "Per regel" : "Per rule");
  per_unit_ = workbook_add_worksheet(book_, sv ? "Per enhet" : "Per unit");
  per_type_ = workbook_add_worksheet(book_, sv ? "Per insatstyp" : "Per intervention type");
  per_month_ = workbook_add_worksheet(book_, sv ? "Per beslutsmånad" : "Per decision month");
  bold_ = workbook_add_format(book_);
  format_set_bold(bold_);
  percent_ = workbook_add_format(book_);
  format_set_num_format(percent_, "0%");
  date_ = workbook_add_format(book_);
  format_set_num_format(date_, "yyyy-mm-dd");
  const std::vector<std::string> head = Columns();
  for (size_t c = 0; c < head.size(); ++c) Text(findings_, 0, static_cast<int>(c), head[c], bold_);
  const int shift = run_.show_personal_data ? 2 : 0;
  worksheet_set_column(findings_, 0, 0, 40, nullptr);
  worksheet_set_column(findings_, static_cast<lxw_col_t>(6 + shift), static_cast<lxw_col_t>(6 + shift), 12, nullptr);
  worksheet_set_column(findings_, static_cast<lxw_col_t>(8 + shift), static_cast<lxw_col_t>(8 + shift), 50, nullptr);
  worksheet_set_column(findings_, static_cast<lxw_col_t>(10 + shift), static_cast<lxw_col_t>(10 + shift), 80, nullptr);
  worksheet_set_column(findings_, static_cast<lxw_col_t>(11 + shift), static_cast<lxw_col_t>(11 + shift), 40, nullptr);
  worksheet_set_column(findings_, static_cast<lxw_col_t>(12 + shift), static_cast<lxw_col_t>(12 + shift), 12, nullptr);
  worksheet_set_column(findings_, static_cast<lxw_col_t>(13 + shift), static_cast<lxw_col_t>(13 + shift), 30, nullptr);
  worksheet_freeze_panes(findings_, 1, 0);
  row_ = 1;
}

void XlsxFormatter::AddFile(const FileResult& file, std::string*) {
  if (!book_) return;
  const FileIndex index(file);
  for (const Finding& f : file.findings) {
    const CaseResult* c = index.CaseOf(f.document);
    int col = 0;
    Text(findings_, row_, col++, f.path);
    if (f.pos.line) worksheet_write_number(findings_, row_, static_cast<lxw_col_t>(col), f.pos.line, nullptr);
    col++;
    if (f.pos.column) worksheet_write_number(findings_, row_, static_cast<lxw_col_t>(col), f.pos.column, nullptr);
    col++;
    Text(findings_, row_, col++, f.case_id);
    if (run_.show_personal_data) {
      Text(findings_, row_, col++, c ? c->person_name : "");
      Text(findings_, row_, col++, c ? c->person_id : "");
    }
    Text(findings_, row_, col++, c ? c->unit : "");
    Text(findings_, row_, col++, c ? TypeLabel(c->intervention_type, run_) : "");
    Date(findings_, row_, col++, c ? c->decision_date : "", date_);
    Text(findings_, row_, col++, f.rule);
    Text(findings_, row_, col++, RuleTitle(f.rule, run_));
    Text(findings_, row_, col++, core::SeverityLabel(f.severity, run_.lang));
    Text(findings_, row_, col++, f.message.In(run_.lang));
    Text(findings_, row_, col++, core::FormatCitations(f.law, run_.lang));
    Date(findings_, row_, col++, f.due_date, date_);
    Text(findings_, row_, col++, FindingStatus(f, run_));
    row_++;
  }
}

void XlsxFormatter::End(const Summary& s, std::string* out) {
  if (!book_) return;
  worksheet_autofilter(findings_, 0, 0, row_ > 1 ? row_ - 1 : 1, static_cast<lxw_col_t>(Columns().size() - 1));
  const bool sv = run_.lang == Lang::kSv;
  unsigned r = 0;
  Text(summary_, r++, 0, sv ? "aktkoll — granskning av ärendeakter" : "aktkoll — case record check", bold_);
  Text(summary_, r, 0, sv ? "Granskningsdatum" : "As of");
  Date(summary_, r++, 1, run_.as_of, date_);
  Text(summary_, r, 0, sv ? "Regelpaket" : "Rule pack");
  Text(summary_, r++, 1, run_.pack.name + " " + run_.pack.version + (run_.pack.profile.empty() ? "" : " / " + run_.pack.profile));
  Text(summary_, r, 0, "SHA-256");
  Text(summary_, r++, 1, run_.pack.sha256);
  Text(summary_, r, 0, sv ? "Filer" : "Files");
  worksheet_write_number(summary_, r++, 1, s.files, nullptr);
  Text(summary_, r, 0, sv ? "Ärenden" : "Cases");
  worksheet_write_number(summary_, r++, 1, s.cases, nullptr);
  Text(summary_, r, 0, sv ? "Indatafel" : "Input errors");
  worksheet_write_number(summary_, r++, 1, s.input_errors, nullptr);
  const char* labels_sv[3] = {"Info", "Varningar", "Fel"};
  const char* labels_en[3] = {"Info", "Warnings", "Errors"};
  for (int sev = 2; sev >= 0; --sev) {
    Text(summary_, r, 0, sv ? labels_sv[sev] : labels_en[sev]);
    worksheet_write_number(summary_, r++, 1, s.findings.by_severity[sev], nullptr);
  }
  Text(summary_, r, 0, sv ? "Undantagna" : "Waived");
  worksheet_write_number(summary_, r++, 1, s.waived, nullptr);
  Text(summary_, r, 0, sv ? "I baslinjen" : "In the baseline");
  worksheet_write_number(summary_, r++, 1, s.baseline, nullptr);
  worksheet_set_column(summary_, 0, 0, 30, nullptr);
  worksheet_set_column(summary_, 1, 1, 70, nullptr);

  std::vector<std::pair<std::vector<std::string>, std::pair<int, int>>> rows;
  for (const auto& [rule, af] : s.rule_applied_failed) rows.push_back({{rule, RuleTitle(rule, run_)}, af});
  ComplianceSheet(per_rule_, {sv ? "Regel" : "Rule", sv ? "Rubrik" : "Title"}, rows, sv, bold_, percent_);
  rows.clear();
  for (const auto& [unit, af] : s.unit_cases) rows.push_back({{unit}, af});
  ComplianceSheet(per_unit_, {sv ? "Enhet" : "Unit"}, rows, sv, bold_, percent_);
  rows.clear();
  for (const auto& [type, af] : s.type_cases) rows.push_back({{TypeLabel(type, run_)}, af});
  ComplianceSheet(per_type_, {sv ? "Insatstyp" : "Intervention type"}, rows, sv, bold_, percent_);
  std::vector<std::pair<std::string, int>> months(s.per_month.begin(), s.per_month.end());
  CountSheet(per_month_, sv ? "Beslutsmånad" : "Decision month", months, sv, bold_);

  workbook_close(book_);
  book_ = nullptr;
  std::ifstream in(tmp_path_, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  *out += bytes.str();
}

}  // namespace aktkoll::report
