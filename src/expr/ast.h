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
  // Fields are grouped by size so that the many nodes of a rule pack stay small: a pack's
  // trees are walked for every case, and their size is most of what compiling one costs.
  NodeKind kind = NodeKind::kConst;
  BinOp op = BinOp::kAdd;
  Macro macro = Macro::kAll;  // kComprehension
  bool test_only = false;     // kSelect inside has()
  bool receiver = false;      // kCall written as a method
  bool has_filter = false;    // kComprehension
  bool is_local = false;      // kIdent: `slot` is an iteration-variable slot (filled by the checker)
  uint32_t offset = 0;        // byte offset used for issues about this node
  int height = 1;             // 1 + the tallest child; bounded by CompileOptions::max_depth
  uint32_t name_hash = 0;     // kSelect: FieldHash(name), set once the tree is checked
  int slot = -1;              // kIdent: variable slot (>= 0), filled by the checker
  int local1 = -1, local2 = -1;  // kComprehension: iteration variable slots in the frame
  ErrorCode error_code = ErrorCode::kInternal;  // kError
  std::vector<std::unique_ptr<Node>> args;

  Value constant;    // kConst
  std::string name;  // kIdent, kSelect field, kCall function, kError message

  // Filled by the checker.
  Type type;
  const Function* function = nullptr;             // kCall
  std::vector<const Overload*> candidates;        // kCall: overloads that may apply
  FunctionImpl prepared;                          // kCall: specialised impl, if any

  // What few nodes need: the iteration variables of a comprehension (var2 empty for
  // one-variable forms) and the English message of a kError node (`name`: Swedish).
  struct Rare {
    std::string var1, var2;
    std::string error_en;
  };
  std::unique_ptr<Rare> rare;
  Rare& rare_fields() {
    if (!rare) rare = std::make_unique<Rare>();
    return *rare;
  }
};

using NodePtr = std::unique_ptr<Node>;

}  // namespace aktkoll::expr::internal
