// Static checker: resolves names and overloads, infers types, and reports what is wrong
// before any data is seen (unknown variables and functions, wrong argument counts, type
// errors such as 1 + 'a' or size(3)). It annotates the tree in place: variable slots,
// iteration-variable slots, overload candidates and precompiled implementations, so the
// evaluator never looks anything up by name.
//
// With `strict` false (CompileOptions::check = false) nothing is reported except
// malformed literals: unknown names become error nodes and type errors are left to
// evaluation, as in cel-spec's disable_check mode.
#pragma once

#include <string>
#include <vector>

#include "expr/ast.h"
#include "expr/parser.h"
#include "expr/program.h"

namespace aktkoll::expr::internal {

struct CheckResult {
  std::vector<ParseError> issues;  // offset + message
  int local_count = 0;             // iteration-variable slots the evaluator must provide
};

CheckResult Check(Node& root, const Env& env, bool strict, Lang lang);

}  // namespace aktkoll::expr::internal
