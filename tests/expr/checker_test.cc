// Static checker: every mistake visible before data is seen is a compile error, reported
// with its whole message; dyn switches checking off.
#include <doctest/doctest.h>

#include "test_util.h"

namespace aktkoll::expr::testing {
namespace {

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

TEST_CASE("unknown variables and functions") {
  CHECK(CompileErrors("z + 1") ==
        "t:1:1: fel: okänd variabel 'z'\n"
        " | z + 1\n"
        " | ^");
  CHECK(CompileErrors("z + 1", Lang::kEn) ==
        "t:1:1: error: unknown variable 'z'\n"
        " | z + 1\n"
        " | ^");
  CHECK(CompileErrors("n + frob(1)") ==
        "t:1:5: fel: okänd funktion 'frob'\n"
        " | n + frob(1)\n"
        " | ....^");
  CHECK(CompileErrors("s.startsWith") ==
        "t:1:3: fel: fältval ('.startsWith') på string stöds inte\n"
        " | s.startsWith\n"
        " | ..^");
  CHECK(FirstLine(CompileErrors("startsWith(s, 'a')")) ==
        "t:1:1: fel: okänd funktion 'startsWith' som fristående funktion (skriv x.startsWith(…))");
}

TEST_CASE("wrong argument counts") {
  CHECK(CompileErrors("size(s, s)") ==
        "t:1:1: fel: fel antal argument till 'size': fick 2, förväntade 1\n"
        " | size(s, s)\n"
        " | ^");
  CHECK(FirstLine(CompileErrors("s.contains()", Lang::kEn)) ==
        "t:1:3: error: wrong number of arguments to 'contains': got 0, expected 1");
  CHECK(FirstLine(CompileErrors("timestamp('2020-01-01T00:00:00Z').getHours(1, 2)")) ==
        "t:1:35: fel: fel antal argument till 'getHours': fick 2, förväntade 0 eller 1");
}

TEST_CASE("type errors detectable before data") {
  CHECK(CompileErrors("1 + 'a'") ==
        "t:1:3: fel: operatorn '+' saknar variant för (int, string)\n"
        " | 1 + 'a'\n"
        " | ..^");
  CHECK(FirstLine(CompileErrors("size(3)")) == "t:1:1: fel: ingen variant av 'size' tar (int)");
  CHECK(FirstLine(CompileErrors("'x'.startsWith(1)")) ==
        "t:1:5: fel: ingen variant av 'startsWith' tar (string, int)");
  CHECK(FirstLine(CompileErrors("!5")) == "t:1:1: fel: '!' kräver bool, fick int");
  CHECK(FirstLine(CompileErrors("!5", Lang::kEn)) == "t:1:1: error: '!' needs bool, got int");
  CHECK(FirstLine(CompileErrors("n && true")) == "t:1:1: fel: '&&' kräver bool, fick int");
  CHECK(FirstLine(CompileErrors("s < 1")) == "t:1:3: fel: operatorn '<' saknar variant för (string, int)");
  CHECK(FirstLine(CompileErrors("n.foo")) == "t:1:3: fel: fältval ('.foo') på int stöds inte");
  CHECK(FirstLine(CompileErrors("l['a']")) == "t:1:3: fel: ett listindex måste vara int, fick string");
  CHECK(FirstLine(CompileErrors("m[1]")) ==
        "t:1:3: fel: nyckeln har typen int men mappen har nycklar av typen string");
  CHECK(FirstLine(CompileErrors("n ? 1 : 2")) == "t:1:1: fel: villkoret i '? :' måste vara bool, fick int");
  CHECK(FirstLine(CompileErrors("{1.5: 'a'}")) ==
        "t:1:2: fel: en map-nyckel måste vara int, string eller bool, fick double");
  CHECK(FirstLine(CompileErrors("n.all(e, true)")) == "t:1:1: fel: makrot kräver en lista eller map, fick int");
  CHECK(FirstLine(CompileErrors("l.all(e, e)")) == "t:1:10: fel: villkoret måste vara bool, fick int");
  CHECK(FirstLine(CompileErrors("s.matches('(')")) ==
        "t:1:3: fel: ogiltigt reguljärt uttryck '(': missing ): (");
}

TEST_CASE("several issues are all reported") {
  CHECK(CompileErrors("a + b") ==
        "t:1:1: fel: okänd variabel 'a'\n"
        " | a + b\n"
        " | ^\n"
        "t:1:5: fel: okänd variabel 'b'\n"
        " | a + b\n"
        " | ....^");
}

TEST_CASE("dyn disables checking through it") {
  CHECK(CompileErrors("x.anything.goes + 1 > 0") == "");
  CHECK(CompileErrors("x.a.startsWith('b')") == "");
  CHECK(CompileErrors("size(x) + size(y.z)") == "");
  CHECK(CompileErrors("x && y || !x") == "");
  CHECK(CompileErrors("l.all(e, e > 0) && m.exists(k, k.startsWith('a'))") == "");
  CHECK(CompileErrors("l.all(i, v, i < v)") == "");
  CHECK(CompileErrors("m.map(k, m[k] * 2)[0] + 1") == "");
  CHECK(CompileErrors("m.filter(k, k > 1)") != "");  // k is a string
}

TEST_CASE("inferred result types") {
  auto type_of = [](std::string_view src) {
    CompileResult r = Compile(src, TestEnv());
    REQUIRE(r.ok());
    return r.program->result_type().ToString();
  };
  CHECK(type_of("1 + 2") == "int");
  CHECK(type_of("[1, 2]") == "list(int)");
  CHECK(type_of("[1, 'a']") == "list(dyn)");
  CHECK(type_of("{'a': 1}") == "map(string, int)");
  CHECK(type_of("m.a") == "int");
  CHECK(type_of("l.map(e, string(e))") == "list(string)");
  CHECK(type_of("x.y") == "dyn");
  CHECK(type_of("has(x.y)") == "bool");
  CHECK(type_of("timestamp('2020-01-01T00:00:00Z') - timestamp('2020-01-01T00:00:00Z')") == "duration");
}

TEST_CASE("qualified variable names resolve to the longest declared prefix") {
  Env env(StandardRegistry());
  REQUIRE(env.Declare("a.b", Type::Dyn()).ok());
  CompileResult r = Compile("a.b.c", env);
  REQUIRE(r.ok());
  Activation act(*r.program);
  act.Bind("a.b", MakeMap({{Value::String("c"), Value::Int(7)}}));
  Result<Value> v = r.program->Evaluate(act);
  REQUIRE(v.ok());
  CHECK(v->int_value() == 7);
}

TEST_CASE("Env rejects bad declarations") {
  Env env(StandardRegistry());
  CHECK(env.Declare("c", Type::Dyn()).ok());
  CHECK_FALSE(env.Declare("c", Type::Int()).ok());
  CHECK_FALSE(env.Declare("true", Type::Dyn()).ok());
  CHECK_FALSE(env.Declare("if", Type::Dyn()).ok());
  CHECK_FALSE(env.Declare("a..b", Type::Dyn()).ok());
  CHECK_FALSE(env.Declare("1a", Type::Dyn()).ok());
}

TEST_CASE("unchecked mode turns compile errors into evaluation errors") {
  CompileOptions o;
  o.check = false;
  CompileResult r = Compile("a.foo() || true", Env(StandardRegistry()), o);
  REQUIRE(r.ok());
  Result<Value> v = r.program->Evaluate(Activation(*r.program));
  REQUIRE(v.ok());
  CHECK(v->bool_value());
  r = Compile("'a' && false", Env(StandardRegistry()), o);
  REQUIRE(r.ok());
  v = r.program->Evaluate(Activation(*r.program));
  REQUIRE(v.ok());
  CHECK_FALSE(v->bool_value());
  r = Compile("undefined_var", Env(StandardRegistry()), o);
  REQUIRE(r.ok());
  v = r.program->Evaluate(Activation(*r.program), EvalOptions{.lang = Lang::kEn});
  REQUIRE_FALSE(v.ok());
  CHECK(v.error().message() == "unknown variable 'undefined_var'");
}

}  // namespace
}  // namespace aktkoll::expr::testing
