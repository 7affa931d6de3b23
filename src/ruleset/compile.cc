// Compiling a rule's expressions, and the checks that need the compiled pack: parameter
// references, result types, personal data in message values, message placeholders.

#include "ruleset/expr_scan.h"
#include "ruleset/loader_internal.h"
#include "ruleset/scalar_map.h"

namespace aktkoll::ruleset::internal {

using document::Node;
using expr::Type;
using expr::TypeKind;

namespace {

Type ParamExprType(ParamType t) {
  switch (t) {
    case ParamType::kInt: return Type::Int();
    case ParamType::kDouble: return Type::Double();
    case ParamType::kString: return Type::String();
    case ParamType::kBool: return Type::Bool();
    case ParamType::kDate: return Type::Date();
    case ParamType::kStringList: return Type::List(Type::String());
  }
  return Type::Dyn();
}

bool TypeIsOneOf(const Type& t, std::initializer_list<TypeKind> kinds) {
  if (t.is_dyn()) return true;
  for (TypeKind k : kinds)
    if (t.kind() == k) return true;
  return false;
}

void CheckResultType(YamlFile* f, const SourceText& src, const expr::Program& p, const char* key,
                     std::initializer_list<TypeKind> kinds, const char* expected_sv, const char* expected_en) {
  if (TypeIsOneOf(p.result_type(), kinds)) return;
  std::string got = p.result_type().ToString();
  f->Error(MapScalarOffset(f->text(), src.pos, src.text, 0),
           std::string("'") + key + "' ska ge " + expected_sv + " men ger " + got,
           std::string("'") + key + "' must give " + expected_en + " but gives " + got);
}

// `params.<name>` must name a parameter the rule declares. Returns false after reporting.
bool CheckParamRefs(YamlFile* f, const SourceText& src, const Rule& rule) {
  // Only a chain that starts with `params` matters, and most expressions have none:
  // spare them the scan (a tenth of loading the national pack).
  if (src.text.find("params") == std::string::npos) return true;
  bool ok = true;
  for (const RefChain& chain : ScanReferences(src.text)) {
    if (chain.parts[0] != "params") continue;
    std::vector<std::string> names;
    for (const Param& p : rule.params) names.push_back(p.name);
    std::string declared;
    for (const std::string& n : names) declared += (declared.empty() ? "" : ", ") + n;
    if (chain.parts.size() < 2) {
      f->Error(MapScalarOffset(f->text(), src.pos, src.text, chain.offsets[0]),
               "'params' används utan parameternamn; skriv params.<namn>",
               "'params' is used without a parameter name; write params.<name>");
      ok = false;
      continue;
    }
    if (rule.FindParam(chain.parts[1])) continue;
    ok = false;
    std::string near = ClosestMatch(chain.parts[1], names);
    f->Error(MapScalarOffset(f->text(), src.pos, src.text, chain.offsets[1]),
             "okänd parameter '" + chain.parts[1] + "'" + (near.empty() ? "" : " (menade du '" + near + "'?)") +
                 (names.empty() ? "; regeln deklarerar inga parametrar under 'params'"
                                : "; regeln deklarerar: " + declared),
             "unknown parameter '" + chain.parts[1] + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                 (names.empty() ? "; the rule declares no parameters under 'params'"
                                : "; the rule declares: " + declared));
  }
  return ok;
}

struct Placeholder {
  size_t offset;     // of the '{'
  std::string name;  // between the braces
};

// Every `{name}` in `text` with an identifier for a name, left to right.
std::vector<Placeholder> MessagePlaceholders(std::string_view text) {
  std::vector<Placeholder> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    size_t j = i + 1;
    if (j < text.size() && IsIdentStart(text[j]))
      while (j < text.size() && IsIdentChar(text[j])) ++j;
    if (j > i + 1 && j < text.size() && text[j] == '}') {
      out.push_back({i, std::string(text.substr(i + 1, j - i - 1))});
      i = j;
    }
  }
  return out;
}

// Every `{...}` in `text` (anything up to the first '}'), left to right.
std::vector<Placeholder> AnyPlaceholders(std::string_view text) {
  std::vector<Placeholder> out;
  for (size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i)) {
    size_t close = text.find('}', i + 1);
    if (close == std::string_view::npos) break;
    out.push_back({i, std::string(text.substr(i + 1, close - i - 1))});
    i = close + 1;
  }
  return out;
}

