// Operator semantics. Integer arithmetic is checked (CEL: overflow is an error, not
// wrap-around); doubles follow IEEE 754; timestamps and durations stay in their ranges.
#include "expr/operators.h"

#include <cmath>
#include <limits>

#include "expr/civil_time.h"
#include "expr/messages.h"

namespace aktkoll::expr::internal {

namespace {

Error Overflow(std::string_view op, Lang lang) {
  return Error(ErrorCode::kOverflow, Msg(lang, "spill i '", "overflow in '") + std::string(op) + "'");
}

std::string Quoted(const Value& v) {
  std::string s = DebugString(v);
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

Result<Value> MakeTimestamp(int64_t seconds, int64_t nanos, std::string_view op, Lang lang) {
  seconds += nanos / 1'000'000'000;
  nanos %= 1'000'000'000;
  if (nanos < 0) { nanos += 1'000'000'000; --seconds; }
  if (!TimestampInRange(seconds)) return Overflow(op, lang);
  return Value::Timestamp(seconds, static_cast<int32_t>(nanos));
}

// timestamp ± duration, with the duration split so nothing overflows on the way.
Result<Value> ShiftTimestamp(const Value& ts, int64_t dur_nanos, bool subtract, Lang lang) {
  int64_t ds = dur_nanos / 1'000'000'000;
  int64_t dn = dur_nanos % 1'000'000'000;
  if (subtract) { ds = -ds; dn = -dn; }
  return MakeTimestamp(ts.timestamp_seconds() + ds, ts.timestamp_nanos() + dn, subtract ? "-" : "+", lang);
}

// -1, 0, 1; or 2 when unordered (NaN).
int CompareNumbers(const Value& a, const Value& b) {
  if (a.is(Kind::kInt) && b.is(Kind::kInt))
    return a.int_value() < b.int_value() ? -1 : a.int_value() > b.int_value() ? 1 : 0;
  if (a.is(Kind::kDouble) && b.is(Kind::kDouble)) {
    double x = a.double_value(), y = b.double_value();
    if (std::isnan(x) || std::isnan(y)) return 2;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  // int vs double: compare exactly, without rounding the int.
  const bool a_int = a.is(Kind::kInt);
  const int64_t i = a_int ? a.int_value() : b.int_value();
  const double d = a_int ? b.double_value() : a.double_value();
  int r;
  if (std::isnan(d)) return 2;
  if (d >= 9223372036854775808.0) r = -1;
  else if (d < -9223372036854775808.0) r = 1;
  else {
    double t = std::trunc(d);
    int64_t di = static_cast<int64_t>(t);
    if (i < di) r = -1;
    else if (i > di) r = 1;
    else r = d > t ? -1 : d < t ? 1 : 0;
  }
  return a_int ? r : -r;
}

bool IsNumber(const Value& v) { return v.is(Kind::kInt) || v.is(Kind::kDouble); }

}  // namespace

Error NoOverload(std::string_view op, const Value& a, const Value* b, Lang lang) {
  std::string kinds = KindName(a.kind());
  if (b) kinds += std::string(", ") + KindName(b->kind());
  return Error(ErrorCode::kNoMatchingOverload,
               Msg(lang, "'", "'") + std::string(op) +
                   Msg(lang, "' saknar variant för (", "' has no overload for (") + kinds + ")");
}

Error NoSuchKey(const Value& key, Lang lang) {
  return Error(ErrorCode::kNoSuchKey, Msg(lang, "nyckeln ", "no such key: ") + Quoted(key) +
                                          Msg(lang, " finns inte", ""));
}

bool IsValidMapKey(const Value& key) {
  return key.is(Kind::kInt) || key.is(Kind::kString) || key.is(Kind::kBool);
}

std::optional<Value> MapLookup(const MapValue& map, const Value& key) {
  if (key.is(Kind::kString)) return map.FindField(key.string_value());
  if (key.is(Kind::kDouble)) {
    double d = key.double_value();
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && std::trunc(d) == d)
      return map.Find(Value::Int(static_cast<int64_t>(d)));
    return std::nullopt;
  }
  return map.Find(key);
}

Result<Value> ApplyBinary(BinOp op, const Value& a, const Value& b, Lang lang, size_t max_size) {
  const Kind ka = a.kind(), kb = b.kind();
  switch (op) {
    case BinOp::kEq: return Value::Bool(ValuesEqual(a, b));
    case BinOp::kNe: return Value::Bool(!ValuesEqual(a, b));
    case BinOp::kLt: case BinOp::kLe: case BinOp::kGt: case BinOp::kGe: {
      int c;
      if (IsNumber(a) && IsNumber(b)) {
        c = CompareNumbers(a, b);
        if (c == 2) return Value::Bool(false);
      } else if (ka != kb) {
        return NoOverload(op == BinOp::kLt ? "<" : op == BinOp::kLe ? "<=" : op == BinOp::kGt ? ">" : ">=", a, &b, lang);
      } else {
        switch (ka) {
          case Kind::kBool: c = static_cast<int>(a.bool_value()) - static_cast<int>(b.bool_value()); break;
          case Kind::kString: {
            int s = a.string_value().compare(b.string_value());
            c = s < 0 ? -1 : s > 0 ? 1 : 0;
            break;
          }
          case Kind::kTimestamp:
            c = a.timestamp_seconds() != b.timestamp_seconds()
                    ? (a.timestamp_seconds() < b.timestamp_seconds() ? -1 : 1)
                    : (a.timestamp_nanos() < b.timestamp_nanos() ? -1 : a.timestamp_nanos() > b.timestamp_nanos() ? 1 : 0);
            break;
          case Kind::kDuration:
            c = a.duration_nanos() < b.duration_nanos() ? -1 : a.duration_nanos() > b.duration_nanos() ? 1 : 0;
            break;
          case Kind::kDate:
            c = a.date_days() < b.date_days() ? -1 : a.date_days() > b.date_days() ? 1 : 0;
            break;
          default:
            return NoOverload(op == BinOp::kLt ? "<" : op == BinOp::kLe ? "<=" : op == BinOp::kGt ? ">" : ">=", a, &b, lang);
        }
      }
      bool r = op == BinOp::kLt ? c < 0 : op == BinOp::kLe ? c <= 0 : op == BinOp::kGt ? c > 0 : c >= 0;
      return Value::Bool(r);
    }
    case BinOp::kIn: {
      if (kb == Kind::kList) {
        const ListValue& l = b.list_value();
        for (size_t i = 0, n = l.size(); i < n; ++i)
          if (ValuesEqual(a, l.Get(i))) return Value::Bool(true);
        return Value::Bool(false);
      }
      if (kb == Kind::kMap) return Value::Bool(MapLookup(b.map_value(), a).has_value());
      return NoOverload("in", a, &b, lang);
    }
    default: break;
  }
  const char* sym = op == BinOp::kAdd ? "+" : op == BinOp::kSub ? "-" : op == BinOp::kMul ? "*"
                  : op == BinOp::kDiv ? "/" : "%";
  if (ka == Kind::kInt && kb == Kind::kInt) {
    int64_t x = a.int_value(), y = b.int_value(), r;
    switch (op) {
      case BinOp::kAdd: if (__builtin_add_overflow(x, y, &r)) return Overflow(sym, lang); return Value::Int(r);
      case BinOp::kSub: if (__builtin_sub_overflow(x, y, &r)) return Overflow(sym, lang); return Value::Int(r);
      case BinOp::kMul: if (__builtin_mul_overflow(x, y, &r)) return Overflow(sym, lang); return Value::Int(r);
      case BinOp::kDiv: case BinOp::kMod:
        if (y == 0)
          return Error(ErrorCode::kDivisionByZero,
                       op == BinOp::kDiv ? Msg(lang, "division med noll", "division by zero")
                                         : Msg(lang, "modulo med noll", "modulus by zero"));
        if (x == std::numeric_limits<int64_t>::min() && y == -1) return Overflow(sym, lang);
        return Value::Int(op == BinOp::kDiv ? x / y : x % y);
      default: break;
    }
  }
  if (ka == Kind::kDouble && kb == Kind::kDouble) {
    double x = a.double_value(), y = b.double_value();
    switch (op) {
      case BinOp::kAdd: return Value::Double(x + y);
      case BinOp::kSub: return Value::Double(x - y);
      case BinOp::kMul: return Value::Double(x * y);
      case BinOp::kDiv: return Value::Double(x / y);
      default: break;
    }
  }
  if (op == BinOp::kAdd && ka == Kind::kString && kb == Kind::kString) {
    std::string_view x = a.string_value(), y = b.string_value();
    if (x.size() + y.size() > max_size)
      return Error(ErrorCode::kLimitExceeded, Msg(lang, "strängen blir för lång", "string grows too long"));
    std::string s;
    s.reserve(x.size() + y.size());
    s.append(x).append(y);
    return Value::String(std::move(s));
  }
  if (op == BinOp::kAdd && ka == Kind::kList && kb == Kind::kList) {
    const ListValue& x = a.list_value();
    const ListValue& y = b.list_value();
    if (x.size() == 0) return b;
    if (y.size() == 0) return a;
    if (x.size() + y.size() > max_size)
      return Error(ErrorCode::kLimitExceeded, Msg(lang, "listan blir för lång", "list grows too long"));
    std::vector<Value> items;
    items.reserve(x.size() + y.size());
    for (size_t i = 0; i < x.size(); ++i) items.push_back(x.Get(i));
    for (size_t i = 0; i < y.size(); ++i) items.push_back(y.Get(i));
    return MakeList(std::move(items));
  }
  if (ka == Kind::kDuration && kb == Kind::kDuration && (op == BinOp::kAdd || op == BinOp::kSub)) {
    int64_t r;
    bool over = op == BinOp::kAdd ? __builtin_add_overflow(a.duration_nanos(), b.duration_nanos(), &r)
                                  : __builtin_sub_overflow(a.duration_nanos(), b.duration_nanos(), &r);
    if (over) return Overflow(sym, lang);
    return Value::Duration(r);
  }
  if (op == BinOp::kAdd && ka == Kind::kTimestamp && kb == Kind::kDuration)
    return ShiftTimestamp(a, b.duration_nanos(), false, lang);
  if (op == BinOp::kAdd && ka == Kind::kDuration && kb == Kind::kTimestamp)
    return ShiftTimestamp(b, a.duration_nanos(), false, lang);
  if (op == BinOp::kSub && ka == Kind::kTimestamp && kb == Kind::kDuration)
    return ShiftTimestamp(a, b.duration_nanos(), true, lang);
  if (op == BinOp::kSub && ka == Kind::kTimestamp && kb == Kind::kTimestamp) {
    // Seconds differ by at most ~3.2e11, so the multiplication below cannot overflow
    // before the range check.
    __int128 n = static_cast<__int128>(a.timestamp_seconds() - b.timestamp_seconds()) * 1'000'000'000 +
                 (a.timestamp_nanos() - b.timestamp_nanos());
    if (n > std::numeric_limits<int64_t>::max() || n < std::numeric_limits<int64_t>::min())
      return Overflow(sym, lang);
    return Value::Duration(static_cast<int64_t>(n));
  }
  return NoOverload(sym, a, &b, lang);
}

Result<Value> ApplyNegate(const Value& v, Lang lang) {
  if (v.is(Kind::kInt)) {
    if (v.int_value() == std::numeric_limits<int64_t>::min()) return Overflow("-", lang);
    return Value::Int(-v.int_value());
  }
  if (v.is(Kind::kDouble)) return Value::Double(-v.double_value());
  if (v.is(Kind::kDuration)) {
    if (v.duration_nanos() == std::numeric_limits<int64_t>::min()) return Overflow("-", lang);
    return Value::Duration(-v.duration_nanos());
  }
  return NoOverload("-", v, nullptr, lang);
}

Result<Value> ApplyIndex(const Value& c, const Value& index, Lang lang) {
  if (c.is(Kind::kList)) {
    int64_t i;
    if (index.is(Kind::kInt)) {
      i = index.int_value();
    } else if (index.is(Kind::kDouble) && std::trunc(index.double_value()) == index.double_value() &&
               std::fabs(index.double_value()) < 9e18) {
      i = static_cast<int64_t>(index.double_value());
    } else {
      return NoOverload("[]", c, &index, lang);
    }
    const ListValue& l = c.list_value();
    if (i < 0 || static_cast<uint64_t>(i) >= l.size())
      return Error(ErrorCode::kIndexOutOfRange,
                   Msg(lang, "index ", "index ") + std::to_string(i) +
                       Msg(lang, " ligger utanför listan (storlek ", " is outside the list (size ") +
                       std::to_string(l.size()) + ")");
    return l.Get(static_cast<size_t>(i));
  }
  if (c.is(Kind::kMap)) {
    if (!IsValidMapKey(index) && !index.is(Kind::kDouble)) return NoOverload("[]", c, &index, lang);
    std::optional<Value> v = MapLookup(c.map_value(), index);
    if (!v) return NoSuchKey(index, lang);
    return std::move(*v);
  }
  return NoOverload("[]", c, &index, lang);
}

Result<Value> ApplySelect(const Value& operand, std::string_view field, bool test_only, Lang lang) {
  if (!operand.is(Kind::kMap))
    return Error(ErrorCode::kNoMatchingOverload,
                 Msg(lang, "fältval ('.", "field selection ('.") + std::string(field) +
                     Msg(lang, "') på ", "') on ") + KindName(operand.kind()) +
                     Msg(lang, " stöds inte", " is not supported"));
  std::optional<Value> v = operand.map_value().FindField(field);
  if (test_only) return Value::Bool(v.has_value());
  if (!v)
    return Error(ErrorCode::kNoSuchKey, Msg(lang, "fältet '", "no such field '") + std::string(field) +
                                            Msg(lang, "' finns inte", "'"));
  return std::move(*v);
}

}  // namespace aktkoll::expr::internal
