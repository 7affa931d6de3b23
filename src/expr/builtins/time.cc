// timestamp() and duration() constructors and their accessors. Time zones: UTC and fixed
// offsets ("+01:00", "-02:30"); named IANA zones would need a zone database and are
// reported as errors.
#include <string>

#include "expr/civil_time.h"
#include "expr/messages.h"
#include "expr/registry.h"

namespace aktkoll::expr {

namespace {

using Args = std::span<const Value>;

using internal::Quoted;


Result<Value> TimestampFromString(Args a, const CallContext& ctx) {
  std::optional<TimestampParts> t = ParseTimestamp(a[0].string_value());
  if (!t)
    return ctx.MakeError(ErrorCode::kInvalidArgument,
                         Quoted(a[0].string_value()) + " är ingen giltig tidpunkt (RFC 3339, år 0001–9999)",
                         Quoted(a[0].string_value()) + " is not a valid timestamp (RFC 3339, years 0001-9999)");
  return Value::Timestamp(t->seconds, t->nanos);
}

Result<Value> TimestampFromInt(Args a, const CallContext& ctx) {
  if (!TimestampInRange(a[0].int_value()))
    return ctx.MakeError(ErrorCode::kOverflow, "tidpunkten ligger utanför år 0001–9999",
                         "timestamp outside years 0001-9999");
  return Value::Timestamp(a[0].int_value(), 0);
}

Result<Value> DurationFromString(Args a, const CallContext& ctx) {
  std::optional<int64_t> d = ParseDuration(a[0].string_value());
  if (!d)
    return ctx.MakeError(ErrorCode::kInvalidArgument,
                         Quoted(a[0].string_value()) + " är ingen giltig varaktighet (t.ex. '90s', '1h30m')",
                         Quoted(a[0].string_value()) + " is not a valid duration (e.g. '90s', '1h30m')");
  return Value::Duration(*d);
}

enum class Part { kYear, kMonth, kDate, kDayOfMonth, kDayOfWeek, kDayOfYear, kHours, kMinutes, kSeconds, kMillis };

Result<Value> TimestampPart(Part part, Args a, const CallContext& ctx) {
  int64_t offset = 0;
  if (a.size() > 1) {
    std::optional<int64_t> o = ParseUtcOffset(a[1].string_value());
    if (!o)
      return ctx.MakeError(ErrorCode::kInvalidArgument,
                           "tidszonen '" + std::string(a[1].string_value()) +
                               "' stöds inte (endast UTC och fasta förskjutningar som '+01:00')",
                           "time zone '" + std::string(a[1].string_value()) +
                               "' is not supported (only UTC and fixed offsets such as '+01:00')");
    offset = *o;
  }
  int64_t secs = a[0].timestamp_seconds() + offset;
  int64_t days = secs / 86400;
  int64_t rem = secs % 86400;
  if (rem < 0) { rem += 86400; --days; }
  CivilDate c = CivilFromDays(days);
  switch (part) {
    case Part::kYear: return Value::Int(c.year);
    case Part::kMonth: return Value::Int(c.month - 1);
    case Part::kDate: return Value::Int(c.day);
    case Part::kDayOfMonth: return Value::Int(c.day - 1);
    case Part::kDayOfWeek: return Value::Int(DayOfWeek(days));
    case Part::kDayOfYear: return Value::Int(days - DaysFromCivil(c.year, 1, 1));
    case Part::kHours: return Value::Int(rem / 3600);
    case Part::kMinutes: return Value::Int(rem / 60 % 60);
    case Part::kSeconds: return Value::Int(rem % 60);
    case Part::kMillis: return Value::Int(a[0].timestamp_nanos() / 1'000'000);
  }
  return Value::Int(0);
}

}  // namespace

Result<void> RegisterTimeFunctions(FunctionRegistry& r) {
  const Type T = Type::Timestamp(), D = Type::Duration(), S = Type::String(), I = Type::Int();
  auto identity = [](Args a, const CallContext&) -> Result<Value> { return a[0]; };
  for (Result<void> res : {
           r.AddGlobal("timestamp", "timestamp_string", {S}, T, TimestampFromString),
           r.AddGlobal("timestamp", "timestamp_int", {I}, T, TimestampFromInt),
           r.AddGlobal("timestamp", "timestamp_timestamp", {T}, T, identity),
           r.AddGlobal("duration", "duration_string", {S}, D, DurationFromString),
           r.AddGlobal("duration", "duration_duration", {D}, D, identity),
       }) {
    if (!res.ok()) return res;
  }
  struct Accessor {
    const char* name;
    Part part;
  };
  static constexpr Accessor kAccessors[] = {
      {"getFullYear", Part::kYear},     {"getMonth", Part::kMonth},
      {"getDate", Part::kDate},         {"getDayOfMonth", Part::kDayOfMonth},
      {"getDayOfWeek", Part::kDayOfWeek}, {"getDayOfYear", Part::kDayOfYear},
      {"getHours", Part::kHours},       {"getMinutes", Part::kMinutes},
      {"getSeconds", Part::kSeconds},   {"getMilliseconds", Part::kMillis},
  };
  for (const Accessor& acc : kAccessors) {
    const Part part = acc.part;
    FunctionImpl impl = [part](Args a, const CallContext& ctx) { return TimestampPart(part, a, ctx); };
    std::string base = std::string("timestamp_") + acc.name;
    Result<void> res = r.AddMethod(acc.name, base, {T}, I, impl);
    if (!res.ok()) return res;
    res = r.AddMethod(acc.name, base + "_tz", {T, S}, I, impl);
    if (!res.ok()) return res;
  }
  // Duration accessors give the whole duration in the unit, truncated.
  struct DurationAccessor {
    const char* name;
    int64_t unit;
  };
  static constexpr DurationAccessor kDurationAccessors[] = {
      {"getHours", 3'600'000'000'000}, {"getMinutes", 60'000'000'000},
      {"getSeconds", 1'000'000'000},   {"getMilliseconds", 1'000'000},
  };
  for (const DurationAccessor& acc : kDurationAccessors) {
    const int64_t unit = acc.unit;
    Result<void> res = r.AddMethod(acc.name, std::string("duration_") + acc.name, {D}, I,
                                   [unit](Args a, const CallContext&) -> Result<Value> {
                                     return Value::Int(a[0].duration_nanos() / unit);
                                   });
    if (!res.ok()) return res;
  }
  return {};
}

}  // namespace aktkoll::expr
