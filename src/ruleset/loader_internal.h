// The loader's intermediate forms: each pack, profile and rule file as read and checked
// for shape, before overrides are applied and expressions compiled. Not part of the API.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ruleset/loader.h"
#include "ruleset/pack.h"
#include "ruleset/yaml_reader.h"

namespace aktkoll::ruleset::internal {

struct Located {
  std::string value;
  core::Position pos;
};

struct ParamOverride {
  std::string name;
  core::Position pos;          // of the key
  const document::Node* value;
};

struct RuleOverride {
  std::string rule;
  core::Position pos;
  std::optional<core::Severity> severity;
  std::vector<ParamOverride> params;
  std::optional<std::vector<LawRef>> law;  // replaces the rule's law
  std::vector<LawRef> add_law;             // added to the rule's law
};

// A named expression as written: a pack's definition or a rule's let. Either
// `name: expression` or `name: {expr, type, description, replaces | shadows}`.
struct NamedExprSpec {
  std::string name;
  core::Position name_pos;
  SourceText source;
  std::string type;            // declared type, "" when none
  core::Position type_pos;
  core::Text description;
  bool flag = false;           // `replaces: true` (definitions) or `shadows: true` (lets)
};

struct PackSpec {
  const FileSource* source = nullptr;
  std::unique_ptr<YamlFile> file;
  std::string dir;               // with a trailing '/'
  bool is_profile = false;
  std::string name;
  std::string version;
  core::Text title;
  std::optional<Located> extends;
  std::optional<SourceText> decision_date;
  std::optional<std::vector<std::string>> personal_paths;
  std::vector<Located> catalogues;
  std::vector<std::pair<NotCheckable, core::Position>> not_checkable;
  std::vector<RuleOverride> overrides;
  std::vector<Located> disable;
  std::vector<Param> params;               // pack-level parameters declared here
  std::vector<core::Position> param_pos;
  std::vector<ParamOverride> param_values; // a profile's values for inherited ones
  std::vector<NamedExprSpec> definitions;
  std::vector<LawRef> add_law;             // a profile's law for every rule
};

struct RuleSpec {
  std::unique_ptr<YamlFile> file;
  Rule rule;                     // everything but the compiled programs
  core::Position id_pos;
  std::vector<core::Position> requirement_pos;
  std::vector<core::Position> param_pos;
  std::optional<SourceText> when, for_each, assertion, due, deadline, as, requirement;
  std::vector<NamedExprSpec> lets;
  std::vector<std::pair<std::string, SourceText>> values;
  core::Position message_pos;
  core::Position pointer_pos;
  // A rule of a built-in pack loaded as built (LoadOptions::check_builtin): it is known to
  // compile and pass the pack checks, so its programs compile on first use and the
  // text-only checks are skipped.
  bool trusted = false;
};

// Reads a pack or profile file's keys. Returns false when the file could not be used.
bool ParsePackFile(PackSpec* spec);
// Reads one rule file's keys.
bool ParseRuleFile(RuleSpec* spec);
// Reads a catalogue file into `vocabularies`, merging entries by code.
void MergeCatalogue(YamlFile* file, std::map<std::string, Vocabulary>* vocabularies);

// Parses a parameter value of `type` from `node`; on a mismatch reports at the node.
bool ParseParamValue(YamlFile* file, ParamType type, const document::Node& node, expr::Value* value,
                     std::string* text);
bool ParseParamType(const std::string& text, ParamType* type);
// Reads a `params:` mapping of declarations ({type, default, description}).
void ParseParamDecls(YamlFile* file, const document::Node& node, std::vector<Param>* params,
                     std::vector<core::Position>* positions);
// Reads a `law:` list of {ref, from, until}.
void ParseLaw(YamlFile* file, const document::Node& node, std::vector<LawRef>* law);
// Reads a mapping of named expressions; `flag_key` is "replaces" or "shadows".
std::vector<NamedExprSpec> ParseNamedExprs(YamlFile* file, const document::Node& node, std::string_view what,
                                           const char* flag_key);
// The names a named expression may not take.
bool ReservedName(const std::string& name);

// Compiles the rules' expressions against the pack's definitions env (its registry,
// parameters and definitions); errors go to the files' diagnostics.
void CompileRules(const Pack& pack, const std::vector<std::string>& personal_paths, core::Lang lang,
                  std::vector<RuleSpec*>* specs);

// Gathers the chain's definitions (a profile replaces one only with `replaces: true`),
// orders them so that each reads only earlier ones (a cycle is an error), compiles and
// type-checks them against c, as_of and the pack's parameters, and marks the personal
// ones. Fills pack->definitions, first_definition_slot and definitions_env. `trusted`:
// built-in packs, compiled on first use.
void AssembleDefinitions(const std::vector<std::unique_ptr<PackSpec>>& chain,
                         std::shared_ptr<const expr::FunctionRegistry> registry,
                         const std::vector<std::string>& personal_paths, core::Lang lang, bool trusted, Pack* pack);
// Warns of definitions that no rule reads, directly or through another definition.
void WarnUnusedDefinitions(const Pack& pack, const std::vector<RuleSpec*>& specs, Diagnostics* diags);

// `params.<name>` must name one of `names` (the rule's and the pack's parameters, or for a
// definition the pack's). Returns false after reporting.
bool CheckParamRefs(YamlFile* file, const SourceText& src, const std::vector<std::string>& names, bool rule);
expr::Type ParamExprType(ParamType type);
bool TypeIsOneOf(const expr::Type& t, std::initializer_list<expr::TypeKind> kinds);
expr::CompileOptions ExprOptions(core::Lang lang);

// Compiles `src` from `file` against `env`; issues become diagnostics at their place in
// the file. Returns nullopt on any issue.
std::optional<expr::Program> CompileAt(YamlFile* file, const SourceText& src, const expr::Env& env,
                                       core::Lang lang, std::string_view what);

}  // namespace aktkoll::ruleset::internal
