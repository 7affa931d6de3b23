// CompileLater: a program compiled on first use behaves as one compiled at once, compiles
// once when several threads first use it together, and reports a source that does not
// compile when it is used.
#include <doctest/doctest.h>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "test_util.h"

namespace aktkoll::expr::testing {
namespace {

TEST_CASE("CompileLater gives the program Compile gives") {
  const char* src = "l.filter(i, i > n).size() == 2 && s.startsWith('ab')";
  CompileResult now = Compile(src, TestEnv());
  REQUIRE(now.ok());
  Program later = CompileLater(src, TestEnv());
  CHECK(now.program->compiled());
  CHECK_FALSE(later.compiled());
  CHECK(later.source() == src);
  CHECK(later.FindVariable("n") == now.program->FindVariable("n"));
  CHECK(later.FindVariable("nosuch") == -1);
  for (int n : {0, 1, 2, 3}) {
    Activation a(*now.program), b(later);
    for (Activation* act : {&a, &b}) {
      act->Bind("l", MakeList({Value::Int(1), Value::Int(2), Value::Int(3)}));
      act->Bind("n", Value::Int(n));
      act->Bind("s", Value::String("abc"));
    }
    Result<Value> x = now.program->Evaluate(a), y = later.Evaluate(b);
    REQUIRE(x.ok());
    REQUIRE(y.ok());
    CHECK(DebugString(*x) == DebugString(*y));
  }
  CHECK(later.compiled());
  CHECK(later.result_type().ToString() == now.program->result_type().ToString());
  CHECK(later.result_type().ToString() == "bool");
}

TEST_CASE("CompileLater reports a source that does not compile when it is used") {
  Program p = CompileLater("n + nosuch(1)", TestEnv());
  CHECK(p.source() == "n + nosuch(1)");
  Activation act(p);
  act.Bind("n", Value::Int(1));
  Result<Value> v = p.Evaluate(act);
  REQUIRE_FALSE(v.ok());
  CHECK(v.error().code() == ErrorCode::kInternal);
  CHECK(v.error().message() == "uttrycket kan inte kompileras: okänd funktion 'nosuch'");
  CompileOptions en;
  en.lang = Lang::kEn;
  EvalOptions eval_en;
  eval_en.lang = Lang::kEn;
  Result<Value> w = CompileLater("nosuch(1)", TestEnv(), en).Evaluate(act, eval_en);
  REQUIRE_FALSE(w.ok());
  CHECK(w.error().message() == "the expression does not compile: unknown function 'nosuch'");
  CHECK(p.result_type().ToString() == "dyn");
  CHECK(p.compiled());  // tried, and failed
}

// A lazy source that answers every slot with its number.
class SlotNumbers final : public LazyValues {
 public:
  const Value* Resolve(int slot, std::optional<Error>*) override {
    value_ = Value::Int(slot);
    return &value_;
  }

 private:
  Value value_;
};

TEST_CASE("ResetFrom unbinds the later slots and forgets their lazy source, keeps the earlier ones") {
  Env env(std::make_shared<FunctionRegistry>());
  REQUIRE(env.Declare("a", Type::Int()).ok());
  REQUIRE(env.Declare("b", Type::Int()).ok());
  REQUIRE(env.Declare("c", Type::Int()).ok());
  REQUIRE(env.Declare("d", Type::Int()).ok());
  CompileResult sum = Compile("a + b", env), later = Compile("d", env);
  REQUIRE(sum.ok());
  REQUIRE(later.ok());
  SlotNumbers numbers;
  Activation act(env);
  act.Set(0, Value::Int(10));
  act.Set(1, Value::Int(20));
  act.SetLazy(3, 4, &numbers);
  REQUIRE(sum.program->Evaluate(act).ok());
  CHECK(sum.program->Evaluate(act)->int_value() == 30);
  CHECK(later.program->Evaluate(act)->int_value() == 3);
  act.ResetFrom(1);
  CHECK(act.Get(0) != nullptr);
  CHECK(act.Get(1) == nullptr);
  CHECK(act.LazyFor(3) == nullptr);
  CHECK(later.program->Evaluate(act).error().code() == ErrorCode::kUnboundVariable);
  act.Set(1, Value::Int(5));
  CHECK(sum.program->Evaluate(act)->int_value() == 15);
  act.Set(3, Value::Int(7));
  act.ResetFrom(2);  // slot 3 is past the slots bound before: still found and unbound
  CHECK(act.Get(3) == nullptr);
  CHECK(act.Get(1) != nullptr);
  act.ResetFrom(0);
  CHECK(act.Get(0) == nullptr);
}

TEST_CASE("a program compiled later is compiled once when threads first use it together") {
  for (int round = 0; round < 20; ++round) {
    const Program program = CompileLater("x.items.map(i, i * 2).filter(i, i > 4).size()", TestEnv());
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        Activation act(program);
        act.Bind("x", MakeMap({{Value::String("items"), MakeList({Value::Int(1), Value::Int(3), Value::Int(5)})}}));
        Result<Value> v = program.Evaluate(act);
        if (!v.ok() || DebugString(*v) != "2") ++wrong;
      });
    }
    for (auto& th : threads) th.join();
    CHECK(wrong.load() == 0);
  }
}

}  // namespace
}  // namespace aktkoll::expr::testing
