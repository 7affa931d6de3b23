#include "app/rule_pack.h"

#include <cstdio>

#include "ruleset/loader.h"

namespace aktkoll::app {

std::string PackSpec(const PackChoice& choice) {
  if (!choice.rules.empty() && !choice.profile.empty()) {
    std::fprintf(stderr, "aktkoll: ange antingen --rules eller --profile, inte båda\n");
    return "";
  }
  if (!choice.rules.empty()) return choice.rules;
  if (!choice.profile.empty()) return choice.profile;
  return "national";
}

std::shared_ptr<const ruleset::Pack> LoadPackOrReport(const std::string& spec, core::Lang lang,
                                                      BuiltinPacks builtin) {
  ruleset::LoadOptions options;
  options.lang = lang;
  options.check_builtin = builtin == BuiltinPacks::kCheckAll;
  ruleset::LoadResult result = ruleset::LoadPack(spec, options);
  std::fputs(result.diagnostics.FormatWarnings(lang).c_str(), stderr);
  if (!result.ok()) {
    std::fputs(result.diagnostics.Format(lang).c_str(), stderr);
    std::fprintf(stderr, lang == core::Lang::kEn ? "aktkoll: the rule pack '%s' could not be loaded (%zu errors)\n"
                                                 : "aktkoll: regelpaketet '%s' kunde inte läsas in (%zu fel)\n",
                 spec.c_str(), result.diagnostics.size());
  }
  return result.pack;
}

std::shared_ptr<const ruleset::Pack> LoadChosenPack(const PackChoice& choice, core::Lang lang,
                                                    BuiltinPacks builtin) {
  std::string spec = PackSpec(choice);
  if (spec.empty()) return nullptr;
  return LoadPackOrReport(spec, lang, builtin);
}

}  // namespace aktkoll::app
