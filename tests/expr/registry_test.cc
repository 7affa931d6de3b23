// Registering functions: the public path domain modules use.
#include <doctest/doctest.h>

#include "test_util.h"

namespace aktkoll::expr::testing {
namespace {

Result<void> RegisterGreeting(FunctionRegistry& r) {
  return r.AddGlobal("greet", "greet_string", {Type::String()}, Type::String(),
                     [](std::span<const Value> a, const CallContext& ctx) -> Result<Value> {
                       if (a[0].string_value().empty())
                         return ctx.MakeError(ErrorCode::kInvalidArgument, "tomt namn", "empty name");
                       return Value::String("hej " + std::string(a[0].string_value()));
                     });
}

TEST_CASE("a registered family is checked and called") {
  auto registry = std::make_shared<FunctionRegistry>();
  REQUIRE(RegisterStandardFunctions(*registry).ok());
  REQUIRE(RegisterGreeting(*registry).ok());
  Env env(registry);
  REQUIRE(env.Declare("name", Type::String()).ok());
  CompileResult r = Compile("greet(name)", env);
  REQUIRE(r.ok());
  CHECK(r.program->result_type() == Type::String());
  Activation act(*r.program);
  act.Bind("name", Value::String("Kim"));
  Result<Value> v = r.program->Evaluate(act);
  REQUIRE(v.ok());
  CHECK(v->string_value() == "hej Kim");
  act.Bind("name", Value::String(""));
  v = r.program->Evaluate(act, EvalOptions{.lang = Lang::kEn});
  REQUIRE_FALSE(v.ok());
  CHECK(v.error().message() == "empty name");
  CHECK(v.error().code() == ErrorCode::kInvalidArgument);

  CompileResult bad = Compile("greet(1)", env);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.issues[0].message == "ingen variant av 'greet' tar (int)");
}

TEST_CASE("registration conflicts are reported") {
  FunctionRegistry r;
  REQUIRE(RegisterGreeting(r).ok());
  CHECK_FALSE(RegisterGreeting(r).ok());  // same id
  auto impl = [](std::span<const Value>, const CallContext&) -> Result<Value> { return Value(); };
  Result<void> same_params = r.AddGlobal("greet", "greet_again", {Type::String()}, Type::Int(), impl);
  REQUIRE_FALSE(same_params.ok());
  CHECK(same_params.error().message() == "overloads 'greet_string' and 'greet_again' have the same parameters");
  CHECK_FALSE(r.AddGlobal("bad name", "x", {}, Type::Int(), impl).ok());
  CHECK_FALSE(r.AddMethod("m", "m_none", {}, Type::Int(), impl).ok());
  CHECK_FALSE(RegisterStringFunctions(*std::make_shared<FunctionRegistry>()).ok() == false);
}

TEST_CASE("dyn arguments dispatch among overloads at run time") {
  CHECK(EvalStr("size(x)", {{"x", Value::String("abc")}}) == "3");
  CHECK(EvalStr("size(x)", {{"x", MakeList({Value::Int(1)})}}) == "1");
  CHECK(EvalStr("string(x)", {{"x", Value::Int(5)}}) == "\"5\"");
}

TEST_CASE("prepare hooks specialise calls with literal arguments") {
  int prepared = 0;
  auto registry = std::make_shared<FunctionRegistry>();
  Overload o;
  o.id = "twice_int";
  o.params = {Type::Int()};
  o.result = Type::Int();
  o.impl = [](std::span<const Value> a, const CallContext&) -> Result<Value> {
    return Value::Int(a[0].int_value() * 2);
  };
  o.prepare = [&prepared](std::span<const std::optional<Value>> c, const CallContext&) -> Result<FunctionImpl> {
    ++prepared;
    int64_t k = c[0]->int_value() * 2;
    return FunctionImpl([k](std::span<const Value>, const CallContext&) -> Result<Value> { return Value::Int(k); });
  };
  REQUIRE(registry->Add("twice", CallStyle::kGlobal, o).ok());
  Env env(registry);
  REQUIRE(env.Declare("n", Type::Int()).ok());
  CompileResult lit = Compile("twice(21)", env);
  REQUIRE(lit.ok());
  CHECK(prepared == 1);
  CHECK(lit.program->Evaluate(Activation(*lit.program))->int_value() == 42);
  CompileResult var = Compile("twice(n)", env);
  REQUIRE(var.ok());
  CHECK(prepared == 1);  // no constants, no specialisation
}

}  // namespace
}  // namespace aktkoll::expr::testing
