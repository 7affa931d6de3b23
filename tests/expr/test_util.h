// Helpers shared by the expr tests: compile against a small environment, evaluate, and
// render compile errors exactly as users see them.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "expr/program.h"

namespace aktkoll::expr::testing {

// Variables x, y (dyn), s (string), n (int), m (map(string, int)), l (list(int)).
inline Env TestEnv() {
  Env env(StandardRegistry());
  (void)env.Declare("x", Type::Dyn());
  (void)env.Declare("y", Type::Dyn());
  (void)env.Declare("s", Type::String());
  (void)env.Declare("n", Type::Int());
  (void)env.Declare("m", Type::Map(Type::String(), Type::Int()));
  (void)env.Declare("l", Type::List(Type::Int()));
  return env;
}

// The formatted issues of a source that must not compile ("" if it compiles).
inline std::string CompileErrors(std::string_view src, Lang lang = Lang::kSv,
                                 const CompileOptions& base = {}) {
  CompileOptions o = base;
  o.lang = lang;
  CompileResult r = Compile(src, TestEnv(), o);
  if (r.ok()) return "";
  return FormatIssues("t", src, r.issues, lang);
}

struct Binding {
  const char* name;
  Value value;
};

inline Result<Value> Eval(std::string_view src, std::initializer_list<Binding> bindings = {},
                          const EvalOptions& eopts = {}, const CompileOptions& copts = {}) {
  CompileResult r = Compile(src, TestEnv(), copts);
  if (!r.ok()) return Error(ErrorCode::kInternal, "compile: " + FormatIssues("t", src, r.issues));
  Activation act(*r.program);
  for (const Binding& b : bindings) act.Bind(b.name, b.value);
  return r.program->Evaluate(act, eopts);
}

// DebugString of the value, or "error: <message>".
inline std::string EvalStr(std::string_view src, std::initializer_list<Binding> bindings = {},
                           const EvalOptions& eopts = {}) {
  Result<Value> v = Eval(src, bindings, eopts);
  return v.ok() ? DebugString(*v) : "error: " + v.error().message();
}

}  // namespace aktkoll::expr::testing
