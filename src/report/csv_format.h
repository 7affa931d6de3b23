// CSV for auditors, made so that Excel in a Swedish locale opens it as it stands: UTF-8
// with a BOM, ';' as separator, CRLF line ends. One row per finding, with unit,
// intervention type, rule, severity, law and the due date where one applies.
#pragma once

#include "report/model.h"

namespace aktkoll::report {

class CsvFormatter : public Formatter {
 public:
  void Begin(const RunInfo& run, std::string* out) override;
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  RunInfo run_;
};

}  // namespace aktkoll::report
