// The function registry and the standard library's entry point.
#include "expr/registry.h"

namespace aktkoll::expr {

namespace {

bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

Error Invalid(std::string message) { return Error(ErrorCode::kInvalidArgument, std::move(message)); }

}  // namespace

Result<void> FunctionRegistry::Add(std::string_view name, CallStyle style, Overload overload) {
  if (!IsIdentifier(name)) return Invalid("function name is not an identifier: '" + std::string(name) + "'");
  if (overload.id.empty()) return Invalid("overload of '" + std::string(name) + "' has no id");
  if (!overload.impl) return Invalid("overload '" + overload.id + "' has no implementation");
  if (style == CallStyle::kReceiver && overload.params.empty())
    return Invalid("method overload '" + overload.id + "' needs a receiver parameter");
  if (ids_.count(overload.id)) return Invalid("overload id '" + overload.id + "' registered twice");
  Function& fn = functions_[{std::string(name), style}];
  for (const Overload& o : fn.overloads) {
    if (o.params.size() != overload.params.size()) continue;
    bool same = true;
    for (size_t i = 0; i < o.params.size() && same; ++i) same = o.params[i] == overload.params[i];
    if (same)
      return Invalid("overloads '" + o.id + "' and '" + overload.id + "' have the same parameters");
  }
  if (fn.name.empty()) {
    fn.name = std::string(name);
    fn.style = style;
  }
  ids_[overload.id] = true;
  fn.overloads.push_back(std::move(overload));
  return {};
}

Result<void> FunctionRegistry::AddGlobal(std::string_view name, std::string id, std::vector<Type> params,
                                         Type result, FunctionImpl impl) {
  return Add(name, CallStyle::kGlobal,
             Overload{std::move(id), std::move(params), std::move(result), std::move(impl), nullptr});
}

Result<void> FunctionRegistry::AddMethod(std::string_view name, std::string id, std::vector<Type> params,
                                         Type result, FunctionImpl impl) {
  return Add(name, CallStyle::kReceiver,
             Overload{std::move(id), std::move(params), std::move(result), std::move(impl), nullptr});
}

const Function* FunctionRegistry::Find(std::string_view name, CallStyle style) const {
  auto it = functions_.find({std::string(name), style});
  return it == functions_.end() ? nullptr : &it->second;
}

std::vector<const Function*> FunctionRegistry::functions() const {
  std::vector<const Function*> out;
  for (const auto& [key, fn] : functions_) out.push_back(&fn);
  return out;
}

Result<void> RegisterStandardFunctions(FunctionRegistry& registry) {
  for (auto* family : {&RegisterCollectionFunctions, &RegisterStringFunctions,
                       &RegisterConversionFunctions, &RegisterTimeFunctions}) {
    Result<void> r = family(registry);
    if (!r.ok()) return r;
  }
  return {};
}

std::shared_ptr<const FunctionRegistry> StandardRegistry() {
  auto registry = std::make_shared<FunctionRegistry>();
  Result<void> r = RegisterStandardFunctions(*registry);
  (void)r;  // the standard families never conflict with each other in a fresh registry
  return registry;
}

}  // namespace aktkoll::expr
