// Baselines let CI adopt aktkoll on an existing export: `--write-baseline FILE` records the
// current findings, and `--baseline FILE` then fails only on findings that are new.
// A finding is identified by rule, case id and JSON Pointer (never by line number, which
// moves when a record is edited); a finding without a case id (an input error) by rule,
// file and document number. Matching counts: if the baseline holds one finding of a kind
// and the run has two, one is new. The file holds no personal data: ids, rules, pointers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

namespace aktkoll::app {

std::string BaselineKey(const core::Finding& f);

class Baseline {
 public:
  static core::StatusOr<Baseline> Load(const std::string& path);
  // Marks findings recorded in the baseline (f.baseline = true), consuming each record once.
  void Apply(std::vector<core::Finding>* findings);

 private:
  std::map<std::string, int> remaining_;
};

// Collects findings during a run and writes them (sorted, atomically) at the end.
class BaselineWriter {
 public:
  void Add(const std::vector<core::Finding>& findings);
  core::Status Write(const std::string& path) const;

 private:
  std::vector<core::Finding> findings_;
};

}  // namespace aktkoll::app