void CheckPlaceholders(YamlFile* f, const Node* text_node, const std::string& text, const RuleSpec& spec,
                       const char* lang) {
  for (const Placeholder& ph : MessagePlaceholders(text)) {
    const std::string& name = ph.name;
    bool known = false;
    for (const auto& v : spec.values) known = known || v.first == name;
    if (!spec.rule.as.empty()) known = known || name == "index" || name == "key";
    if (known) continue;
    core::Position pos = text_node ? MapScalarOffset(f->text(), text_node->pos, text, ph.offset)
                                   : spec.message_pos;
    f->Error(pos,
             "okänd platshållare '{" + name + "}' i meddelandet (" + lang +
                 "); deklarera den under 'values'" + (spec.rule.as.empty() ? "" : " eller använd {index}/{key}"),
             "unknown placeholder '{" + name + "}' in the message (" + lang + "); declare it under 'values'" +
                 (spec.rule.as.empty() ? "" : " or use {index}/{key}"));
  }
}

void CheckPointer(YamlFile* f, const RuleSpec& spec) {
  const std::string& p = spec.rule.pointer;
  if (p.empty()) return;
  if (p[0] != '/') {
    f->Error(spec.pointer_pos, "'pointer' ska vara en JSON Pointer som börjar med '/', t.ex. /decision/date",
             "'pointer' must be a JSON Pointer starting with '/', e.g. /decision/date");
    return;
  }
  for (const Placeholder& ph : AnyPlaceholders(p)) {
    const std::string& name = ph.name;
    bool ok = (name == "index" || name == "key") && !spec.rule.as.empty();
    if (!ok)
      f->Error(MapScalarOffset(f->text(), spec.pointer_pos, p, ph.offset),
               "okänd platshållare '{" + name + "}' i 'pointer'; bara {index} och {key} finns, och bara med 'for_each'",
               "unknown placeholder '{" + name + "}' in 'pointer'; only {index} and {key} exist, and only with 'for_each'");
  }
}

// A message value must not read personal data: a path in the pack's personal_paths, or the
// for_each variable when that runs over personal data. Reports the first such read.
bool ValueReadsPersonalData(YamlFile* f, const std::string& name, const SourceText& src, const Rule& r,
                            const std::string& item_path, bool item_personal,
                            const std::vector<std::string>& personal_paths) {
  for (const CasePath& cp : ScanCasePaths(src.text, item_path.empty() ? "" : r.as, item_path)) {
    std::string which;
    const std::string& path = cp.path;
    if (ReadsPersonalPath(cp, personal_paths, &which)) {
      f->Error(MapScalarOffset(f->text(), src.pos, src.text, cp.offset),
               "värdet '" + name + "' läser personuppgifter (" + (path.empty() ? "hela akten" : path) +
                   ", jämför '" + which + "' i paketets personal_paths); meddelanden får inte innehålla personuppgifter",
               "value '" + name + "' reads personal data (" + (path.empty() ? "the whole case" : path) +
                   ", see '" + which + "' in the pack's personal_paths); messages must not hold personal data");
      return true;
    }
  }
  if (item_personal && !r.as.empty()) {
    for (const RefChain& chain : ScanReferences(src.text)) {
      if (chain.parts[0] != r.as) continue;
      f->Error(MapScalarOffset(f->text(), src.pos, src.text, chain.offsets[0]),
               "värdet '" + name + "' läser '" + r.as + "', som går över personuppgifter; meddelanden får inte innehålla personuppgifter",
               "value '" + name + "' reads '" + r.as + "', which runs over personal data; messages must not hold personal data");
      return true;
    }
  }
  return false;
}

expr::CompileOptions ExprOptions(core::Lang lang) {
  expr::CompileOptions options;
  options.lang = lang == core::Lang::kEn ? expr::Lang::kEn : expr::Lang::kSv;
  return options;
}

}  // namespace

std::optional<expr::Program> CompileAt(YamlFile* f, const SourceText& src, const expr::Env& env,
                                       core::Lang lang, std::string_view what) {
  if (src.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    f->Error(src.pos, "uttrycket i '" + std::string(what) + "' är tomt",
             "the expression in '" + std::string(what) + "' is empty");
    return std::nullopt;
  }
  expr::CompileResult r = expr::Compile(src.text, env, ExprOptions(lang));
  if (r.ok()) return std::move(*r.program);
  for (const expr::Issue& issue : r.issues)
    f->Error(MapScalarOffset(f->text(), src.pos, src.text, issue.offset), issue.message, issue.message);
  return std::nullopt;
}

