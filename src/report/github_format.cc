#include "report/formats.h"

#include <fmt/format.h>

#include "report/escape.h"

namespace aktkoll::report {

void GithubFormatter::AddFile(const FileResult& file, std::string* out) {
  for (const Finding& f : file.findings) {
    // A waived finding or one in the baseline does not fail the job, so it is a notice
    // that says why, not an error.
    const std::string status = FindingStatus(f, run_);
    const char* cmd = !Counted(f) ? "notice"
                      : f.severity == Severity::kError ? "error"
                      : f.severity == Severity::kWarning ? "warning" : "notice";
    std::string props = "file=" + GithubProperty(f.path);
    if (f.pos.line) props += fmt::format(",line={}", f.pos.line);
    if (f.pos.column) props += fmt::format(",col={}", f.pos.column);
    std::string title = f.rule + (f.case_id.empty() ? "" : " (" + f.case_id + ")");
    if (!status.empty()) title += " — " + status;
    props += ",title=" + GithubProperty(title);
    std::string msg = f.message.In(run_.lang);
    if (!f.law.empty()) msg += " [" + core::FormatCitations(f.law, run_.lang) + "]";
    fmt::format_to(std::back_inserter(*out), "::{} {}::{}\n", cmd, props, GithubData(msg));
  }
}

void GithubFormatter::End(const Summary&, std::string*) {}

}  // namespace aktkoll::report
