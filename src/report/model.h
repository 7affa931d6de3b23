// The report model: what one `aktkoll check` run found, as a stream of per-file results
// between a header (RunInfo) and a footer (Summary). Every output format is a Formatter:
// a pure function of this stream, fed file by file in input order, so findings are never
// all held in memory and every format sees exactly the same data.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/finding.h"

namespace aktkoll::report {

using core::Finding;
using core::Lang;
using core::Severity;

struct PackInfo {
  std::string name;
  std::string version;
  std::string sha256;   // of the pack's files, in path order
  std::string profile;  // empty when none
};

struct RuleInfo {
  std::string id;
  Severity severity = Severity::kError;
  core::Text title;
  core::Text help;      // what the rule checks and why (for SARIF/HTML)
  std::string name;     // SARIF's readable name; empty: made from the title
  std::vector<core::Citation> law;
  std::vector<std::string> requirements;
};

struct RunInfo {
  std::string tool_name = "aktkoll";
  std::string tool_version;
  std::string tool_information_uri;  // where the tool's documentation is (SARIF)
  std::string as_of;    // YYYY-MM-DD
  Lang lang = Lang::kSv;
  bool show_personal_data = false;
  bool statistics = false;
  bool has_baseline = false;  // --baseline was given: each finding is new or in it
  bool color = false;   // ANSI colours in the text format (a terminal, NO_COLOR unset)
  PackInfo pack;
  std::vector<RuleInfo> rules;
  // The catalogue's labels of intervention-type codes (vocabulary intervention_types), so
  // that statistics show "Föräldrastöd" rather than "foraldrastod".
  std::map<std::string, core::Text> type_labels;
};

struct InputError {
  std::string message;
  core::Position pos;
};

struct InputInfo {
  std::string path;
  int documents = 0;
  std::string sha256;
  bool has_error = false;
  InputError error;     // the first input error in the file
};

// One case (document) of a file and what happened to each rule on it.
struct CaseResult {
  int document = 0;
  std::string case_id;
  core::Position pos;
  std::string unit;
  std::string intervention_type;
  std::string decision_date;
  std::vector<std::string> applied;   // rules whose `when` held
  std::vector<std::string> failed;
  std::vector<std::string> waived;
  // Filled only with --show-personal-data: the individual's name and identity number.
  std::string person_name;
  std::string person_id;
};

// The result of an input file, or of a part of one: a long JSON Lines file or YAML stream
// is reported chunk by chunk, so that no run holds a whole file's findings. The parts of a
// file arrive in order, each with whole documents numbered from the file's start; every
// part but the last has `more` set and input.path only; the last has the file's totals in
// `input` (documents, first input error, SHA-256).
struct FileResult {
  InputInfo input;
  std::vector<CaseResult> cases;
  std::vector<Finding> findings;      // sorted with core::FindingLess
  bool more = false;                  // further parts of the same file follow
  // Not an input but a file the run read for its own use (the --waivers file, whose expired
  // and unused waivers are findings): its findings are reported, but it is not counted or
  // listed among the inputs checked.
  bool auxiliary = false;
};

struct Counts {
  std::array<int, 3> by_severity{};   // indexed by Severity
  int total() const { return by_severity[0] + by_severity[1] + by_severity[2]; }
};

struct Summary {
  int files = 0;
  int documents = 0;
  int cases = 0;
  int input_errors = 0;
  Counts findings;           // every finding, waived and baseline ones included
  Counts counted;            // the findings that decide the exit code
  int waived = 0;            // findings waived by a live waiver
  int baseline = 0;          // findings already in the --baseline
  // --statistics: finding counts per rule, unit, intervention type and decision month.
  std::map<std::string, int> per_rule, per_unit, per_type, per_month;
  // Compliance: cases where the rule applied, and where it failed (per rule).
  std::map<std::string, std::pair<int, int>> rule_applied_failed;
  // Cases, and cases with an error or warning, per unit and per intervention type.
  std::map<std::string, std::pair<int, int>> unit_cases, type_cases;
};

// Share of compliant cases, 0..100, rounded down; 100 when nothing applied.
int CompliancePercent(const std::pair<int, int>& applied_failed);
// "(okänd)"/"(unknown)" for an empty unit, type or month.
std::string OrUnknown(const std::string& s, Lang lang);

// Accumulates the summary from file results, in whatever order they are added.
void AddToSummary(const FileResult& file, Summary* summary);

class Formatter {
 public:
  virtual ~Formatter() = default;
  // Starts the report: keeps the run's facts in run_, then lets the format write its head.
  void Begin(const RunInfo& run, std::string* out) {
    run_ = run;
    Start(out);
  }
  virtual void AddFile(const FileResult& file, std::string* out) = 0;
  virtual void End(const Summary& summary, std::string* out) = 0;

