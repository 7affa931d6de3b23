// A strict (RFC 8259) JSON parser that records the line and column of every value.
// Recursive descent over a byte range of a larger text, so JSON Lines and top-level array
// elements keep file positions. Depth is checked before recursing; duplicate keys,
// comments, trailing commas, bad escapes and numbers that do not fit are errors (thrown as
// internal::LoadFailure, caught by the loaders). The input has passed CheckEncoding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "document/internal.h"

namespace aktkoll::document::internal {

class JsonParser {
 public:
  // Parses text[begin, end). `line` is the 1-based line of `begin` and `line_start` the
  // offset where that line starts. `in_line` says the range is one JSON Lines line, which
  // changes the message for input that ends too early.
  JsonParser(std::string_view text, size_t begin, size_t end, uint32_t line,
             size_t line_start, const Limits& limits, bool in_line);

  // Skips whitespace; true when the range is exhausted.
  bool AtEnd();
  // The next non-space byte (call AtEnd first).
  char Peek() const { return *p_; }
  Position Here() const { return PositionAt(p_); }
  size_t Offset() const { return static_cast<size_t>(p_ - text_.data()); }

  // Parses one value into *out (resetting the node counter first).
  void ParseValue(Node* out);
  // For streaming a top-level array: consumes '['; then NextElement() says whether
  // another element follows (consuming ',' / ']'), after which ParseValue reads it.
  void BeginArray();
  bool NextElement();
  // Fails with "oväntat innehåll efter JSON-värdet" unless only whitespace remains.
  void ExpectEnd();

 private:
  void Value(Node* out, size_t depth);
  void Object(Node* out, size_t depth);
  void Array(Node* out, size_t depth);
  void String(std::string* out);
  void Number(Node* out);
  void Literal(Node* out);
  void SkipSpace();
  void CountNode();
  uint32_t Codepoint4();
  [[noreturn]] void FailAt(const char* at, std::string message) const;
  // At the end of the input: "oväntat slut på filen" (or "på raden"), else `expected`.
  [[noreturn]] void FailUnexpected(const char* expected) const;
  [[noreturn]] void FailEnd() const;
  Position PositionAt(const char* at) const;

  std::string_view text_;
  const char* p_;
  const char* end_;
  uint32_t line_;
  const char* line_start_;
  // Continuation bytes (UTF-8 bytes that are not a code point's first) seen on the current
  // line; only strings may hold them, so a column is bytes minus these.
  uint32_t continuation_ = 0;
  const Limits& limits_;
  bool in_line_;
  size_t nodes_ = 0;
  bool array_first_ = true;
};

}  // namespace aktkoll::document::internal
