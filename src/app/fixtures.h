// Rule fixtures: the case documents beside each rule that must pass it, or fail it with
// exactly the findings they state. `aktkoll rules test` runs them.
//
// A fixture is checked by its own rule only (nothing else in the pack, no schema). Lines
// anywhere in it (YAML comments, so the case stays a valid document):
//   # expect: GP-001 /implementation_plan/points/relatives_contact 7:5
//       one finding the fixture must produce: rule id, JSON Pointer ("" for the whole
//       document), and optionally line:column of the position it must point at;
//   # as-of: 2026-03-01
//       the as-of date (default 2026-01-01).
// pass-*.yaml must produce no finding and state no expectation; fail-*.yaml must state
// at least one and produce exactly those (as a multiset). A rule-error is always a failure.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ruleset/pack.h"

namespace aktkoll::app {

inline constexpr const char* kDefaultFixtureAsOf = "2026-01-01";

struct FixtureResult {
  std::string path;
  bool passed = false;
  std::vector<std::string> problems;  // Swedish, one line each
};

struct RuleFixtures {
  std::string rule;
  std::vector<FixtureResult> fixtures;
  std::vector<std::string> problems;  // about the rule's fixtures as a whole (none, no pass/fail)
  bool passed() const;
};

// Runs the fixtures of `rules` (rules of `pack`).
std::vector<RuleFixtures> RunFixtures(const std::shared_ptr<const ruleset::Pack>& pack,
                                      const std::vector<const ruleset::Rule*>& rules);

}  // namespace aktkoll::app
