// One self-contained HTML file for inspectors and quality leads: no external scripts,
// styles, fonts or network. A summary with compliance rates per rule, per unit and per
// intervention type as inline-SVG bar charts; a case list where each case opens to its
// findings with their legal reference and the rule's explanation; and the evidence block
// (tool, rule pack and its SHA-256, as-of date, input hashes, rules applied per case).
// Printable: the print stylesheet opens every case.
#pragma once

#include "report/model.h"
#include "report/spill.h"

namespace aktkoll::report {

class HtmlFormatter : public Formatter {
 public:
  void Begin(const RunInfo& run, std::string* out) override;
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  RunInfo run_;
  SpillBuffer cases_;
  SpillBuffer inputs_;
  SpillBuffer evidence_;
  int clean_cases_ = 0;
};

}  // namespace aktkoll::report
