// A compiled rule pack: what the loader (loader.h) builds from pack.yaml, the rule files
// and any profiles that extend it, and what the engine runs. Everything here is immutable
// once loaded and shared between threads: expressions are compiled exactly once per run.
//
// A Pack is the effective pack after `extends` is resolved: the base pack's rules plus
// each profile's own rules, with the profiles' parameter and severity overrides applied,
// disabled rules removed, and catalogues merged entry by entry (by code).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "document/node.h"
#include "expr/program.h"

namespace aktkoll::ruleset {

class FileSource;

enum class ParamType { kInt, kDouble, kString, kBool, kDate, kStringList };

const char* ParamTypeName(ParamType type);  // "int", "double", "string", "bool", "date", "list"

struct Param {
  std::string name;
  ParamType type = ParamType::kInt;
  expr::Value value;            // the effective value (default, or a profile's override)
  std::string value_text;       // the effective value as written, for listings
  std::string default_text;     // the rule's default as written
  core::Text description;
};

// A legal reference (or a guidance document or guideline, by `kind`) and the period it is in force; the ends are inclusive, as day numbers
// since 1970-01-01 (nullopt = open).
struct LawRef {
  std::string ref;
  core::SourceKind kind = core::SourceKind::kLaw;  // `kind:` law (default), guidance or guideline
  std::optional<int64_t> from;
  std::optional<int64_t> until;
  bool InForce(int64_t day) const {
    return (!from || *from <= day) && (!until || day <= *until);
  }
};

// The rule's documentation under fixed headings (what `rules explain` prints).
struct RuleDoc {
  core::Text checks;   // Vad regeln kontrollerar
  core::Text why;      // Varför
  core::Text example;  // Exempel
};

// One fixture: a case document beside the rule that must pass, or fail with exactly the
// findings its `# expect:` lines state.
struct Fixture {
  std::string path;
  bool must_pass = true;
  const FileSource* source = nullptr;  // where to read it (embedded or disk)
};

struct NamedProgram {
  std::string name;
  expr::Program program;
};

// A named expression of a pack or profile (`definitions:`), over `c`, `as_of`, the pack's
// parameters and other definitions. The engine evaluates each at most once per case, and
// only when an expression reads it.
struct Definition {
  std::string name;
  core::Text description;
  std::string source;             // the expression as written
  std::string type;               // the declared type ("" when not declared)
  std::string file;               // the pack or profile file, as named in diagnostics
  core::Position pos;             // of the name
  std::string pack;               // name of the pack or profile that (last) defined it
  std::vector<std::string> uses;  // the definitions it reads directly
  int slot = -1;                  // its variable slot, the same in every rule's Env
  bool personal = false;          // reads personal data, itself or through another
  std::optional<expr::Program> program;
};

// A rule's `let`: a named expression evaluated at most once per case, or per for_each
// element when it reads the element (then `per_item`).
struct Let {
  std::string name;
  int slot = -1;
  bool per_item = false;
  bool personal = false;
  expr::Program program{nullptr};
};

struct Rule {
  std::string id;
  core::Text title;
  core::Text message;
  core::Severity severity = core::Severity::kError;
  std::vector<std::string> requirements;
  std::vector<LawRef> law;
  std::vector<Param> params;     // in declaration order
  RuleDoc doc;
  std::vector<std::string> definitions;  // the pack definitions its expressions read directly
  std::string pointer;           // JSON Pointer template ({index}, {key} for for_each)
  std::string as;                // for_each variable, "" without for_each
  std::string file;              // the rule file, as named in diagnostics
  std::string pack;              // name of the pack or profile that defines the rule
  std::vector<Fixture> fixtures;

  // Compiled against `env`: slot 0 is `c`, 1 `as_of`, then the pack's parameters, the
  // pack's definitions (Pack::definitions, same slots in every rule), the rule's own
  // `params.<name>` from `first_param_slot` in declaration order, its lets, and last the
  // for_each variable.
  std::shared_ptr<const expr::Env> env;
  int first_param_slot = 2;
  std::vector<Let> lets;          // in declaration order, consecutive slots
  // Which requirement ids a finding breaks (a string or list of strings, each one of
  // `requirements`); without it a finding cites all of `requirements`.
  std::optional<expr::Program> requirement;
  // Lets named as placeholders in `pointer`, e.g. {where}.
  std::vector<std::string> pointer_lets;
  std::optional<expr::Program> when;
  std::optional<expr::Program> for_each;
  std::optional<expr::Program> assertion;
  std::optional<expr::Program> due;
  // The date the rule's obligation next falls due while it is still pending, null when
  // nothing is pending; evaluated whenever the rule applies (`aktkoll due`).
  std::optional<expr::Program> deadline;
  std::vector<NamedProgram> values;
  int item_slot = -1;
  // The for_each list reads personal data: {key} is shown only when it looks like a code
  // or field name (lowercase ASCII, digits, '_', '-'); otherwise the element's index.
  bool key_from_personal = false;

  const Param* FindParam(const std::string& name) const;
};

inline constexpr int kCaseSlot = 0;
inline constexpr int kAsOfSlot = 1;
inline constexpr int kFirstPackParamSlot = 2;

struct NotCheckable {
  std::string requirement;
  core::Text reason;
  std::string pack;
};

// A vocabulary from a catalogue file: its codes in order, each entry the code's mapping
// (code, label, attributes) as loaded.
struct Vocabulary {
  std::string name;
  core::Text title;
  std::vector<document::Node> entries;
  const document::Node* Find(const std::string& code) const;
};

struct Pack {
  std::string name;              // of the base pack, e.g. "national"
  std::string version;
  std::string profile;           // the outermost profile's name, "" for a plain pack
  core::Text title;
  std::vector<std::string> chain;  // pack then profiles, base first
  std::vector<Rule> rules;         // sorted by id; disabled rules are not here
  std::vector<std::string> disabled;
  std::vector<NotCheckable> not_checkable;
  std::vector<std::string> personal_paths;  // dotted paths, e.g. "individual.personnummer"
  std::map<std::string, Vocabulary> vocabularies;
  std::shared_ptr<const expr::Env> env;     // `c` and `as_of` only: decision_date
  std::optional<expr::Program> decision_date;
  // Pack-level parameters (params.<name> in every rule), slots from kFirstPackParamSlot.
  std::vector<Param> params;
  // Named definitions, in slot order (a definition only reads ones before it), slots
  // from `first_definition_slot`; `definitions_env` declares c, as_of, params and all
  // of them: every definition's program evaluates with an activation of it.
  std::vector<Definition> definitions;
  int first_definition_slot = kFirstPackParamSlot;
  std::shared_ptr<const expr::Env> definitions_env;
  std::vector<std::string> files;  // every file read, in path order
  std::string sha256;              // over `files`: path, NUL, content, NUL each

  const Rule* Find(const std::string& id) const;
  const Definition* FindDefinition(const std::string& name) const;
  const Param* FindParam(const std::string& name) const;
};

}  // namespace aktkoll::ruleset
