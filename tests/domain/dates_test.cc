// Date functions: parsing, comparisons, month-end arithmetic, leap years, errors.
#include <doctest/doctest.h>

#include "domain_test_util.h"

namespace aktkoll::domain::testing {
namespace {

TEST_CASE("date() parses real calendar dates only") {
  CHECK(Eval("date('2025-03-01')") == "2025-03-01");
  CHECK(Eval("string(date('2025-03-01'))") == "\"2025-03-01\"");
  CHECK(Eval("date('2025-02-30')") == "error: '2025-02-30' är inget giltigt datum (ÅÅÅÅ-MM-DD)");
  CHECK(Eval("date('2025-02-29')", Value(), "2025-06-15", expr::Lang::kEn) ==
        "error: '2025-02-29' is not a valid date (YYYY-MM-DD)");
  CHECK(Eval("date('2024-02-29')") == "2024-02-29");
  CHECK(Eval("date('2025-3-1')") == "error: '2025-3-1' är inget giltigt datum (ÅÅÅÅ-MM-DD)");
  CHECK(Eval("date(timestamp('2025-03-01T23:30:00Z'))") == "2025-03-01");
  CHECK(CompileErrors("date(1)") ==
        "t:1:1: fel: ingen variant av 'date' tar (int)\n"
        " | date(1)\n"
        " | ^");
}

TEST_CASE("is_date never errs") {
  CHECK(Eval("is_date('2024-02-29')") == "true");
  CHECK(Eval("is_date('2025-02-29')") == "false");
  CHECK(Eval("is_date(x)", Value::Int(3)) == "false");
  CHECK(Eval("is_date(as_of)") == "true");
}

TEST_CASE("dates compare with the ordinary operators") {
  CHECK(Eval("date('2025-01-01') < date('2025-01-02')") == "true");
  CHECK(Eval("date('2025-01-01') == date('2025-01-01')") == "true");
  CHECK(Eval("date('2025-01-01') >= as_of") == "false");
  CHECK(Eval("date('2025-06-15') == as_of") == "true");
  CHECK(Eval("as_of in [date('2025-06-15')]") == "true");
  CHECK(CompileErrors("as_of < 3") ==
        "t:1:7: fel: operatorn '<' saknar variant för (date, int)\n"
        " | as_of < 3\n"
        " | ......^");
}

TEST_CASE("add_months clamps to the end of the month") {
  CHECK(Eval("add_months(date('2024-01-31'), 1)") == "2024-02-29");
  CHECK(Eval("add_months(date('2025-01-31'), 1)") == "2025-02-28");
  CHECK(Eval("add_months(date('2025-01-31'), 6)") == "2025-07-31");
  CHECK(Eval("add_months(date('2025-03-31'), 6)") == "2025-09-30");
  CHECK(Eval("add_months(date('2024-02-29'), 12)") == "2025-02-28");
  CHECK(Eval("add_months(date('2025-01-15'), -2)") == "2024-11-15");
  CHECK(Eval("add_months(date('2025-12-31'), 2)") == "2026-02-28");
  CHECK(Eval("add_months(date('9999-12-01'), 1)") == "error: datumet hamnar utanför år 0001–9999");
}

TEST_CASE("add_days and days_between") {
  CHECK(Eval("add_days(date('2024-02-28'), 1)") == "2024-02-29");
  CHECK(Eval("add_days(date('2025-02-28'), 1)") == "2025-03-01");
  CHECK(Eval("add_days(date('2025-01-01'), -1)") == "2024-12-31");
  CHECK(Eval("days_between(date('2024-01-01'), date('2025-01-01'))") == "366");
  CHECK(Eval("days_between(date('2025-01-01'), date('2024-12-25'))") == "-7");
  CHECK(Eval("add_days(date('0001-01-01'), -1)") == "error: datumet hamnar utanför år 0001–9999");
}

TEST_CASE("months_between counts a month when the day is reached, clamped at month end") {
  CHECK(Eval("months_between(date('2025-01-31'), date('2025-02-28'))") == "1");
  CHECK(Eval("months_between(date('2024-01-31'), date('2024-02-28'))") == "0");
  CHECK(Eval("months_between(date('2024-01-31'), date('2024-02-29'))") == "1");
  CHECK(Eval("months_between(date('2025-01-15'), date('2025-02-14'))") == "0");
  CHECK(Eval("months_between(date('2025-01-15'), date('2025-02-15'))") == "1");
  CHECK(Eval("months_between(date('2025-01-15'), date('2025-07-15'))") == "6");
  CHECK(Eval("months_between(date('2025-07-15'), date('2025-01-15'))") == "-6");
  CHECK(Eval("months_between(date('2025-01-01'), date('2025-01-01'))") == "0");
  CHECK(Eval("months_between(date('2023-03-31'), date('2025-02-28'))") == "23");
}

TEST_CASE("date accessors") {
  CHECK(Eval("date('2025-03-01').getFullYear()") == "2025");
  CHECK(Eval("date('2025-03-01').getMonth()") == "2");
  CHECK(Eval("date('2025-03-01').getDate()") == "1");
  CHECK(Eval("date('2025-03-01').getDayOfWeek()") == "6");
}

TEST_CASE("C++ helpers agree with the functions") {
  const int32_t jan31 = static_cast<int32_t>(expr::DaysFromCivil(2025, 1, 31));
  CHECK(expr::FormatIsoDate(*AddMonths(jan31, 1)) == "2025-02-28");
  CHECK(MonthsBetween(jan31, *AddMonths(jan31, 1)) == 1);
  for (int n = -30; n <= 30; ++n) CHECK(MonthsBetween(jan31, *AddMonths(jan31, n)) == n);
}

}  // namespace
}  // namespace aktkoll::domain::testing
