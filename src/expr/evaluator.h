// Evaluator: walks a checked, immutable tree for one activation. All per-evaluation state
// (iteration variables, step and iteration counters) lives in the Evaluator object on the
// caller's stack, which is what makes a Program safe to evaluate from several threads.
// Recursion depth is bounded by the tree height, which the parser bounded.
#pragma once

#include <memory>
#include <string>

#include "expr/ast.h"
#include "expr/program.h"

namespace aktkoll::expr::internal {

struct ProgramImpl {
  std::string source;
  NodePtr root;
  int local_count = 0;
  std::shared_ptr<const FunctionRegistry> registry;  // keeps resolved overloads alive
  std::shared_ptr<const Env::Variables> vars;
};

Result<Value> Evaluate(const ProgramImpl& program, const Activation& activation,
                       const EvalOptions& options);

}  // namespace aktkoll::expr::internal
