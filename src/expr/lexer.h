// Lexer: turns CEL source text into tokens with byte offsets. String literals are decoded
// here (escapes, raw and triple-quoted forms), numbers are range-checked by the parser.
// The first malformed token stops lexing with an error token carrying a message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "expr/result.h"

namespace aktkoll::expr::internal {

enum class Tok {
  kEof, kError,
  kInt, kDouble, kString, kIdent, kQuotedIdent,  // kQuotedIdent: `a-b` after a dot
  kTrue, kFalse, kNull, kIn,
  kPlus, kMinus, kStar, kSlash, kPercent, kBang,
  kEq, kNe, kLt, kLe, kGt, kGe, kAnd, kOr,
  kQuestion, kColon, kDot, kComma, kLBracket, kRBracket, kLBrace, kRBrace, kLParen, kRParen,
};

struct Token {
  Tok kind = Tok::kEof;
  uint32_t offset = 0;     // byte offset of the token's first character
  uint32_t length = 0;     // bytes of source it spans
  std::string text;        // identifier name, decoded string, number text, or error message
  uint64_t int_magnitude = 0;  // kInt: the value before any sign; see int_too_big
  bool int_too_big = false;    // kInt: does not fit in 64 bits at all
  double double_value = 0;
};

// Lexes all of `source`. On error the last token is kError with its message (in `lang`)
// and offset; otherwise the last token is kEof.
std::vector<Token> Lex(std::string_view source, Lang lang);

// Whether `s` is valid UTF-8; on failure *bad_offset is the first bad byte.
bool ValidUtf8(std::string_view s, size_t* bad_offset);

// Reserved words that cannot be identifiers (but may follow a dot).
bool IsReservedWord(std::string_view word);

// Text of a token kind for messages, e.g. "'+'" or "slutet av uttrycket".
std::string TokenText(const Token& token, Lang lang);

}  // namespace aktkoll::expr::internal
