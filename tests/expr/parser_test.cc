// Parser: precedence, macros, and whole syntax-error messages with line, column and caret.
#include <doctest/doctest.h>

#include "test_util.h"

namespace aktkoll::expr::testing {
namespace {

TEST_CASE("precedence follows CEL") {
  CHECK(EvalStr("1 + 2 * 3") == "7");
  CHECK(EvalStr("(1 + 2) * 3") == "9");
  CHECK(EvalStr("10 - 4 - 3") == "3");
  CHECK(EvalStr("2 < 3 == true") == "true");
  CHECK(EvalStr("true || false && false") == "true");
  CHECK(EvalStr("false ? 1 : true ? 2 : 3") == "2");
  CHECK(EvalStr("-2 * -3") == "6");
  CHECK(EvalStr("!true || true") == "true");
  CHECK(EvalStr("1 in [1] && 2 in [2]") == "true");
  CHECK(EvalStr("[1, 2, 3][1 + 1]") == "3");
  CHECK(EvalStr("{'a': {'b': 5}}.a.b") == "5");
  CHECK(EvalStr("[1, 2,]") == "[1, 2]");
  CHECK(EvalStr("{'a': 1,}") == "{\"a\": 1}");
}

TEST_CASE("int literals at the edge of the range") {
  CHECK(EvalStr("-9223372036854775808") == "-9223372036854775808");
  CHECK(EvalStr("9223372036854775807") == "9223372036854775807");
  CHECK(CompileErrors("9223372036854775808") ==
        "t:1:1: fel: heltalet ryms inte i 64 bitar: 9223372036854775808\n"
        " | 9223372036854775808\n"
        " | ^");
}

TEST_CASE("syntax errors: whole messages with caret") {
  CHECK(CompileErrors("a + + b") ==
        "t:1:5: fel: oväntat tecken '+'\n"
        " | a + + b\n"
        " | ....^");
  CHECK(CompileErrors("a + + b", Lang::kEn) ==
        "t:1:5: error: unexpected token '+'\n"
        " | a + + b\n"
        " | ....^");
  CHECK(CompileErrors("(1 + 2") ==
        "t:1:7: fel: förväntade ')' men fann slutet av uttrycket\n"
        " | (1 + 2\n"
        " | ......^");
  CHECK(CompileErrors("x &&\n  y +") ==
        "t:2:6: fel: uttrycket slutar för tidigt\n"
        " |   y +\n"
        " | .....^");
  CHECK(CompileErrors("x.") ==
        "t:1:3: fel: förväntade ett fältnamn efter '.' men fann slutet av uttrycket\n"
        " | x.\n"
        " | ..^");
  CHECK(CompileErrors("if") ==
        "t:1:1: fel: 'if' är ett reserverat ord\n"
        " | if\n"
        " | ^");
  CHECK(CompileErrors("x 1") ==
        "t:1:3: fel: oväntat '1'\n"
        " | x 1\n"
        " | ..^");
}

TEST_CASE("columns count characters, not bytes") {
  CHECK(CompileErrors("'åäö' + + 1") ==
        "t:1:9: fel: oväntat tecken '+'\n"
        " | 'åäö' + + 1\n"
        " | ........^");
}

TEST_CASE("macro syntax errors") {
  CHECK(CompileErrors("l.all(1, true)") ==
        "t:1:7: fel: iterationsvariabeln måste vara ett enkelt namn\n"
        " | l.all(1, true)\n"
        " | ......^");
  CHECK(CompileErrors("has(x)") ==
        "t:1:5: fel: has() kräver ett fältval, t.ex. has(a.b)\n"
        " | has(x)\n"
        " | ....^");
  CHECK(CompileErrors("m.all(k, k, true)") ==
        "t:1:10: fel: iterationsvariablerna måste ha olika namn\n"
        " | m.all(k, k, true)\n"
        " | .........^");
}

TEST_CASE("reserved words are fine as field and method names") {
  CHECK(EvalStr("{'if': 1}.if") == "1");
  CHECK(EvalStr("{'a-b': 2}.`a-b`") == "2");
}

}  // namespace
}  // namespace aktkoll::expr::testing
