// A pack's named definitions: gathered along the extends chain, put in an order in which
// each reads only earlier ones, compiled against c, as_of and the pack's parameters, and
// checked (replacing, cycles, declared types, personal data, use).

#include <algorithm>
#include <map>

#include "ruleset/expr_scan.h"
#include "ruleset/loader_internal.h"
#include "ruleset/scalar_map.h"

namespace aktkoll::ruleset::internal {

using expr::Type;
using expr::TypeKind;

namespace {

struct Gathered {
  const NamedExprSpec* spec = nullptr;
  PackSpec* owner = nullptr;
  std::vector<NameRef> reads;  // the definitions it reads, with where
};

Type TypeNamed(const std::string& name) {
  if (name == "bool") return Type::Bool();
  if (name == "int") return Type::Int();
  if (name == "double") return Type::Double();
  if (name == "string") return Type::String();
  if (name == "date") return Type::Date();
  if (name == "list") return Type::List(Type::Dyn());
  if (name == "map") return Type::Map(Type::Dyn(), Type::Dyn());
  return Type::Dyn();
}

class Orderer {
 public:
  Orderer(std::vector<Gathered>* defs, const std::map<std::string, size_t>* index)
      : defs_(*defs), index_(*index), state_(defs->size(), 0) {}

  // Every definition after the ones it reads; false after reporting a cycle.
  bool Run(std::vector<size_t>* order) {
    bool ok = true;
    for (size_t i = 0; i < defs_.size(); ++i) ok = Visit(i, order) && ok;
    return ok;
  }

 private:
  bool Visit(size_t i, std::vector<size_t>* order) {
    if (state_[i] == 2) return true;
    if (state_[i] == 1) return false;  // reported by the caller that found the back edge
    state_[i] = 1;
    stack_.push_back(i);
    bool ok = true;
    for (const NameRef& ref : defs_[i].reads) {
      size_t j = index_.at(ref.name);
      if (state_[j] == 1) {
        std::string cycle;
        auto from = std::find(stack_.begin(), stack_.end(), j);
        for (auto it = from; it != stack_.end(); ++it) cycle += defs_[*it].spec->name + " → ";
        cycle += defs_[j].spec->name;
        const Gathered& g = defs_[i];
        YamlFile* f = g.owner->file.get();
        f->Error(MapScalarOffset(f->text(), g.spec->source.pos, g.spec->source.text, ref.offset),
                 "definitionerna bildar en cirkel: " + cycle, "the definitions form a cycle: " + cycle);
        ok = false;
        continue;
      }
      ok = Visit(j, order) && ok;
    }
    stack_.pop_back();
    state_[i] = 2;
    order->push_back(i);
    return ok;
  }

