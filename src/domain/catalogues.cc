// Catalogue lookups. Vocabularies are small (tens of codes), so membership is a linear
// scan; a literal vocabulary name is resolved once at compile time.
#include "domain/catalogues.h"

#include <algorithm>
#include <string>

namespace aktkoll::domain {

namespace {

using expr::CallContext;
using expr::Error;
using expr::ErrorCode;
using expr::FunctionImpl;
using expr::Result;
using expr::Type;
using expr::Value;
using Args = std::span<const Value>;

Error UnknownVocabulary(std::string_view name, const CallContext& ctx) {
  return ctx.MakeError(ErrorCode::kInvalidArgument, "okänd vokabulär '" + std::string(name) + "'",
                       "unknown vocabulary '" + std::string(name) + "'");
}

Result<const Vocabulary*> FindVocabulary(const Catalogues& c, std::string_view name, const CallContext& ctx) {
  auto it = c.vocabularies.find(name);
  if (it == c.vocabularies.end()) return UnknownVocabulary(name, ctx);
  return &it->second;
}

bool Contains(const Vocabulary& v, const Value& code) {
  if (!code.is(expr::Kind::kString)) return false;
  return std::find(v.codes.begin(), v.codes.end(), code.string_value()) != v.codes.end();
}

Result<Value> Entry(const Vocabulary& v, std::string_view vocabulary, const Value& code, const CallContext& ctx) {
  if (!Contains(v, code))
    return ctx.MakeError(ErrorCode::kNoSuchKey,
                         "koden " + expr::DebugString(code) + " finns inte i vokabulären '" + std::string(vocabulary) + "'",
                         "code " + expr::DebugString(code) + " is not in vocabulary '" + std::string(vocabulary) + "'");
  auto it = v.attributes.find(code.string_value());
  if (it == v.attributes.end()) return expr::MakeMap({});
  return it->second;
}

}  // namespace

expr::Result<void> RegisterCatalogueFunctions(expr::FunctionRegistry& r,
                                              std::shared_ptr<const Catalogues> catalogues) {
  if (!catalogues) catalogues = std::make_shared<const Catalogues>();
  const Type S = Type::String(), Dyn = Type::Dyn();
  const Type attrs = Type::Map(Type::String(), Type::Dyn());

  auto in_vocabulary = [catalogues](Args a, const CallContext& ctx) -> Result<Value> {
    Result<const Vocabulary*> v = FindVocabulary(*catalogues, a[1].string_value(), ctx);
    if (!v.ok()) return v.error();
    return Value::Bool(Contains(**v, a[0]));
  };
  // With a literal vocabulary name: look it up once, and reject unknown names at compile time.
  auto prepare_in = [catalogues](std::span<const std::optional<Value>> k,
                                 const CallContext& ctx) -> Result<FunctionImpl> {
    if (k.size() != 2 || !k[1] || !k[1]->is(expr::Kind::kString)) return FunctionImpl();
    Result<const Vocabulary*> v = FindVocabulary(*catalogues, k[1]->string_value(), ctx);
    if (!v.ok()) return v.error();
    const Vocabulary* vocab = *v;
    return FunctionImpl([catalogues, vocab](Args a, const CallContext&) -> Result<Value> {
      return Value::Bool(Contains(*vocab, a[0]));
    });
  };
  auto intervention = [catalogues](Args a, const CallContext& ctx) -> Result<Value> {
    Result<const Vocabulary*> v = FindVocabulary(*catalogues, kInterventionTypes, ctx);
    if (!v.ok()) return v.error();
    return Entry(**v, kInterventionTypes, a[0], ctx);
  };
  auto entry = [catalogues](Args a, const CallContext& ctx) -> Result<Value> {
    Result<const Vocabulary*> v = FindVocabulary(*catalogues, a[0].string_value(), ctx);
    if (!v.ok()) return v.error();
    return Entry(**v, a[0].string_value(), a[1], ctx);
  };
  for (Result<void> res : {
           r.Add("in_vocabulary", expr::CallStyle::kGlobal,
                 expr::Overload{"in_vocabulary_dyn_string", {Dyn, S}, Type::Bool(), in_vocabulary, prepare_in}),
           r.AddGlobal("catalogue", "catalogue_dyn", {Dyn}, attrs, intervention),
           r.AddGlobal("intervention", "intervention_dyn", {Dyn}, attrs, intervention),
           r.AddGlobal("catalogue", "catalogue_string_dyn", {S, Dyn}, attrs, entry),
       }) {
    if (!res.ok()) return res;
  }
  return {};
}

}  // namespace aktkoll::domain
