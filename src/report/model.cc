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

const std::vector<RuleInfo>& BuiltInChecks() {
  static const std::vector<RuleInfo> kChecks = [] {
    auto check = [](const char* id, Severity severity, core::Text title, core::Text help, const char* name) {
      RuleInfo r;
      r.id = id;
      r.severity = severity;
      r.title = std::move(title);
      r.help = std::move(help);
      r.name = name;
      return r;
    };
    return std::vector<RuleInfo>{
        check(core::kRuleSchema, Severity::kError, {"Akten följer fallschemat", "The record follows the case schema"},
              {"Akten följer inte fallschemat: ett obligatoriskt fält saknas eller ett fält har fel form. "
               "Meddelandet pekar ut fältet; docs/case-format.md beskriver formatet.",
               "The record does not follow the case schema: a required field is missing or a field has the "
               "wrong form. The message points at the field; docs/case-format.md describes the format."},
              "CaseSchema"),
        check(core::kRuleInputError, Severity::kError,
              {"Filen och dokumentet kan läsas", "The file and document can be read"},
              {"Filen eller ett dokument i den kunde inte läsas, t.ex. för ett fel i YAML eller JSON eller en "
               "felaktig teckenkodning. Akten granskades inte; rätta filen och kör igen.",
               "The file or a document in it could not be read, e.g. for a YAML or JSON error or a wrong "
               "encoding. The record was not checked; fix the file and run again."}, "UnreadableInput"),
        check(core::kRuleRuleError, Severity::kError,
              {"Regeln kan utvärderas på ärendet", "The rule can be evaluated on the case"},
              {"En regel kunde inte utvärderas på akten, oftast för att ett värde har en oväntad form. "
               "Meddelandet anger regeln och orsaken.",
               "A rule could not be evaluated on the record, most often because a value has an unexpected "
               "form. The message names the rule and the cause."},
              "RuleEvaluationError"),
        check(core::kRuleWaiverExpired, Severity::kError,
              {"Undantaget gäller fortfarande", "The waiver is still in force"},
              {"Ett undantag i undantagsfilen (--waivers) har passerat sitt slutdatum, så anmärkningen det "
               "gällde räknas igen. Förnya undantaget eller åtgärda bristen.",
               "A waiver in the waiver file (--waivers) is past its expiry date, so the finding it covered "
               "counts again. Renew the waiver or fix the finding."}, "ExpiredWaiver"),
        check(core::kRuleWaiverUnused, Severity::kInfo, {"Undantaget används", "The waiver is used"},
              {"Ett undantag i undantagsfilen matchar ingen anmärkning: bristen är åtgärdad, eller ärendet "
               "eller regeln är felskriven. Ta bort eller rätta undantaget.",
               "A waiver in the waiver file matches no finding: the finding has been fixed, or the case or "
               "rule is misspelt. Remove or correct the waiver."},
              "UnusedWaiver")};
  }();
  return kChecks;
}

std::string RuleTitle(const std::string& id, const RunInfo& run) {
  if (const RuleInfo* r = FindRule(run, id)) return r->title.In(run.lang);
  for (const RuleInfo& r : BuiltInChecks())
    if (r.id == id) return r.title.In(run.lang);
  return "";
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
