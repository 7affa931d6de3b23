// See json_parser.h. Hot path: keep the common cases (ASCII strings without escapes,
// small integers) free of allocation beyond the node itself.
#include "document/json_parser.h"

#include <charconv>
#include <string>

namespace aktkoll::document::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

constexpr const char* kControlInString =
    "otillåtet styrtecken i sträng (radbrytning och tabb skrivs \\n och \\t)";
constexpr const char* kBadEscape =
    "ogiltig escape-sekvens i sträng (tillåtna: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
constexpr const char* kBadUnicodeEscape = "ogiltig \\u-escape i sträng (kräver fyra hexsiffror)";
constexpr const char* kLoneSurrogate = "ogiltig \\u-escape i sträng (ensamt surrogattecken)";
constexpr const char* kBadNumber = "ogiltigt tal";

}  // namespace

JsonParser::JsonParser(std::string_view text, size_t begin, size_t end, uint32_t line,
                       size_t line_start, const Limits& limits, bool in_line)
    : text_(text),
      p_(text.data() + begin),
      end_(text.data() + end),
      line_(line),
      line_start_(text.data() + line_start),
      limits_(limits),
      in_line_(in_line) {}

Position JsonParser::PositionAt(const char* at) const {
  return Position{line_, static_cast<uint32_t>(at - line_start_) - continuation_ + 1};
}

void JsonParser::FailAt(const char* at, std::string message) const {
  Fail(std::move(message), PositionAt(at));
}

void JsonParser::FailEnd() const {
  FailAt(end_, in_line_ ? "oväntat slut på raden" : "oväntat slut på filen");
}

void JsonParser::FailUnexpected(const char* expected) const {
  if (p_ == end_) FailEnd();
  FailAt(p_, expected);
}

void JsonParser::SkipSpace() {
  while (p_ < end_) {
    char c = *p_;
    if (c == ' ' || c == '\t' || c == '\r') {
      ++p_;
    } else if (c == '\n') {
      ++p_;
      ++line_;
      line_start_ = p_;
      continuation_ = 0;
    } else if (c == '/' && p_ + 1 < end_ && (p_[1] == '/' || p_[1] == '*')) {
      FailAt(p_, "kommentarer är inte tillåtna i JSON");
    } else {
      return;
    }
  }
}

bool JsonParser::AtEnd() {
  SkipSpace();
  return p_ == end_;
}

void JsonParser::CountNode() {
  if (++nodes_ > limits_.max_nodes) FailAt(p_, NodesMessage(limits_.max_nodes));
}

void JsonParser::ParseValue(Node* out) {
  nodes_ = 0;
  Value(out, 0);
}

void JsonParser::ExpectEnd() {
  SkipSpace();
  if (p_ != end_) FailAt(p_, "oväntat innehåll efter JSON-värdet");
}

void JsonParser::BeginArray() {
  SkipSpace();
  if (p_ == end_ || *p_ != '[') FailUnexpected("förväntade '['");
  ++p_;
  array_first_ = true;
}

bool JsonParser::NextElement() {
  SkipSpace();
  if (p_ == end_) FailEnd();
  if (array_first_) {
    array_first_ = false;
    if (*p_ == ']') {
      ++p_;
      return false;
    }
    return true;
  }
  if (*p_ == ',') {
    ++p_;
    SkipSpace();
    if (p_ < end_ && *p_ == ']') FailAt(p_, "avslutande kommatecken är inte tillåtet i JSON");
    return true;
  }
  if (*p_ == ']') {
    ++p_;
    return false;
  }
  FailAt(p_, "förväntade ',' eller ']'");
}

void JsonParser::Value(Node* out, size_t depth) {
  SkipSpace();
  if (p_ == end_) FailEnd();
  CountNode();
  out->pos = PositionAt(p_);
  switch (*p_) {
    case '{':
      if (depth + 1 > limits_.max_depth) FailAt(p_, DepthMessage(limits_.max_depth));
      Object(out, depth + 1);
      return;
    case '[':
      if (depth + 1 > limits_.max_depth) FailAt(p_, DepthMessage(limits_.max_depth));
      Array(out, depth + 1);
      return;
    case '"':
      out->kind = Kind::kString;
      String(&out->string);
      return;
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      Number(out);
      return;
    default:
      Literal(out);
  }
}