void CompileRules(const Pack& pack, const std::vector<std::string>& personal_paths,
                  std::shared_ptr<const expr::FunctionRegistry> registry, core::Lang lang,
                  std::vector<RuleSpec*>* specs) {
  (void)pack;
  for (RuleSpec* spec : *specs) {
    YamlFile* f = spec->file.get();
    Rule& r = spec->rule;
    auto env = std::make_shared<expr::Env>(registry);
    (void)env->Declare("c", Type::Dyn());
    (void)env->Declare("as_of", Type::Date());
    for (const Param& p : r.params) (void)env->Declare("params." + p.name, ParamExprType(p.type));
    if (spec->as && !spec->for_each) {
      f->Error(spec->as->pos, "'as' kräver 'for_each'", "'as' needs 'for_each'");
    } else if (spec->for_each && !spec->as) {
      f->Error(spec->for_each->pos, "'for_each' kräver 'as' (namnet på variabeln för varje element)",
               "'for_each' needs 'as' (the name of the variable for each element)");
    } else if (spec->as) {
      auto slot = env->Declare(spec->as->text, Type::Dyn());
      if (!slot.ok()) {
        f->Error(spec->as->pos, "ogiltigt variabelnamn i 'as': " + slot.error().message(),
                 "invalid variable name in 'as': " + slot.error().message());
      } else {
        r.as = spec->as->text;
        r.item_slot = *slot;
      }
    }
    r.env = env;

    const bool trusted = spec->trusted;
    auto compile = [&](const std::optional<SourceText>& src, const char* key) -> std::optional<expr::Program> {
      if (!src) return std::nullopt;
      if (trusted) return expr::CompileLater(src->text, *env, ExprOptions(lang));
      if (!CheckParamRefs(f, *src, r)) return std::nullopt;  // the checker would only repeat it
      return CompileAt(f, *src, *env, lang, key);
    };
    // Asking a program its type compiles it: a trusted rule's types were checked when built.
    auto check_type = [&](const std::optional<SourceText>& src, const std::optional<expr::Program>& p,
                          const char* key, std::initializer_list<TypeKind> kinds, const char* expected_sv,
                          const char* expected_en) {
      if (p && !trusted) CheckResultType(f, *src, *p, key, kinds, expected_sv, expected_en);
    };
    r.when = compile(spec->when, "when");
    check_type(spec->when, r.when, "when", {TypeKind::kBool}, "bool", "bool");
    r.for_each = compile(spec->for_each, "for_each");
    check_type(spec->for_each, r.for_each, "for_each", {TypeKind::kList, TypeKind::kMap}, "en lista eller map",
               "a list or map");
    r.assertion = compile(spec->assertion, "assert");
    check_type(spec->assertion, r.assertion, "assert", {TypeKind::kBool}, "bool", "bool");
    r.due = compile(spec->due, "due");
    check_type(spec->due, r.due, "due", {TypeKind::kDate, TypeKind::kString},
               "ett datum (date eller sträng ÅÅÅÅ-MM-DD)", "a date (date or string YYYY-MM-DD)");
    r.deadline = compile(spec->deadline, "deadline");
    check_type(spec->deadline, r.deadline, "deadline", {TypeKind::kDate, TypeKind::kString, TypeKind::kNull},
               "ett datum (date eller sträng ÅÅÅÅ-MM-DD) eller null", "a date (date or string YYYY-MM-DD) or null");

    // The for_each variable: when for_each is one plain reference (`c.guardians`), it
    // stands for an element of that path and its uses are checked path by path; when it
    // computes its list (`c.follow_ups.map(f, ...)`), it is personal if the computation
    // reads personal data.
    std::string item_path;
    bool item_personal = false;
    bool key_personal = false;  // the element's {key} could be personal data
    if (spec->for_each) {
      auto paths = ScanCasePaths(spec->for_each->text, "", "");
      if (paths.size() == 1 && !paths[0].narrowed) {
        item_path = paths[0].path;
        key_personal = ReadsPersonalPath(paths[0], personal_paths, nullptr);
      } else {
        for (const CasePath& p : paths) item_personal = item_personal || ReadsPersonalPath(p, personal_paths, nullptr);
      }
    }
    for (const auto& [name, src] : spec->values) {
      if (!IsIdentifier(name) || name == "index" || name == "key") {
        f->Error(src.pos, "ogiltigt värdenamn '" + name + "'", "invalid value name '" + name + "'");
        continue;
      }
      if (!trusted && ValueReadsPersonalData(f, name, src, r, item_path, item_personal, personal_paths)) continue;
      if (auto p = compile(src, name.c_str())) r.values.push_back({name, std::move(*p)});
    }

    const Node* msg = f->ok() ? f->root().Find("message") : nullptr;
    const Node* sv = msg && msg->kind == document::Kind::kMapping ? msg->Find("sv") : msg;
    const Node* en = msg && msg->kind == document::Kind::kMapping ? msg->Find("en") : nullptr;
    CheckPlaceholders(f, sv, r.message.sv, *spec, "sv");
    if (!r.message.en.empty()) CheckPlaceholders(f, en, r.message.en, *spec, "en");
    CheckPointer(f, *spec);
    // {key} shows the for_each element (or a map key) itself. When the list is computed
    // from personal data the loader cannot tell what the elements are (field names, as in
    // TOLK-002, or names): the engine then shows only identifier-like keys.
    r.key_from_personal = key_personal || item_personal;

  }
}

}  // namespace aktkoll::ruleset::internal
