// Follow-up intervals (UPF-1, GP-12): how long a case went between follow-ups, and when
// a follow-up first became overdue. Dates may be given as dates or as 'YYYY-MM-DD'
// strings (as they appear in case records); a malformed one is an error.
//
// The timeline is: start, then the given dates that fall within [start, as_of] in
// ascending order, then as_of. Dates outside that range are ignored: before the start
// they are not follow-ups of this decision, after as_of they have not happened yet.
//
// Registered by RegisterIntervalFunctions:
//   max_gap_months(start, dates, as_of) -> int     the largest MonthsBetween of
//                                                  consecutive timeline points
//   first_overdue(start, dates, as_of, months)     the first due date that was missed
//       -> date or null                            (previous point + months, where the
//                                                  next follow-up came later or as_of has
//                                                  passed it), or null if none was missed.
//                                                  A follow-up on the due date is on time.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "expr/registry.h"

namespace aktkoll::domain {

// Days since 1970-01-01 throughout.
int64_t MaxGapMonths(int32_t start, std::vector<int32_t> dates, int32_t as_of);
// nullopt: never overdue. Requires months >= 0.
std::optional<int32_t> FirstOverdue(int32_t start, std::vector<int32_t> dates, int32_t as_of, int64_t months);

expr::Result<void> RegisterIntervalFunctions(expr::FunctionRegistry& registry);

}  // namespace aktkoll::domain
