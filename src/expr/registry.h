// FunctionRegistry: the functions an expression may call, with the overloads the static
// checker resolves against and the implementations the evaluator runs. The standard
// library is registered family by family through the same public calls a domain module
// uses (RegisterStringFunctions, RegisterConversionFunctions, ...), so nothing about the
// built-ins is special except the operators, which are part of the language.
//
// Lifecycle: fill a registry, then wrap it in a shared_ptr<const FunctionRegistry> and hand
// it to an Env. Once programs are compiled against it the registry must not change;
// programs keep it alive and call overloads through pointers resolved at compile time, so
// evaluation never looks a function up by name.
//
// Implementations must be pure (no clocks, no I/O, no global mutable state) and safe to
// call from several threads at once. They report failure by returning an Error, never by
// throwing.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "expr/result.h"
#include "expr/types.h"
#include "expr/value.h"

namespace aktkoll::expr {

// What an implementation may know about the call it serves.
class CallContext {
 public:
  explicit CallContext(Lang lang) : lang_(lang) {}
  Lang lang() const { return lang_; }
  // An Error whose message is `sv` or `en`, whichever the caller asked for.
  Error MakeError(ErrorCode code, std::string_view sv, std::string_view en) const {
    return Error(code, std::string(lang_ == Lang::kSv ? sv : en));
  }

 private:
  Lang lang_;
};

using FunctionImpl =
    std::function<Result<Value>(std::span<const Value> args, const CallContext& ctx)>;

// Optional compile-time specialisation. When a call has some constant arguments (literals),
// the checker passes them here (nullopt for the non-constant ones) and uses the returned
// implementation instead of the general one: `matches` compiles its regular expression
// once this way. Returning an Error makes it a compile error at the call. Returning a
// null FunctionImpl keeps the general implementation.
using PrepareFn = std::function<Result<FunctionImpl>(
    std::span<const std::optional<Value>> constant_args, const CallContext& ctx)>;

enum class CallStyle {
  kGlobal,    // f(a, b)
  kReceiver,  // a.f(b): the receiver is the first parameter
};

struct Overload {
  std::string id;            // unique in the registry, e.g. "string_starts_with_string"
  std::vector<Type> params;  // receiver first for kReceiver
  Type result;
  FunctionImpl impl;
  PrepareFn prepare;         // may be empty
};

struct Function {
  std::string name;
  CallStyle style = CallStyle::kGlobal;
  std::vector<Overload> overloads;
};

class FunctionRegistry {
 public:
  // Adds an overload of `name` in `style`. Fails when the id is taken, when an overload
  // of the same function has the same parameter types, or when the name is not an
  // identifier.
  Result<void> Add(std::string_view name, CallStyle style, Overload overload);

  // Shorthands for the common case.
  Result<void> AddGlobal(std::string_view name, std::string id, std::vector<Type> params,
                         Type result, FunctionImpl impl);
  Result<void> AddMethod(std::string_view name, std::string id, std::vector<Type> params,
                         Type result, FunctionImpl impl);

  // nullptr when there is no such function in that style.
  const Function* Find(std::string_view name, CallStyle style) const;

  // Every function, for listings and documentation.
  std::vector<const Function*> functions() const;

 private:
  std::map<std::pair<std::string, CallStyle>, Function> functions_;
  std::map<std::string, bool, std::less<>> ids_;
};

// The standard library, family by family. Each is safe to call once per registry.
Result<void> RegisterCollectionFunctions(FunctionRegistry& registry);  // size
Result<void> RegisterStringFunctions(FunctionRegistry& registry);      // contains, startsWith, endsWith, matches
Result<void> RegisterConversionFunctions(FunctionRegistry& registry);  // int, double, string, bool
Result<void> RegisterTimeFunctions(FunctionRegistry& registry);        // timestamp, duration, getFullYear, ...
// All of the above.
Result<void> RegisterStandardFunctions(FunctionRegistry& registry);

// A fresh registry holding the standard library, for callers that add nothing.
std::shared_ptr<const FunctionRegistry> StandardRegistry();

}  // namespace aktkoll::expr