  std::vector<Gathered>& defs_;
  const std::map<std::string, size_t>& index_;
  std::vector<int> state_;
  std::vector<size_t> stack_;
};

}  // namespace

void AssembleDefinitions(const std::vector<std::unique_ptr<PackSpec>>& chain,
                         std::shared_ptr<const expr::FunctionRegistry> registry,
                         const std::vector<std::string>& personal_paths, core::Lang lang, bool trusted, Pack* pack) {
  // Along the chain, base first: a profile adds, or replaces when it says so.
  std::vector<Gathered> defs;
  std::map<std::string, size_t> index;
  for (const auto& p : chain) {
    YamlFile* f = p->file.get();
    for (const NamedExprSpec& d : p->definitions) {
      auto it = index.find(d.name);
      if (it == index.end()) {
        if (d.flag) {
          f->Error(d.name_pos, "definitionen '" + d.name + "' har replaces: true men ersätter ingen ärvd definition",
                   "the definition '" + d.name + "' has replaces: true but replaces no inherited definition");
          continue;
        }
        index[d.name] = defs.size();
        defs.push_back(Gathered{&d, p.get(), {}});
        continue;
      }
      Gathered& old = defs[it->second];
      if (!d.flag) {
        std::string where = core::FormatLocation(old.owner->file->path(), old.spec->name_pos);
        f->Error(d.name_pos,
                 "definitionen '" + d.name + "' finns redan i " + old.owner->name + " (" + where +
                     "); skriv replaces: true för att ersätta den",
                 "the definition '" + d.name + "' already exists in " + old.owner->name + " (" + where +
                     "); write replaces: true to replace it");
        continue;
      }
      old = Gathered{&d, p.get(), {}};
    }
  }

  std::vector<std::string> param_names;
  auto env = std::make_shared<expr::Env>(registry);
  (void)env->Declare("c", Type::Dyn());
  (void)env->Declare("as_of", Type::Date());
  for (const Param& p : pack->params) {
    (void)env->Declare("params." + p.name, ParamExprType(p.type));
    param_names.push_back(p.name);
  }
  pack->first_definition_slot = static_cast<int>(env->variable_count());

  // What each reads; unknown names are left to the checker, which knows the functions
  // and macro variables.
  for (Gathered& g : defs)
    for (const NameRef& ref : ReadNames(g.spec->source.text))
      if (index.count(ref.name)) g.reads.push_back(ref);
  std::vector<size_t> order;
  if (!Orderer(&defs, &index).Run(&order)) {
    pack->definitions_env = env;
    return;
  }

  for (size_t i : order) {
    const Gathered& g = defs[i];
    YamlFile* f = g.owner->file.get();
    const NamedExprSpec& spec = *g.spec;
    Definition d;
    d.name = spec.name;
    d.description = spec.description;
    d.source = spec.source.text;
    d.type = spec.type;
    d.file = f->path();
    d.pos = spec.name_pos;
    d.pack = g.owner->name;
    for (const NameRef& ref : g.reads) d.uses.push_back(ref.name);
    Type type = TypeNamed(spec.type);
    if (trusted) {
      d.program = expr::CompileLater(spec.source.text, *env, ExprOptions(lang));
    } else if (CheckParamRefs(f, spec.source, param_names, false)) {
      d.program = CompileAt(f, spec.source, *env, lang, "definitions." + spec.name);
      if (d.program) {
        const Type& got = d.program->result_type();
        if (spec.type.empty()) {
          type = got;
        } else if (!type.is_dyn() && !got.is_dyn() && got.kind() != type.kind() && got.kind() != TypeKind::kNull) {
          f->Error(spec.type_pos,
                   "definitionen '" + spec.name + "' deklareras som " + spec.type + " men ger " + got.ToString(),
                   "the definition '" + spec.name + "' is declared " + spec.type + " but gives " + got.ToString());
        }
      }
    }
    for (const CasePath& cp : ScanCasePaths(spec.source.text, "", ""))
      d.personal = d.personal || ReadsPersonalPath(cp, personal_paths, nullptr);
    for (const std::string& u : d.uses)
      if (const Definition* earlier = pack->FindDefinition(u)) d.personal = d.personal || earlier->personal;
    auto slot = env->Declare(spec.name, type);
    if (!slot.ok()) {
      f->Error(spec.name_pos, "ogiltigt namn: " + slot.error().message(), "invalid name: " + slot.error().message());
      continue;
    }
    d.slot = *slot;
    pack->definitions.push_back(std::move(d));
  }
  pack->definitions_env = env;
}

void WarnUnusedDefinitions(const Pack& pack, const std::vector<RuleSpec*>& specs, Diagnostics* diags) {
  std::vector<std::string> used;
  for (const RuleSpec* s : specs)
    for (const std::string& d : s->rule.definitions)
      if (std::find(used.begin(), used.end(), d) == used.end()) used.push_back(d);
  // Definitions read only by other definitions: follow the uses, latest first (a
  // definition reads only earlier ones).
  for (auto it = pack.definitions.rbegin(); it != pack.definitions.rend(); ++it) {
    if (std::find(used.begin(), used.end(), it->name) == used.end()) continue;
    for (const std::string& u : it->uses)
      if (std::find(used.begin(), used.end(), u) == used.end()) used.push_back(u);
  }
  for (const Definition& d : pack.definitions) {
    if (std::find(used.begin(), used.end(), d.name) != used.end()) continue;
    diags->AddWarning(d.file, d.pos, "definitionen '" + d.name + "' används inte av någon regel",
                      "the definition '" + d.name + "' is not used by any rule");
  }
}

}  // namespace aktkoll::ruleset::internal
