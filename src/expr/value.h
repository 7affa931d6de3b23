// Value: what an expression computes and what the embedder passes in. A Value is 16 bytes
// and cheap to copy: scalars are stored inline, strings, lists and maps by pointer to an
// immutable payload that is either owned (intrusive, atomically reference-counted, so
// values may cross threads) or borrowed from the embedder.
//
// Borrowing is how the rule engine exposes its parsed document tree without converting
// it: implement MapValue / ListValue over the tree's own nodes and hand them to
// Value::Map / Value::List as plain pointers, and strings as Value::StringView. Borrowed
// data must stay alive and unchanged while any Value referring to it is in use (in
// practice: for the duration of Program::Evaluate and while its result is inspected).
// Values built by expressions (list and map literals, map()/filter() results) use the
// owned SimpleList / SimpleMap below.
//
// Dates (calendar day, no time of day) are a first-class kind so that the domain layer can
// compare them with the ordinary operators.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aktkoll::expr {

enum class Kind : uint8_t {
  kNull, kBool, kInt, kDouble, kString, kList, kMap, kTimestamp, kDuration, kDate,
};

// CEL spelling of a kind: "null_type", "bool", "int", "double", "string", "list", "map",
// "timestamp", "duration", "date".
const char* KindName(Kind kind);

// Base of every heap payload a Value can own. Reference counts are atomic because
// programs and their constants are shared across threads.
class RefCounted {
 public:
  RefCounted() = default;
  RefCounted(const RefCounted&) = delete;
  RefCounted& operator=(const RefCounted&) = delete;
  virtual ~RefCounted() = default;

  void AddRef() const { refs_.fetch_add(1, std::memory_order_relaxed); }
  void Release() const {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }

 private:
  mutable std::atomic<uint32_t> refs_{0};
};

// Owning intrusive pointer to a RefCounted payload.
template <typename T>
class Ref {
 public:
  Ref() = default;
  explicit Ref(T* p) : p_(p) { if (p_) p_->AddRef(); }
  Ref(const Ref& o) : p_(o.p_) { if (p_) p_->AddRef(); }
  Ref(Ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  template <typename U>
  Ref(const Ref<U>& o) : Ref(o.get()) {}  // NOLINT: implicit upcast
  ~Ref() { if (p_) p_->Release(); }
  Ref& operator=(Ref o) noexcept { std::swap(p_, o.p_); return *this; }
  T* get() const { return p_; }
  T* operator->() const { return p_; }
  T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  T* p_ = nullptr;
};

template <typename T, typename... Args>
Ref<T> MakeRef(Args&&... args) {
  return Ref<T>(new T(std::forward<Args>(args)...));
}

class ListValue;
class MapValue;

class Value {
 public:
  Value() = default;  // null
  Value(const Value& o) : kind_(o.kind_), owned_(o.owned_), aux_(o.aux_), u_(o.u_) {
    if (owned_) u_.obj->AddRef();
  }
  Value(Value&& o) noexcept : kind_(o.kind_), owned_(o.owned_), aux_(o.aux_), u_(o.u_) {
    o.owned_ = false;
  }
  Value& operator=(const Value& o) {
    if (this != &o) { Value tmp(o); Swap(tmp); }
    return *this;
  }
  Value& operator=(Value&& o) noexcept { Swap(o); return *this; }
  ~Value() { if (owned_) u_.obj->Release(); }

  static Value Null() { return Value(); }
  static Value Bool(bool b) { Value v(Kind::kBool); v.u_.b = b; return v; }
  static Value Int(int64_t i) { Value v(Kind::kInt); v.u_.i = i; return v; }
  static Value Double(double d) { Value v(Kind::kDouble); v.u_.d = d; return v; }
  // An owned copy of `s`.
  static Value String(std::string s);
  // Borrows `s` (no copy): the bytes must outlive every use of the value. Strings must be
  // UTF-8 and shorter than 4 GiB.
  static Value StringView(std::string_view s);
  // A null Ref gives null.
  static Value List(Ref<ListValue> list);
  static Value List(const ListValue* borrowed);
  static Value Map(Ref<MapValue> map);
  static Value Map(const MapValue* borrowed);
  // Seconds since 1970-01-01T00:00:00Z and nanoseconds [0, 1e9). Range checks are the
  // caller's (see civil_time.h); the valid range is years 0001..9999.
  static Value Timestamp(int64_t seconds, int32_t nanos) {
    Value v(Kind::kTimestamp); v.u_.i = seconds; v.aux_ = static_cast<uint32_t>(nanos); return v;
  }
  // A signed duration in nanoseconds (about ±292 years, like CEL's reference implementation).
  static Value Duration(int64_t nanos) { Value v(Kind::kDuration); v.u_.i = nanos; return v; }
  // A calendar date as days since 1970-01-01.
  static Value Date(int32_t days) { Value v(Kind::kDate); v.u_.i = days; return v; }

  Kind kind() const { return kind_; }
  bool is(Kind k) const { return kind_ == k; }
  bool is_null() const { return kind_ == Kind::kNull; }

