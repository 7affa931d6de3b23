// Compiling a rule's expressions, and the checks that need the compiled pack: parameter
// references, result types, personal data in message values, message placeholders.

#include <algorithm>

#include "ruleset/expr_scan.h"
#include "ruleset/loader_internal.h"
#include "ruleset/scalar_map.h"

namespace aktkoll::ruleset::internal {

using document::Node;
using expr::Type;
using expr::TypeKind;

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

namespace {

void CheckResultType(YamlFile* f, const SourceText& src, const expr::Program& p, const char* key,
                     std::initializer_list<TypeKind> kinds, const char* expected_sv, const char* expected_en) {
  if (TypeIsOneOf(p.result_type(), kinds)) return;
  std::string got = p.result_type().ToString();
  f->Error(MapScalarOffset(f->text(), src.pos, src.text, 0),
           std::string("'") + key + "' ska ge " + expected_sv + " men ger " + got,
           std::string("'") + key + "' must give " + expected_en + " but gives " + got);
}

}  // namespace

bool CheckParamRefs(YamlFile* f, const SourceText& src, const std::vector<std::string>& names, bool rule) {
  // Only a chain that starts with `params` matters, and most expressions have none:
  // spare them the scan (a tenth of loading the national pack).
  if (src.text.find("params") == std::string::npos) return true;
  bool ok = true;
  for (const RefChain& chain : ScanReferences(src.text)) {
    if (chain.parts[0] != "params") continue;
    std::string declared;
    for (const std::string& n : names) declared += (declared.empty() ? "" : ", ") + n;
    if (chain.parts.size() < 2) {
      f->Error(MapScalarOffset(f->text(), src.pos, src.text, chain.offsets[0]),
               "'params' används utan parameternamn; skriv params.<namn>",
               "'params' is used without a parameter name; write params.<name>");
      ok = false;
      continue;
    }
    if (std::find(names.begin(), names.end(), chain.parts[1]) != names.end()) continue;
    ok = false;
    std::string near = ClosestMatch(chain.parts[1], names);
    const char* who_sv = rule ? "regeln" : "paketet";
    const char* who_en = rule ? "the rule" : "the pack";
    f->Error(MapScalarOffset(f->text(), src.pos, src.text, chain.offsets[1]),
             "okänd parameter '" + chain.parts[1] + "'" + (near.empty() ? "" : " (menade du '" + near + "'?)") +
                 (names.empty() ? std::string("; ") + who_sv + " deklarerar inga parametrar under 'params'"
                                : std::string("; ") + who_sv + " deklarerar: " + declared),
             "unknown parameter '" + chain.parts[1] + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                 (names.empty() ? std::string("; ") + who_en + " declares no parameters under 'params'"
                                : std::string("; ") + who_en + " declares: " + declared));
  }
  return ok;
}

namespace {

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

// A pointer is a JSON Pointer; its placeholders are {index} and {key} (with for_each) and
// the rule's lets, whose string values fill them in. Records the lets it names.
void CheckPointer(YamlFile* f, RuleSpec* spec) {
  const std::string& p = spec->rule.pointer;
  if (p.empty()) return;
  if (p[0] != '/' && p[0] != '{') {
    f->Error(spec->pointer_pos, "'pointer' ska vara en JSON Pointer som börjar med '/', t.ex. /decision/date",
             "'pointer' must be a JSON Pointer starting with '/', e.g. /decision/date");
    return;
  }
  for (const Placeholder& ph : AnyPlaceholders(p)) {
    const std::string& name = ph.name;
    if ((name == "index" || name == "key") && !spec->rule.as.empty()) continue;
    bool let = false;
    for (const Let& l : spec->rule.lets) let = let || l.name == name;
    if (let) {
      if (std::find(spec->rule.pointer_lets.begin(), spec->rule.pointer_lets.end(), name) ==
          spec->rule.pointer_lets.end())
        spec->rule.pointer_lets.push_back(name);
      continue;
    }
    f->Error(MapScalarOffset(f->text(), spec->pointer_pos, p, ph.offset),
             "okänd platshållare '{" + name + "}' i 'pointer'; bara {index} och {key} (med 'for_each') och regelns let-värden finns",
             "unknown placeholder '{" + name + "}' in 'pointer'; only {index} and {key} (with 'for_each') and the rule's lets exist");
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

}  // namespace

expr::CompileOptions ExprOptions(core::Lang lang) {
  expr::CompileOptions options;
  options.lang = lang == core::Lang::kEn ? expr::Lang::kEn : expr::Lang::kSv;
  return options;
}

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

namespace {

// Lets and definitions that carry personal data: a `values` expression must not read them,
// just as it must not read a personal path directly. Reports the first such read.
bool ValueReadsPersonalName(YamlFile* f, const std::string& value, const SourceText& src, const Pack& pack,
                            const Rule& r) {
  for (const NameRef& ref : ReadNames(src.text)) {
    std::string via_sv, via_en;
    bool personal = false;
    bool is_let = false;
    for (const Let& l : r.lets) {
      if (l.name != ref.name) continue;
      is_let = true;
      personal = l.personal;
    }
    if (!is_let) {
      const Definition* d = pack.FindDefinition(ref.name);
      if (!d) continue;
      personal = d->personal;
      via_sv = "definitionen '" + d->name + "'";
      via_en = "the definition '" + d->name + "'";
    } else {
      via_sv = "let-värdet '" + ref.name + "'";
      via_en = "the let '" + ref.name + "'";
    }
    if (!personal) continue;
    f->Error(MapScalarOffset(f->text(), src.pos, src.text, ref.offset),
             "värdet '" + value + "' läser personuppgifter genom " + via_sv +
                 "; meddelanden får inte innehålla personuppgifter",
             "value '" + value + "' reads personal data through " + via_en +
                 "; messages must not hold personal data");
    return true;
  }
  return false;
}

// Whether a let or definition reads personal data itself: a personal case path, the
// for_each variable when that runs over personal data, or a personal definition or let.
bool ReadsPersonal(const std::string& text, const Pack& pack, const std::vector<Let>& earlier, const Rule& r,
                   const std::string& item_path, bool item_personal, const std::vector<std::string>& personal_paths) {
  for (const CasePath& cp : ScanCasePaths(text, item_path.empty() ? "" : r.as, item_path))
    if (ReadsPersonalPath(cp, personal_paths, nullptr)) return true;
  for (const NameRef& ref : ReadNames(text)) {
    if (item_personal && ref.name == r.as) return true;
    bool let = false;
    for (const Let& l : earlier)
      if (l.name == ref.name) {
        let = true;
        if (l.personal) return true;
      }
    if (!let)
      if (const Definition* d = pack.FindDefinition(ref.name); d && d->personal) return true;
  }
  return false;
}

// The requirement ids written as string literals in `requirement` must be the rule's.
void CheckRequirementLiterals(YamlFile* f, const SourceText& src, const Rule& r) {
  const std::string& t = src.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '\'' && t[i] != '"') continue;
    size_t close = t.find(t[i], i + 1);
    if (close == std::string::npos) return;
    std::string lit = t.substr(i + 1, close - i - 1);
    bool id_like = lit.size() >= 3 && lit.find('-') != std::string::npos && lit[0] >= 'A' && lit[0] <= 'Z';
    if (id_like && std::find(r.requirements.begin(), r.requirements.end(), lit) == r.requirements.end()) {
      std::string listed;
      for (const std::string& q : r.requirements) listed += (listed.empty() ? "" : ", ") + q;
      f->Error(MapScalarOffset(f->text(), src.pos, src.text, i),
               "kravet '" + lit + "' i 'requirement' står inte i regelns 'requirements' (" + listed + ")",
               "requirement '" + lit + "' in 'requirement' is not in the rule's 'requirements' (" + listed + ")");
    }
    i = close;
  }
}

}  // namespace

void CompileRules(const Pack& pack, const std::vector<std::string>& personal_paths, core::Lang lang,
                  std::vector<RuleSpec*>* specs) {
  std::vector<std::string> pack_params;
  for (const Param& p : pack.params) pack_params.push_back(p.name);
  for (RuleSpec* spec : *specs) {
    YamlFile* f = spec->file.get();
    Rule& r = spec->rule;
    const bool trusted = spec->trusted;
    auto env = std::make_shared<expr::Env>(*pack.definitions_env);
    std::vector<std::string> param_names = pack_params;
    r.first_param_slot = static_cast<int>(env->variable_count());
    for (size_t i = 0; i < r.params.size(); ++i) {
      const Param& p = r.params[i];
      if (pack.FindParam(p.name)) {
        if (i < spec->param_pos.size())
          f->Error(spec->param_pos[i],
                   "parametern '" + p.name + "' är redan en parameter för hela paketet; använd den, eller välj ett annat namn",
                   "parameter '" + p.name + "' is already a parameter of the whole pack; use it, or choose another name");
        (void)env->Declare("params.$" + p.name, Type::Dyn());  // keeps the slots in step
        continue;
      }
      (void)env->Declare("params." + p.name, ParamExprType(p.type));
      param_names.push_back(p.name);
    }
    if (spec->as && !spec->for_each) {
      f->Error(spec->as->pos, "'as' kräver 'for_each'", "'as' needs 'for_each'");
    } else if (spec->for_each && !spec->as) {
      f->Error(spec->for_each->pos, "'for_each' kräver 'as' (namnet på variabeln för varje element)",
               "'for_each' needs 'as' (the name of the variable for each element)");
    } else if (spec->as) {
      auto slot = env->Declare(spec->as->text, Type::Dyn(), pack.FindDefinition(spec->as->text) != nullptr);
      if (!slot.ok()) {
        f->Error(spec->as->pos, "ogiltigt variabelnamn i 'as': " + slot.error().message(),
                 "invalid variable name in 'as': " + slot.error().message());
      } else {
        r.as = spec->as->text;
        r.item_slot = *slot;
      }
    }

    auto compile = [&](const SourceText& src, const char* key) -> std::optional<expr::Program> {
      if (trusted) return expr::CompileLater(src.text, *env, ExprOptions(lang));
      if (!CheckParamRefs(f, src, param_names, true)) return std::nullopt;  // the checker would only repeat it
      return CompileAt(f, src, *env, lang, key);
    };

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

    // Lets, in order: each sees the earlier ones. One with an error is still declared, so
    // that its uses add no errors of their own.
    auto declare_broken = [&](const NamedExprSpec& ls, bool shadow) {
      auto slot = env->Declare(ls.name, Type::Dyn(), shadow);
      if (!slot.ok()) return;
      Let let;
      let.name = ls.name;
      let.slot = *slot;
      r.lets.push_back(std::move(let));
    };
    for (size_t k = 0; k < spec->lets.size(); ++k) {
      const NamedExprSpec& ls = spec->lets[k];
      const std::vector<NameRef> reads = ReadNames(ls.source.text);
      bool clash = false;
      for (const Let& l : r.lets) clash = clash || l.name == ls.name;
      if (ls.name == r.as) {
        f->Error(ls.name_pos, "'" + ls.name + "' är redan for_each-variabeln ('as')",
                 "'" + ls.name + "' is already the for_each variable ('as')");
        continue;
      }
      const Definition* shadowed = pack.FindDefinition(ls.name);
      if (shadowed && !ls.flag) {
        f->Error(ls.name_pos,
                 "let-värdet '" + ls.name + "' skymmer definitionen med samma namn (" +
                     core::FormatLocation(shadowed->file, shadowed->pos) +
                     "); byt namn, eller skriv shadows: true om det är meningen",
                 "the let '" + ls.name + "' hides the definition of the same name (" +
                     core::FormatLocation(shadowed->file, shadowed->pos) +
                     "); rename it, or write shadows: true if that is intended");
        continue;
      }
      if (!shadowed && ls.flag) {
        f->Error(ls.name_pos, "let-värdet '" + ls.name + "' har shadows: true men skymmer ingen definition",
                 "the let '" + ls.name + "' has shadows: true but hides no definition");
        declare_broken(ls, false);
        continue;
      }
      // A let reads only the ones above it: not itself, nor one below.
      for (const NameRef& ref : reads) {
        for (size_t j = k; j < spec->lets.size(); ++j) {
          if (spec->lets[j].name != ref.name) continue;
          f->Error(MapScalarOffset(f->text(), ls.source.pos, ls.source.text, ref.offset),
                   "'" + ref.name + "' används innan det definieras; ett let-värde kan bara läsa de som står före det",
                   "'" + ref.name + "' is used before it is defined; a let can only read the ones above it");
          clash = true;
        }
      }
      if (clash) {
        declare_broken(ls, shadowed != nullptr);
        continue;
      }
      std::optional<expr::Program> p = compile(ls.source, ("let." + ls.name).c_str());
      if (!p) {
        declare_broken(ls, shadowed != nullptr);
        continue;
      }
      Let let;
      let.name = ls.name;
      let.per_item = false;
      for (const NameRef& ref : reads) {
        if (!r.as.empty() && ref.name == r.as) let.per_item = true;
        for (const Let& l : r.lets)
          if (l.name == ref.name && l.per_item) let.per_item = true;
      }
      let.personal = ReadsPersonal(ls.source.text, pack, r.lets, r, item_path, item_personal, personal_paths);
      Type type = trusted ? Type::Dyn() : p->result_type();
      auto slot = env->Declare(ls.name, type, shadowed != nullptr);
      if (!slot.ok()) {
        f->Error(ls.name_pos, "ogiltigt namn: " + slot.error().message(), "invalid name: " + slot.error().message());
        continue;
      }
      let.slot = *slot;
      let.program = std::move(*p);
      r.lets.push_back(std::move(let));
    }
    r.env = env;

    // `when` and `for_each` run before there is an element: they must not read one.
    auto check_no_item = [&](const std::optional<SourceText>& src, const char* key) {
      if (!src) return true;
      for (const NameRef& ref : ReadNames(src->text))
        for (const Let& l : r.lets)
          if (l.name == ref.name && l.per_item) {
            f->Error(MapScalarOffset(f->text(), src->pos, src->text, ref.offset),
                     "'" + ref.name + "' läser for_each-variabeln och kan inte användas i '" + key + "'",
                     "'" + ref.name + "' reads the for_each variable and cannot be used in '" + key + "'");
            return false;
          }
      return true;
    };
    auto compile_opt = [&](const std::optional<SourceText>& src, const char* key) -> std::optional<expr::Program> {
      if (!src) return std::nullopt;
      return compile(*src, key);
    };
    // Asking a program its type compiles it: a trusted rule's types were checked when built.
    auto check_type = [&](const std::optional<SourceText>& src, const std::optional<expr::Program>& p,
                          const char* key, std::initializer_list<TypeKind> kinds, const char* expected_sv,
                          const char* expected_en) {
      if (p && !trusted) CheckResultType(f, *src, *p, key, kinds, expected_sv, expected_en);
    };
    if (check_no_item(spec->when, "when")) r.when = compile_opt(spec->when, "when");
    check_type(spec->when, r.when, "when", {TypeKind::kBool}, "bool", "bool");
    if (check_no_item(spec->for_each, "for_each")) r.for_each = compile_opt(spec->for_each, "for_each");
    check_type(spec->for_each, r.for_each, "for_each", {TypeKind::kList, TypeKind::kMap}, "en lista eller map",
               "a list or map");
    r.assertion = compile_opt(spec->assertion, "assert");
    check_type(spec->assertion, r.assertion, "assert", {TypeKind::kBool}, "bool", "bool");
    r.due = compile_opt(spec->due, "due");
    check_type(spec->due, r.due, "due", {TypeKind::kDate, TypeKind::kString},
               "ett datum (date eller sträng ÅÅÅÅ-MM-DD)", "a date (date or string YYYY-MM-DD)");
    r.deadline = compile_opt(spec->deadline, "deadline");
    check_type(spec->deadline, r.deadline, "deadline", {TypeKind::kDate, TypeKind::kString, TypeKind::kNull},
               "ett datum (date eller sträng ÅÅÅÅ-MM-DD) eller null", "a date (date or string YYYY-MM-DD) or null");
    if (spec->requirement) {
      if (!trusted) CheckRequirementLiterals(f, *spec->requirement, r);
      r.requirement = compile_opt(spec->requirement, "requirement");
      check_type(spec->requirement, r.requirement, "requirement", {TypeKind::kString, TypeKind::kList},
                 "ett krav-id eller en lista av krav-id", "a requirement id or a list of them");
    }

    for (const auto& [name, src] : spec->values) {
      if (!IsIdentifier(name) || name == "index" || name == "key") {
        f->Error(src.pos, "ogiltigt värdenamn '" + name + "'", "invalid value name '" + name + "'");
        continue;
      }
      if (!trusted && (ValueReadsPersonalData(f, name, src, r, item_path, item_personal, personal_paths) ||
                       ValueReadsPersonalName(f, name, src, pack, r)))
        continue;
      if (auto p = compile(src, name.c_str())) r.values.push_back({name, std::move(*p)});
    }

    // The definitions the rule reads directly (for `rules explain`), less those a let hides.
    auto note_reads = [&](const std::string& text) {
      for (const NameRef& ref : ReadNames(text)) {
        bool is_let = false;
        for (const Let& l : r.lets) is_let = is_let || l.name == ref.name;
        if (is_let || ref.name == r.as || !pack.FindDefinition(ref.name)) continue;
        if (std::find(r.definitions.begin(), r.definitions.end(), ref.name) == r.definitions.end())
          r.definitions.push_back(ref.name);
      }
    };
    for (const auto* src : {&spec->when, &spec->for_each, &spec->assertion, &spec->due, &spec->deadline,
                            &spec->requirement})
      if (*src) note_reads((*src)->text);
    for (const NamedExprSpec& ls : spec->lets) note_reads(ls.source.text);
    for (const auto& v : spec->values) note_reads(v.second.text);

    const Node* msg = f->ok() ? f->root().Find("message") : nullptr;
    const Node* sv = msg && msg->kind == document::Kind::kMapping ? msg->Find("sv") : msg;
    const Node* en = msg && msg->kind == document::Kind::kMapping ? msg->Find("en") : nullptr;
    CheckPlaceholders(f, sv, r.message.sv, *spec, "sv");
    if (!r.message.en.empty()) CheckPlaceholders(f, en, r.message.en, *spec, "en");
    CheckPointer(f, spec);
    // {key} shows the for_each element (or a map key) itself. When the list is computed
    // from personal data the loader cannot tell what the elements are (field names, as in
    // TOLK-002, or names): the engine then shows only identifier-like keys.
    r.key_from_personal = key_personal || item_personal;
  }
}

}  // namespace aktkoll::ruleset::internal
