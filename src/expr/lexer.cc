// CEL lexer. Follows the cel-spec lexical grammar: decimal and hex integers, doubles with
// optional exponent or leading dot, four quote styles with an optional raw prefix, and
// backquoted field names.
#include "expr/lexer.h"

#include <charconv>
#include <cstdlib>

#include "expr/messages.h"

namespace aktkoll::expr::internal {

namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c); }
int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Lexer {
 public:
  Lexer(std::string_view src, Lang lang) : src_(src), lang_(lang) {}

  std::vector<Token> Run() {
    std::vector<Token> out;
    out.reserve(src_.size() / 4 + 2);  // about one token per four bytes in rule expressions
    while (true) {
      Token t = Next();
      Tok k = t.kind;
      out.push_back(std::move(t));
      if (k == Tok::kEof || k == Tok::kError) break;
    }
    return out;
  }

 private:
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }

  Token Make(Tok kind, size_t start) {
    Token t;
    t.kind = kind;
    t.offset = static_cast<uint32_t>(start);
    t.length = static_cast<uint32_t>(pos_ - start);
    return t;
  }

  Token Fail(size_t at, std::string message) {
    Token t;
    t.kind = Tok::kError;
    t.offset = static_cast<uint32_t>(at);
    t.text = std::move(message);
    return t;
  }

  void SkipSpaceAndComments() {
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        ++pos_;
      } else if (c == '/' && Peek(1) == '/') {
        while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  Token Next() {
    SkipSpaceAndComments();
    size_t start = pos_;
    if (pos_ >= src_.size()) return Make(Tok::kEof, start);
    char c = src_[pos_];
    if ((c == 'r' || c == 'R') && (Peek(1) == '\'' || Peek(1) == '"')) {
      ++pos_;
      return String(start, /*raw=*/true);
    }
    if (c == '\'' || c == '"') return String(start, /*raw=*/false);
    if (IsIdentStart(c)) {
      while (pos_ < src_.size() && IsIdentChar(src_[pos_])) ++pos_;
      std::string_view word = src_.substr(start, pos_ - start);
      Tok kind = Tok::kIdent;
      if (word == "true") kind = Tok::kTrue;
      else if (word == "false") kind = Tok::kFalse;
      else if (word == "null") kind = Tok::kNull;
      else if (word == "in") kind = Tok::kIn;
      Token t = Make(kind, start);
      t.text = std::string(word);
      return t;
    }
    if (IsDigit(c) || (c == '.' && IsDigit(Peek(1)))) return Number(start);
    if (c == '`') {
      ++pos_;
      while (pos_ < src_.size() && src_[pos_] != '`' && src_[pos_] != '\n') ++pos_;
      if (Peek() != '`' || pos_ == start + 1)
        return Fail(start, Msg(lang_, "ofullständigt fältnamn inom `…`",
                               "unterminated or empty `…` field name"));
      std::string name(src_.substr(start + 1, pos_ - start - 1));
      ++pos_;
      Token t = Make(Tok::kQuotedIdent, start);
      t.text = std::move(name);
      return t;
    }
    ++pos_;
    auto two = [&](char next, Tok yes, Tok no) {
      if (Peek() == next) { ++pos_; return Make(yes, start); }
      return Make(no, start);
    };
    switch (c) {
      case '+': return Make(Tok::kPlus, start);
      case '-': return Make(Tok::kMinus, start);
      case '*': return Make(Tok::kStar, start);
      case '/': return Make(Tok::kSlash, start);
      case '%': return Make(Tok::kPercent, start);
      case '?': return Make(Tok::kQuestion, start);
      case ':': return Make(Tok::kColon, start);
      case '.': return Make(Tok::kDot, start);
      case ',': return Make(Tok::kComma, start);
      case '[': return Make(Tok::kLBracket, start);
      case ']': return Make(Tok::kRBracket, start);
      case '{': return Make(Tok::kLBrace, start);
      case '}': return Make(Tok::kRBrace, start);
      case '(': return Make(Tok::kLParen, start);
      case ')': return Make(Tok::kRParen, start);
      case '!': return two('=', Tok::kNe, Tok::kBang);
      case '<': return two('=', Tok::kLe, Tok::kLt);
      case '>': return two('=', Tok::kGe, Tok::kGt);
      case '=':
        if (Peek() == '=') { ++pos_; return Make(Tok::kEq, start); }
        return Fail(start, Msg(lang_, "ensamt '=': jämförelse skrivs '=='",
                               "single '=': comparison is written '=='"));
      case '&':
        if (Peek() == '&') { ++pos_; return Make(Tok::kAnd, start); }
        return Fail(start, Msg(lang_, "ensamt '&': logiskt och skrivs '&&'",
                               "single '&': logical and is written '&&'"));
      case '|':
        if (Peek() == '|') { ++pos_; return Make(Tok::kOr, start); }
        return Fail(start, Msg(lang_, "ensamt '|': logiskt eller skrivs '||'",
                               "single '|': logical or is written '||'"));
      default: break;
    }
    // Show the whole (possibly multi-byte) character.
    size_t len = 1;
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0xF0) len = 4; else if (u >= 0xE0) len = 3; else if (u >= 0xC0) len = 2;
    std::string shown(src_.substr(start, len));
    if (u < 0x20 || u == 0x7F) shown = "\\x" + std::string(1, "0123456789abcdef"[u >> 4]) +
                                        std::string(1, "0123456789abcdef"[u & 15]);
    return Fail(start, Msg(lang_, "ogiltigt tecken '", "invalid character '") + shown + "'");
  }

  Token Number(size_t start) {
    bool is_double = false;
    if (Peek() == '0' && (Peek(1) == 'x' || Peek(1) == 'X')) {
      pos_ += 2;
      size_t digits = pos_;
      uint64_t v = 0;
      bool big = false;
      while (HexVal(Peek()) >= 0) {
        if (v > (UINT64_MAX >> 4)) big = true;
        v = (v << 4) | static_cast<uint64_t>(HexVal(Peek()));
        ++pos_;
      }
      if (pos_ == digits)
        return Fail(start, Msg(lang_, "hexadecimalt tal saknar siffror", "hex number has no digits"));
      if (Peek() == 'u' || Peek() == 'U')
        return Fail(start, Msg(lang_, "heltal utan tecken (uint) stöds inte",
                               "unsigned integers (uint) are not supported"));
      if (IsIdentChar(Peek())) return BadNumber(start);
      Token t = Make(Tok::kInt, start);
      t.int_magnitude = v;
      t.int_too_big = big;
      t.text = std::string(src_.substr(start, pos_ - start));
      return t;
    }
    while (IsDigit(Peek())) ++pos_;
    if (Peek() == '.' && IsDigit(Peek(1))) {
      is_double = true;
      ++pos_;
      while (IsDigit(Peek())) ++pos_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      size_t save = pos_;
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (!IsDigit(Peek())) {
        pos_ = save;
        return BadNumber(start);
      }
      while (IsDigit(Peek())) ++pos_;
      is_double = true;
    }
    std::string text(src_.substr(start, pos_ - start));
    if (!is_double && (Peek() == 'u' || Peek() == 'U'))
      return Fail(start, Msg(lang_, "heltal utan tecken (uint) stöds inte",
                             "unsigned integers (uint) are not supported"));
    if (IsIdentChar(Peek())) return BadNumber(start);
    Token t = Make(is_double ? Tok::kDouble : Tok::kInt, start);
    t.text = text;
    if (is_double) {
      t.double_value = std::strtod(text.c_str(), nullptr);
    } else {
      auto r = std::from_chars(text.data(), text.data() + text.size(), t.int_magnitude);
      t.int_too_big = r.ec != std::errc();
    }
    return t;
  }

  Token BadNumber(size_t start) {
    while (IsIdentChar(Peek())) ++pos_;
    return Fail(start, Msg(lang_, "felaktigt tal '", "malformed number '") +
                           std::string(src_.substr(start, pos_ - start)) + "'");
  }

  Token String(size_t start, bool raw) {
    char q = src_[pos_];
    bool triple = Peek(1) == q && Peek(2) == q;
    pos_ += triple ? 3 : 1;
    std::string out;
    while (true) {
      if (pos_ >= src_.size())
        return Fail(start, Msg(lang_, "strängen avslutas aldrig", "unterminated string"));
      char c = src_[pos_];
      if (c == q && (!triple || (Peek(1) == q && Peek(2) == q))) {
        pos_ += triple ? 3 : 1;
        break;
      }
      if (!triple && (c == '\n' || c == '\r'))
        return Fail(pos_, Msg(lang_, "radbrytning i sträng (använd \\n eller ''' … ''')",
                              "line break in string (use \\n or ''' … ''')"));
      if (c == '\\' && !raw) {
        size_t esc = pos_;
        if (!Escape(out)) {
          return Fail(esc, Msg(lang_, "ogiltig escape-sekvens i sträng",
                               "invalid escape sequence in string"));
        }
        continue;
      }
      out += c;
      ++pos_;
    }
    Token t = Make(Tok::kString, start);
    t.text = std::move(out);
    return t;
  }

  // Decodes one escape at pos_ (a backslash); false when malformed.
  bool Escape(std::string& out) {
    ++pos_;
    if (pos_ >= src_.size()) return false;
    char c = src_[pos_++];
    switch (c) {
      case 'a': out += '\a'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'v': out += '\v'; return true;
      case '\\': case '\'': case '"': case '`': case '?': out += c; return true;
      case 'x': case 'X': return CodePoint(2, out);
      case 'u': return CodePoint(4, out);
      case 'U': return CodePoint(8, out);
      default: break;
    }
    if (c >= '0' && c <= '3') {
      uint32_t v = static_cast<uint32_t>(c - '0');
      for (int i = 0; i < 2; ++i) {
        char d = Peek();
        if (d < '0' || d > '7') return false;
        v = v * 8 + static_cast<uint32_t>(d - '0');
        ++pos_;
      }
      AppendUtf8(out, v);
      return true;
    }
    return false;
  }

  bool CodePoint(int digits, std::string& out) {
    uint32_t v = 0;
    for (int i = 0; i < digits; ++i) {
      int h = HexVal(Peek());
      if (h < 0) return false;
      v = v * 16 + static_cast<uint32_t>(h);
      ++pos_;
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
    AppendUtf8(out, v);
    return true;
  }

  std::string_view src_;
  Lang lang_;
  size_t pos_ = 0;
};

}  // namespace

