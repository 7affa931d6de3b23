// Reading one rule file (shape, ids, severities, law dates, params); the expressions are
// compiled later, against the whole pack.

#include <algorithm>

#include "expr/civil_time.h"
#include "ruleset/loader_internal.h"

namespace aktkoll::ruleset::internal {

using document::Kind;
using document::Node;

namespace {

const std::vector<std::string> kRuleKeys = {
    "id", "title", "severity", "requirements", "law", "params", "when", "for_each", "as",
    "assert", "pointer", "values", "message", "due", "deadline", "doc", "let", "requirement"};

// [A-Z][A-Z0-9]*(-[A-Z0-9]+)+, e.g. UPF-001 or TOLK-002-ANHORIG.
bool ValidRuleId(const std::string& id) {
  auto upper_or_digit = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (id.empty() || !(id[0] >= 'A' && id[0] <= 'Z')) return false;
  size_t segments = 1, run = 1;
  for (size_t i = 1; i < id.size(); ++i) {
    if (id[i] == '-') {
      if (run == 0) return false;
      ++segments;
      run = 0;
    } else if (upper_or_digit(id[i])) {
      ++run;
    } else {
      return false;
    }
  }
  return segments >= 2 && run > 0;
}

std::optional<int64_t> LawDate(YamlFile* f, const Node& law, const char* key) {
  const Node* n = law.Find(key);
  if (n == nullptr) return std::nullopt;
  std::optional<int64_t> day;
  if (n->kind == Kind::kString) day = expr::ParseIsoDate(n->string);
  if (!day) {
    std::string shown = n->is_scalar() ? ScalarText(*n) : "";
    f->Error(n->pos, std::string("ogiltigt datum '") + shown + "' i '" + key + "': väntade ÅÅÅÅ-MM-DD",
             std::string("invalid date '") + shown + "' in '" + key + "': expected YYYY-MM-DD");
  }
  return day;
}

// A parameter, definition or let name: [a-z][a-z0-9_]*.
bool ValidName(const std::string& name) {
  if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z')) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace

void ParseLaw(YamlFile* f, const Node& node, std::vector<LawRef>* law) {
  if (node.kind != Kind::kSequence) {
    f->Error(node.pos, "'law' ska vara en lista av lagrum", "'law' must be a list of legal references");
    return;
  }
  for (const Node& item : node.items) {
    if (!f->CheckMapping(item, "lagrummet", {"ref", "kind", "from", "until"})) continue;
    LawRef ref;
    ref.ref = f->String(item, "ref", true).value_or("");
    if (auto kind = f->String(item, "kind", false); kind && !core::ParseSourceKind(*kind, &ref.kind)) {
      f->Error(item.Find("kind")->pos,
               "okänd sorts källa '" + *kind + "': väntade law (lag eller förordning), guidance (nationell vägledning eller allmänt råd) eller guideline (kommunens riktlinje)",
               "unknown kind of source '" + *kind + "': expected law (act or regulation), guidance (national guidance or general advice) or guideline (the municipality's guideline)");
    }
    ref.from = LawDate(f, item, "from");
    ref.until = LawDate(f, item, "until");
    if (!item.Find("from") && !item.Find("until")) {
      f->Error(item.pos, "lagrummet saknar 'from' eller 'until' (datum då det började eller upphörde att gälla)",
               "the legal reference has no 'from' or 'until' (when it came into or went out of force)");
    }
    if (ref.from && ref.until && *ref.from > *ref.until) {
      f->Error(item.Find("until")->pos, "'until' ligger före 'from'", "'until' is before 'from'");
    }
    law->push_back(std::move(ref));
  }
}

void ParseParamDecls(YamlFile* f, const Node& node, std::vector<Param>* params,
                     std::vector<core::Position>* positions) {
  if (node.kind != Kind::kMapping) {
    f->Error(node.pos, "'params' ska vara en mappning från parameternamn till deklaration",
             "'params' must be a mapping from parameter name to declaration");
    return;
  }
  for (const document::Entry& e : node.entries) {
    if (!ValidName(e.key)) {
      f->Error(e.key_pos, "ogiltigt parameternamn '" + e.key + "': använd gemener, siffror och _",
               "invalid parameter name '" + e.key + "': use lower case, digits and _");
      continue;
    }
    if (!f->CheckMapping(e.value, "parametern '" + e.key + "'", {"type", "default", "description"})) continue;
    Param p;
    p.name = e.key;
    auto type = f->String(e.value, "type", true);
    p.description = f->Text(e.value, "description", true).value_or(core::Text{});
    const Node* def = f->Get(e.value, "default", true);
    if (!type || !def) continue;
    if (!ParseParamType(*type, &p.type)) {
      params->push_back(p);  // declared (as int) so its uses add no errors
      positions->push_back(e.key_pos);
      std::string near = ClosestMatch(*type, {"int", "double", "string", "bool", "date", "list"});
      f->Error(e.value.Find("type")->pos,
               "okänd parametertyp '" + *type + "'" + (near.empty() ? "" : " (menade du '" + near + "'?)") +
                   "; giltiga typer: int, double, string, bool, date, list",
               "unknown parameter type '" + *type + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                   "; valid types: int, double, string, bool, date, list");
      continue;
    }
    // A bad default is reported but the parameter stays declared, so expressions that use
    // it do not add "unknown parameter" errors on top.
    ParseParamValue(f, p.type, *def, &p.value, &p.default_text);
    p.value_text = p.default_text;
    params->push_back(std::move(p));
    positions->push_back(e.key_pos);
  }
}

bool ReservedName(const std::string& name) {
  return name == "c" || name == "as_of" || name == "params" || name == "index" || name == "key";
}

std::vector<NamedExprSpec> ParseNamedExprs(YamlFile* f, const Node& node, std::string_view what,
                                           const char* flag_key) {
  std::vector<NamedExprSpec> out;
  const std::string w(what);
  if (node.kind != Kind::kMapping) {
    f->Error(node.pos, "'" + w + "' ska vara en mappning från namn till uttryck",
             "'" + w + "' must be a mapping from name to expression");
    return out;
  }
  for (const document::Entry& e : node.entries) {
    if (!ValidName(e.key) || ReservedName(e.key)) {
      f->Error(e.key_pos,
               "ogiltigt namn '" + e.key + "' i '" + w +
                   "': använd gemener, siffror och _ (c, as_of, params, index och key är upptagna)",
               "invalid name '" + e.key + "' in '" + w +
                   "': use lower case, digits and _ (c, as_of, params, index and key are taken)");
      continue;
    }
    NamedExprSpec spec;
    spec.name = e.key;
    spec.name_pos = e.key_pos;
    if (e.value.kind == Kind::kString) {
      spec.source = SourceText{e.value.string, e.value.pos, true};
      out.push_back(std::move(spec));
      continue;
    }
    if (!f->CheckMapping(e.value, "'" + w + "." + e.key + "'", {"expr", "type", "description", flag_key})) continue;
    auto src = f->Expression(e.value, "expr", true);
    if (!src) continue;
    spec.source = *src;
    if (auto type = f->String(e.value, "type", false)) {
      spec.type = *type;
      spec.type_pos = e.value.Find("type")->pos;
      static const std::vector<std::string> kTypes = {"bool", "int", "double", "string", "date", "list", "map", "dyn"};
      if (std::find(kTypes.begin(), kTypes.end(), *type) == kTypes.end()) {
        std::string near = ClosestMatch(*type, kTypes);
        f->Error(spec.type_pos,
                 "okänd typ '" + *type + "'" + (near.empty() ? "" : " (menade du '" + near + "'?)") +
                     "; giltiga typer: bool, int, double, string, date, list, map, dyn",
                 "unknown type '" + *type + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                     "; valid types: bool, int, double, string, date, list, map, dyn");
        spec.type.clear();
      }
    }
    spec.description = f->Text(e.value, "description", false).value_or(core::Text{});
    if (const Node* flag = e.value.Find(flag_key)) {
      if (flag->kind != Kind::kBool) {
        f->Error(flag->pos, std::string("'") + flag_key + "' ska vara true eller false",
                 std::string("'") + flag_key + "' must be true or false");
      } else {
        spec.flag = flag->boolean;
      }
    }
    out.push_back(std::move(spec));
  }
  return out;
}

namespace {

void ParseDoc(YamlFile* f, const Node& node, Rule* rule) {
  if (!f->CheckMapping(node, "'doc'", {"checks", "why", "example"})) return;
  rule->doc.checks = f->Text(node, "checks", true).value_or(core::Text{});
  rule->doc.why = f->Text(node, "why", true).value_or(core::Text{});
  rule->doc.example = f->Text(node, "example", false).value_or(core::Text{});
}

}  // namespace

bool ParseParamType(const std::string& text, ParamType* type) {
  static const std::pair<const char*, ParamType> kTypes[] = {
      {"int", ParamType::kInt}, {"double", ParamType::kDouble}, {"string", ParamType::kString},
      {"bool", ParamType::kBool}, {"date", ParamType::kDate}, {"list", ParamType::kStringList}};
  for (const auto& [name, t] : kTypes) {
    if (text == name) {
      *type = t;
      return true;
    }
  }
  return false;
}

bool ParseParamValue(YamlFile* f, ParamType type, const Node& node, expr::Value* value, std::string* text) {
  bool ok = false;
  switch (type) {
    case ParamType::kInt:
      ok = node.kind == Kind::kInt;
      if (ok) *value = expr::Value::Int(node.integer);
      break;
    case ParamType::kDouble:
      ok = node.kind == Kind::kDouble || node.kind == Kind::kInt;
      if (ok) *value = expr::Value::Double(node.kind == Kind::kInt ? double(node.integer) : node.number);
      break;
    case ParamType::kString:
      ok = node.kind == Kind::kString;
      if (ok) *value = expr::Value::String(node.string);
      break;
    case ParamType::kBool:
      ok = node.kind == Kind::kBool;
      if (ok) *value = expr::Value::Bool(node.boolean);
      break;
    case ParamType::kDate: {
      std::optional<int64_t> day;
      if (node.kind == Kind::kString) day = expr::ParseIsoDate(node.string);
      ok = day.has_value();
      if (ok) *value = expr::Value::Date(static_cast<int32_t>(*day));
      break;
    }
    case ParamType::kStringList: {
      ok = node.kind == Kind::kSequence;
      std::vector<expr::Value> items;
      for (const Node& i : node.items) {
        ok = ok && i.kind == Kind::kString;
        if (ok) items.push_back(expr::Value::String(i.string));
      }
      if (ok) *value = expr::MakeList(std::move(items));
      break;
    }
  }
  if (!ok) {
    std::string got = node.kind == Kind::kString && type == ParamType::kDate ? "'" + node.string + "'"
                                                                              : document::KindName(node.kind);
    f->Error(node.pos,
             std::string("parametern har typen ") + ParamTypeName(type) + " men värdet är " +
                 (node.kind == Kind::kString && type == ParamType::kDate ? "inget datum ÅÅÅÅ-MM-DD: " : "av typen ") + got,
             std::string("the parameter has type ") + ParamTypeName(type) + " but the value is " +
                 (node.kind == Kind::kString && type == ParamType::kDate ? "not a date YYYY-MM-DD: " : "of type ") + got);
    return false;
  }
  *text = ScalarText(node);
  return true;
}

bool ParseRuleFile(RuleSpec* spec) {
  YamlFile* f = spec->file.get();
  if (!f->ok()) return false;
  const Node& root = f->root();
  if (!f->CheckMapping(root, "regeln", kRuleKeys)) return false;
  Rule& r = spec->rule;
  r.file = f->path();
  if (auto id = f->String(root, "id", true)) {
    spec->id_pos = root.Find("id")->pos;
    if (ValidRuleId(*id)) {
      r.id = *id;
    } else {
      f->Error(spec->id_pos, "ogiltigt regel-id '" + *id + "': väntade versaler, siffror och bindestreck, t.ex. GP-001",
               "invalid rule id '" + *id + "': expected capitals, digits and hyphens, e.g. GP-001");
    }
  }
  r.title = f->Text(root, "title", true).value_or(core::Text{});
  if (auto msg = f->Text(root, "message", true)) {
    r.message = *msg;
    spec->message_pos = root.Find("message")->pos;
  }
  if (auto sev = f->String(root, "severity", true)) {
    if (!core::ParseSeverity(*sev, &r.severity)) {
      std::string near = ClosestMatch(*sev, {"error", "warning", "info"});
      f->Error(root.Find("severity")->pos,
               "okänd allvarlighetsgrad '" + *sev + "'" + (near.empty() ? "" : " (menade du '" + near + "'?)") +
                   ": väntade error, warning eller info",
               "unknown severity '" + *sev + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                   ": expected error, warning or info");
    }
  }
  if (auto reqs = f->StringList(root, "requirements", true, &spec->requirement_pos)) {
    r.requirements = *reqs;
    if (reqs->empty())
      f->Error(root.Find("requirements")->pos, "'requirements' får inte vara tom: ange minst ett krav-id",
               "'requirements' must not be empty: name at least one requirement id");
  }
  if (const Node* law = f->Get(root, "law", true)) ParseLaw(f, *law, &r.law);
  if (const Node* params = root.Find("params")) ParseParamDecls(f, *params, &r.params, &spec->param_pos);
  if (const Node* lets = root.Find("let")) spec->lets = ParseNamedExprs(f, *lets, "let", "shadows");
  spec->requirement = f->Expression(root, "requirement", false);
  if (const Node* doc = f->Get(root, "doc", true)) ParseDoc(f, *doc, &r);
  spec->when = f->Expression(root, "when", false);
  spec->for_each = f->Expression(root, "for_each", false);
  spec->as = f->Expression(root, "as", false);
  spec->assertion = f->Expression(root, "assert", true);
  spec->due = f->Expression(root, "due", false);
  spec->deadline = f->Expression(root, "deadline", false);
  if (auto ptr = f->String(root, "pointer", false)) {
    r.pointer = *ptr;
    spec->pointer_pos = root.Find("pointer")->pos;
  }
  if (const Node* values = root.Find("values")) {
    if (values->kind != Kind::kMapping) {
      f->Error(values->pos, "'values' ska vara en mappning från namn till uttryck",
               "'values' must be a mapping from name to expression");
    } else {
      for (const document::Entry& e : values->entries) {
        if (e.value.kind == Kind::kInt || e.value.kind == Kind::kBool || e.value.kind == Kind::kDouble) {
          spec->values.push_back({e.key, SourceText{ScalarText(e.value), e.value.pos, true}});
          continue;
        }
        if (e.value.kind != Kind::kString) {
          f->Error(e.value.pos, "värdet '" + e.key + "' ska vara ett uttryck (en sträng)",
                   "value '" + e.key + "' must be an expression (a string)");
          continue;
        }
        spec->values.push_back({e.key, SourceText{e.value.string, e.value.pos, true}});
      }
    }
  }
  return true;
}

}  // namespace aktkoll::ruleset::internal