void JsonParser::Object(Node* out, size_t depth) {
  out->kind = Kind::kMapping;
  ++p_;  // '{'
  SkipSpace();
  if (p_ < end_ && *p_ == '}') {
    ++p_;
    return;
  }
  KeyIndex index(&out->entries);
  bool after_comma = false;
  for (;;) {
    if (p_ == end_ || *p_ != '"') {
      if (p_ < end_ && *p_ == '}' && after_comma)
        FailAt(p_, "avslutande kommatecken är inte tillåtet i JSON");
      if (p_ < end_ && *p_ == '\'') FailAt(p_, "enkla citattecken är inte tillåtna i JSON");
      FailUnexpected(after_comma ? "förväntade en nyckel inom dubbla citattecken"
                                 : "förväntade en nyckel inom dubbla citattecken eller '}'");
    }
    Position key_pos = PositionAt(p_);
    std::string key;
    String(&key);
    long previous = index.Find(key);
    if (previous >= 0)
      Fail(DuplicateKeyMessage(key, out->entries[static_cast<size_t>(previous)].key_pos.line),
           key_pos);
    SkipSpace();
    if (p_ == end_ || *p_ != ':') FailUnexpected("förväntade ':'");
    ++p_;
    CountNode();  // a key is a node too: a mapping entry costs about 150 bytes
    Entry& entry = out->entries.emplace_back();
    entry.key = std::move(key);
    entry.key_pos = key_pos;
    Value(&entry.value, depth);
    index.Add(out->entries.size() - 1);
    SkipSpace();
    if (p_ < end_ && *p_ == ',') {
      ++p_;
      SkipSpace();
      after_comma = true;
      continue;
    }
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      return;
    }
    FailUnexpected("förväntade ',' eller '}'");
  }
}

void JsonParser::Array(Node* out, size_t depth) {
  out->kind = Kind::kSequence;
  ++p_;  // '['
  SkipSpace();
  if (p_ < end_ && *p_ == ']') {
    ++p_;
    return;
  }
  for (;;) {
    Value(&out->items.emplace_back(), depth);
    SkipSpace();
    if (p_ < end_ && *p_ == ',') {
      ++p_;
      SkipSpace();
      if (p_ < end_ && *p_ == ']') FailAt(p_, "avslutande kommatecken är inte tillåtet i JSON");
      continue;
    }
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      return;
    }
    FailUnexpected("förväntade ',' eller ']'");
  }
}

uint32_t JsonParser::Codepoint4() {
  // p_ is at the backslash of "\uXXXX".
  if (end_ - p_ < 6) FailAt(p_, kBadUnicodeEscape);
  uint32_t cp = 0;
  for (int i = 2; i < 6; ++i) {
    int h = HexValue(p_[i]);
    if (h < 0) FailAt(p_, kBadUnicodeEscape);
    cp = cp << 4 | static_cast<uint32_t>(h);
  }
  return cp;
}

void JsonParser::String(std::string* out) {
  ++p_;  // opening quote
  // Fast path: no escapes.
  const char* q = p_;
  uint32_t cont = 0;
  for (;;) {
    if (q == end_) {
      continuation_ += cont;
      p_ = q;
      FailEnd();
    }
    auto c = static_cast<unsigned char>(*q);
    if (c == '"') {
      out->assign(p_, q);
      continuation_ += cont;
      p_ = q + 1;
      return;
    }
    if (c == '\\') break;
    if (c < 0x20) {
      continuation_ += cont;
      FailAt(q, kControlInString);
    }
    cont += (c & 0xC0) == 0x80;
    ++q;
  }
  out->assign(p_, q);
  continuation_ += cont;
  p_ = q;
  for (;;) {
    if (p_ == end_) FailEnd();
    auto c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      ++p_;
      return;
    }
    if (c < 0x20) FailAt(p_, kControlInString);
    if (c != '\\') {
      continuation_ += (c & 0xC0) == 0x80;
      out->push_back(static_cast<char>(c));
      ++p_;
      continue;
    }
    if (p_ + 1 == end_) FailEnd();
    char e = p_[1];
    char simple = 0;
    switch (e) {
      case '"': simple = '"'; break;
      case '\\': simple = '\\'; break;
      case '/': simple = '/'; break;
      case 'b': simple = '\b'; break;
      case 'f': simple = '\f'; break;
      case 'n': simple = '\n'; break;
      case 'r': simple = '\r'; break;
      case 't': simple = '\t'; break;
      case 'u': break;
      default: FailAt(p_, kBadEscape);
    }
    if (simple != 0) {
      out->push_back(simple);
      p_ += 2;
      continue;
    }
    uint32_t cp = Codepoint4();
    if (cp >= 0xDC00 && cp <= 0xDFFF) FailAt(p_, kLoneSurrogate);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const char* high = p_;
      p_ += 6;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') FailAt(high, kLoneSurrogate);
      uint32_t low = Codepoint4();
      if (low < 0xDC00 || low > 0xDFFF) FailAt(high, kLoneSurrogate);
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(cp, out);
    p_ += 6;
  }
}

