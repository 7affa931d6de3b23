#include "report/formats.h"

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

// [{"ref": ..., "kind": "law"|"guidance"|"guideline"}], as in the JSON report.
ordered_json CitationsJson(const std::vector<core::Citation>& law) {
  ordered_json out = ordered_json::array();
  for (const core::Citation& c : law) out.push_back({{"ref", c.ref}, {"kind", core::SourceKindName(c.kind)}});
  return out;
}

// A rule's `name` (SARIF 3.49.7: readable, not the id): the built-in checks' own, else the
// English title, or the Swedish one, in UpperCamelCase of its ASCII letters and digits
// ("TheClosureReasonIsACode...").
std::string RuleName(const RuleInfo& r) {
  if (!r.name.empty()) return r.name;
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

}  // namespace

void SarifFormatter::Start(std::string* out) {
  // The pack's rules, then the built-in checks, so every result's ruleId is declared.
  std::vector<RuleInfo> rules = run_.rules;
  rules.insert(rules.end(), BuiltInChecks().begin(), BuiltInChecks().end());
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
  if (!run_.tool_information_uri.empty()) driver["informationUri"] = run_.tool_information_uri;
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
