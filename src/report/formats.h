// The report formats, one Formatter each (report/model.h has the interface and
// MakeFormatter, which picks one by name). Their implementations are in <name>_format.cc.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "report/model.h"
#include "report/spill.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace aktkoll::report {

// The text report: findings grouped by case, each with file:line:col, severity, rule id,
// the message and the legal reference, then a summary line with the counts.
class TextFormatter : public Formatter {
 public:
  // summary_only: the statistics and the summary line without the findings, printed on
  // stdout when every report goes to a file.
  explicit TextFormatter(bool summary_only = false) : summary_only_(summary_only) {}
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  bool summary_only_ = false;
};

// The JSON report, documented by schemas/report.schema.json. Findings are written as they
// arrive (the array is streamed); inputs, per-case evidence and the summary follow them.
class JsonFormatter : public Formatter {
 public:
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  void Start(std::string* out) override;
  void AddInput(const InputInfo& input);

  bool first_finding_ = true;
  SpillBuffer inputs_;  // JSON array elements, comma-separated
  SpillBuffer cases_;
};

// SARIF 2.1.0, for GitHub code scanning and other viewers. Rule descriptors carry the
// help text and legal references; each result has a physicalLocation with startLine and
// startColumn where the position is known. Results are streamed.
class SarifFormatter : public Formatter {
 public:
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  void Start(std::string* out) override;
  std::vector<std::string> rule_ids_;  // index = ruleIndex
  bool first_ = true;
  SpillBuffer artifacts_;
};

// JUnit XML, for GitLab and Jenkins test dashboards: one testsuite per input file, one
// testcase per case × rule that applied; a failed rule carries its findings' messages.
class JunitFormatter : public Formatter {
 public:
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  void Start(std::string* out) override;
  SpillBuffer suite_;  // the current file's test cases, until its last part
  int tests_ = 0, failures_ = 0, errors_ = 0, skipped_ = 0;
};

// GitHub Actions annotations: one `::error file=…,line=…,col=…,title=…::message` line per
// finding (warning → ::warning, info → ::notice), shown inline on pull requests.
class GithubFormatter : public Formatter {
 public:
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;
};

// CSV for auditors, made so that Excel in a Swedish locale opens it as it stands: UTF-8
// with a BOM, ';' as separator, CRLF line ends. One row per finding, with unit,
// intervention type, rule, severity, law and the due date where one applies.
class CsvFormatter : public Formatter {
 public:
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  void Start(std::string* out) override;
};

// Excel workbook for auditors, through libxlsxwriter: a summary sheet, a findings sheet
// with filters (dates as dates, rule titles, the verdict per finding), and one sheet per
// statistic: compliance per rule, per unit and per intervention type (catalogue labels),
// findings per decision month.
// libxlsxwriter writes only to files, so the workbook is built in a temporary file (in
// TMPDIR, never beside the inputs) in constant-memory mode and its bytes handed on at End.
class XlsxFormatter : public Formatter {
 public:
  ~XlsxFormatter() override;
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  void Start(std::string* out) override;
  std::vector<std::string> Columns() const;  // of the findings sheet
  std::string tmp_path_;
  lxw_workbook* book_ = nullptr;
  lxw_worksheet* summary_ = nullptr;
  lxw_worksheet* findings_ = nullptr;
  lxw_worksheet* per_rule_ = nullptr;
  lxw_worksheet* per_unit_ = nullptr;
  lxw_worksheet* per_type_ = nullptr;
  lxw_worksheet* per_month_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* percent_ = nullptr;
  lxw_format* date_ = nullptr;
  unsigned row_ = 0;
};

// One self-contained HTML file for inspectors and quality leads: no external scripts,
// styles, fonts or network. A summary with compliance rates per rule, per unit and per
// intervention type as inline-SVG bar charts; a case list where each case opens to its
// findings with their legal reference and the rule's explanation; and the evidence block
// (tool, rule pack and its SHA-256, as-of date, input hashes, rules applied per case).
// Printable: the print stylesheet opens every case.
class HtmlFormatter : public Formatter {
 public:
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  SpillBuffer cases_;
  SpillBuffer inputs_;
  SpillBuffer evidence_;
  std::set<std::string> rules_seen_;  // rules with a finding, explained once at the end
  std::set<std::string> units_seen_;  // units of the cases with findings, for the filter
  int clean_cases_ = 0;
};

// A Markdown summary, for CI job summaries and pull-request comments: the counts, the
// compliance rate per rule, and a table of findings (capped, so a big batch stays
// within what job-summary pages accept).
class MdFormatter : public Formatter {
 public:
  static constexpr int kMaxRows = 500;
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  std::string rows_;
  int row_count_ = 0;
  int omitted_ = 0;
};

}  // namespace aktkoll::report
