// Waivers: approved exceptions to a rule for one case, kept in a YAML file
//
//   waivers:
//     - case: KAL-2025-0318        # case id
//       rule: GP-005               # rule id
//       reason: Barnet placerat …  # why the exception is acceptable
//       approver: Enhetschef Anna Berg
//       expires: 2027-01-31        # YYYY-MM-DD
//
// A waived finding is still reported, marked waived, and never fails the run. A waiver
// whose expiry date is before the as-of date waives nothing and is itself a finding
// (rule "waiver-expired"); a waiver that matches no finding is reported as unused
// (rule "waiver-unused", info). Problems in the file are usage errors (exit 2).
#pragma once

#include <string>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

namespace aktkoll::app {

struct Waiver {
  std::string case_id;
  std::string rule;
  std::string reason;
  std::string approver;
  std::string expires;   // YYYY-MM-DD
  std::string path;      // the waiver file
  core::Position pos;    // of the entry
  mutable int uses = 0;
};

using core::kRuleWaiverExpired;
using core::kRuleWaiverUnused;

core::StatusOr<std::vector<Waiver>> LoadWaivers(const std::string& path);

// Marks findings matched by a live waiver as waived; counts each waiver's uses.
void ApplyWaivers(const std::vector<Waiver>& waivers, const std::string& as_of,
                  std::vector<core::Finding>* findings);

// Findings about the waivers themselves: expired ones, and (after the whole run) unused
// ones. They point at the waiver file.
std::vector<core::Finding> WaiverFindings(const std::vector<Waiver>& waivers, const std::string& as_of);

}  // namespace aktkoll::app
