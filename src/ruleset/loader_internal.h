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
};

struct RuleSpec {
  std::unique_ptr<YamlFile> file;
  Rule rule;                     // everything but the compiled programs
  core::Position id_pos;
  std::vector<core::Position> requirement_pos;
  std::vector<core::Position> param_pos;
  std::optional<SourceText> when, for_each, assertion, due, deadline, as;
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

// Compiles the rules' expressions against the pack's registry; errors go to the files'
// diagnostics. `requirements` are the known requirement ids.
void CompileRules(const Pack& pack, const std::vector<std::string>& personal_paths,
                  std::shared_ptr<const expr::FunctionRegistry> registry, core::Lang lang,
                  std::vector<RuleSpec*>* specs);

// Compiles `src` from `file` against `env`; issues become diagnostics at their place in
// the file. Returns nullopt on any issue.
std::optional<expr::Program> CompileAt(YamlFile* file, const SourceText& src, const expr::Env& env,
                                       core::Lang lang, std::string_view what);

}  // namespace aktkoll::ruleset::internal
