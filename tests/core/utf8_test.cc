// Utf8SequenceLength: the lengths of well-formed sequences, and the edges of RFC 3629
// (overlong forms, surrogates, U+10FFFF, truncation) with the Latin-1 hint.
#include <doctest/doctest.h>

#include "core/utf8.h"

using aktkoll::core::Utf8SequenceLength;

TEST_CASE("Utf8SequenceLength accepts well-formed UTF-8 and nothing else") {
  CHECK(Utf8SequenceLength("a", 0) == 1);
  CHECK(Utf8SequenceLength("\xc3\xa5", 0) == 2);           // å
  CHECK(Utf8SequenceLength("\xe2\x82\xac", 0) == 3);       // €
  CHECK(Utf8SequenceLength("\xf0\x9d\x84\x9e", 0) == 4);   // 𝄞
  CHECK(Utf8SequenceLength("\xf4\x8f\xbf\xbf", 0) == 4);   // U+10FFFF
  CHECK(Utf8SequenceLength("\xed\x9f\xbf", 0) == 3);       // U+D7FF
  bool latin1 = false;
  CHECK(Utf8SequenceLength("\xe5 ", 0, &latin1) == 0);     // Latin-1 å
  CHECK(latin1);
  CHECK(Utf8SequenceLength("\xc0\x80", 0, &latin1) == 0);  // overlong NUL
  CHECK(latin1);
  CHECK(Utf8SequenceLength("\xe0\x9f\xbf", 0, &latin1) == 0);  // overlong
  CHECK_FALSE(latin1);
  CHECK(Utf8SequenceLength("\xed\xa0\x80", 0, &latin1) == 0);  // surrogate
  CHECK_FALSE(latin1);
  CHECK(Utf8SequenceLength("\xf4\x90\x80\x80", 0, &latin1) == 0);  // beyond U+10FFFF
  CHECK_FALSE(latin1);
  CHECK(Utf8SequenceLength("\xf5\x80\x80\x80", 0) == 0);
  CHECK(Utf8SequenceLength("\x80", 0) == 0);
  CHECK(Utf8SequenceLength("\xe2\x82", 0) == 0);           // cut short
  CHECK(Utf8SequenceLength("x\xc3\xa5", 1) == 2);          // from an offset
}
