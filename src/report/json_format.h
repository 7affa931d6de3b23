// The JSON report, documented by schemas/report.schema.json. Findings are written as they
// arrive (the array is streamed); inputs, per-case evidence and the summary follow them.
#pragma once

#include "report/model.h"
#include "report/spill.h"

namespace aktkoll::report {

class JsonFormatter : public Formatter {
 public:
  void Begin(const RunInfo& run, std::string* out) override;
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  void AddInput(const InputInfo& input);

  RunInfo run_;
  bool first_finding_ = true;
  SpillBuffer inputs_;  // JSON array elements, comma-separated
  SpillBuffer cases_;
};

}  // namespace aktkoll::report
