// Compiles and evaluates expressions with expr's standard library plus every domain
// family, a small catalogue, and `as_of` bound to a date.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "domain/domain.h"
#include "expr/civil_time.h"
#include "expr/program.h"

namespace aktkoll::domain::testing {

using expr::Value;

inline std::shared_ptr<const Catalogues> TestCatalogues() {
  auto c = std::make_shared<Catalogues>();
  Vocabulary& types = c->vocabularies[kInterventionTypes];
  types.codes = {"familjebehandling", "kontaktfamilj", "orossamtal"};
  types.attributes["familjebehandling"] =
      expr::MakeMap({{Value::String("needs_assessed"), Value::Bool(true)},
                     {Value::String("documentation_exemption"), Value::Bool(false)},
                     {Value::String("min_age"), Value::Null()},
                     {Value::String("max_age"), Value::Int(20)}});
  types.attributes["orossamtal"] =
      expr::MakeMap({{Value::String("needs_assessed"), Value::Bool(false)},
                     {Value::String("documentation_exemption"), Value::Bool(true)}});
  c->vocabularies["bbic_areas"].codes = {"barnets_utveckling", "foraldrarnas_formaga", "familj_och_miljo"};
  // Field paths for invalid_dates (fields_test.cc).
  c->vocabularies["date_fields"].codes = {"decision.date", "decision.end_date", "events.changed_needs[].date",
                                          "plan.revisions[].steps[].date", "odd/key~x.when", "dates[][]"};
  c->vocabularies["bad_paths"].codes = {"decision.date", "follow_ups[0].date"};
  return c;
}

inline std::shared_ptr<const expr::FunctionRegistry> DomainRegistry() {
  static const std::shared_ptr<const expr::FunctionRegistry> registry = [] {
    auto r = std::make_shared<expr::FunctionRegistry>();
    (void)expr::RegisterStandardFunctions(*r);
    (void)RegisterDomainFunctions(*r, TestCatalogues());
    return std::shared_ptr<const expr::FunctionRegistry>(r);
  }();
  return registry;
}

// Compile errors (formatted), or "".
inline std::string CompileErrors(std::string_view src) {
  expr::Env env(DomainRegistry());
  (void)env.Declare("as_of", expr::Type::Date());
  (void)env.Declare("x", expr::Type::Dyn());
  expr::CompileResult r = expr::Compile(src, env);
  return r.ok() ? "" : expr::FormatIssues("t", src, r.issues);
}

// DebugString of the result, dates as 'YYYY-MM-DD', or "error: <message>". `as_of` is
// 2025-06-15 unless given.
inline std::string Eval(std::string_view src, const Value& x = Value(), std::string_view as_of = "2025-06-15",
                        expr::Lang lang = expr::Lang::kSv) {
  expr::Env env(DomainRegistry());
  (void)env.Declare("as_of", expr::Type::Date());
  (void)env.Declare("x", expr::Type::Dyn());
  expr::CompileResult r = expr::Compile(src, env);
  if (!r.ok()) return "compile: " + expr::FormatIssues("t", src, r.issues);
  expr::Activation act(*r.program);
  act.Bind("as_of", Value::Date(static_cast<int32_t>(*expr::ParseIsoDate(as_of))));
  act.Bind("x", x);
  expr::EvalOptions o;
  o.lang = lang;
  expr::Result<Value> v = r.program->Evaluate(act, o);
  if (!v.ok()) return "error: " + v.error().message();
  if (v->is(expr::Kind::kDate)) return expr::FormatIsoDate(v->date_days());
  return expr::DebugString(*v);
}

}  // namespace aktkoll::domain::testing
