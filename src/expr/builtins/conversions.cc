// Type conversions int(), double(), string(), bool(). Every lossy or malformed
// conversion is an error rather than a silent default, as CEL requires.
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "expr/civil_time.h"
#include "expr/messages.h"
#include "expr/registry.h"

namespace aktkoll::expr {

namespace {

using Args = std::span<const Value>;

using internal::Quoted;


Result<Value> Identity(Args a, const CallContext&) { return a[0]; }

Result<Value> IntFromDouble(Args a, const CallContext& ctx) {
  double d = a[0].double_value();
  // Strict bounds: CEL rejects both ends of the int64 range when given as doubles.
  if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0))
    return ctx.MakeError(ErrorCode::kOverflow, "talet ryms inte i int", "double out of int range");
  return Value::Int(static_cast<int64_t>(d));
}

Result<Value> IntFromString(Args a, const CallContext& ctx) {
  std::string_view s = a[0].string_value();
  int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size())
    return ctx.MakeError(ErrorCode::kInvalidArgument, Quoted(s) + " är inget heltal",
                         Quoted(s) + " is not an integer");
  return Value::Int(v);
}

Result<Value> DoubleFromString(Args a, const CallContext& ctx) {
  std::string s(a[0].string_value());
  char* end = nullptr;
  double d = s.empty() ? 0 : std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || std::isspace(static_cast<unsigned char>(s[0])))
    return ctx.MakeError(ErrorCode::kInvalidArgument, Quoted(s) + " är inget tal",
                         Quoted(s) + " is not a number");
  return Value::Double(d);
}

std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, r.ptr);
}

Result<Value> BoolFromString(Args a, const CallContext& ctx) {
  std::string_view s = a[0].string_value();
  if (s == "1" || s == "t" || s == "true" || s == "TRUE" || s == "True") return Value::Bool(true);
  if (s == "0" || s == "f" || s == "false" || s == "FALSE" || s == "False") return Value::Bool(false);
  return ctx.MakeError(ErrorCode::kInvalidArgument, Quoted(s) + " är inget sanningsvärde",
                       Quoted(s) + " is not a boolean");
}

}  // namespace

Result<void> RegisterConversionFunctions(FunctionRegistry& r) {
  const Type I = Type::Int(), D = Type::Double(), S = Type::String(), B = Type::Bool();
  auto fn = [](auto f) { return FunctionImpl(f); };
  for (Result<void> res : {
           r.AddGlobal("int", "int_int", {I}, I, Identity),
           r.AddGlobal("int", "int_double", {D}, I, IntFromDouble),
           r.AddGlobal("int", "int_string", {S}, I, IntFromString),
           r.AddGlobal("int", "int_timestamp", {Type::Timestamp()}, I,
                       fn([](Args a, const CallContext&) -> Result<Value> {
                         return Value::Int(a[0].timestamp_seconds());
                       })),
           r.AddGlobal("double", "double_double", {D}, D, Identity),
           r.AddGlobal("double", "double_int", {I}, D,
                       fn([](Args a, const CallContext&) -> Result<Value> {
                         return Value::Double(static_cast<double>(a[0].int_value()));
                       })),
           r.AddGlobal("double", "double_string", {S}, D, DoubleFromString),
           r.AddGlobal("string", "string_string", {S}, S, Identity),
           r.AddGlobal("string", "string_int", {I}, S,
                       fn([](Args a, const CallContext&) -> Result<Value> {
                         return Value::String(std::to_string(a[0].int_value()));
                       })),
           r.AddGlobal("string", "string_double", {D}, S,
                       fn([](Args a, const CallContext&) -> Result<Value> {
                         return Value::String(FormatDouble(a[0].double_value()));
                       })),
           r.AddGlobal("string", "string_bool", {B}, S,
                       fn([](Args a, const CallContext&) -> Result<Value> {
                         return Value::StringView(a[0].bool_value() ? "true" : "false");
                       })),
           r.AddGlobal("string", "string_timestamp", {Type::Timestamp()}, S,
                       fn([](Args a, const CallContext&) -> Result<Value> {
                         return Value::String(FormatTimestamp(a[0].timestamp_seconds(), a[0].timestamp_nanos()));
                       })),
           r.AddGlobal("string", "string_duration", {Type::Duration()}, S,
                       fn([](Args a, const CallContext&) -> Result<Value> {
                         return Value::String(FormatDuration(a[0].duration_nanos()));
                       })),
           r.AddGlobal("bool", "bool_bool", {B}, B, Identity),
           r.AddGlobal("bool", "bool_string", {S}, B, BoolFromString),
       }) {
    if (!res.ok()) return res;
  }
  return {};
}

}  // namespace aktkoll::expr
