// Vocabularies and catalogue attributes.
#include <doctest/doctest.h>

#include "domain_test_util.h"

namespace aktkoll::domain::testing {
namespace {

TEST_CASE("in_vocabulary") {
  CHECK(Eval("in_vocabulary('kontaktfamilj', 'intervention_types')") == "true");
  CHECK(Eval("in_vocabulary('okand', 'intervention_types')") == "false");
  CHECK(Eval("in_vocabulary(x, 'intervention_types')", Value::Int(1)) == "false");
  CHECK(Eval("['barnets_utveckling', 'x'].map(a, in_vocabulary(a, 'bbic_areas'))") == "[true, false]");
  // A literal unknown vocabulary is caught when the rule is compiled...
  CHECK(CompileErrors("in_vocabulary('a', 'insatser')") ==
        "t:1:1: fel: okänd vokabulär 'insatser'\n"
        " | in_vocabulary('a', 'insatser')\n"
        " | ^");
  // ...and a computed one when it is evaluated.
  CHECK(Eval("in_vocabulary('a', x)", Value::String("insatser")) == "error: okänd vokabulär 'insatser'");
}

TEST_CASE("catalogue attributes of intervention types") {
  CHECK(Eval("catalogue('familjebehandling').needs_assessed") == "true");
  CHECK(Eval("intervention('orossamtal').documentation_exemption") == "true");
  CHECK(Eval("catalogue('familjebehandling').min_age == null") == "true");
  CHECK(Eval("catalogue('familjebehandling').max_age") == "20");
  CHECK(Eval("has(catalogue('orossamtal').max_age)") == "false");
  CHECK(Eval("catalogue('kontaktfamilj')") == "{}");
  CHECK(Eval("catalogue('okand')") == "error: koden \"okand\" finns inte i vokabulären 'intervention_types'");
  CHECK(Eval("in_vocabulary(x, 'intervention_types') && catalogue(x).needs_assessed", Value::String("okand")) ==
        "false");
  CHECK(Eval("catalogue('bbic_areas', 'familj_och_miljo')") == "{}");
  CHECK(Eval("catalogue('nope', 'a')") == "error: okänd vokabulär 'nope'");
}

TEST_CASE("registering without catalogues gives empty vocabularies") {
  auto r = std::make_shared<expr::FunctionRegistry>();
  REQUIRE(RegisterCatalogueFunctions(*r, nullptr).ok());
  expr::Env env(r);
  expr::CompileResult c = expr::Compile("in_vocabulary('a', 'intervention_types')", env);
  REQUIRE_FALSE(c.ok());
  CHECK(c.issues[0].message == "okänd vokabulär 'intervention_types'");
}

}  // namespace
}  // namespace aktkoll::domain::testing