  // Set by whoever writes `out` away (app::Output): End() of a format that kept sections
  // for the end calls it between pieces, so the whole report is never in memory at once.
  void SetDrain(std::function<void()> drain) { drain_ = std::move(drain); }

 protected:
  virtual void Start(std::string* out) { (void)out; }
  const std::function<void()>& drain() const { return drain_; }

  RunInfo run_;

 private:
  std::function<void()> drain_;
};

// The formats: text, json, sarif, junit, github, csv, xlsx, html, md. nullptr if unknown.
std::unique_ptr<Formatter> MakeFormatter(const std::string& name);
std::vector<std::string> FormatNames();
// The text format's statistics and summary line without its findings: what stdout shows
// when every report goes to a file.
std::unique_ptr<Formatter> MakeSummaryFormatter();

// Helpers shared by the formats.
// The first case of `document` (a linear search; per-finding lookups use FileIndex).
const CaseResult* FindCase(const FileResult& file, int document);

// A file's findings grouped by document (each group in the file's order) and the first
// case of each document, so that per-case and per-finding passes over a file of many
// documents (a JSON Lines file of 100,000 cases) stay linear.
class FileIndex {
 public:
  explicit FileIndex(const FileResult& file);
  const std::vector<const Finding*>& FindingsOf(int document) const;
  const CaseResult* CaseOf(int document) const;  // same answer as FindCase

 private:
  std::unordered_map<int, std::vector<const Finding*>> findings_;
  std::unordered_map<int, const CaseResult*> cases_;
};

const RuleInfo* FindRule(const RunInfo& run, const std::string& id);

// The verdict on a finding, the same in every format: "undantagen: <the waiver's reason>"
// for a waived one, "i baslinjen" for one in the --baseline, "ny" for any other when a
// baseline was given, and "" when there is no baseline and no waiver (English with --lang en).
std::string FindingStatus(const Finding& f, const RunInfo& run);
// The label of an intervention-type code in the run's language; the code itself when the
// catalogue has none (and "(okänd)"/"(unknown)" for the empty code's key).
std::string TypeLabel(const std::string& code, const RunInfo& run);
// The checks that are not rules of a pack but report findings of their own: schema,
// input-error, rule-error, waiver-expired and waiver-unused (the ids in core/finding.h),
// each with its severity, title (phrased as what holds when it passes), help and SARIF name.
const std::vector<RuleInfo>& BuiltInChecks();
// A rule's title in the run's language; the built-in checks have titles of their own.
std::string RuleTitle(const std::string& id, const RunInfo& run);
// Whether a finding decides the exit code (neither waived nor in the baseline).
inline bool Counted(const Finding& f) { return core::Counts(f); }
// "Namn Efternamn, ÅÅÅÅMMDD-NNNN" of a case with --show-personal-data, else "".
std::string PersonLabel(const CaseResult* c, const RunInfo& run);
std::string JoinStrings(const std::vector<std::string>& v, const std::string& sep);

}  // namespace aktkoll::report
