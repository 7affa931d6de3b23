// One compiled program evaluated from several threads at once, each with its own
// activation, including owned constants whose reference counts the threads share.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "test_util.h"

namespace aktkoll::expr::testing {
namespace {

TEST_CASE("a program is safe to evaluate concurrently") {
  CompileResult r = Compile(
      "x.items.filter(i, i % 2 == 0).map(i, string(i) + 'x').size() == x.expected && "
      "'abc'.matches('^a') && x.items.all(i, i >= 0)",
      TestEnv());
  REQUIRE(r.ok());
  const Program program = *r.program;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 500; ++round) {
        const int n = (t * 7 + round) % 20;
        std::vector<Value> items;
        for (int i = 0; i < n; ++i) items.push_back(Value::Int(i));
        Activation act(program);
        act.Bind("x", MakeMap({{Value::String("items"), MakeList(items)},
                               {Value::String("expected"), Value::Int((n + 1) / 2)}}));
        Result<Value> v = program.Evaluate(act);
        if (!v.ok() || !v->is(Kind::kBool) || !v->bool_value()) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(wrong.load() == 0);
}

}  // namespace
}  // namespace aktkoll::expr::testing
