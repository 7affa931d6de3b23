// Value payloads, the owned collections, equality and debug rendering.
#include "expr/value.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace aktkoll::expr {

struct Value::StringRep final : RefCounted {
  explicit StringRep(std::string s) : text(std::move(s)) {}
  std::string text;
};

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kNull: return "null_type";
    case Kind::kBool: return "bool";
    case Kind::kInt: return "int";
    case Kind::kDouble: return "double";
    case Kind::kString: return "string";
    case Kind::kList: return "list";
    case Kind::kMap: return "map";
    case Kind::kTimestamp: return "timestamp";
    case Kind::kDuration: return "duration";
    case Kind::kDate: return "date";
  }
  return "?";
}

Value Value::String(std::string s) {
  Value v(Kind::kString);
  auto* rep = new StringRep(std::move(s));
  rep->AddRef();
  v.u_.str = rep;
  v.owned_ = true;
  return v;
}

Value Value::StringView(std::string_view s) {
  Value v(Kind::kString);
  v.u_.chars = s.data();
  v.aux_ = static_cast<uint32_t>(s.size());
  return v;
}

std::string_view Value::string_value() const {
  if (owned_) return u_.str->text;
  return std::string_view(u_.chars, aux_);
}

std::optional<Value> MapValue::FindField(std::string_view key) const {
  return Find(Value::StringView(key));
}

namespace {

// Map keys match only within the same kind (CEL maps are keyed by int, bool or string);
// MapLookup in operators.cc lets an integral double index find an int key.
bool KeyEquals(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kBool: return a.bool_value() == b.bool_value();
    case Kind::kInt: return a.int_value() == b.int_value();
    case Kind::kString: return a.string_value() == b.string_value();
    default: return false;
  }
}

}  // namespace

std::optional<Value> SimpleMap::Find(const Value& key) const {
  for (const auto& [k, v] : entries_)
    if (KeyEquals(k, key)) return v;
  return std::nullopt;
}

std::optional<Value> SimpleMap::FindField(std::string_view key) const {
  for (const auto& [k, v] : entries_)
    if (k.is(Kind::kString) && k.string_value() == key) return v;
  return std::nullopt;
}

Value MakeList(std::vector<Value> items) {
  return Value::List(MakeRef<SimpleList>(std::move(items)));
}

Value MakeMap(std::vector<std::pair<Value, Value>> entries) {
  return Value::Map(MakeRef<SimpleMap>(std::move(entries)));
}

namespace {

// Host data may nest deeper than anything an expression builds; past this depth values
// are treated as unequal rather than risking the stack.
constexpr int kMaxEqualityDepth = 256;

bool Equal(const Value& a, const Value& b, int depth) {
  if (depth > kMaxEqualityDepth) return false;
  if (a.kind() != b.kind()) {
    if (a.is(Kind::kInt) && b.is(Kind::kDouble))
      return static_cast<double>(a.int_value()) == b.double_value();
    if (a.is(Kind::kDouble) && b.is(Kind::kInt))
      return a.double_value() == static_cast<double>(b.int_value());
    return false;
  }
  switch (a.kind()) {
    case Kind::kNull: return true;
    case Kind::kBool: return a.bool_value() == b.bool_value();
    case Kind::kInt: return a.int_value() == b.int_value();
    case Kind::kDouble: return a.double_value() == b.double_value();
    case Kind::kString: return a.string_value() == b.string_value();
    case Kind::kTimestamp:
      return a.timestamp_seconds() == b.timestamp_seconds() &&
             a.timestamp_nanos() == b.timestamp_nanos();
    case Kind::kDuration: return a.duration_nanos() == b.duration_nanos();
    case Kind::kDate: return a.date_days() == b.date_days();
    case Kind::kList: {
      const ListValue& x = a.list_value();
      const ListValue& y = b.list_value();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!Equal(x.Get(i), y.Get(i), depth + 1)) return false;
      return true;
    }
    case Kind::kMap: {
      const MapValue& x = a.map_value();
      const MapValue& y = b.map_value();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        std::optional<Value> other = y.Find(x.KeyAt(i));
        if (!other || !Equal(x.ValueAt(i), *other, depth + 1)) return false;
      }
      return true;
    }
  }
  return false;
}

}  // namespace

bool ValuesEqual(const Value& a, const Value& b) { return Equal(a, b, 0); }

namespace {

void AppendQuoted(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void AppendDebug(std::string& out, const Value& v, int depth) {
  if (depth > 64) { out += "..."; return; }
  switch (v.kind()) {
    case Kind::kNull: out += "null"; return;
    case Kind::kBool: out += v.bool_value() ? "true" : "false"; return;
    case Kind::kInt: out += std::to_string(v.int_value()); return;
    case Kind::kDouble: {
      double d = v.double_value();
      if (std::isnan(d)) { out += "NaN"; return; }
      if (std::isinf(d)) { out += d > 0 ? "+Inf" : "-Inf"; return; }
      char buf[64];
      auto r = std::to_chars(buf, buf + sizeof buf, d);
      std::string_view text(buf, r.ptr - buf);
      out += text;
      if (text.find_first_of(".eE") == std::string_view::npos) out += ".0";
      return;
    }
    case Kind::kString: AppendQuoted(out, v.string_value()); return;
    case Kind::kTimestamp:
      out += "timestamp(" + std::to_string(v.timestamp_seconds()) + "s+" +
             std::to_string(v.timestamp_nanos()) + "ns)";
      return;
    case Kind::kDuration: out += "duration(" + std::to_string(v.duration_nanos()) + "ns)"; return;
    case Kind::kDate: out += "date(" + std::to_string(v.date_days()) + ")"; return;
    case Kind::kList: {
      out += '[';
      const ListValue& l = v.list_value();
      for (size_t i = 0; i < l.size(); ++i) {
        if (i) out += ", ";
        AppendDebug(out, l.Get(i), depth + 1);
      }
      out += ']';
      return;
    }
    case Kind::kMap: {
      out += '{';
      const MapValue& m = v.map_value();
      for (size_t i = 0; i < m.size(); ++i) {
        if (i) out += ", ";
        AppendDebug(out, m.KeyAt(i), depth + 1);
        out += ": ";
        AppendDebug(out, m.ValueAt(i), depth + 1);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string DebugString(const Value& value) {
  std::string out;
  AppendDebug(out, value, 0);
  return out;
}

}  // namespace aktkoll::expr
