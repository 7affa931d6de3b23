// bench_expr: evaluation cost of typical rule expressions over a case-like map of about
// 4 KB (a child, guardians, a plan with goals, follow-ups with dates, interventions).
// The case is built once; each iteration evaluates one compiled program, as the rule
// engine does per rule and case. Compile cost is measured separately.
//
//   build-h1/bench/bench_expr --benchmark_min_time=0.5s
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "expr/program.h"

namespace {

using namespace aktkoll::expr;

Value S(const char* s) { return Value::String(s); }

Value Goal(const char* area, const char* description) {
  return MakeMap({{S("area"), S(area)},
                  {S("sub_area"), S("halsa")},
                  {S("description"), S(description)},
                  {S("from_investigation"), Value::Bool(true)},
                  {S("measurable"), Value::Bool(true)}});
}

Value FollowUp(const char* date) {
  return MakeMap({{S("date"), S(date)},
                  {S("how"), S("Samtal med barnet och vårdnadshavarna")},
                  {S("individual_view"), S("Tycker att insatsen hjälper")},
                  {S("methods"), MakeList({S("BBIC"), S("ORS")})},
                  {S("board_assessment"), S("Insatsen fortsätter enligt plan")}});
}

// About 4 KB of case data; fictional, numbers from Skatteverket's test list.
Value MakeCase() {
  std::vector<std::pair<Value, Value>> c = {
      {S("id"), S("KALIX-2025-0042")},
      {S("municipality"), S("kalix")},
      {S("decision_date"), S("2025-01-15")},
      {S("execution_date"), S("2025-01-20")},
      {S("intervention_type"), S("kontaktfamilj")},
      {S("needs_assessed"), Value::Bool(true)},
      {S("child"), MakeMap({{S("personnummer"), S("201501012386")},
                            {S("name"), S("Testbarn Testsson")},
                            {S("protected_identity"), Value::Bool(false)}})},
      {S("guardians"), MakeList({MakeMap({{S("personnummer"), S("198001012384")},
                                          {S("name"), S("Förälder Ett")},
                                          {S("role"), S("vardnadshavare")}}),
                                 MakeMap({{S("personnummer"), S("198202022397")},
                                          {S("name"), S("Förälder Två")},
                                          {S("role"), S("vardnadshavare")}})})},
      {S("interpreter_needed"), Value::Bool(false)},
      {S("commission"), MakeMap({{S("date"), S("2025-01-16")},
                                 {S("assessment"), S("Barnet behöver stöd i skolan och fritiden.")},
                                 {S("follow_up_forms"), S("Uppföljningsmöte var tredje månad")},
                                 {S("closure_information"), S("Skriftlig slutrapport")},
                                 {S("other_principals"), S("BUP")},
                                 {S("sip_needed"), Value::Bool(false)}})},
      {S("plan"), MakeMap({{S("established"), S("2025-02-01")},
                           {S("signed"), Value::Bool(true)},
                           {S("copy_given"), Value::Bool(true)},
                           {S("goals"), MakeList({Goal("barnets_utveckling", "Går till skolan varje dag"),
                                                  Goal("foraldrarnas_formaga", "Föräldrarna sätter gränser"),
                                                  Goal("familj_och_miljo", "Familjen har ett nätverk"),
                                                  Goal("barnets_utveckling", "Har en fritidsaktivitet")})},
                           {S("how_and_when"), S("Två helger i månaden hos kontaktfamiljen")},
                           {S("follow_up"), S("Var tredje månad")},
                           {S("relatives"), S("Mormor varannan vecka")},
                           {S("board_contact"), S("Socialsekreterare varje månad")},
                           {S("individual_view"), S("Barnet vill gärna fortsätta")}})},
      {S("follow_ups"), MakeList({FollowUp("2025-04-01"), FollowUp("2025-07-01"), FollowUp("2025-10-01"),
                                  FollowUp("2026-01-08")})},
      {S("interventions"), MakeList({MakeMap({{S("type"), S("kontaktfamilj")}, {S("start"), S("2025-01-20")}}),
                                     MakeMap({{S("type"), S("familjebehandling")}, {S("start"), S("2025-03-01")}})})},
  };
  for (int i = 0; i < 17; ++i)  // the rest of a record: about 30 keys in all
    c.emplace_back(S(("note_" + std::to_string(i)).c_str()), S("Anteckning utan betydelse för reglerna"));
  return MakeMap(std::move(c));
}

const char* kExpressions[] = {
    // 0: the issue's example
    "has(c.plan) && c.plan.goals.all(g, size(g.description) > 0 && "
    "g.area in ['barnets_utveckling','foraldrarnas_formaga','familj_och_miljo'])",
    // 1: dates present and well formed (regex compiled once)
    "c.follow_ups.all(f, has(f.date) && f.date.matches('^[0-9]{4}-[0-9]{2}-[0-9]{2}$'))",
    // 2: identity numbers
    "size(c.child.personnummer) == 12 && c.guardians.all(g, has(g.personnummer) && size(g.personnummer) == 12)",
    // 3: a cheap guard
    "c.needs_assessed && !has(c.commission.date)",
    // 4: builds a list
    "c.follow_ups.map(f, f.date).filter(d, d > c.decision_date).size() >= 2",
};

Program CompileOrDie(const char* src) {
  static auto registry = StandardRegistry();
  Env env(registry);
  (void)env.Declare("c", Type::Dyn());
  CompileResult r = Compile(src, env);
  if (!r.ok()) {
    fprintf(stderr, "%s\n", FormatIssues("bench", src, r.issues).c_str());
    abort();
  }
  return *r.program;
}

void BM_Evaluate(benchmark::State& state) {
  const Program program = CompileOrDie(kExpressions[state.range(0)]);
  const Value c = MakeCase();
  Activation act(program);
  act.Bind("c", c);
  for (auto _ : state) {
    Result<Value> v = program.Evaluate(act);
    if (!v.ok()) {
      state.SkipWithError(v.error().message().c_str());
      break;
    }
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_Evaluate)->DenseRange(0, 4);

// Binding per evaluation, as an engine does per case.
void BM_BindAndEvaluate(benchmark::State& state) {
  const Program program = CompileOrDie(kExpressions[0]);
  const Value c = MakeCase();
  for (auto _ : state) {
    Activation act(program);
    act.Set(0, c);
    benchmark::DoNotOptimize(program.Evaluate(act));
  }
}
BENCHMARK(BM_BindAndEvaluate);

void BM_Compile(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(CompileOrDie(kExpressions[0]));
}
BENCHMARK(BM_Compile);

}  // namespace

BENCHMARK_MAIN();
