// Compile and evaluate expressions: parse once, check against an Env, evaluate many times.
//
//   auto registry = std::make_shared<FunctionRegistry>();
//   RegisterStandardFunctions(*registry);            // plus e.g. RegisterDateFunctions
//   Env env(registry);
//   env.Declare("c", Type::Dyn());                    // slot 0
//   CompileResult r = Compile("has(c.plan) && size(c.plan.goals) > 0", env);
//   if (!r.ok()) for (auto& i : r.issues) std::cerr << FormatIssue("rule.yaml", src, i);
//   Activation act(*r.program);
//   act.Bind("c", Value::Map(&host_case));            // borrowed host map, no copy
//   Result<Value> v = r.program->Evaluate(act);
//
// Compile reports user mistakes as Issues with line and column: syntax errors, unknown
// variables and functions, wrong argument counts, and type errors visible before any data
// is seen (`1 + 'a'`, `size(3)`, `!5`). A Program is immutable and may be evaluated from
// several threads at once; each evaluation's cost is bounded by EvalOptions. Evaluation
// never throws and never crashes on any input; failures come back as an Error.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/registry.h"
#include "expr/result.h"
#include "expr/types.h"
#include "expr/value.h"

namespace aktkoll::expr {

struct CompileOptions {
  Lang lang = Lang::kSv;
  // Longest accepted source, in bytes. Default 64 KiB.
  size_t max_source_bytes = 64 * 1024;
  // Deepest accepted syntax tree (nested parentheses, operator chains, calls...). Keeps
  // the parser, checker and evaluator recursion far from the stack's end. Default 200.
  int max_depth = 200;
  // false skips the static checker: unknown variables and functions and type errors
  // become evaluation errors instead of compile errors. Only for running cel-spec tests
  // marked disable_check and for exploration; rule packs always check. Default true.
  bool check = true;
};

struct EvalOptions {
  Lang lang = Lang::kSv;
  // Most syntax-tree nodes visited in one evaluation. Default 1,000,000.
  int64_t max_steps = 1'000'000;
  // Most comprehension (all/exists/map/filter...) iterations in one evaluation, summed
  // over all comprehensions. Default 100,000.
  int64_t max_iterations = 100'000;
  // Largest list, map or string (bytes) an evaluation may build. Default 1,000,000.
  size_t max_collection_size = 1'000'000;
};

// A compile-time problem at a place in the source.
struct Issue {
  int line = 1;        // 1-based
  int column = 1;      // 1-based, counted in characters (code points), not bytes
  size_t offset = 0;   // byte offset into the source
  std::string message;
};

// Formats an issue as three lines (no trailing newline):
//   <name>:1:7: fel: oväntat tecken '+'
//    | a + + b
//    | ......^
// The second line is the source line; the third has one '.' per character before the
// column, then a caret. "fel" is "error" in English.
std::string FormatIssue(std::string_view name, std::string_view source, const Issue& issue,
                        Lang lang = Lang::kSv);
// All issues, each formatted as above, separated by newlines.
std::string FormatIssues(std::string_view name, std::string_view source,
                         const std::vector<Issue>& issues, Lang lang = Lang::kSv);

// The variables and functions an expression may use. Copying an Env is cheap.
class Env {
 public:
  explicit Env(std::shared_ptr<const FunctionRegistry> registry);

  // Declares a variable and returns its slot (0, 1, 2... in declaration order). Names may
  // be qualified ("a.b"). Fails on a duplicate (unless `shadow`: then the new variable
  // hides the earlier one of that name), a reserved word or a malformed name.
  Result<int> Declare(std::string_view name, Type type, bool shadow = false);
  // The slot of a variable, or -1.
  int FindVariable(std::string_view name) const;
  size_t variable_count() const;
  const std::string& variable_name(int slot) const;
  const Type& variable_type(int slot) const;

  const FunctionRegistry& registry() const { return *registry_; }
  const std::shared_ptr<const FunctionRegistry>& shared_registry() const { return registry_; }

  struct Variables;  // implementation detail, shared copy-on-write
  const std::shared_ptr<const Variables>& shared_variables() const { return vars_; }

