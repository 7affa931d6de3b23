// See yaml_scalar.h. Matching follows the regular expressions of YAML 1.2 §10.3.2.
#include "document/yaml_scalar.h"

#include "document/internal.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace aktkoll::document::internal {

namespace {

bool AllOf(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}
bool Dec(char c) { return c >= '0' && c <= '9'; }
bool Oct(char c) { return c >= '0' && c <= '7'; }
bool Hex(char c) { return Dec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

ScalarMatch FromChars(std::string_view digits, int base, bool negative, int64_t* out) {
  uint64_t magnitude = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  if (ec == std::errc::result_out_of_range) return ScalarMatch::kOverflow;
  if (ec != std::errc() || ptr != digits.data() + digits.size()) return ScalarMatch::kNo;
  constexpr uint64_t kMax = std::numeric_limits<int64_t>::max();
  if (negative) {
    if (magnitude > kMax + 1) return ScalarMatch::kOverflow;
    *out = magnitude == kMax + 1 ? std::numeric_limits<int64_t>::min()
                                 : -static_cast<int64_t>(magnitude);
  } else {
    if (magnitude > kMax) return ScalarMatch::kOverflow;
    *out = static_cast<int64_t>(magnitude);
  }
  return ScalarMatch::kYes;
}

}  // namespace

bool IsCoreNull(std::string_view v) {
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

bool ParseCoreBool(std::string_view v, bool* out) {
  if (v == "true" || v == "True" || v == "TRUE") {
    *out = true;
    return true;
  }
  if (v == "false" || v == "False" || v == "FALSE") {
    *out = false;
    return true;
  }
  return false;
}

ScalarMatch ParseCoreInt(std::string_view v, int64_t* out) {
  if (v.size() > 2 && v[0] == '0' && v[1] == 'o')
    return AllOf(v.substr(2), Oct) ? FromChars(v.substr(2), 8, false, out) : ScalarMatch::kNo;
  if (v.size() > 2 && v[0] == '0' && v[1] == 'x')
    return AllOf(v.substr(2), Hex) ? FromChars(v.substr(2), 16, false, out) : ScalarMatch::kNo;
  bool negative = false;
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) {
    negative = v[0] == '-';
    v.remove_prefix(1);
  }
  return AllOf(v, Dec) ? FromChars(v, 10, negative, out) : ScalarMatch::kNo;
}

ScalarMatch ParseCoreFloat(std::string_view v, double* out) {
  if (v == ".nan" || v == ".NaN" || v == ".NAN") {
    *out = std::numeric_limits<double>::quiet_NaN();
    return ScalarMatch::kYes;
  }
  bool negative = false;
  std::string_view body = v;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    *out = negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
    return ScalarMatch::kYes;
  }
  // ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  size_t i = 0, n = body.size();
  size_t int_digits = 0, frac_digits = 0;
  while (i < n && Dec(body[i])) ++i, ++int_digits;
  if (i < n && body[i] == '.') {
    ++i;
    while (i < n && Dec(body[i])) ++i, ++frac_digits;
    if (int_digits == 0 && frac_digits == 0) return ScalarMatch::kNo;
  } else if (int_digits == 0) {
    return ScalarMatch::kNo;
  }
  if (i < n && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < n && (body[i] == '-' || body[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < n && Dec(body[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return ScalarMatch::kNo;
  }
  if (i != n) return ScalarMatch::kNo;
  // from_chars, unlike strtod, ignores the locale.
  double value = 0;
  auto [ptr, ec] = std::from_chars(body.data(), body.data() + n, value);
  if (ec == std::errc::result_out_of_range) {
    if (DecimalOverflows(body)) return ScalarMatch::kOverflow;
    value = 0;  // too close to zero to represent
  } else if (ec != std::errc() || ptr != body.data() + n) {
    return ScalarMatch::kNo;
  }
  *out = negative ? -value : value;
  return ScalarMatch::kYes;
}

}  // namespace aktkoll::document::internal