std::vector<Token> Lex(std::string_view source, Lang lang) { return Lexer(source, lang).Run(); }

bool ValidUtf8(std::string_view s, size_t* bad_offset) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
    else { *bad_offset = i; return false; }
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
        *bad_offset = i;
        return false;
      }
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      *bad_offset = i;
      return false;
    }
    i += n + 1;
  }
  return true;
}

bool IsReservedWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "as", "break", "const", "continue", "else", "for", "function", "if", "import",
      "let", "loop", "package", "namespace", "return", "var", "void", "while"};
  for (std::string_view k : kWords)
    if (k == w) return true;
  return false;
}

std::string TokenText(const Token& t, Lang lang) {
  switch (t.kind) {
    case Tok::kEof: return Msg(lang, "slutet av uttrycket", "end of expression");
    case Tok::kError: return t.text;
    case Tok::kInt: case Tok::kDouble: return "'" + t.text + "'";
    case Tok::kString: return Msg(lang, "en sträng", "a string");
    case Tok::kIdent: case Tok::kQuotedIdent: return "'" + t.text + "'";
    case Tok::kTrue: return "'true'";
    case Tok::kFalse: return "'false'";
    case Tok::kNull: return "'null'";
    case Tok::kIn: return "'in'";
    case Tok::kPlus: return "'+'";
    case Tok::kMinus: return "'-'";
    case Tok::kStar: return "'*'";
    case Tok::kSlash: return "'/'";
    case Tok::kPercent: return "'%'";
    case Tok::kBang: return "'!'";
    case Tok::kEq: return "'=='";
    case Tok::kNe: return "'!='";
    case Tok::kLt: return "'<'";
    case Tok::kLe: return "'<='";
    case Tok::kGt: return "'>'";
    case Tok::kGe: return "'>='";
    case Tok::kAnd: return "'&&'";
    case Tok::kOr: return "'||'";
    case Tok::kQuestion: return "'?'";
    case Tok::kColon: return "':'";
    case Tok::kDot: return "'.'";
    case Tok::kComma: return "','";
    case Tok::kLBracket: return "'['";
    case Tok::kRBracket: return "']'";
    case Tok::kLBrace: return "'{'";
    case Tok::kRBrace: return "'}'";
    case Tok::kLParen: return "'('";
    case Tok::kRParen: return "')'";
  }
  return "?";
}

}  // namespace aktkoll::expr::internal