 private:
  std::shared_ptr<const FunctionRegistry> registry_;
  std::shared_ptr<const Variables> vars_;
};

class Program;

// Values of variables computed on demand: a pack's named definitions, a rule's `let`s. An
// Activation hands the evaluator to its LazyValues for a slot in the source's range that
// it has not bound. The source decides when to compute and how long to keep a value; the
// rule engine computes each at most once per case (or per element). Used by one thread.
class LazyValues {
 public:
  virtual ~LazyValues() = default;
  // The value of `slot`, valid while the source lives and is not reset; nullptr with
  // `*error` set when it cannot be computed (the error says which name failed).
  virtual const Value* Resolve(int slot, std::optional<Error>* error) = 0;
};

// Variable values for one evaluation: a slot array in declaration order. Binding by slot
// is a store; binding by name is a short linear search over the declared names.
class Activation {
 public:
  explicit Activation(const Env& env);
  explicit Activation(const Program& program);

  void Set(int slot, Value value);
  // Slots [first, end) that are not Set are asked of `source` when read. At most two
  // ranges; the source must outlive every evaluation with this activation.
  void SetLazy(int first, int end, LazyValues* source);
  // The lazy source for an unbound slot, or nullptr.
  LazyValues* LazyFor(int slot) const {
    for (const LazyRange& r : lazy_)
      if (r.source && slot >= r.first && slot < r.end) return r.source;
    return nullptr;
  }
  // false when no variable of that name was declared.
  bool Bind(std::string_view name, Value value);
  void Clear();  // unbinds every slot
  // Unbinds the slots from `first` on and drops the lazy ranges that start there or
  // later. For one activation reused by programs of several Envs that share their first
  // `first` variables (a pack's rules: the case, the parameters, the definitions), sized
  // by the widest of those Envs.
  void ResetFrom(int first);

  const Value* Get(int slot) const {  // nullptr when unbound
    if (slot < 0 || static_cast<size_t>(slot) >= values_.size() || !bound_[static_cast<size_t>(slot)])
      return nullptr;
    return &values_[static_cast<size_t>(slot)];
  }
  size_t size() const { return values_.size(); }

 private:
  std::shared_ptr<const Env::Variables> vars_;
  std::vector<Value> values_;
  std::vector<bool> bound_;
  size_t bound_end_ = 0;  // no slot from here on is bound
  struct LazyRange {
    int first = 0, end = 0;
    LazyValues* source = nullptr;
  };
  std::array<LazyRange, 2> lazy_{};
};

namespace internal {
struct ProgramImpl;
}

// A compiled expression. Copies share the same immutable implementation.
class Program {
 public:
  // Evaluates with the given variable values. The result may borrow from host values in
  // the activation; see value.h.
  Result<Value> Evaluate(const Activation& activation, const EvalOptions& options = {}) const;

  // The type the checker inferred (dyn when unknown).
  const Type& result_type() const;
  const std::string& source() const;
  // The slot of a variable in this program's Env, or -1.
  int FindVariable(std::string_view name) const;
  // false for a program from CompileLater that has not been used yet.
  bool compiled() const;

  explicit Program(std::shared_ptr<const internal::ProgramImpl> impl) : impl_(std::move(impl)) {}

 private:
  struct Deferred;
  friend class Activation;
  friend Program CompileLater(std::string source, const Env& env, const CompileOptions& options);
  // The compiled tree; a deferred program is compiled here on first use (once, also when
  // several threads ask at the same time). nullptr when that compile failed.
  const internal::ProgramImpl* impl() const;
  const std::shared_ptr<const Env::Variables>& vars() const;

  std::shared_ptr<const internal::ProgramImpl> impl_;
  std::shared_ptr<Deferred> deferred_;  // set by CompileLater
};

struct CompileResult {
  std::optional<Program> program;  // set exactly when there are no issues
  std::vector<Issue> issues;
  bool ok() const { return program.has_value(); }
};

CompileResult Compile(std::string_view source, const Env& env, const CompileOptions& options = {});

// Compiles `source` when the program is first used (evaluated or asked its result type)
// instead of now, for sources already known to compile: the built-in rule packs, which the
// build and `aktkoll rules test` compile and check in full. A check of one case then
// compiles only the expressions it evaluates. Should the compile fail after all, Evaluate
// returns its first issue as an internal error and result_type() is dyn.
Program CompileLater(std::string source, const Env& env, const CompileOptions& options = {});

}  // namespace aktkoll::expr
