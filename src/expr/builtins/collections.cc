// size(): strings count code points, lists elements, maps entries. Both size(x) and
// x.size() are offered, as in CEL.
#include "expr/registry.h"

namespace aktkoll::expr {

namespace {

int64_t CodePoints(std::string_view s) {
  int64_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

Result<void> RegisterCollectionFunctions(FunctionRegistry& r) {
  const FunctionImpl size_string = [](std::span<const Value> a, const CallContext&) -> Result<Value> {
    return Value::Int(CodePoints(a[0].string_value()));
  };
  const FunctionImpl size_list = [](std::span<const Value> a, const CallContext&) -> Result<Value> {
    return Value::Int(static_cast<int64_t>(a[0].list_value().size()));
  };
  const FunctionImpl size_map = [](std::span<const Value> a, const CallContext&) -> Result<Value> {
    return Value::Int(static_cast<int64_t>(a[0].map_value().size()));
  };
  const Type any_list = Type::List(Type::Dyn());
  const Type any_map = Type::Map(Type::Dyn(), Type::Dyn());
  for (Result<void> res : {
           r.AddGlobal("size", "size_string", {Type::String()}, Type::Int(), size_string),
           r.AddGlobal("size", "size_list", {any_list}, Type::Int(), size_list),
           r.AddGlobal("size", "size_map", {any_map}, Type::Int(), size_map),
           r.AddMethod("size", "string_size", {Type::String()}, Type::Int(), size_string),
           r.AddMethod("size", "list_size", {any_list}, Type::Int(), size_list),
           r.AddMethod("size", "map_size", {any_map}, Type::Int(), size_map),
       }) {
    if (!res.ok()) return res;
  }
  return {};
}

}  // namespace aktkoll::expr
