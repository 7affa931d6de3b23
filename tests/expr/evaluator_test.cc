// Evaluation semantics: error absorption, overflow, has(), macros, equality.
#include <doctest/doctest.h>

#include "test_util.h"

namespace aktkoll::expr::testing {
namespace {

TEST_CASE("&& and || absorb errors when the other side decides, in either order") {
  CHECK(EvalStr("x.missing && false", {{"x", MakeMap({})}}) == "false");
  CHECK(EvalStr("false && x.missing", {{"x", MakeMap({})}}) == "false");
  CHECK(EvalStr("x.missing || true", {{"x", MakeMap({})}}) == "true");
  CHECK(EvalStr("true || x.missing", {{"x", MakeMap({})}}) == "true");
  CHECK(EvalStr("x.missing && true", {{"x", MakeMap({})}}) == "error: fältet 'missing' finns inte");
  CHECK(EvalStr("false || 1 / 0 > 1") == "error: division med noll");
  CHECK(EvalStr("x && false", {{"x", Value::Int(1)}}) == "false");
  CHECK(EvalStr("x && true", {{"x", Value::Int(1)}}) == "error: '&&' saknar variant för (int, bool)");
}

TEST_CASE("integer overflow, division by zero and bad conversions are errors") {
  CHECK(EvalStr("9223372036854775807 + 1") == "error: spill i '+'");
  CHECK(EvalStr("-9223372036854775808 - 1") == "error: spill i '-'");
  CHECK(EvalStr("5000000000 * 5000000000") == "error: spill i '*'");
  CHECK(EvalStr("-(-9223372036854775808)") == "error: spill i '-'");
  CHECK(EvalStr("-9223372036854775808 / -1") == "error: spill i '/'");
  CHECK(EvalStr("1 / 0") == "error: division med noll");
  CHECK(EvalStr("1 % 0") == "error: modulo med noll");
  CHECK(EvalStr("-7 / 2") == "-3");
  CHECK(EvalStr("-7 % 2") == "-1");
  CHECK(EvalStr("1.0 / 0.0") == "+Inf");
  CHECK(EvalStr("int('12x')") == "error: '12x' är inget heltal");
  CHECK(EvalStr("int(1e19)") == "error: talet ryms inte i int");
}

TEST_CASE("missing keys are errors unless has() guards them") {
  const Value c = MakeMap({{Value::String("plan"), MakeMap({{Value::String("goals"), MakeList({})}})}});
  CHECK(EvalStr("x.absent", {{"x", c}}) == "error: fältet 'absent' finns inte");
  CHECK(EvalStr("x['absent']", {{"x", c}}) == "error: nyckeln \"absent\" finns inte");
  CHECK(EvalStr("has(x.absent)", {{"x", c}}) == "false");
  CHECK(EvalStr("has(x.plan)", {{"x", c}}) == "true");
  CHECK(EvalStr("has(x.plan.goals)", {{"x", c}}) == "true");
  CHECK(EvalStr("has(x.absent) && x.absent > 1", {{"x", c}}) == "false");
  CHECK(EvalStr("has(x.absent.deeper)", {{"x", c}}) == "error: fältet 'absent' finns inte");
  CHECK(EvalStr("has(x.a)", {{"x", Value::Int(1)}}) == "error: fältval ('.a') på int stöds inte");
  CHECK(EvalStr("[1][5]") == "error: index 5 ligger utanför listan (storlek 1)");
}

TEST_CASE("equality is heterogeneous for numbers and never an error") {
  CHECK(EvalStr("1 == 1.0") == "true");
  CHECK(EvalStr("[1, 'a'] == [1.0, 'a']") == "true");
  CHECK(EvalStr("{'a': 1, 'b': 2} == {'b': 2, 'a': 1}") == "true");
  CHECK(EvalStr("x == 'a'", {{"x", Value::Int(1)}}) == "false");
  CHECK(EvalStr("x != null", {{"x", Value::Int(1)}}) == "true");
  CHECK(EvalStr("0.0 / 0.0 == 0.0 / 0.0") == "false");
  CHECK(EvalStr("1 < 1.5 && 2.0 > 1") == "true");
}

TEST_CASE("macros") {
  CHECK(EvalStr("[1, 2, 3].all(e, e > 0)") == "true");
  CHECK(EvalStr("[1, 2, 3].exists(e, e == 2)") == "true");
  CHECK(EvalStr("[1, 2, 3].exists_one(e, e > 1)") == "false");
  CHECK(EvalStr("[1, 2, 3].existsOne(e, e > 2)") == "true");
  CHECK(EvalStr("[1, 2, 3].map(e, e * 2)") == "[2, 4, 6]");
  CHECK(EvalStr("[1, 2, 3].map(e, e > 1, e * 10)") == "[20, 30]");
  CHECK(EvalStr("[1, 2, 3].filter(e, e != 2)") == "[1, 3]");
  CHECK(EvalStr("{'a': 1, 'b': 2}.filter(k, k == 'b')") == "[\"b\"]");
  CHECK(EvalStr("{'a': 1, 'b': 2}.all(k, v, v > 0 && k != '')") == "true");
  CHECK(EvalStr("['x', 'y'].exists(i, v, i == 1 && v == 'y')") == "true");
  CHECK(EvalStr("['x', 'y'].transformList(i, v, v + string(i))") == "[\"x0\", \"y1\"]");
  CHECK(EvalStr("{'a': 1}.transformMap(k, v, v + 1)") == "{\"a\": 2}");
  // An error in one iteration is absorbed when another decides the result...
  CHECK(EvalStr("[0, 1].exists(e, 1 / e == 1)") == "true");
  CHECK(EvalStr("[0, 1].all(e, 1 / e == 5)") == "false");
  // ...and surfaces when none does.
  CHECK(EvalStr("[0, 1].all(e, 1 / e == 1)") == "error: division med noll");
  CHECK(EvalStr("[0, 1].map(e, 1 / e)") == "error: division med noll");
  // Nested comprehensions keep their own variables.
  CHECK(EvalStr("[[1, 2], [3]].map(a, a.map(b, b * 10))") == "[[10, 20], [30]]");
  CHECK(EvalStr("[1, 2].all(e, [3, 4].all(f, e < f))") == "true");
}

TEST_CASE("maps built by expressions") {
  CHECK(EvalStr("{'a': 1, 'a': 2}") == "error: nyckeln \"a\" förekommer två gånger i mappen");
  CHECK(EvalStr("{x: 1}", {{"x", Value::Double(1.5)}}) == "error: en map-nyckel kan inte vara double");
  CHECK(EvalStr("'a' in {'a': 1}") == "true");
  CHECK(EvalStr("2 in {1: 'a'}") == "false");
  // Literals of constants are built once, when compiled; the results are the same.
  CHECK(EvalStr("{'a': [1, 2], 'b': {'c': 'd'}}") == "{\"a\": [1, 2], \"b\": {\"c\": \"d\"}}");
  CHECK(EvalStr("{'a': 'x', 'b': 'y'}[s]", {{"s", Value::String("b")}}) == "\"y\"");
  CHECK(EvalStr("{'a': 'x'}[s]", {{"s", Value::String("z")}}).rfind("error: ", 0) == 0);
  CHECK(EvalStr("[{'a': 1, 'a': 2}][0]") == "error: nyckeln \"a\" förekommer två gånger i mappen");
  CHECK(EvalStr("[[], {}]") == "[[], {}]");
}

TEST_CASE("ternary and type errors at run time through dyn") {
  CHECK(EvalStr("x ? 1 : 2", {{"x", Value::String("s")}}) == "error: '?:' saknar variant för (string)");
  CHECK(EvalStr("x + 1", {{"x", Value::String("s")}}) == "error: '+' saknar variant för (string, int)");
  CHECK(EvalStr("size(x)", {{"x", Value::Int(3)}}) == "error: ingen variant av 'size' tar (int)");
}

TEST_CASE("unbound variables are errors, in the caller's language") {
  EvalOptions en;
  en.lang = Lang::kEn;
  CHECK(EvalStr("x") == "error: variabeln 'x' har inget värde");
  CHECK(EvalStr("x", {}, en) == "error: variable 'x' has no value");
}

TEST_CASE("an activation can be reused and rebound") {
  CompileResult r = Compile("x + 1", TestEnv());
  REQUIRE(r.ok());
  Activation act(*r.program);
  for (int i = 0; i < 3; ++i) {
    act.Set(r.program->FindVariable("x"), Value::Int(i));
    Result<Value> v = r.program->Evaluate(act);
    REQUIRE(v.ok());
    CHECK(v->int_value() == i + 1);
  }
  act.Clear();
  CHECK_FALSE(r.program->Evaluate(act).ok());
  CHECK_FALSE(act.Bind("nope", Value::Int(1)));
}

}  // namespace
}  // namespace aktkoll::expr::testing
