// Calendar arithmetic (Howard Hinnant's days_from_civil) and the strict text formats.
#include "expr/civil_time.h"

#include <cstdio>
#include <limits>

namespace aktkoll::expr {

namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int64_t* out) {
  if (pos + n > s.size()) return false;
  int64_t v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidCivil(int64_t year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate c;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = yoe + era * 400 + (c.month <= 2);
  return c;
}

int DayOfWeek(int64_t days) {
  // 1970-01-01 was a Thursday (4).
  int64_t w = (days + 4) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::optional<int64_t> ParseIsoDate(std::string_view s) {
  int64_t y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!Digits(s, 0, 4, &y) || !Digits(s, 5, 2, &m) || !Digits(s, 8, 2, &d)) return std::nullopt;
  if (y < 1 || !IsValidCivil(y, static_cast<int>(m), static_cast<int>(d))) return std::nullopt;
  return DaysFromCivil(y, static_cast<int>(m), static_cast<int>(d));
}

std::string FormatIsoDate(int64_t days) {
  CivilDate c = CivilFromDays(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(c.year), c.month, c.day);
  return buf;
}

bool TimestampInRange(int64_t seconds) {
  return seconds >= kMinTimestampSeconds && seconds <= kMaxTimestampSeconds;
}

std::optional<TimestampParts> ParseTimestamp(std::string_view s) {
  int64_t y, mo, d, h, mi, se;
  if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') ||
      s[13] != ':' || s[16] != ':')
    return std::nullopt;
  if (!Digits(s, 0, 4, &y) || !Digits(s, 5, 2, &mo) || !Digits(s, 8, 2, &d) ||
      !Digits(s, 11, 2, &h) || !Digits(s, 14, 2, &mi) || !Digits(s, 17, 2, &se))
    return std::nullopt;
  if (y < 1 || !IsValidCivil(y, static_cast<int>(mo), static_cast<int>(d)) || h > 23 ||
      mi > 59 || se > 59)
    return std::nullopt;
  size_t pos = 19;
  int64_t nanos = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (digits < 9) { nanos = nanos * 10 + (s[pos] - '0'); ++digits; }
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (; digits < 9; ++digits) nanos *= 10;
  }
  if (pos >= s.size()) return std::nullopt;
  int64_t offset = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int64_t oh, om;
    if (pos + 6 != s.size() || s[pos + 3] != ':' || !Digits(s, pos + 1, 2, &oh) ||
        !Digits(s, pos + 4, 2, &om) || oh > 23 || om > 59)
      return std::nullopt;
    offset = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  int64_t secs = DaysFromCivil(y, static_cast<int>(mo), static_cast<int>(d)) * 86400 +
                 h * 3600 + mi * 60 + se - offset;
  if (!TimestampInRange(secs)) return std::nullopt;
  return TimestampParts{secs, static_cast<int32_t>(nanos)};
}

std::string FormatTimestamp(int64_t seconds, int32_t nanos) {
  int64_t days = seconds / 86400;
  int64_t rem = seconds % 86400;
  if (rem < 0) { rem += 86400; --days; }
  std::string out = FormatIsoDate(days);
  char buf[48];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(rem / 3600),
                static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  out += buf;
  if (nanos > 0) {
    std::snprintf(buf, sizeof buf, ".%09d", nanos);
    std::string frac = buf;
    while (frac.back() == '0') frac.pop_back();
    out += frac;
  }
  out += 'Z';
  return out;
}

std::optional<int64_t> ParseDuration(std::string_view s) {
  size_t pos = 0;
  bool negative = false;
  if (pos < s.size() && (s[pos] == '-' || s[pos] == '+')) negative = s[pos++] == '-';
  if (s.substr(pos) == "0") return 0;
  if (pos >= s.size()) return std::nullopt;
  // Accumulate in unsigned magnitude so that the most negative value still parses.
  constexpr uint64_t kLimit = static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + 1;
  uint64_t total = 0;
  while (pos < s.size()) {
    uint64_t whole = 0;
    size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (whole > (kLimit - (s[pos] - '0')) / 10) return std::nullopt;
      whole = whole * 10 + (s[pos++] - '0');
    }
    bool had_whole = pos > start;
    uint64_t frac = 0, scale = 1;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      size_t fstart = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (scale < 1'000'000'000'000'000ULL) { frac = frac * 10 + (s[pos] - '0'); scale *= 10; }
        ++pos;
      }
      if (pos == fstart && !had_whole) return std::nullopt;
    } else if (!had_whole) {
      return std::nullopt;
    }
    uint64_t unit;
    if (s.substr(pos, 2) == "ns") { unit = 1; pos += 2; }
    else if (s.substr(pos, 2) == "us") { unit = 1000; pos += 2; }
    else if (s.substr(pos, 3) == "\xC2\xB5s") { unit = 1000; pos += 3; }
    else if (s.substr(pos, 2) == "ms") { unit = 1'000'000; pos += 2; }
    else if (s.substr(pos, 1) == "s") { unit = 1'000'000'000; pos += 1; }
    else if (s.substr(pos, 1) == "m") { unit = 60'000'000'000ULL; pos += 1; }
    else if (s.substr(pos, 1) == "h") { unit = 3'600'000'000'000ULL; pos += 1; }
    else return std::nullopt;
    if (whole > kLimit / unit) return std::nullopt;
    uint64_t part = whole * unit;
    // The fraction contributes less than one unit, so it cannot overflow on its own.
    part += static_cast<uint64_t>(static_cast<long double>(frac) * unit / scale);
    if (part > kLimit - total) return std::nullopt;
    total += part;
  }
  if (!negative && total == kLimit) return std::nullopt;
  return negative ? static_cast<int64_t>(0 - total) : static_cast<int64_t>(total);
}

std::string FormatDuration(int64_t nanos) {
  std::string out;
  uint64_t mag = nanos < 0 ? 0 - static_cast<uint64_t>(nanos) : static_cast<uint64_t>(nanos);
  if (nanos < 0) out += '-';
  out += std::to_string(mag / 1'000'000'000ULL);
  uint64_t frac = mag % 1'000'000'000ULL;
  if (frac) {
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%09llu", static_cast<unsigned long long>(frac));
    std::string f = buf;
    while (f.back() == '0') f.pop_back();
    out += f;
  }
  out += 's';
  return out;
}

std::optional<int64_t> ParseUtcOffset(std::string_view s) {
  if (s == "UTC" || s == "Z" || s == "Etc/UTC" || s == "GMT") return 0;
  int sign = 1;
  size_t pos = 0;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s[0] == '-' ? -1 : 1;
    pos = 1;
  }
  int64_t h, m;
  if (s.size() != pos + 5 || s[pos + 2] != ':' || !Digits(s, pos, 2, &h) ||
      !Digits(s, pos + 3, 2, &m) || h > 23 || m > 59)
    return std::nullopt;
  return sign * (h * 3600 + m * 60);
}

}  // namespace aktkoll::expr
