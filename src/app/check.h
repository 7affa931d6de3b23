// `aktkoll check [PATH...]`: loads case records, validates them against the case schema,
// runs the rule pack and writes the reports. Options in, exit code out:
//   0  nothing at or above --fail-on;
//   1  findings at or above it (input errors count as errors);
//   2  usage errors, an unreadable rule pack, a report that could not be written,
//      internal errors.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "document/loader.h"

namespace aktkoll::app {

struct CheckOptions {
  std::vector<std::string> paths;          // default: the current directory
  std::vector<std::string> formats;        // FMT[:FILE]; default: text to stdout
  std::string as_of;                       // YYYY-MM-DD; default: today
  std::string fail_on = "error";           // error|warning|info|never
  std::string lang = "sv";                 // sv|en
  bool show_personal_data = false;
  bool statistics = false;
  bool no_progress = false;                // progress is only ever shown on a terminal
  std::string stdin_filename;              // --stdin-filename: the name reports give '-'
  bool no_config = false;                  // --no-config: ignore .aktkoll.yaml (project_config.h)
  bool quiet = false;                      // --quiet: no progress, no summary when reports go to files
  std::string color = "auto";              // --color auto|always|never
  int jobs = 0;                            // worker threads; 0 = all cores
  int64_t max_eval_steps = 1'000'000;      // expression cost limit per evaluation
  std::string waivers;                     // waiver file, see waivers.h
  std::string baseline;                    // --baseline FILE
  std::string write_baseline;              // --write-baseline FILE
  document::Limits limits;
  std::string rules;                       // --rules: a pack or profile file; default: built-in national
  std::string profile;                     // --profile: a built-in profile
  std::vector<std::string> select;         // rule ids or groups to run (comma-separated or repeated)
  std::vector<std::string> ignore;         // rule ids or groups to leave out
  std::string mapping;                     // --mapping NAME|FILE: map exports first; default: none
  bool allow_empty = false;                // --allow-empty: no case file found is not an error
  bool force_exclude = false;              // --force-exclude: .aktkoll-ignore applies to named files too
};

int RunCheck(const CheckOptions& options);

// Registers the `check` subcommand; sets *exit_code when it runs.
void AddCheckCommand(CLI::App& app, int* exit_code);

// Today's date in local time, YYYY-MM-DD: the only place aktkoll reads the clock.
std::string Today();

// Whether `s` is a real calendar date written YYYY-MM-DD.
bool IsIsoDate(const std::string& s);

}  // namespace aktkoll::app
