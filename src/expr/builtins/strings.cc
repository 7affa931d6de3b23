// String predicates. `has_text(x)` is true when the string `x` holds more than white space
// (and for any other value but null), so a rule needs neither `x != ''` (which accepts "  ")
// nor a regex written out again. `matches` uses RE2 (linear time, no backtracking blow-ups) with
// partial-match semantics like CEL; a literal pattern is compiled once at compile time
// through the overload's prepare hook, and a bad literal pattern is a compile error.
#include <re2/re2.h>

#include <memory>

#include "expr/registry.h"

namespace aktkoll::expr {

namespace {

Result<std::shared_ptr<const RE2>> CompileRegex(std::string_view pattern, const CallContext& ctx) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);  // bounds the cost of a hostile pattern
  auto re = std::make_shared<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok())
    return ctx.MakeError(ErrorCode::kInvalidArgument,
                         "ogiltigt reguljärt uttryck '" + std::string(pattern) + "': " + re->error(),
                         "invalid regular expression '" + std::string(pattern) + "': " + re->error());
  return re;
}

// True when `text` has a character other than white space (ASCII white space and the
// no-break space U+00A0, which word processors leave in exported fields).
bool HasText(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if (ch == ' ' || (ch >= '\t' && ch <= '\r')) continue;
    if (ch == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    return true;
  }
  return false;
}

bool Matches(std::string_view text, const RE2& re) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re);
}

Result<Value> MatchesImpl(std::span<const Value> a, const CallContext& ctx) {
  Result<std::shared_ptr<const RE2>> re = CompileRegex(a[1].string_value(), ctx);
  if (!re.ok()) return re.error();
  return Value::Bool(Matches(a[0].string_value(), **re));
}

Result<FunctionImpl> PrepareMatches(std::span<const std::optional<Value>> constants,
                                    const CallContext& ctx) {
  if (constants.size() != 2 || !constants[1] || !constants[1]->is(Kind::kString))
    return FunctionImpl();
  Result<std::shared_ptr<const RE2>> re = CompileRegex(constants[1]->string_value(), ctx);
  if (!re.ok()) return re.error();
  std::shared_ptr<const RE2> compiled = *re;
  return FunctionImpl([compiled](std::span<const Value> a, const CallContext&) -> Result<Value> {
    return Value::Bool(Matches(a[0].string_value(), *compiled));
  });
}

}  // namespace

Result<void> RegisterStringFunctions(FunctionRegistry& r) {
  const Type s = Type::String();
  const FunctionImpl contains = [](std::span<const Value> a, const CallContext&) -> Result<Value> {
    return Value::Bool(a[0].string_value().find(a[1].string_value()) != std::string_view::npos);
  };
  const FunctionImpl starts = [](std::span<const Value> a, const CallContext&) -> Result<Value> {
    return Value::Bool(a[0].string_value().starts_with(a[1].string_value()));
  };
  const FunctionImpl ends = [](std::span<const Value> a, const CallContext&) -> Result<Value> {
    return Value::Bool(a[0].string_value().ends_with(a[1].string_value()));
  };
  // Any value: a string holds text when it has more than white space; null holds none; any
  // other value (a number, a list) is there, which is what `x != ''` said of it.
  const FunctionImpl has_text = [](std::span<const Value> a, const CallContext&) -> Result<Value> {
    if (a[0].is(Kind::kString)) return Value::Bool(HasText(a[0].string_value()));
    return Value::Bool(!a[0].is_null());
  };
  for (Result<void> res : {
           r.Add("has_text", CallStyle::kGlobal, Overload{"has_text_dyn", {Type::Dyn()}, Type::Bool(), has_text, PrepareFn()}),
           r.AddMethod("contains", "string_contains_string", {s, s}, Type::Bool(), contains),
           r.AddMethod("startsWith", "string_starts_with_string", {s, s}, Type::Bool(), starts),
           r.AddMethod("endsWith", "string_ends_with_string", {s, s}, Type::Bool(), ends),
           r.Add("matches", CallStyle::kReceiver,
                 Overload{"string_matches_string", {s, s}, Type::Bool(), MatchesImpl, PrepareMatches}),
           r.Add("matches", CallStyle::kGlobal,
                 Overload{"matches_string", {s, s}, Type::Bool(), MatchesImpl, PrepareMatches}),
       }) {
    if (!res.ok()) return res;
  }
  return {};
}

}  // namespace aktkoll::expr
