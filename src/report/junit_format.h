// JUnit XML, for GitLab and Jenkins test dashboards: one testsuite per input file, one
// testcase per case × rule that applied; a failed rule carries its findings' messages.
#pragma once

#include "report/model.h"
#include "report/spill.h"

namespace aktkoll::report {

class JunitFormatter : public Formatter {
 public:
  void Begin(const RunInfo& run, std::string* out) override;
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  RunInfo run_;
  SpillBuffer suite_;  // the current file's test cases, until its last part
  int tests_ = 0, failures_ = 0, errors_ = 0;
};

}  // namespace aktkoll::report
