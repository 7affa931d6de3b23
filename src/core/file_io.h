// Reading input files and writing output files.
// ReadFile reads a whole file (or stdin for "-") with a size limit, so a huge or endless
// input is refused with a clear message instead of exhausting memory.
// WriteFileAtomically writes to a temporary file beside the target and renames it, so a
// reader never sees half a report.
#pragma once

#include <cstddef>
#include <string>

#include "core/status.h"

namespace aktkoll::core {

// Default: 256 MiB. A file larger than max_bytes is an input error naming the limit.
StatusOr<std::string> ReadFile(const std::string& path, size_t max_bytes = size_t{256} << 20);

// Reads all of standard input, with the same limit.
StatusOr<std::string> ReadStdin(size_t max_bytes = size_t{256} << 20);

// The reason for an errno value, in Swedish for the common ones (the system's own text,
// usually English, otherwise).
std::string ErrnoText(int err);

// Writes content to path via path.tmp-XXXXXX + rename(2).
Status WriteFileAtomically(const std::string& path, const std::string& content);

}  // namespace aktkoll::core
