// Calendar-date functions for rule expressions, on expr's `date` kind (a day count, no
// time of day, no time zone). Nothing here reads the clock: the as-of date is a variable
// the engine binds (`as_of`).
//
// Registered by RegisterDateFunctions:
//   date(string) -> date          'YYYY-MM-DD'; a malformed or non-existent day
//                                 ('2025-02-30') is an error
//   date(timestamp) -> date       the UTC calendar day of a timestamp
//   date(date) -> date            identity
//   is_date(dyn) -> bool          true for a date, or a string date() accepts; never an error
//   string(date) -> string        'YYYY-MM-DD'
//   add_days(date, int) -> date
//   add_months(date, int) -> date calendar months, clamped to the month's end:
//                                 2024-01-31 + 1 = 2024-02-29, 2025-01-31 + 1 = 2025-02-28
//   days_between(a, b) -> int     b - a in days (negative when b is earlier)
//   months_between(a, b) -> int   whole calendar months from a to b; see MonthsBetween
//   d.getFullYear(), d.getMonth() (0-11), d.getDate() (1-31), d.getDayOfWeek() (0 = Sunday)
// Dates compare with ==, !=, <, <=, >, >= (core support in expr).
#pragma once

#include <cstdint>
#include <optional>

#include "expr/registry.h"

namespace aktkoll::domain {

// Day counts since 1970-01-01, as stored in expr::Value::Date. Both return nullopt when
// the result leaves years 0001..9999.
std::optional<int32_t> AddDays(int32_t date, int64_t days);
std::optional<int32_t> AddMonths(int32_t date, int64_t months);

// Whole calendar months from a to b. A month counts as complete when b reaches the same
// day of the month as a, clamped to the end of shorter months: 2025-01-31 -> 2025-02-28
// is 1 month, 2025-01-15 -> 2025-02-14 is 0. Equivalently: the largest n with
// AddMonths(a, n) <= b. When b < a the result is -MonthsBetween(b, a).
int64_t MonthsBetween(int32_t a, int32_t b);

expr::Result<void> RegisterDateFunctions(expr::FunctionRegistry& registry);

}  // namespace aktkoll::domain
