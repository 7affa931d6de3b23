#include "app/due.h"

#include <doctest/doctest.h>

#include "expr/civil_time.h"

using aktkoll::app::PeriodEnd;
using aktkoll::expr::FormatIsoDate;
using aktkoll::expr::ParseIsoDate;

TEST_CASE("--within periods: days, weeks and calendar months") {
  int64_t d = *ParseIsoDate("2026-01-31");
  CHECK(FormatIsoDate(*PeriodEnd("30d", d)) == "2026-03-02");
  CHECK(FormatIsoDate(*PeriodEnd("2w", d)) == "2026-02-14");
  CHECK(FormatIsoDate(*PeriodEnd("1m", d)) == "2026-02-28");  // clamped to the month's end
  CHECK(FormatIsoDate(*PeriodEnd("0d", d)) == "2026-01-31");
  CHECK_FALSE(PeriodEnd("30", d));
  CHECK_FALSE(PeriodEnd("d", d));
  CHECK_FALSE(PeriodEnd("3y", d));
  CHECK_FALSE(PeriodEnd("-3d", d));
  CHECK_FALSE(PeriodEnd("99999d", d));
}
