#include "corpus/value.h"

#include <algorithm>
#include <cstdio>

namespace aktkoll::bench {

Value Value::Bool(bool b) {
  Value v;
  v.kind_ = Kind::kBool;
  v.bool_ = b;
  return v;
}

Value Value::Int(int64_t i) {
  Value v;
  v.kind_ = Kind::kInt;
  v.int_ = i;
  return v;
}

Value Value::Str(std::string s) {
  Value v;
  v.kind_ = Kind::kString;
  v.str_ = std::move(s);
  return v;
}

Value Value::Array() {
  Value v;
  v.kind_ = Kind::kArray;
  return v;
}

Value Value::Object() {
  Value v;
  v.kind_ = Kind::kObject;
  return v;
}

Value& Value::Set(std::string key, Value v) {
  members_.emplace_back(std::move(key), std::move(v));
  return members_.back().second;
}

bool Value::Erase(const std::string& key) {
  auto it = std::find_if(members_.begin(), members_.end(),
                         [&](const auto& m) { return m.first == key; });
  if (it == members_.end()) return false;
  members_.erase(it);
  return true;
}

Value* Value::Find(const std::string& key) {
  for (auto& m : members_) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

void Value::Rename(const std::string& from, const std::string& to) {
  for (auto& m : members_) {
    if (m.first == from) m.first = to;
  }
}

Value& Value::Push(Value v) {
  items_.push_back(std::move(v));
  return items_.back();
}

namespace {

constexpr size_t kFoldAbove = 80;  // longer strings are written as folded block scalars
constexpr size_t kWrapWidth = 88;  // column at which folded scalars are wrapped

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

// Whether a plain scalar `s` would be read as something other than a string by a YAML
// 1.1 or 1.2 reader: null, a boolean, an integer (also octal/hex/sexagesimal) or a float.
bool LooksTyped(const std::string& s) {
  static const char* const kWords[] = {"~",   "null", "Null", "NULL",  "true", "True",
                                       "TRUE", "false", "False", "FALSE", "yes",  "Yes",
                                       "YES", "no",   "No",   "NO",    "on",   "On",
                                       "ON",  "off",  "Off",  "OFF",   "y",    "Y",
                                       "n",   "N",    ".inf", ".Inf",  ".INF", "-.inf",
                                       ".nan", ".NaN", ".NAN"};
  for (const char* w : kWords) {
    if (s == w) return true;
  }
  // Anything made only of digits, signs, '.', '_', ':', 'x', 'o', 'e' and hex letters that
  // starts like a number is treated as typed: over-quoting is harmless, under-quoting not.
  size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
  if (i >= s.size()) return false;
  if (!IsDigit(s[i]) && s[i] != '.') return false;
  for (char c : s) {
    bool ok = IsDigit(c) || c == '+' || c == '-' || c == '.' || c == '_' || c == ':' ||
              c == 'x' || c == 'X' || c == 'o' || c == 'e' || c == 'E' ||
              (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!ok) return false;
  }
  return true;
}

bool NeedsQuotes(const std::string& s) {
  if (s.empty()) return true;
  if (IsDate(s)) return false;  // dates are written plain, as in the examples
  if (s.front() == ' ' || s.back() == ' ') return true;
  static const std::string kIndicators = "-?:,[]{}#&*!|>'\"%@`";
  if (kIndicators.find(s.front()) != std::string::npos) return true;
  if (s.back() == ':') return true;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return true;
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20) return true;
  }
  return LooksTyped(s);
}

void Indent(std::string& out, int n) { out.append(static_cast<size_t>(n), ' '); }

void Quoted(const std::string& s, std::string& out) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

// Can `s` be written as a folded block scalar that reads back identically?
bool Foldable(const std::string& s) {
  if (s.size() <= kFoldAbove) return false;
  if (s.front() == ' ' || s.back() == ' ') return false;
  if (s.find("  ") != std::string::npos) return false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

// Writes ` >-` and the text wrapped at spaces, each line at `indent`.
void Folded(const std::string& s, int indent, std::string& out) {
  out += " >-\n";
  size_t width = kWrapWidth > static_cast<size_t>(indent) + 20 ? kWrapWidth - indent : 20;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = pos + width;
    if (end >= s.size()) {
      end = s.size();
    } else {
      size_t space = s.rfind(' ', end);
      if (space == std::string::npos || space <= pos) {
        space = s.find(' ', end);
        if (space == std::string::npos) space = s.size();
      }
      end = space;
    }
    Indent(out, indent);
    out.append(s, pos, end - pos);
    out += '\n';
    pos = end < s.size() ? end + 1 : end;
  }
}

bool SimpleWord(const Value& v) {
  if (v.kind() != Value::Kind::kString || v.str().empty() || v.str().size() > 24) return false;
  for (char c : v.str()) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c) || c == '_' ||
              c == '-';
    if (!ok) return false;
  }
  return !NeedsQuotes(v.str());
}

