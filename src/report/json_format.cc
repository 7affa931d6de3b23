#include "report/formats.h"

#include <nlohmann/json.hpp>

namespace aktkoll::report {
namespace {

using nlohmann::ordered_json;

ordered_json FindingJson(const Finding& f, Lang lang) {
  ordered_json j;
  j["rule"] = f.rule;
  j["severity"] = core::SeverityName(f.severity);
  j["case_id"] = f.case_id.empty() ? ordered_json(nullptr) : ordered_json(f.case_id);
  j["path"] = f.path;
  j["document"] = f.document;
  j["line"] = f.pos.line;
  j["column"] = f.pos.column;
  j["pointer"] = f.pointer;
  j["message"] = f.message.In(lang);
  j["message_sv"] = f.message.sv;
  j["message_en"] = f.message.In(Lang::kEn);
  j["law"] = f.law;
  j["requirements"] = f.requirements;
  j["due_date"] = f.due_date.empty() ? ordered_json(nullptr) : ordered_json(f.due_date);
  j["waived"] = f.waived;
  if (f.waived) j["waiver_reason"] = f.waiver_reason;
  j["baseline"] = f.baseline;
  return j;
}

void Append(SpillBuffer* list, const ordered_json& j) {
  if (!list->empty()) list->Append(",\n    ");
  list->Append(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// ",\n  \"name\": [ ... ]" with the list's elements, written out piece by piece.
void EndList(const char* name, SpillBuffer* list, std::string* out, const std::function<void()>& drain) {
  *out += ",\n  \"";
  *out += name;
  *out += "\": [";
  if (!list->empty()) {
    *out += "\n    ";
    list->MoveTo(out, drain);
    *out += "\n  ";
  }
  *out += "]";
}

ordered_json CountsJson(const std::map<std::string, int>& m) {
  ordered_json j = ordered_json::object();
  for (const auto& [k, v] : m) j[k] = v;
  return j;
}

}  // namespace

void JsonFormatter::Start(std::string* out) {
  ordered_json head;
  head["tool"] = {{"name", run_.tool_name}, {"version", run_.tool_version}};
  head["as_of"] = run_.as_of;
  head["lang"] = run_.lang == Lang::kSv ? "sv" : "en";
  head["rule_pack"] = {{"name", run_.pack.name}, {"version", run_.pack.version},
                       {"sha256", run_.pack.sha256},
                       {"profile", run_.pack.profile.empty() ? ordered_json(nullptr) : ordered_json(run_.pack.profile)}};
  std::string h = head.dump(2);
  h.pop_back();  // drop the closing brace: the object continues
  while (!h.empty() && (h.back() == '\n' || h.back() == ' ')) h.pop_back();
  *out += h + ",\n  \"findings\": [";
}

void JsonFormatter::AddInput(const InputInfo& input) {
  ordered_json in;
  in["path"] = input.path;
  in["documents"] = input.documents;
  in["sha256"] = input.sha256;
  if (input.has_error) {
    in["error"] = {{"message", input.error.message},
                   {"line", input.error.pos.line},
                   {"column", input.error.pos.column}};
  } else {
    in["error"] = nullptr;
  }
  Append(&inputs_, in);
}

void JsonFormatter::AddFile(const FileResult& file, std::string* out) {
  for (const Finding& f : file.findings) {
    *out += first_finding_ ? "\n    " : ",\n    ";
    first_finding_ = false;
    *out += FindingJson(f, run_.lang).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (!file.more) AddInput(file.input);
  for (const CaseResult& c : file.cases) {
    ordered_json cj;
    cj["path"] = file.input.path;
    cj["document"] = c.document;
    cj["case_id"] = c.case_id.empty() ? ordered_json(nullptr) : ordered_json(c.case_id);
    cj["line"] = c.pos.line;
    if (run_.show_personal_data) {
      cj["person_name"] = c.person_name;
      cj["person_id"] = c.person_id;
    }
    cj["applied"] = c.applied;
    std::vector<std::string> passed;
    for (const auto& r : c.applied) {
      bool bad = false;
      for (const auto& x : c.failed) bad |= x == r;
      for (const auto& x : c.waived) bad |= x == r;
      if (!bad) passed.push_back(r);
    }
    cj["passed"] = passed;
    cj["failed"] = c.failed;
    cj["waived"] = c.waived;
    Append(&cases_, cj);
  }
}

void JsonFormatter::End(const Summary& s, std::string* out) {
  *out += first_finding_ ? "]" : "\n  ]";
  EndList("inputs", &inputs_, out, drain());
  EndList("cases", &cases_, out, drain());
  ordered_json sum;
  sum["files"] = s.files;
  sum["documents"] = s.documents;
  sum["cases"] = s.cases;
  sum["input_errors"] = s.input_errors;
  sum["findings"] = {{"error", s.findings.by_severity[2]},
                     {"warning", s.findings.by_severity[1]},
                     {"info", s.findings.by_severity[0]}};
  sum["waived"] = s.waived;
  sum["baseline"] = s.baseline;
  if (run_.statistics) {
    sum["statistics"] = {{"per_rule", CountsJson(s.per_rule)},
                         {"per_unit", CountsJson(s.per_unit)},
                         {"per_intervention_type", CountsJson(s.per_type)},
                         {"per_decision_month", CountsJson(s.per_month)}};
  }
  *out += ",\n  \"summary\": " + sum.dump() + "\n}\n";
}

}  // namespace aktkoll::report
