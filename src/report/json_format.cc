#include "report/formats.h"

#include <nlohmann/json.hpp>

#include "report/escape.h"

namespace aktkoll::report {
namespace {

using nlohmann::ordered_json;

// One JSON object written compactly, key by key, exactly as nlohmann's dump() writes it:
// a report holds one object per finding and per case, and building each as a json value
// first was a tenth of a batch run.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string* out) : out_(out) { *out_ += '{'; }
  ObjectWriter& String(const char* key, std::string_view v) {
    Key(key);
    AppendJsonString(out_, v);
    return *this;
  }
  ObjectWriter& StringOrNull(const char* key, std::string_view v) {  // null when empty
    if (v.empty()) return Raw(key, "null");
    return String(key, v);
  }
  ObjectWriter& Int(const char* key, int64_t v) { return Raw(key, std::to_string(v)); }
  ObjectWriter& Bool(const char* key, bool v) { return Raw(key, v ? "true" : "false"); }
  ObjectWriter& Strings(const char* key, const std::vector<std::string>& v) {
    Key(key);
    *out_ += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) *out_ += ',';
      AppendJsonString(out_, v[i]);
    }
    *out_ += ']';
    return *this;
  }
  // [{"ref": ..., "kind": "law"|"guidance"|"guideline"}, ...]
  ObjectWriter& Citations(const char* key, const std::vector<core::Citation>& v) {
    Key(key);
    *out_ += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) *out_ += ',';
      *out_ += "{\"ref\":";
      AppendJsonString(out_, v[i].ref);
      *out_ += ",\"kind\":\"";
      *out_ += core::SourceKindName(v[i].kind);
      *out_ += "\"}";
    }
    *out_ += ']';
    return *this;
  }
  ObjectWriter& Raw(const char* key, std::string_view json) {
    Key(key);
    *out_ += json;
    return *this;
  }
  void End() { *out_ += '}'; }

 private:
  void Key(const char* key) {  // keys are plain ASCII
    *out_ += first_ ? "\"" : ",\"";
    first_ = false;
    *out_ += key;
    *out_ += "\":";
  }
  std::string* out_;
  bool first_ = true;
};

void FindingJson(const Finding& f, Lang lang, std::string* out) {
  ObjectWriter j(out);
  j.String("rule", f.rule)
      .String("severity", core::SeverityName(f.severity))
      .StringOrNull("case_id", f.case_id)
      .String("path", f.path)
      .Int("document", f.document)
      .Int("line", f.pos.line)
      .Int("column", f.pos.column)
      .String("pointer", f.pointer)
      .String("message", f.message.In(lang))
      .String("message_sv", f.message.sv)
      .String("message_en", f.message.In(Lang::kEn))
      .Citations("law", f.law)
      .Strings("requirements", f.requirements)
      .StringOrNull("due_date", f.due_date)
      .Bool("waived", f.waived);
  if (f.waived) j.String("waiver_reason", f.waiver_reason);
  j.Bool("baseline", f.baseline).End();
}

void Append(SpillBuffer* list, const std::string& json) {
  if (!list->empty()) list->Append(",\n    ");
  list->Append(json);
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
  std::string json;
  ObjectWriter in(&json);
  in.String("path", input.path).Int("documents", input.documents).String("sha256", input.sha256);
  if (input.has_error) {
    std::string error;
    ObjectWriter e(&error);
    e.String("message", input.error.message).Int("line", input.error.pos.line).Int("column", input.error.pos.column);
    e.End();
    in.Raw("error", error);
  } else {
    in.Raw("error", "null");
  }
  in.End();
  Append(&inputs_, json);
}

void JsonFormatter::AddFile(const FileResult& file, std::string* out) {
  for (const Finding& f : file.findings) {
    *out += first_finding_ ? "\n    " : ",\n    ";
    first_finding_ = false;
    FindingJson(f, run_.lang, out);
  }
  if (!file.more && !file.auxiliary) AddInput(file.input);
  std::string json;
  for (const CaseResult& c : file.cases) {
    json.clear();
    ObjectWriter cj(&json);
    cj.String("path", file.input.path).Int("document", c.document).StringOrNull("case_id", c.case_id).Int("line", c.pos.line);
    if (run_.show_personal_data) cj.String("person_name", c.person_name).String("person_id", c.person_id);
    cj.Strings("applied", c.applied);
    std::vector<std::string> passed;
    for (const auto& r : c.applied) {
      bool bad = false;
      for (const auto& x : c.failed) bad |= x == r;
      for (const auto& x : c.waived) bad |= x == r;
      if (!bad) passed.push_back(r);
    }
    cj.Strings("passed", passed).Strings("failed", c.failed).Strings("waived", c.waived).End();
    Append(&cases_, json);
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
