// SARIF 2.1.0, for GitHub code scanning and other viewers. Rule descriptors carry the
// help text and legal references; each result has a physicalLocation with startLine and
// startColumn where the position is known. Results are streamed.
#pragma once

#include "report/model.h"
#include "report/spill.h"

namespace aktkoll::report {

class SarifFormatter : public Formatter {
 public:
  void Begin(const RunInfo& run, std::string* out) override;
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  RunInfo run_;
  std::vector<std::string> rule_ids_;  // index = ruleIndex
  bool first_ = true;
  SpillBuffer artifacts_;
};

}  // namespace aktkoll::report
