// Synthesises one case record in aktkoll's canonical format (schemas/case.schema.json), of the
// size and shape of the examples, with the shortcomings auditors find at roughly the rates
// they find them. A case depends only on (seed, index), so corpora of different sizes share
// their first cases, and any case can be made on any thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "corpus/identity.h"
#include "corpus/value.h"

namespace aktkoll::bench {

// The date every generated deadline is measured against (aktkoll check --as-of).
inline constexpr const char* kAsOf = "2026-11-23";

// How many generated cases have each property ("child", "bad_check_digit", …); a case counts
// once per property. Shortcomings are counted from the finished record where possible (an
// overdue follow-up is counted when the dates make it overdue, not when it was intended).
struct CaseStats {
  std::map<std::string, uint64_t> counts;
  uint64_t cases = 0;
  void Add(const std::string& what) { ++counts[what]; }
  void Merge(const CaseStats& other);
};

Value GenerateCase(uint64_t seed, uint64_t index, const IdentityPool& ids, CaseStats* stats);

}  // namespace aktkoll::bench
