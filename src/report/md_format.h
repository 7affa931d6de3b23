// A Markdown summary, for CI job summaries and pull-request comments: the counts, the
// compliance rate per rule, and a table of findings (capped, so a big batch stays
// within what job-summary pages accept).
#pragma once

#include "report/model.h"

namespace aktkoll::report {

class MdFormatter : public Formatter {
 public:
  static constexpr int kMaxRows = 500;
  void Begin(const RunInfo& run, std::string* out) override;
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  RunInfo run_;
  std::string rows_;
  int row_count_ = 0;
  int omitted_ = 0;
};

}  // namespace aktkoll::report