  // Accessors: calling one for another kind is a bug (unchecked, like vector::operator[]).
  bool bool_value() const { return u_.b; }
  int64_t int_value() const { return u_.i; }
  double double_value() const { return u_.d; }
  std::string_view string_value() const;
  const ListValue& list_value() const { return *u_.list; }
  const MapValue& map_value() const { return *u_.map; }
  int64_t timestamp_seconds() const { return u_.i; }
  int32_t timestamp_nanos() const { return static_cast<int32_t>(aux_); }
  int64_t duration_nanos() const { return u_.i; }
  int32_t date_days() const { return static_cast<int32_t>(u_.i); }

  void Swap(Value& o) noexcept {
    std::swap(kind_, o.kind_); std::swap(owned_, o.owned_);
    std::swap(aux_, o.aux_); std::swap(u_, o.u_);
  }

 private:
  explicit Value(Kind k) : kind_(k) {}
  struct StringRep;

  Kind kind_ = Kind::kNull;
  bool owned_ = false;   // u_.obj holds a reference
  uint32_t aux_ = 0;     // string length (borrowed), timestamp nanos
  union U {
    bool b;
    int64_t i;
    double d;
    const char* chars;        // borrowed string
    const RefCounted* obj;    // any owned payload
    const StringRep* str;     // owned string
    const ListValue* list;
    const MapValue* map;
  } u_{};
};

static_assert(sizeof(Value) == 16, "Value is meant to stay two words");

// A list. Implementations must be immutable while values refer to them, and safe to read
// from several threads at once.
class ListValue : public RefCounted {
 public:
  virtual size_t size() const = 0;
  // The element at `index`; callers guarantee index < size().
  virtual Value Get(size_t index) const = 0;
};

// A map with keys of kind int, bool or string. Same immutability and thread rules as
// ListValue. Iteration is positional (KeyAt/ValueAt for i < size()) in a stable order, so a
// host can expose a vector of entries directly.
class MapValue : public RefCounted {
 public:
  virtual size_t size() const = 0;
  // The value stored under `key`, or nullopt. An int key never equals a string key.
  virtual std::optional<Value> Find(const Value& key) const = 0;
  // Field selection (m.name, has(m.name)): the value under a string key. The default
  // calls Find; hosts keyed by strings should override it to avoid building a Value.
  virtual std::optional<Value> FindField(std::string_view key) const;
  // FindField with the key's FieldHash, which the evaluator computes once per field name
  // at compile time: a host that keeps its keys' hashes can skip comparing strings. The
  // default ignores the hash.
  virtual std::optional<Value> FindFieldHashed(std::string_view key, uint32_t hash) const {
    (void)hash;
    return FindField(key);
  }
  virtual Value KeyAt(size_t index) const = 0;
  virtual Value ValueAt(size_t index) const = 0;
};

// The hash FindFieldHashed is given (32-bit FNV-1a of the UTF-8 bytes).
inline uint32_t FieldHash(std::string_view key) {
  uint32_t h = 2166136261u;
  for (char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

// The owned list used for literals and macro results.
class SimpleList final : public ListValue {
 public:
  SimpleList() = default;
  explicit SimpleList(std::vector<Value> items) : items_(std::move(items)) {}
  size_t size() const override { return items_.size(); }
  Value Get(size_t index) const override { return items_[index]; }
  const std::vector<Value>& items() const { return items_; }

 private:
  std::vector<Value> items_;
};

// The owned map used for literals and macro results: entries in insertion order, looked
// up linearly (maps written in expressions are small). Duplicate keys are the builder's
// responsibility (the evaluator reports them as errors).
class SimpleMap final : public MapValue {
 public:
  SimpleMap() = default;
  explicit SimpleMap(std::vector<std::pair<Value, Value>> entries) : entries_(std::move(entries)) {}
  size_t size() const override { return entries_.size(); }
  std::optional<Value> Find(const Value& key) const override;
  std::optional<Value> FindField(std::string_view key) const override;
  Value KeyAt(size_t index) const override { return entries_[index].first; }
  Value ValueAt(size_t index) const override { return entries_[index].second; }

 private:
  std::vector<std::pair<Value, Value>> entries_;
};

inline Value Value::List(Ref<ListValue> list) {
  if (!list) return Value();  // also spares GCC 12 a false -Wstringop-overflow on AddRef
  Value v(Kind::kList);
  v.u_.list = list.get();
  v.owned_ = true;
  list->AddRef();
  return v;
}
inline Value Value::List(const ListValue* borrowed) {
  Value v(Kind::kList); v.u_.list = borrowed; return v;
}
inline Value Value::Map(Ref<MapValue> map) {
  if (!map) return Value();
  Value v(Kind::kMap);
  v.u_.map = map.get();
  v.owned_ = true;
  map->AddRef();
  return v;
}
inline Value Value::Map(const MapValue* borrowed) {
  Value v(Kind::kMap); v.u_.map = borrowed; return v;
}

// Convenience builders for owned collections.
Value MakeList(std::vector<Value> items);
Value MakeMap(std::vector<std::pair<Value, Value>> entries);

// CEL equality: numbers compare across int and double (1 == 1.0), lists and maps deeply,
// values of different kinds are unequal (never an error). NaN is not equal to itself.
// Host values nested deeper than 256 levels compare unequal instead of recursing further.
bool ValuesEqual(const Value& a, const Value& b);

// A readable rendering for tests and diagnostics, e.g. `[1, "a", {"k": true}]`.
std::string DebugString(const Value& value);

}  // namespace aktkoll::expr
