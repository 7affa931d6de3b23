// Checker types: construction, printing and assignability.
#include "expr/types.h"

namespace aktkoll::expr {

namespace {
const Type& DynType() {
  static const Type kDyn;
  return kDyn;
}
}  // namespace

Type Type::List(Type elem) {
  Type t(TypeKind::kList);
  t.params_ = std::make_shared<const std::vector<Type>>(std::vector<Type>{std::move(elem)});
  return t;
}

Type Type::Map(Type key, Type value) {
  Type t(TypeKind::kMap);
  t.params_ = std::make_shared<const std::vector<Type>>(
      std::vector<Type>{std::move(key), std::move(value)});
  return t;
}

const Type& Type::elem() const {
  return kind_ == TypeKind::kList && params_ ? (*params_)[0] : DynType();
}
const Type& Type::key() const {
  return kind_ == TypeKind::kMap && params_ ? (*params_)[0] : DynType();
}
const Type& Type::value() const {
  return kind_ == TypeKind::kMap && params_ ? (*params_)[1] : DynType();
}

std::string Type::ToString() const {
  switch (kind_) {
    case TypeKind::kDyn: return "dyn";
    case TypeKind::kNull: return "null_type";
    case TypeKind::kBool: return "bool";
    case TypeKind::kInt: return "int";
    case TypeKind::kDouble: return "double";
    case TypeKind::kString: return "string";
    case TypeKind::kTimestamp: return "timestamp";
    case TypeKind::kDuration: return "duration";
    case TypeKind::kDate: return "date";
    case TypeKind::kList: return "list(" + elem().ToString() + ")";
    case TypeKind::kMap: return "map(" + key().ToString() + ", " + value().ToString() + ")";
  }
  return "?";
}

bool operator==(const Type& a, const Type& b) {
  if (a.kind_ != b.kind_) return false;
  if (a.kind_ == TypeKind::kList) return a.elem() == b.elem();
  if (a.kind_ == TypeKind::kMap) return a.key() == b.key() && a.value() == b.value();
  return true;
}

bool IsAssignable(const Type& param, const Type& arg) {
  if (param.is_dyn() || arg.is_dyn()) return true;
  if (param.kind() != arg.kind()) return false;
  if (param.kind() == TypeKind::kList) return IsAssignable(param.elem(), arg.elem());
  if (param.kind() == TypeKind::kMap)
    return IsAssignable(param.key(), arg.key()) && IsAssignable(param.value(), arg.value());
  return true;
}

}  // namespace aktkoll::expr
