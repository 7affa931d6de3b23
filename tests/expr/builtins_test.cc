// The standard library families: strings, conversions, size, timestamps and durations.
#include <doctest/doctest.h>

#include "test_util.h"

namespace aktkoll::expr::testing {
namespace {

TEST_CASE("strings") {
  CHECK(EvalStr("'barnets utveckling'.contains('utv')") == "true");
  CHECK(EvalStr("'abc'.startsWith('ab') && 'abc'.endsWith('bc')") == "true");
  CHECK(EvalStr("size('åäö')") == "3");
  CHECK(EvalStr("'åäö'.size()") == "3");
  CHECK(EvalStr("'2025-03-01'.matches('^[0-9]{4}-[0-9]{2}-[0-9]{2}$')") == "true");
  CHECK(EvalStr("matches('abc', 'b')") == "true");
  CHECK(EvalStr("'a'.matches(x)", {{"x", Value::String("(")}}) ==
        "error: ogiltigt reguljärt uttryck '(': missing ): (");
  CHECK(EvalStr("'ab' + 'cd'") == "\"abcd\"");
}

TEST_CASE("has_text: more than white space") {
  CHECK(EvalStr("has_text('Wilma')") == "true");
  CHECK(EvalStr("has_text(' x ')") == "true");
  CHECK(EvalStr("has_text('')") == "false");
  CHECK(EvalStr("has_text(' \\t\\n\\r ')") == "false");
  CHECK(EvalStr("has_text(x)", {{"x", Value::String("\xC2\xA0 \xC2\xA0")}}) == "false");
  CHECK(EvalStr("has_text(x)", {{"x", Value::String("\xC2\xA0å")}}) == "true");
  // Not a string: null holds no text; a number or a list is a value all the same.
  CHECK(EvalStr("has_text(null)") == "false");
  CHECK(EvalStr("has_text(0)") == "true");
  CHECK(EvalStr("has_text([])") == "true");
}

TEST_CASE("conversions") {
  CHECK(EvalStr("int('-42')") == "-42");
  CHECK(EvalStr("int(2.9)") == "2");
  CHECK(EvalStr("double('2.5')") == "2.5");
  CHECK(EvalStr("double(3)") == "3.0");
  CHECK(EvalStr("string(1.5)") == "\"1.5\"");
  CHECK(EvalStr("string(true)") == "\"true\"");
  CHECK(EvalStr("bool('false')") == "false");
  CHECK(EvalStr("bool('nej')") == "error: 'nej' är inget sanningsvärde");
  CHECK(EvalStr("double('')") == "error: '' är inget tal");
}

TEST_CASE("size of collections") {
  CHECK(EvalStr("size([1, 2]) + [1].size() + size({'a': 1})") == "4");
}

TEST_CASE("timestamps and durations") {
  CHECK(EvalStr("string(timestamp('2025-03-01T10:00:00+01:00'))") == "\"2025-03-01T09:00:00Z\"");
  CHECK(EvalStr("timestamp('2025-03-01T10:00:00Z').getFullYear()") == "2025");
  CHECK(EvalStr("timestamp('2025-03-01T10:00:00Z').getMonth()") == "2");
  CHECK(EvalStr("timestamp('2025-03-01T23:30:00Z').getDate('+01:00')") == "2");
  CHECK(EvalStr("timestamp('2025-03-01T23:30:00Z').getHours('-02:30')") == "21");
  CHECK(EvalStr("timestamp('2024-12-31T12:00:00Z').getDayOfYear()") == "365");
  CHECK(EvalStr("timestamp('2025-03-01T00:00:00Z').getDayOfWeek()") == "6");
  CHECK(EvalStr("timestamp('2025-03-01T00:00:00Z').getHours('Europe/Stockholm')") ==
        "error: tidszonen 'Europe/Stockholm' stöds inte (endast UTC och fasta förskjutningar som '+01:00')");
  CHECK(EvalStr("string(duration('1h30m'))") == "\"5400s\"");
  CHECK(EvalStr("string(duration('-1.5s'))") == "\"-1.5s\"");
  CHECK(EvalStr("duration('90m').getHours()") == "1");
  CHECK(EvalStr("timestamp('2025-01-01T00:00:00Z') + duration('24h') > timestamp('2025-01-01T23:59:59Z')") == "true");
  CHECK(EvalStr("string(timestamp('2025-01-02T00:00:00Z') - timestamp('2025-01-01T00:00:00Z'))") == "\"86400s\"");
  CHECK(EvalStr("timestamp('2025-02-30T00:00:00Z')") ==
        "error: '2025-02-30T00:00:00Z' är ingen giltig tidpunkt (RFC 3339, år 0001–9999)");
  CHECK(EvalStr("duration('5 days')") == "error: '5 days' är ingen giltig varaktighet (t.ex. '90s', '1h30m')");
  CHECK(EvalStr("timestamp('9999-12-31T23:59:59Z') + duration('1s')") == "error: spill i '+'");
}

}  // namespace
}  // namespace aktkoll::expr::testing
