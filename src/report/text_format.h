// The text report: findings grouped by case, each with file:line:col, severity, rule id,
// the message and the legal reference, then a summary line with the counts.
#pragma once

#include "report/model.h"

namespace aktkoll::report {

class TextFormatter : public Formatter {
 public:
  void Begin(const RunInfo& run, std::string* out) override;
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  RunInfo run_;
};

}  // namespace aktkoll::report
