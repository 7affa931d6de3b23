// Choosing and loading the rule pack for a command: --rules PATH (a pack or profile file
// on disk), --profile NAME (a built-in profile), or the built-in national pack. A pack
// that does not load prints its diagnostics to stderr; the caller exits 2.
#pragma once

#include <memory>
#include <string>

#include "core/finding.h"
#include "ruleset/pack.h"

namespace aktkoll::app {

struct PackChoice {
  std::string rules;    // --rules PATH
  std::string profile;  // --profile NAME
};

// The loader spec for a choice ("national" when neither is given); "" with a message on
// stderr when both are given.
std::string PackSpec(const PackChoice& choice);

// How a command loads a built-in pack (ruleset::LoadOptions::check_builtin): commands
// that check cases compile its expressions on first use; the `rules` commands, which
// show and test the packs themselves, compile and check all of it at once.
enum class BuiltinPacks { kCompileOnUse, kCheckAll };

// Loads the chosen pack; on failure prints the diagnostics and returns nullptr.
std::shared_ptr<const ruleset::Pack> LoadChosenPack(const PackChoice& choice, core::Lang lang,
                                                    BuiltinPacks builtin = BuiltinPacks::kCompileOnUse);
std::shared_ptr<const ruleset::Pack> LoadPackOrReport(const std::string& spec, core::Lang lang,
                                                      BuiltinPacks builtin = BuiltinPacks::kCompileOnUse);

}  // namespace aktkoll::app
