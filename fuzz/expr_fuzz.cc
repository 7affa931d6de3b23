// libFuzzer harness for the expression language: parses, checks and evaluates arbitrary
// source against a few bound variables. Compile errors must carry a message and a
// position; evaluation must return a value or an error, within its cost limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "expr/program.h"
#include "expr/registry.h"

namespace {

struct Fixture {
  std::shared_ptr<aktkoll::expr::FunctionRegistry> registry;
  std::unique_ptr<aktkoll::expr::Env> env;
  aktkoll::expr::Value c;
};

const Fixture& Get() {
  using namespace aktkoll::expr;
  static const Fixture f = [] {
    Fixture x;
    x.registry = std::make_shared<FunctionRegistry>();
    (void)RegisterStandardFunctions(*x.registry);
    x.env = std::make_unique<Env>(x.registry);
    (void)x.env->Declare("c", Type::Dyn());
    (void)x.env->Declare("n", Type::Int());
    (void)x.env->Declare("s", Type::String());
    auto goals = Ref<ListValue>(new SimpleList({Value::String("mål ett"), Value::String("mål två")}));
    auto m = Ref<MapValue>(new SimpleMap({{Value::String("goals"), Value::List(goals)},
                                          {Value::String("n"), Value::Int(3)}}));
    x.c = Value::Map(m);
    return x;
  }();
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aktkoll::expr;
  const Fixture& f = Get();
  std::string_view source(reinterpret_cast<const char*>(data), size);
  for (bool check : {true, false}) {
    CompileOptions options;
    options.check = check;
    CompileResult r = Compile(source, *f.env, options);
    if (!r.ok()) {
      if (r.issues.empty() || r.issues[0].message.empty()) std::abort();
      (void)FormatIssues("fuzz", source, r.issues);
      continue;
    }
    Activation act(*r.program);
    act.Bind("c", f.c);
    act.Bind("n", Value::Int(7));
    act.Bind("s", Value::String("abc"));
    EvalOptions eval;
    eval.max_steps = 100000;
    eval.max_iterations = 10000;
    (void)r.program->Evaluate(act, eval);
  }
  return 0;
}
