#include "report/model.h"

#include "report/formats.h"

namespace aktkoll::report {

void AddToSummary(const FileResult& file, Summary* s) {
  if (!file.more && !file.auxiliary) s->files++;
  s->documents += file.input.documents;
  for (const auto& f : file.findings) {
    s->findings.by_severity[static_cast<int>(f.severity)]++;
    if (core::Counts(f)) s->counted.by_severity[static_cast<int>(f.severity)]++;
    if (f.waived) s->waived++;
    if (f.baseline) s->baseline++;
    if (f.rule == core::kRuleInputError) s->input_errors++;
    s->per_rule[f.rule]++;
  }
  const FileIndex index(file);
  for (const auto& c : file.cases) {
    s->cases++;
    for (const auto& r : c.applied) s->rule_applied_failed[r].first++;
    for (const auto& r : c.failed) s->rule_applied_failed[r].second++;
    int n = 0;
    bool serious = false;
    for (const Finding* f : index.FindingsOf(c.document)) {
      if (f->rule == core::kRuleInputError) continue;
      n++;
      serious |= f->severity != Severity::kInfo;
    }
    const std::string unit = OrUnknown(c.unit, Lang::kSv);
    const std::string type = OrUnknown(c.intervention_type, Lang::kSv);
    s->unit_cases[unit].first++;
    s->type_cases[type].first++;
    if (serious) {
      s->unit_cases[unit].second++;
      s->type_cases[type].second++;
    }
    if (n == 0) continue;
    s->per_unit[unit] += n;
    s->per_type[type] += n;
    s->per_month[c.decision_date.size() >= 7 ? c.decision_date.substr(0, 7) : OrUnknown("", Lang::kSv)] += n;
  }
}

int CompliancePercent(const std::pair<int, int>& applied_failed) {
  if (applied_failed.first <= 0) return 100;
  return (applied_failed.first - applied_failed.second) * 100 / applied_failed.first;
}

std::string OrUnknown(const std::string& s, Lang lang) {
  if (!s.empty()) return s;
  return lang == Lang::kSv ? "(okänd)" : "(unknown)";
}

std::unique_ptr<Formatter> MakeFormatter(const std::string& name) {
  if (name == "text") return std::make_unique<TextFormatter>();
  if (name == "json") return std::make_unique<JsonFormatter>();
  if (name == "sarif") return std::make_unique<SarifFormatter>();
  if (name == "junit") return std::make_unique<JunitFormatter>();
  if (name == "github") return std::make_unique<GithubFormatter>();
  if (name == "csv") return std::make_unique<CsvFormatter>();
  if (name == "xlsx") return std::make_unique<XlsxFormatter>();
  if (name == "html") return std::make_unique<HtmlFormatter>();
  if (name == "md") return std::make_unique<MdFormatter>();
  return nullptr;
}

std::unique_ptr<Formatter> MakeSummaryFormatter() { return std::make_unique<TextFormatter>(true); }

std::vector<std::string> FormatNames() {
  return {"text", "json", "sarif", "junit", "github", "csv", "xlsx", "html", "md"};
}

const CaseResult* FindCase(const FileResult& file, int document) {
  for (const auto& c : file.cases)
    if (c.document == document) return &c;
  return nullptr;
}

FileIndex::FileIndex(const FileResult& file) {
  for (const Finding& f : file.findings) findings_[f.document].push_back(&f);
  for (const CaseResult& c : file.cases) cases_.emplace(c.document, &c);  // keeps the first
}

const std::vector<const Finding*>& FileIndex::FindingsOf(int document) const {
  static const std::vector<const Finding*> kNone;
  auto it = findings_.find(document);
  return it == findings_.end() ? kNone : it->second;
}

const CaseResult* FileIndex::CaseOf(int document) const {
  auto it = cases_.find(document);
  return it == cases_.end() ? nullptr : it->second;
}

const RuleInfo* FindRule(const RunInfo& run, const std::string& id) {
  for (const auto& r : run.rules)
    if (r.id == id) return &r;
  return nullptr;
}

std::string FindingStatus(const Finding& f, const RunInfo& run) {
  const bool sv = run.lang == Lang::kSv;
  if (f.waived) return (sv ? "undantagen: " : "waived: ") + f.waiver_reason;
  if (f.baseline) return sv ? "i baslinjen" : "in the baseline";
  if (run.has_baseline) return sv ? "ny" : "new";
  return "";
}

std::string TypeLabel(const std::string& code, const RunInfo& run) {
  auto it = run.type_labels.find(code);
  if (it != run.type_labels.end() && !it->second.In(run.lang).empty()) return it->second.In(run.lang);
  if (code == OrUnknown("", Lang::kSv)) return OrUnknown("", run.lang);
  return code;
}

std::string RuleTitle(const std::string& id, const RunInfo& run) {
  if (const RuleInfo* r = FindRule(run, id)) return r->title.In(run.lang);
  // The checks that are not rules of a pack.
  static const std::map<std::string, core::Text> kBuiltIn = {
      {core::kRuleSchema, {"Akten följer fallschemat", "The record follows the case schema"}},
      {core::kRuleInputError, {"Filen och dokumentet kan läsas", "The file and document can be read"}},
      {core::kRuleRuleError, {"Regeln kan utvärderas på ärendet", "The rule can be evaluated on the case"}},
      {"waiver-expired", {"Undantaget gäller fortfarande", "The waiver is still in force"}},
      {"waiver-unused", {"Undantaget används", "The waiver is used"}}};
  auto it = kBuiltIn.find(id);
  return it == kBuiltIn.end() ? "" : it->second.In(run.lang);
}

std::string PersonLabel(const CaseResult* c, const RunInfo& run) {
  if (!run.show_personal_data || !c) return "";
  if (c->person_name.empty()) return c->person_id;
  return c->person_id.empty() ? c->person_name : c->person_name + ", " + c->person_id;
}

std::string JoinStrings(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace aktkoll::report
