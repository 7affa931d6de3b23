// Lexer: token kinds, literal decoding and lexical errors.
#include "expr/lexer.h"

#include <doctest/doctest.h>

namespace aktkoll::expr::internal {
namespace {

std::vector<Tok> Kinds(std::string_view src) {
  std::vector<Tok> out;
  for (const Token& t : Lex(src, Lang::kSv)) out.push_back(t.kind);
  return out;
}

std::string OneString(std::string_view src) {
  auto toks = Lex(src, Lang::kEn);
  REQUIRE(toks.size() == 2);
  REQUIRE(toks[0].kind == Tok::kString);
  return toks[0].text;
}

TEST_CASE("operators and punctuation") {
  CHECK(Kinds("a<=b&&!c||d!=e") ==
        std::vector<Tok>{Tok::kIdent, Tok::kLe, Tok::kIdent, Tok::kAnd, Tok::kBang, Tok::kIdent,
                         Tok::kOr, Tok::kIdent, Tok::kNe, Tok::kIdent, Tok::kEof});
  CHECK(Kinds("x in [1, 2.5]") ==
        std::vector<Tok>{Tok::kIdent, Tok::kIn, Tok::kLBracket, Tok::kInt, Tok::kComma,
                         Tok::kDouble, Tok::kRBracket, Tok::kEof});
  CHECK(Kinds("true false null // comment\n") ==
        std::vector<Tok>{Tok::kTrue, Tok::kFalse, Tok::kNull, Tok::kEof});
}

TEST_CASE("numbers") {
  auto t = Lex("0x1F 42 .5 1e3 2.5e-1", Lang::kSv);
  CHECK(t[0].int_magnitude == 31);
  CHECK(t[1].int_magnitude == 42);
  CHECK(t[2].double_value == 0.5);
  CHECK(t[3].kind == Tok::kDouble);
  CHECK(t[3].double_value == 1000.0);
  CHECK(t[4].double_value == 0.25);
  auto big = Lex("99999999999999999999", Lang::kSv);
  CHECK(big[0].int_too_big);
}

TEST_CASE("string escapes, raw and triple-quoted strings") {
  CHECK(OneString(R"('a\nb\t\'')") == "a\nb\t'");
  CHECK(OneString(R"("\x41\101\u00e5\U0001F431")") == "AAå\xF0\x9F\x90\xB1");
  CHECK(OneString(R"(r'\n\d')") == "\\n\\d");
  CHECK(OneString("'''two\nlines'''") == "two\nlines");
  CHECK(OneString(R"("""say "hi" """)") == "say \"hi\" ");
  CHECK(OneString("'\xC3\xA5ngest'") == "\xC3\xA5ngest");
}

TEST_CASE("backquoted field names") {
  auto t = Lex("a.`content-type`", Lang::kSv);
  REQUIRE(t.size() == 4);
  CHECK(t[2].kind == Tok::kQuotedIdent);
  CHECK(t[2].text == "content-type");
}

TEST_CASE("lexical errors carry a message and an offset") {
  auto bad = [](std::string_view src, Lang lang = Lang::kSv) {
    auto t = Lex(src, lang);
    REQUIRE(t.back().kind == Tok::kError);
    return std::to_string(t.back().offset) + " " + t.back().text;
  };
  CHECK(bad("'abc") == "0 strängen avslutas aldrig");
  CHECK(bad("'abc", Lang::kEn) == "0 unterminated string");
  CHECK(bad("'a\nb'") == "2 radbrytning i sträng (använd \\n eller ''' … ''')");
  CHECK(bad(R"('\q')") == "1 ogiltig escape-sekvens i sträng");
  CHECK(bad(R"('\uD800')") == "1 ogiltig escape-sekvens i sträng");
  CHECK(bad("a # b") == "2 ogiltigt tecken '#'");
  CHECK(bad("a = b") == "2 ensamt '=': jämförelse skrivs '=='");
  CHECK(bad("1u") == "0 heltal utan tecken (uint) stöds inte");
  CHECK(bad("12abc") == "0 felaktigt tal '12abc'");
  CHECK(bad("0x") == "0 hexadecimalt tal saknar siffror");
}

TEST_CASE("UTF-8 validation") {
  size_t bad = 0;
  CHECK(ValidUtf8("\xC3\xA5\xE2\x9C\x8C", &bad));
  CHECK_FALSE(ValidUtf8("ab\xC3", &bad));
  CHECK(bad == 2);
  CHECK_FALSE(ValidUtf8("\xED\xA0\x80", &bad));  // an encoded surrogate
  CHECK_FALSE(ValidUtf8("\xC0\x80", &bad));      // overlong
}

}  // namespace
}  // namespace aktkoll::expr::internal
