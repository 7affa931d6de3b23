// Where a report goes: stdout, or a file written atomically (a temporary file beside it,
// renamed into place when the report is complete), so a CI job never reads half a report.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "core/status.h"
#include "report/model.h"

namespace aktkoll::app {

// "json:out.json" → {"json", "out.json"}; "json" → {"json", ""} (stdout).
struct FormatSpec {
  std::string format;
  std::string file;
};
core::StatusOr<FormatSpec> ParseFormatSpec(const std::string& spec,
                                           const std::vector<std::string>& known);

// Whether a spec writes to stdout (no file, or "-").
inline bool ToStdout(const FormatSpec& spec) { return spec.file.empty() || spec.file == "-"; }

// Checks the destinations of one run before anything is written: at most one format on
// stdout, no file named twice (however it is spelt), a file name that is not a directory,
// and no binary format (xlsx) on a terminal (`stdout_is_terminal`).
core::Status CheckDestinations(const std::vector<FormatSpec>& specs, bool stdout_is_terminal);

class Output {
 public:
  // Opens the destination; file outputs go to a temporary file until Commit.
  static core::StatusOr<std::unique_ptr<Output>> Open(const FormatSpec& spec,
                                                      std::unique_ptr<report::Formatter> formatter);
  ~Output();

  report::Formatter& formatter() { return *formatter_; }
  std::string& buffer() { return buffer_; }
  // Writes the buffer out once it holds enough; Flush(true) writes it all.
  core::Status Flush(bool all);
  // Finishes: flushes, closes and renames the temporary file into place.
  core::Status Commit();

 private:
  Output() = default;
  FormatSpec spec_;
  std::unique_ptr<report::Formatter> formatter_;
  std::string buffer_;
  std::FILE* file_ = nullptr;
  std::string tmp_path_;
  bool committed_ = false;
  core::Status error_ = core::Status::Ok();  // a write that failed while the formatter drained
};

}  // namespace aktkoll::app
