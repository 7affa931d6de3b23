// Date functions. Month arithmetic clamps to the month's end, the convention Swedish
// case handling uses for "within six months of" (31 Jan + 1 month is the last of Feb).
#include "domain/dates.h"

#include <string>

#include "expr/civil_time.h"

namespace aktkoll::domain {

namespace {

using expr::CallContext;
using expr::ErrorCode;
using expr::Result;
using expr::Type;
using expr::Value;
using Args = std::span<const Value>;

// 'text' in quotes. Built by appending: GCC 12 at -O3 misreports `"'" + std::string(...)`
// as overlapping memcpy (-Wrestrict).
std::string Quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out.append(text);
  out += '\'';
  return out;
}


const int64_t kMinDay = expr::DaysFromCivil(1, 1, 1);
const int64_t kMaxDay = expr::DaysFromCivil(9999, 12, 31);

Result<Value> OutOfRange(const CallContext& ctx) {
  return ctx.MakeError(ErrorCode::kOverflow, "datumet hamnar utanför år 0001–9999",
                       "the date falls outside years 0001-9999");
}

Result<Value> DateFromString(Args a, const CallContext& ctx) {
  std::optional<int64_t> d = expr::ParseIsoDate(a[0].string_value());
  if (!d)
    return ctx.MakeError(ErrorCode::kInvalidArgument,
                         Quoted(a[0].string_value()) + " är inget giltigt datum (ÅÅÅÅ-MM-DD)",
                         Quoted(a[0].string_value()) + " is not a valid date (YYYY-MM-DD)");
  return Value::Date(static_cast<int32_t>(*d));
}

Result<Value> DateFromTimestamp(Args a, const CallContext&) {
  int64_t s = a[0].timestamp_seconds();
  int64_t days = s / 86400 - (s % 86400 < 0 ? 1 : 0);
  return Value::Date(static_cast<int32_t>(days));
}

Result<Value> IsDate(Args a, const CallContext&) {
  if (a[0].is(expr::Kind::kDate)) return Value::Bool(true);
  if (!a[0].is(expr::Kind::kString)) return Value::Bool(false);
  return Value::Bool(expr::ParseIsoDate(a[0].string_value()).has_value());
}

Result<Value> DatePart(int part, Args a, const CallContext&) {
  const int64_t days = a[0].date_days();
  expr::CivilDate c = expr::CivilFromDays(days);
  switch (part) {
    case 0: return Value::Int(c.year);
    case 1: return Value::Int(c.month - 1);
    case 2: return Value::Int(c.day);
    default: return Value::Int(expr::DayOfWeek(days));
  }
}

}  // namespace

std::optional<int32_t> AddDays(int32_t date, int64_t days) {
  if (days > kMaxDay - kMinDay || days < kMinDay - kMaxDay) return std::nullopt;
  int64_t r = date + days;
  if (r < kMinDay || r > kMaxDay) return std::nullopt;
  return static_cast<int32_t>(r);
}

std::optional<int32_t> AddMonths(int32_t date, int64_t months) {
  if (months > 12 * 10000 || months < -12 * 10000) return std::nullopt;
  expr::CivilDate c = expr::CivilFromDays(date);
  int64_t index = c.year * 12 + (c.month - 1) + months;  // months since year 0
  int64_t year = index >= 0 ? index / 12 : (index - 11) / 12;
  int month = static_cast<int>(index - year * 12) + 1;
  if (year < 1 || year > 9999) return std::nullopt;
  int day = c.day;
  const int last = expr::DaysInMonth(year, month);
  if (day > last) day = last;
  return static_cast<int32_t>(expr::DaysFromCivil(year, month, day));
}

int64_t MonthsBetween(int32_t a, int32_t b) {
  if (b < a) return -MonthsBetween(b, a);
  expr::CivilDate ca = expr::CivilFromDays(a);
  expr::CivilDate cb = expr::CivilFromDays(b);
  int64_t n = (cb.year - ca.year) * 12 + (cb.month - ca.month);
  // n months lands in b's month; step back once if that day is still ahead of b.
  std::optional<int32_t> at = AddMonths(a, n);
  if (!at || *at > b) --n;
  return n;
}

expr::Result<void> RegisterDateFunctions(expr::FunctionRegistry& r) {
  const Type D = Type::Date(), I = Type::Int(), S = Type::String();
  auto identity = [](Args a, const CallContext&) -> Result<Value> { return a[0]; };
  auto add_days = [](Args a, const CallContext& ctx) -> Result<Value> {
    std::optional<int32_t> d = AddDays(a[0].date_days(), a[1].int_value());
    return d ? Value::Date(*d) : OutOfRange(ctx);
  };
  auto add_months = [](Args a, const CallContext& ctx) -> Result<Value> {
    std::optional<int32_t> d = AddMonths(a[0].date_days(), a[1].int_value());
    return d ? Value::Date(*d) : OutOfRange(ctx);
  };
  auto days_between = [](Args a, const CallContext&) -> Result<Value> {
    return Value::Int(static_cast<int64_t>(a[1].date_days()) - a[0].date_days());
  };
  auto months_between = [](Args a, const CallContext&) -> Result<Value> {
    return Value::Int(MonthsBetween(a[0].date_days(), a[1].date_days()));
  };
  auto to_string = [](Args a, const CallContext&) -> Result<Value> {
    return Value::String(expr::FormatIsoDate(a[0].date_days()));
  };
  for (Result<void> res : {
           r.AddGlobal("date", "date_string", {S}, D, DateFromString),
           r.AddGlobal("date", "date_timestamp", {Type::Timestamp()}, D, DateFromTimestamp),
           r.AddGlobal("date", "date_date", {D}, D, identity),
           r.AddGlobal("is_date", "is_date_dyn", {Type::Dyn()}, Type::Bool(), IsDate),
           r.AddGlobal("string", "string_date", {D}, S, to_string),
           r.AddGlobal("add_days", "add_days_date_int", {D, I}, D, add_days),
           r.AddGlobal("add_months", "add_months_date_int", {D, I}, D, add_months),
           r.AddGlobal("days_between", "days_between_date_date", {D, D}, I, days_between),
           r.AddGlobal("months_between", "months_between_date_date", {D, D}, I, months_between),
       }) {
    if (!res.ok()) return res;
  }
  static constexpr const char* kParts[] = {"getFullYear", "getMonth", "getDate", "getDayOfWeek"};
  for (int part = 0; part < 4; ++part) {
    Result<void> res = r.AddMethod(kParts[part], std::string("date_") + kParts[part], {D}, I,
                                   [part](Args a, const CallContext& ctx) { return DatePart(part, a, ctx); });
    if (!res.ok()) return res;
  }
  return {};
}

}  // namespace aktkoll::domain