// Writes a scalar after a `key:` or `- ` (which did not write the trailing space).
void YamlScalar(const Value& v, int indent, std::string& out) {
  switch (v.kind()) {
    case Value::Kind::kNull:
      out += " null\n";
      return;
    case Value::Kind::kBool:
      out += v.boolean() ? " true\n" : " false\n";
      return;
    case Value::Kind::kInt:
      out += ' ';
      out += std::to_string(v.integer());
      out += '\n';
      return;
    case Value::Kind::kString:
      if (Foldable(v.str())) {
        Folded(v.str(), indent, out);
        return;
      }
      out += ' ';
      if (NeedsQuotes(v.str())) {
        Quoted(v.str(), out);
      } else {
        out += v.str();
      }
      out += '\n';
      return;
    default:
      return;
  }
}

void YamlMap(const Value& v, int indent, bool first_inline, std::string& out);
void YamlSeq(const Value& v, int indent, std::string& out);

// Writes what follows `key:` or `-` for any value; `indent` is where nested content goes.
void YamlAfterColon(const Value& v, int indent, std::string& out) {
  switch (v.kind()) {
    case Value::Kind::kObject:
      if (v.members().empty()) {
        out += " {}\n";
      } else {
        out += '\n';
        YamlMap(v, indent, false, out);
      }
      return;
    case Value::Kind::kArray: {
      if (v.items().empty()) {
        out += " []\n";
        return;
      }
      bool flow = v.items().size() <= 4 && std::all_of(v.items().begin(), v.items().end(),
                                                         SimpleWord);
      if (flow) {
        out += " [";
        for (size_t i = 0; i < v.items().size(); ++i) {
          if (i) out += ", ";
          out += v.items()[i].str();
        }
        out += "]\n";
        return;
      }
      out += '\n';
      YamlSeq(v, indent, out);
      return;
    }
    default:
      YamlScalar(v, indent, out);
  }
}

void YamlMap(const Value& v, int indent, bool first_inline, std::string& out) {
  bool first = true;
  for (const auto& [key, value] : v.members()) {
    if (!(first && first_inline)) Indent(out, indent);
    first = false;
    out += key;
    out += ':';
    YamlAfterColon(value, indent + 2, out);
  }
}

void YamlSeq(const Value& v, int indent, std::string& out) {
  for (const Value& item : v.items()) {
    Indent(out, indent);
    out += '-';
    if (item.kind() == Value::Kind::kObject && !item.members().empty()) {
      out += ' ';
      YamlMap(item, indent + 2, true, out);
    } else {
      YamlAfterColon(item, indent + 2, out);
    }
  }
}

void JsonString(const std::string& s, std::string& out) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void JsonValue(const Value& v, int indent, int depth, std::string& out) {
  auto newline = [&](int d) {
    if (indent > 0) {
      out += '\n';
      Indent(out, indent * d);
    }
  };
  switch (v.kind()) {
    case Value::Kind::kNull:
      out += "null";
      return;
    case Value::Kind::kBool:
      out += v.boolean() ? "true" : "false";
      return;
    case Value::Kind::kInt:
      out += std::to_string(v.integer());
      return;
    case Value::Kind::kString:
      JsonString(v.str(), out);
      return;
    case Value::Kind::kArray:
      if (v.items().empty()) {
        out += "[]";
        return;
      }
      out += '[';
      for (size_t i = 0; i < v.items().size(); ++i) {
        if (i) out += ',';
        newline(depth + 1);
        JsonValue(v.items()[i], indent, depth + 1, out);
      }
      newline(depth);
      out += ']';
      return;
    case Value::Kind::kObject:
      if (v.members().empty()) {
        out += "{}";
        return;
      }
      out += '{';
      for (size_t i = 0; i < v.members().size(); ++i) {
        if (i) out += ',';
        newline(depth + 1);
        JsonString(v.members()[i].first, out);
        out += indent > 0 ? ": " : ":";
        JsonValue(v.members()[i].second, indent, depth + 1, out);
      }
      newline(depth);
      out += '}';
      return;
  }
}

}  // namespace

void WriteYaml(const Value& v, std::string& out) { YamlMap(v, 0, false, out); }

void WriteJson(const Value& v, int indent, std::string& out) { JsonValue(v, indent, 0, out); }

}  // namespace aktkoll::bench
