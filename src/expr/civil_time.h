// Calendar arithmetic shared by the timestamp built-ins and the domain's date functions:
// proleptic Gregorian dates as day counts since 1970-01-01, and the strict text forms the
// project accepts (ISO dates "YYYY-MM-DD", RFC 3339 timestamps, CEL durations).
// Pure functions, no time zones beyond fixed offsets, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aktkoll::expr {

struct CivilDate {
  int64_t year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

bool IsLeapYear(int64_t year);
int DaysInMonth(int64_t year, int month);
// Whether year/month/day names a real day (e.g. 2025-02-30 does not).
bool IsValidCivil(int64_t year, int month, int day);
// Days since 1970-01-01 of a valid civil date, and back.
int64_t DaysFromCivil(int64_t year, int month, int day);
CivilDate CivilFromDays(int64_t days);
// 0 = Sunday ... 6 = Saturday.
int DayOfWeek(int64_t days);

// "YYYY-MM-DD" with a real calendar day in years 0001..9999; nullopt otherwise.
std::optional<int64_t> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(int64_t days);

// Timestamps are seconds since the epoch plus nanoseconds, valid from
// 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
constexpr int64_t kMinTimestampSeconds = -62135596800;
constexpr int64_t kMaxTimestampSeconds = 253402300799;
bool TimestampInRange(int64_t seconds);

struct TimestampParts {
  int64_t seconds = 0;
  int32_t nanos = 0;
};
// RFC 3339, e.g. "2009-02-13T23:31:30Z", "2009-02-13T23:31:30.123+01:00".
std::optional<TimestampParts> ParseTimestamp(std::string_view text);
// RFC 3339 in UTC with 0, 3, 6 or 9 fraction digits as needed: "2009-02-13T23:31:30Z".
std::string FormatTimestamp(int64_t seconds, int32_t nanos);

// CEL duration text: a sign, then one or more decimal numbers with units h, m, s, ms, us,
// ns ("1h30m", "-1.5s", "1000000s"). nullopt on bad syntax or overflow of int64 nanos.
std::optional<int64_t> ParseDuration(std::string_view text);
// Seconds with the shortest fraction: "1000000s", "1.5s", "-0.000000001s".
std::string FormatDuration(int64_t nanos);

// A fixed UTC offset "+01:00", "-02:30", "02:00" or "UTC"/"Z", in seconds; nullopt for
// anything else (named IANA zones are not supported).
std::optional<int64_t> ParseUtcOffset(std::string_view text);

}  // namespace aktkoll::expr
