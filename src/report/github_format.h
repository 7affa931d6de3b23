// GitHub Actions annotations: one `::error file=…,line=…,col=…,title=…::message` line per
// finding (warning → ::warning, info → ::notice), shown inline on pull requests.
#pragma once

#include "report/model.h"

namespace aktkoll::report {

class GithubFormatter : public Formatter {
 public:
  void Begin(const RunInfo& run, std::string* out) override;
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  RunInfo run_;
};

}  // namespace aktkoll::report
