// The syntax tree. The parser builds it, the checker annotates it in place (types,
// variable slots, resolved overloads) and from then on it is immutable: the evaluator
// walks it from any number of threads. One node struct for all kinds keeps the walkers
// simple; unused fields cost a few bytes per node, which is irrelevant at these sizes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "expr/registry.h"
#include "expr/types.h"
#include "expr/value.h"

namespace aktkoll::expr::internal {

enum class NodeKind : uint8_t {
  kConst,          // constant
  kIdent,          // name: a variable or an iteration variable
  kSelect,         // args[0].name; test_only for has()
  kCall,           // name(args...) or args[0].name(args[1..]) when receiver
  kList,           // [args...]
  kMap,            // {args[0]: args[1], ...}
  kComprehension,  // macro over args[0]; see Macro
  kAnd, kOr,       // args[0] && args[1]
  kNot, kNeg,      // !args[0], -args[0]
  kBinary,         // args[0] op args[1]
  kTernary,        // args[0] ? args[1] : args[2]
  kIndex,          // args[0][args[1]]
  kError,          // unchecked mode only: evaluates to the error in `name`/`error_en`
};

enum class BinOp : uint8_t { kAdd, kSub, kMul, kDiv, kMod, kEq, kNe, kLt, kLe, kGt, kGe, kIn };

enum class Macro : uint8_t {
  kAll, kExists, kExistsOne,
  kMap,            // args: range, [filter], transform
  kFilter,         // args: range, predicate
  kTransformList,  // two variables; args: range, [filter], transform
  kTransformMap,   // two variables; args: range, [filter], transform
};

struct Node {
  NodeKind kind = NodeKind::kConst;
  uint32_t offset = 0;  // byte offset used for issues about this node
  int height = 1;       // 1 + the tallest child; bounded by CompileOptions::max_depth
  std::vector<std::unique_ptr<Node>> args;

  Value constant;    // kConst
  std::string name;  // kIdent, kSelect field, kCall function, kError message
  uint32_t name_hash = 0;  // kSelect: FieldHash(name), set once the tree is checked
  BinOp op = BinOp::kAdd;
  bool test_only = false;  // kSelect inside has()
  bool receiver = false;   // kCall written as a method

  // kComprehension
  Macro macro = Macro::kAll;
  std::string var1, var2;  // var2 empty for one-variable forms
  bool has_filter = false;
  int local1 = -1, local2 = -1;  // iteration variable slots in the evaluation frame

  // Filled by the checker.
  Type type;
  int slot = -1;          // kIdent: variable slot (>= 0) ...
  bool is_local = false;  // ... or iteration-variable slot when is_local
  const Function* function = nullptr;             // kCall
  std::vector<const Overload*> candidates;        // kCall: overloads that may apply
  FunctionImpl prepared;                          // kCall: specialised impl, if any
  ErrorCode error_code = ErrorCode::kInternal;    // kError
  std::string error_en;                           // kError: English message (name: Swedish)
};

using NodePtr = std::unique_ptr<Node>;

}  // namespace aktkoll::expr::internal
