// `aktkoll rules list|explain|test|coverage`: what a rule pack contains, each rule's
// documentation, its fixtures run as tests, and which requirements it covers.
// Exit codes: 0 fine; 1 a fixture failed (test) or a requirement is missing (coverage
// --strict); 2 usage errors and packs that do not load.
#pragma once

#include <CLI/CLI.hpp>

namespace aktkoll::app {

void AddRulesCommand(CLI::App& app, int* exit_code);

}  // namespace aktkoll::app
