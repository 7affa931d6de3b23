#include "report/formats.h"

#include <map>

#include <nlohmann/json.hpp>

#include "report/escape.h"

namespace aktkoll::report {
namespace {

using nlohmann::ordered_json;

const char* Level(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "note";
  }
  return "error";
}

std::string Dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A rule's `name` (SARIF 3.49.7: readable, not the id): the English title, or the Swedish
// one, in UpperCamelCase of its ASCII letters and digits ("TheClosureReasonIsACode...").
// [{"ref": ..., "kind": "law"|"guidance"|"guideline"}], as in the JSON report.
ordered_json CitationsJson(const std::vector<core::Citation>& law) {
  ordered_json out = ordered_json::array();
  for (const core::Citation& c : law) out.push_back({{"ref", c.ref}, {"kind", core::SourceKindName(c.kind)}});
  return out;
}

std::string RuleName(const RuleInfo& r) {
  static const std::map<std::string, std::string> kBuiltIn = {
      {core::kRuleSchema, "CaseSchema"},         {core::kRuleInputError, "UnreadableInput"},
      {core::kRuleRuleError, "RuleEvaluationError"}, {"waiver-expired", "ExpiredWaiver"},
      {"waiver-unused", "UnusedWaiver"}};
  if (auto it = kBuiltIn.find(r.id); it != kBuiltIn.end()) return it->second;
  const std::string& title = !r.title.en.empty() ? r.title.en : r.title.sv;
  std::string out;
  bool start = true;
  for (char ch : title) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      out += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : ch;
      start = false;
    } else if (c < 0x80) {
      start = true;
    }
  }
  return out.empty() || out == r.id ? r.id + "Rule" : out;
}

RuleInfo BuiltIn(const char* id, const char* sv, const char* en) {
  RuleInfo r;
  r.id = id;
  r.title = {sv, en};
  r.help = {sv, en};
  return r;
}

}  // namespace

void SarifFormatter::Start(std::string* out) {
  std::vector<RuleInfo> rules = run_.rules;
  rules.push_back(BuiltIn(core::kRuleSchema, "Ärendet följer inte fallschemat (schemas/case.schema.json).",
                          "The case does not follow the case schema (schemas/case.schema.json)."));
  rules.push_back(BuiltIn(core::kRuleInputError, "Filen eller dokumentet kunde inte läsas.",
                          "The file or document could not be read."));
  rules.push_back(BuiltIn(core::kRuleRuleError, "En regel kunde inte utvärderas på ärendet.",
                          "A rule could not be evaluated on the case."));
  rules.push_back(BuiltIn("waiver-expired", "Ett undantag i undantagsfilen har gått ut.",
                          "A waiver in the waiver file has expired."));
  rules.push_back(BuiltIn("waiver-unused", "Ett undantag i undantagsfilen matchar ingen anmärkning.",
                          "A waiver in the waiver file matches no finding."));
  rules.back().severity = Severity::kInfo;
  ordered_json descriptors = ordered_json::array();
  for (const RuleInfo& r : rules) {
    rule_ids_.push_back(r.id);
    ordered_json d;
    d["id"] = r.id;
    d["name"] = RuleName(r);
    d["shortDescription"] = {{"text", r.title.In(run_.lang)}};
    d["fullDescription"] = {{"text", r.help.In(run_.lang).empty() ? r.title.In(run_.lang) : r.help.In(run_.lang)}};
    std::string help = r.help.In(run_.lang);
    if (!r.law.empty()) help += "\n\n" + core::FormatCitations(r.law, run_.lang);
    d["help"] = {{"text", help.empty() ? r.title.In(run_.lang) : help}};
    d["defaultConfiguration"] = {{"level", Level(r.severity)}};
    d["properties"] = {{"law", CitationsJson(r.law)}, {"requirements", r.requirements}};
    descriptors.push_back(d);
  }
  ordered_json driver;
  driver["name"] = run_.tool_name;
  driver["version"] = run_.tool_version;
  driver["semanticVersion"] = run_.tool_version;
  driver["rules"] = descriptors;
  *out += "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
          "  \"runs\": [\n    {\n      \"tool\": {\"driver\": " + Dump(driver) + "},\n"
          "      \"results\": [";
}

void SarifFormatter::AddFile(const FileResult& file, std::string* out) {
  if (!file.more) {  // one artifact per file, with the hash its last part carries
    ordered_json art;
    art["location"] = {{"uri", UriPath(file.input.path)}};
    if (!file.input.sha256.empty()) art["hashes"] = {{"sha-256", file.input.sha256}};
    artifacts_.Append(artifacts_.empty() ? "\n        " : ",\n        ");
    artifacts_.Append(Dump(art));
  }
  for (const Finding& f : file.findings) {
    ordered_json r;
    r["ruleId"] = f.rule;
    for (size_t i = 0; i < rule_ids_.size(); ++i)
      if (rule_ids_[i] == f.rule) r["ruleIndex"] = i;
    r["level"] = Level(f.severity);
    r["message"] = {{"text", f.message.In(run_.lang)}};
    ordered_json phys;
    phys["artifactLocation"] = {{"uri", UriPath(f.path)}};
    if (f.pos.known()) {
      ordered_json region;
      region["startLine"] = f.pos.line;
      if (f.pos.column) region["startColumn"] = f.pos.column;
      phys["region"] = region;
    }
    r["locations"] = ordered_json::array({{{"physicalLocation", phys}}});
    ordered_json props;
    props["case_id"] = f.case_id;
    props["document"] = f.document;
    props["pointer"] = f.pointer;
    props["law"] = CitationsJson(f.law);
    props["requirements"] = f.requirements;
    if (!f.due_date.empty()) props["due_date"] = f.due_date;
    r["properties"] = props;
    if (f.waived)
      r["suppressions"] = ordered_json::array({{{"kind", "external"}, {"status", "accepted"},
                                                {"justification", f.waiver_reason}}});
    if (run_.has_baseline) r["baselineState"] = f.baseline ? "unchanged" : "new";
    *out += (first_ ? "\n        " : ",\n        ") + Dump(r);
    first_ = false;
  }
}

void SarifFormatter::End(const Summary&, std::string* out) {
  *out += first_ ? "]" : "\n      ]";
  const bool no_artifacts = artifacts_.empty();
  *out += ",\n      \"artifacts\": [";
  artifacts_.MoveTo(out, drain());
  *out += no_artifacts ? "]" : "\n      ]";
  ordered_json inv;
  inv["executionSuccessful"] = true;
  ordered_json props;
  props["as_of"] = run_.as_of;
  props["rule_pack"] = {{"name", run_.pack.name}, {"version", run_.pack.version},
                        {"sha256", run_.pack.sha256}, {"profile", run_.pack.profile}};
  inv["properties"] = props;
  *out += ",\n      \"invocations\": [" + Dump(inv) + "]\n    }\n  ]\n}\n";
}

}  // namespace aktkoll::report
