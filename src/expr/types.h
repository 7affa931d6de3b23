// Type: what the static checker knows about an expression before any data is seen.
// Variables are declared with a Type in an Env, and function overloads list their
// parameter and result Types. `dyn` means "unknown": it matches everything and switches
// checking off through it (field selection on dyn gives dyn), which is how documents of
// unknown shape are declared.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace aktkoll::expr {

enum class TypeKind {
  kDyn, kNull, kBool, kInt, kDouble, kString, kList, kMap, kTimestamp, kDuration, kDate,
};

class Type {
 public:
  Type() = default;  // dyn
  static Type Dyn() { return Type(TypeKind::kDyn); }
  static Type Null() { return Type(TypeKind::kNull); }
  static Type Bool() { return Type(TypeKind::kBool); }
  static Type Int() { return Type(TypeKind::kInt); }
  static Type Double() { return Type(TypeKind::kDouble); }
  static Type String() { return Type(TypeKind::kString); }
  static Type Timestamp() { return Type(TypeKind::kTimestamp); }
  static Type Duration() { return Type(TypeKind::kDuration); }
  static Type Date() { return Type(TypeKind::kDate); }
  static Type List(Type elem);               // list(elem); list(dyn) is any list
  static Type Map(Type key, Type value);     // map(key, value); map(dyn, dyn) is any map

  TypeKind kind() const { return kind_; }
  bool is_dyn() const { return kind_ == TypeKind::kDyn; }
  // Element type of a list, key and value types of a map; dyn for other kinds.
  const Type& elem() const;
  const Type& key() const;
  const Type& value() const;

  // CEL spelling: "int", "list(string)", "map(string, dyn)".
  std::string ToString() const;

  friend bool operator==(const Type& a, const Type& b);

 private:
  explicit Type(TypeKind k) : kind_(k) {}
  TypeKind kind_ = TypeKind::kDyn;
  std::shared_ptr<const std::vector<Type>> params_;  // list: {elem}; map: {key, value}
};

// Whether a value of type `arg` may be passed where `param` is expected. dyn on either
// side is always accepted; lists and maps are compared parameter by parameter.
bool IsAssignable(const Type& param, const Type& arg);

}  // namespace aktkoll::expr
