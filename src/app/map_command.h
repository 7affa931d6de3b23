// `aktkoll map --mapping M FILE...`: prints the canonical case documents a mapping makes of
// export files (YAML or JSON), for writing and debugging a mapping. Mapping problems go to
// stderr as file:line:column: text. Exit 0 when every document mapped cleanly, 1 when there
// were mapping problems, 2 when the mapping did not load or a file could not be read.
#pragma once

#include <CLI/CLI.hpp>

namespace aktkoll::app {

void AddMapCommand(CLI::App& app, int* exit_code);

}  // namespace aktkoll::app
