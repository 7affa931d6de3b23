// Follow-up intervals: the largest gap and the first missed due date.
#include <doctest/doctest.h>

#include "domain_test_util.h"

namespace aktkoll::domain::testing {
namespace {

TEST_CASE("max_gap_months over start, follow-ups and as_of") {
  // 2025-01-15 -> 04-15 (3) -> 10-20 (6) -> as_of 2025-12-01 (1).
  CHECK(Eval("max_gap_months(date('2025-01-15'), ['2025-10-20', '2025-04-15'], as_of)", Value(), "2025-12-01") ==
        "6");
  // No follow-ups: start to as_of.
  CHECK(Eval("max_gap_months(date('2025-01-31'), [], as_of)", Value(), "2025-07-30") == "5");
  CHECK(Eval("max_gap_months(date('2025-01-31'), [], as_of)", Value(), "2025-07-31") == "6");
  // Dates after as_of have not happened; dates before the start are not follow-ups.
  CHECK(Eval("max_gap_months(date('2025-01-01'), ['2024-06-01', '2026-01-01'], as_of)", Value(), "2025-03-01") ==
        "2");
  // Dates and strings mix.
  CHECK(Eval("max_gap_months(date('2025-01-01'), [date('2025-02-01'), '2025-05-01'], as_of)", Value(),
             "2025-05-01") == "3");
  CHECK(Eval("max_gap_months(date('2025-01-01'), ['2025-02-30'], as_of)") ==
        "error: element 0 i datumlistan är inget datum (ÅÅÅÅ-MM-DD)");
  CHECK(Eval("max_gap_months(date('2025-01-01'), [1], as_of)", Value(), "2025-06-15", expr::Lang::kEn) ==
        "error: element 0 of the date list is not a date (YYYY-MM-DD)");
}

TEST_CASE("first_overdue gives the missed due date or null") {
  // Six-month interval from 2025-01-31: due 2025-07-31; a follow-up that day is on time,
  // the next is due 2026-01-31.
  CHECK(Eval("first_overdue(date('2025-01-31'), ['2025-07-31'], as_of, 6)", Value(), "2026-01-31") == "null");
  CHECK(Eval("first_overdue(date('2025-01-31'), ['2025-07-31'], as_of, 6)", Value(), "2026-02-01") ==
        "2026-01-31");
  // A late follow-up: due 2025-07-31, held 2025-08-05.
  CHECK(Eval("first_overdue(date('2025-01-31'), ['2025-08-05', '2025-11-01'], as_of, 6)", Value(),
             "2025-12-01") == "2025-07-31");
  // Month-end clamping in a leap year: 2023-08-31 + 6 months = 2024-02-29.
  CHECK(Eval("first_overdue(date('2023-08-31'), [], as_of, 6)", Value(), "2024-03-01") == "2024-02-29");
  CHECK(Eval("first_overdue(date('2023-08-31'), [], as_of, 6)", Value(), "2024-02-29") == "null");
  // Unsorted input is sorted first.
  CHECK(Eval("first_overdue(date('2025-01-01'), ['2025-06-01', '2025-03-01'], as_of, 3)", Value(), "2025-07-01") ==
        "null");
  CHECK(Eval("first_overdue(date('2025-01-01'), [], as_of, -1)") ==
        "error: intervallet i månader får inte vara negativt");
  CHECK(CompileErrors("first_overdue(date('2025-01-01'), [], as_of)") ==
        "t:1:1: fel: fel antal argument till 'first_overdue': fick 3, förväntade 4\n"
        " | first_overdue(date('2025-01-01'), [], as_of)\n"
        " | ^");
}

TEST_CASE("C++ helpers") {
  auto d = [](int y, int m, int day) { return static_cast<int32_t>(expr::DaysFromCivil(y, m, day)); };
  CHECK(MaxGapMonths(d(2025, 1, 1), {d(2025, 4, 1)}, d(2025, 5, 1)) == 3);
  CHECK(FirstOverdue(d(2025, 1, 1), {}, d(2025, 1, 1), 6) == std::nullopt);
  CHECK(FirstOverdue(d(2025, 1, 1), {}, d(2025, 7, 2), 6) == d(2025, 7, 1));
}

}  // namespace
}  // namespace aktkoll::domain::testing
