// Calendar helpers shared with the domain layer.
#include "expr/civil_time.h"

#include <doctest/doctest.h>

namespace aktkoll::expr {
namespace {

TEST_CASE("civil dates round-trip") {
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(2000, 3, 1) == 11017);
  for (int64_t d : {-719162LL, -1LL, 0LL, 19723LL, 2932896LL}) {
    CivilDate c = CivilFromDays(d);
    CHECK(DaysFromCivil(c.year, c.month, c.day) == d);
  }
  CHECK(FormatIsoDate(DaysFromCivil(2024, 2, 29)) == "2024-02-29");
  CHECK(DayOfWeek(0) == 4);
}

TEST_CASE("ISO dates are strict") {
  CHECK(ParseIsoDate("2024-02-29").has_value());
  CHECK_FALSE(ParseIsoDate("2025-02-29").has_value());
  CHECK_FALSE(ParseIsoDate("2025-02-30").has_value());
  CHECK_FALSE(ParseIsoDate("2025-13-01").has_value());
  CHECK_FALSE(ParseIsoDate("2025-1-01").has_value());
  CHECK_FALSE(ParseIsoDate("0000-01-01").has_value());
  CHECK_FALSE(ParseIsoDate("2025-01-01T00").has_value());
  CHECK(IsLeapYear(2000));
  CHECK_FALSE(IsLeapYear(1900));
  CHECK(DaysInMonth(2024, 2) == 29);
}

TEST_CASE("timestamps, durations and offsets") {
  auto t = ParseTimestamp("2009-02-13T23:31:30.5+01:00");
  REQUIRE(t);
  CHECK(t->seconds == 1234567890 - 3600);
  CHECK(t->nanos == 500000000);
  CHECK(FormatTimestamp(1234567890, 120000000) == "2009-02-13T23:31:30.12Z");
  CHECK_FALSE(ParseTimestamp("2009-02-13 23:31:30Z"));
  CHECK(ParseDuration("1h30m") == 5400'000'000'000LL);
  CHECK(ParseDuration("-1.5s") == -1'500'000'000LL);
  CHECK(ParseDuration("250ms") == 250'000'000LL);
  CHECK_FALSE(ParseDuration("1d"));
  CHECK_FALSE(ParseDuration("99999999999h"));
  CHECK(FormatDuration(-1) == "-0.000000001s");
  CHECK(ParseUtcOffset("-02:30") == -9000);
  CHECK(ParseUtcOffset("UTC") == 0);
  CHECK_FALSE(ParseUtcOffset("Europe/Stockholm"));
}

}  // namespace
}  // namespace aktkoll::expr
