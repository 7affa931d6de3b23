// `aktkoll completion bash|zsh|fish`: shell completion scripts generated from the
// command-line definition itself, so they cannot drift from it. The build writes them to
// build/completions/ and `cmake --install` installs them.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace aktkoll::app {

// The completion script for `shell` ("bash", "zsh" or "fish") of the command tree `root`.
std::string CompletionScript(const CLI::App& root, const std::string& shell);

void AddCompletionCommand(CLI::App& app, int* exit_code);

}  // namespace aktkoll::app
