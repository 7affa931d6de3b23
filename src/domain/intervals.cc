// Interval computations over a sorted timeline of follow-up dates.
#include "domain/intervals.h"

#include <algorithm>
#include <string>

#include "domain/dates.h"
#include "expr/civil_time.h"

namespace aktkoll::domain {

namespace {

using expr::CallContext;
using expr::ErrorCode;
using expr::Result;
using expr::Type;
using expr::Value;
using Args = std::span<const Value>;

std::vector<int32_t> Timeline(int32_t start, std::vector<int32_t> dates, int32_t as_of) {
  std::vector<int32_t> t;
  t.reserve(dates.size() + 2);
  t.push_back(start);
  std::sort(dates.begin(), dates.end());
  for (int32_t d : dates)
    if (d >= start && d <= as_of) t.push_back(d);
  t.push_back(std::max(as_of, start));
  return t;
}

Result<std::vector<int32_t>> DateList(const Value& list, const CallContext& ctx) {
  std::vector<int32_t> out;
  const expr::ListValue& l = list.list_value();
  out.reserve(l.size());
  for (size_t i = 0; i < l.size(); ++i) {
    Value v = l.Get(i);
    if (v.is(expr::Kind::kDate)) {
      out.push_back(v.date_days());
      continue;
    }
    std::optional<int64_t> d;
    if (v.is(expr::Kind::kString)) d = expr::ParseIsoDate(v.string_value());
    if (!d)
      return ctx.MakeError(ErrorCode::kInvalidArgument,
                           "element " + std::to_string(i) + " i datumlistan är inget datum (ÅÅÅÅ-MM-DD)",
                           "element " + std::to_string(i) + " of the date list is not a date (YYYY-MM-DD)");
    out.push_back(static_cast<int32_t>(*d));
  }
  return out;
}

}  // namespace

int64_t MaxGapMonths(int32_t start, std::vector<int32_t> dates, int32_t as_of) {
  std::vector<int32_t> t = Timeline(start, std::move(dates), as_of);
  int64_t gap = 0;
  for (size_t i = 1; i < t.size(); ++i) gap = std::max(gap, MonthsBetween(t[i - 1], t[i]));
  return gap;
}

std::optional<int32_t> FirstOverdue(int32_t start, std::vector<int32_t> dates, int32_t as_of, int64_t months) {
  std::vector<int32_t> t = Timeline(start, std::move(dates), as_of);
  // Every point but the last (as_of) is a follow-up that restarts the interval.
  for (size_t i = 1; i < t.size(); ++i) {
    std::optional<int32_t> due = AddMonths(t[i - 1], months);
    if (!due) return std::nullopt;  // beyond year 9999: never due
    if (t[i] > *due) return due;
  }
  return std::nullopt;
}

expr::Result<void> RegisterIntervalFunctions(expr::FunctionRegistry& r) {
  const Type D = Type::Date(), L = Type::List(Type::Dyn());
  auto max_gap = [](Args a, const CallContext& ctx) -> Result<Value> {
    Result<std::vector<int32_t>> dates = DateList(a[1], ctx);
    if (!dates.ok()) return dates.error();
    return Value::Int(MaxGapMonths(a[0].date_days(), std::move(dates).value(), a[2].date_days()));
  };
  auto first_overdue = [](Args a, const CallContext& ctx) -> Result<Value> {
    if (a[3].int_value() < 0)
      return ctx.MakeError(ErrorCode::kInvalidArgument, "intervallet i månader får inte vara negativt",
                           "the interval in months must not be negative");
    Result<std::vector<int32_t>> dates = DateList(a[1], ctx);
    if (!dates.ok()) return dates.error();
    std::optional<int32_t> due =
        FirstOverdue(a[0].date_days(), std::move(dates).value(), a[2].date_days(), a[3].int_value());
    return due ? Value::Date(*due) : Value::Null();
  };
  for (Result<void> res : {
           r.AddGlobal("max_gap_months", "max_gap_months_date_list_date", {D, L, D}, Type::Int(), max_gap),
           r.AddGlobal("first_overdue", "first_overdue_date_list_date_int", {D, L, D, Type::Int()}, Type::Dyn(),
                       first_overdue),
       }) {
    if (!res.ok()) return res;
  }
  return {};
}

}  // namespace aktkoll::domain
