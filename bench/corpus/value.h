// A small ordered document tree for the benchmark corpus generator, and its three writers:
// block-style YAML as the examples are written (folded scalars for long texts, quoted only
// where a plain scalar would not stay a string), pretty-printed JSON and one-line JSON.
// Objects keep insertion order, so the same tree always gives the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace aktkoll::bench {

class Value {
 public:
  enum class Kind { kNull, kBool, kInt, kString, kArray, kObject };

  Value() = default;
  static Value Bool(bool b);
  static Value Int(int64_t i);
  static Value Str(std::string s);
  static Value Array();
  static Value Object();

  Kind kind() const { return kind_; }
  bool boolean() const { return bool_; }
  int64_t integer() const { return int_; }
  const std::string& str() const { return str_; }
  const std::vector<Value>& items() const { return items_; }
  const std::vector<std::pair<std::string, Value>>& members() const { return members_; }

  // Object: appends a member (keys are not checked for duplicates; the generator never
  // repeats one). Returns the new member's value.
  Value& Set(std::string key, Value v);
  Value& Set(std::string key, std::string s) { return Set(std::move(key), Str(std::move(s))); }
  Value& Set(std::string key, const char* s) { return Set(std::move(key), Str(s)); }
  Value& Set(std::string key, bool b) { return Set(std::move(key), Bool(b)); }
  // Object: removes the member `key` if present; returns whether it was.
  bool Erase(const std::string& key);
  // Object: the member `key`, or nullptr.
  Value* Find(const std::string& key);
  // Object: renames member `from` to `to`, keeping its place.
  void Rename(const std::string& from, const std::string& to);
  // Array: appends an item and returns it.
  Value& Push(Value v);
  std::vector<Value>& mutable_items() { return items_; }

 private:
  Kind kind_ = Kind::kNull;
  bool bool_ = false;
  int64_t int_ = 0;
  std::string str_;
  std::vector<Value> items_;
  std::vector<std::pair<std::string, Value>> members_;
};

// Appends `v` (an object) as one YAML document body, block style, to `out`.
void WriteYaml(const Value& v, std::string& out);
// Appends `v` as JSON: indent > 0 pretty-prints with that many spaces, 0 writes one line.
void WriteJson(const Value& v, int indent, std::string& out);

}  // namespace aktkoll::bench
