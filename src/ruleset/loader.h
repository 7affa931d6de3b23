// Loading a rule pack: reads a pack.yaml or profile.yaml, follows `extends` down to the
// base pack, reads every rule file (`<dir>/**/rule.yaml`) and catalogue, applies the
// profiles' overrides, and compiles every expression once. Fails closed: any problem in
// any file is a Diagnostic (file:line:column, the source line, a caret) and no Pack is
// returned, so a broken pack never checks a document. See docs/rule-format.md.
//
// Where a pack comes from:
//   "national", "kalix"      a built-in pack (rules/<name>/pack.yaml) or profile
//                            (rules/profiles/<name>/profile.yaml), compiled into the binary;
//   "path/to/profile.yaml"   a pack or profile file on disk (a directory means the
//                            pack.yaml or profile.yaml in it).
// `extends:` takes the same forms; a relative path is relative to the extending file.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "expr/registry.h"
#include "ruleset/diagnostics.h"
#include "ruleset/pack.h"

namespace aktkoll::ruleset {

// Where pack files are read from: the binary's embedded rules/ or the file system.
class FileSource {
 public:
  virtual ~FileSource() = default;
  virtual std::optional<std::string> Read(const std::string& path) const = 0;
  // Every file below `dir` (recursively), sorted by path.
  virtual std::vector<std::string> List(const std::string& dir) const = 0;
  virtual bool IsDirectory(const std::string& path) const = 0;
  // The file's YAML document already parsed (document/node_codec.h encoding), for the
  // embedded packs; nullopt means parse the text.
  virtual std::optional<std::string_view> Preparsed(const std::string&) const { return std::nullopt; }
};

const FileSource& EmbeddedSource();
const FileSource& DiskSource();

// Registers extra functions (the domain families) into a pack's registry once the pack's
// vocabularies are known. Returning an error stops loading.
using RegisterFunctions = std::function<expr::Result<void>(expr::FunctionRegistry&, const Pack&)>;

struct LoadOptions {
  core::Lang lang = core::Lang::kSv;   // language of expression-checker messages
  // Functions beyond the standard library; by default the domain families (engine sets it).
  RegisterFunctions register_functions;
  // The requirement catalogue rule ids are checked against (rules/requirements.yaml).
  // Default: the embedded one.
  std::optional<std::string> requirements_yaml;
  // false (the default): a built-in pack or profile, loaded by name with the standard
  // functions, has its expressions compiled when a check first evaluates them, and the
  // checks that only find mistakes in a pack's text (result types, params references,
  // personal data in message values) are skipped. The build (`aktkoll rules coverage` after
  // linking) and `aktkoll rules test` load every built-in pack with true, so a mistake in one
  // stops the build and fails the suite. A chain with any file on disk (a profile that
  // extends a built-in pack may add personal_paths) is always compiled and checked in full,
  // at once, the built-in rules in it too.
  bool check_builtin = false;
};

struct LoadResult {
  std::shared_ptr<const Pack> pack;   // null when there are diagnostics
  Diagnostics diagnostics;
  bool ok() const { return pack != nullptr; }
};

LoadResult LoadPack(const std::string& spec, const LoadOptions& options = {});

// The built-in packs and profiles by name ("national", then the profiles), for
// `rules test` and listings.
std::vector<std::string> BuiltinPackNames();

// The requirement catalogue: ids in order with their group and title.
struct Requirement {
  std::string id;
  std::string group;   // e.g. "UPP"
  core::Text title;    // sv from rules/requirement_titles_sv.yaml, en from the source
};
// Parses rules/requirements.yaml (or the given text). Problems go to `diags`.
std::vector<Requirement> LoadRequirements(const std::optional<std::string>& text, Diagnostics* diags);

}  // namespace aktkoll::ruleset
