// Runs a shell command for the CLI tests and captures stdout, stderr and the exit code.
#pragma once

#include <string>

namespace aktkoll::testing {

struct RunResult {
  std::string out;
  std::string err;
  int exit_code = -1;
};

// Runs `command` with bash in `cwd`, with the aktkoll binary's folder first on PATH and
// ROOT set to the source tree.
RunResult Run(const std::string& command, const std::string& cwd = AKTKOLL_SOURCE_DIR);

std::string ReadText(const std::string& path);
void WriteText(const std::string& path, const std::string& content);

}  // namespace aktkoll::testing
