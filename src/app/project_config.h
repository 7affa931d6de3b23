// The project configuration: `.aktkoll.yaml`, found in the working directory or the
// nearest folder above it, sets defaults for `aktkoll check` that the command line
// overrides (as Ruff's and ESLint's do):
//
//   profile: kalix                # --profile
//   rules: regler/profile.yaml    # --rules
//   fail_on: warning              # --fail-on
//   lang: sv                      # --lang
//   formats: [sarif:aktkoll.sarif, junit:aktkoll.xml]   # --format (all of them)
//   baseline: baslinje.json       # --baseline
//   waivers: undantag.yaml        # --waivers
//
// Paths (rules, baseline, waivers, the files of formats) are relative to the file's
// folder. Any other key is an error, so a typo never passes silently.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace aktkoll::app {

struct ProjectConfig {
  std::string path;  // the file read
  std::optional<std::string> profile, rules, fail_on, lang, baseline, waivers;
  std::optional<std::vector<std::string>> formats;
};

// The nearest .aktkoll.yaml from `dir` upward; nullopt when there is none; an error
// status when the file cannot be read or is malformed.
core::StatusOr<std::optional<ProjectConfig>> FindProjectConfig(const std::string& dir);

}  // namespace aktkoll::app
