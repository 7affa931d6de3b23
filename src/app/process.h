// How a command ends the process. The rule pack, its compiled expressions and the schema
// take a tenth of a one-file check's time to free, memory the operating system reclaims
// anyway; so the objects a command wants to outlive it are kept until exit and the process
// leaves without destroying them. Sanitizer builds destroy everything as usual, so that
// LeakSanitizer still sees every allocation freed.
#pragma once

#include <memory>

namespace aktkoll::app {

// Keeps `object` alive until the process ends.
void KeepUntilExit(std::shared_ptr<const void> object);

// Flushes stdout and stderr and ends the process with `code`. Returns `code` (for main to
// return) only in sanitizer builds.
int FinishProcess(int code);

}  // namespace aktkoll::app