void JsonParser::Number(Node* out) {
  const char* start = p_;
  if (*p_ == '-') ++p_;
  if (p_ == end_ || !IsDigit(*p_)) FailAt(start, kBadNumber);
  if (*p_ == '0') {
    ++p_;
    if (p_ < end_ && IsDigit(*p_)) FailAt(start, "ogiltigt tal (inledande nolla)");
  } else {
    while (p_ < end_ && IsDigit(*p_)) ++p_;
  }
  bool integer = true;
  if (p_ < end_ && *p_ == '.') {
    ++p_;
    if (p_ == end_ || !IsDigit(*p_)) FailAt(start, kBadNumber);
    while (p_ < end_ && IsDigit(*p_)) ++p_;
    integer = false;
  }
  if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_;
    if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (p_ == end_ || !IsDigit(*p_)) FailAt(start, kBadNumber);
    while (p_ < end_ && IsDigit(*p_)) ++p_;
    integer = false;
  }
  if (p_ < end_ && (IsAlnum(*p_) || *p_ == '.')) FailAt(start, kBadNumber);
  if (integer) {
    auto [ptr, ec] = std::from_chars(start, p_, out->integer);
    if (ec != std::errc()) FailAt(start, kNumberTooLarge);
    out->kind = Kind::kInt;
    return;
  }
  auto [ptr, ec] = std::from_chars(start, p_, out->number);
  if (ec == std::errc::result_out_of_range) {
    // Overflow is an error; underflow (1e-400) is a value too small to tell from zero.
    if (DecimalOverflows(std::string_view(start, static_cast<size_t>(p_ - start))))
      FailAt(start, kNumberTooLarge);
    out->number = 0;
  } else if (ec != std::errc()) {
    FailAt(start, kBadNumber);
  }
  out->kind = Kind::kDouble;
}

void JsonParser::Literal(Node* out) {
  const char* start = p_;
  const char* q = p_;
  while (q < end_ && IsAlnum(*q)) ++q;
  std::string_view word(start, static_cast<size_t>(q - start));
  if (word == "true" || word == "false") {
    out->kind = Kind::kBool;
    out->boolean = word == "true";
  } else if (word == "null") {
    out->kind = Kind::kNull;
  } else if (EqualsIgnoreCase(word, "true") || EqualsIgnoreCase(word, "false") ||
             EqualsIgnoreCase(word, "null")) {
    FailAt(start, "ogiltigt värde (true, false och null skrivs med små bokstäver)");
  } else if (word == "NaN" || word == "Infinity") {
    FailAt(start, "NaN och Infinity är inte tillåtna i JSON");
  } else if (!word.empty()) {
    FailAt(start, "ogiltigt värde (text ska stå inom dubbla citattecken)");
  } else if (*p_ == '\'') {
    FailAt(start, "enkla citattecken är inte tillåtna i JSON");
  } else if (*p_ == '+' || *p_ == '.') {
    FailAt(start, kBadNumber);
  } else {
    FailAt(start, "förväntade ett värde");
  }
  p_ = q;
}

}  // namespace aktkoll::document::internal
