// A valijson adapter over document::Node, so JSON Schema validation reads the loaded tree
// directly, with no conversion to another JSON library on the hot path.
// Modelled on valijson's own adapters: thin non-owning wrappers around a const Node&.
#pragma once

#include <string>
#include <utility>

#include <valijson/internal/adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>

#include "document/node.h"

namespace aktkoll::validate {

using document::Kind;
using document::Node;

class NodeAdapter;
class NodeArrayIterator;
class NodeMemberIterator;
using NodeMember = std::pair<std::string, NodeAdapter>;

inline const Node& EmptyNode(Kind kind) {
  static const Node kEmptyArray = [] { Node n; n.kind = Kind::kSequence; return n; }();
  static const Node kEmptyObject = [] { Node n; n.kind = Kind::kMapping; return n; }();
  return kind == Kind::kSequence ? kEmptyArray : kEmptyObject;
}

class NodeArray {
 public:
  using const_iterator = NodeArrayIterator;
  using iterator = NodeArrayIterator;
  NodeArray() : node_(EmptyNode(Kind::kSequence)) {}
  explicit NodeArray(const Node& node) : node_(node) {}
  NodeArrayIterator begin() const;
  NodeArrayIterator end() const;
  size_t size() const { return node_.items.size(); }

 private:
  const Node& node_;
};

class NodeObject {
 public:
  using const_iterator = NodeMemberIterator;
  using iterator = NodeMemberIterator;
  NodeObject() : node_(EmptyNode(Kind::kMapping)) {}
  explicit NodeObject(const Node& node) : node_(node) {}
  NodeMemberIterator begin() const;
  NodeMemberIterator end() const;
  NodeMemberIterator find(const std::string& name) const;
  size_t size() const { return node_.entries.size(); }

 private:
  const Node& node_;
};

class NodeFrozenValue : public valijson::adapters::FrozenValue {
 public:
  explicit NodeFrozenValue(Node node) : node_(std::move(node)) {}
  FrozenValue* clone() const override { return new NodeFrozenValue(node_); }
  bool equalTo(const valijson::adapters::Adapter& other, bool strict) const override;

 private:
  Node node_;
};

class NodeValue {
 public:
  NodeValue() : node_(EmptyNode(Kind::kMapping)) {}
  explicit NodeValue(const Node& node) : node_(node) {}

  valijson::adapters::FrozenValue* freeze() const { return new NodeFrozenValue(node_); }
  opt::optional<NodeArray> getArrayOptional() const {
    if (node_.kind == Kind::kSequence) return opt::make_optional(NodeArray(node_));
    return {};
  }
  bool getArraySize(size_t& out) const {
    if (node_.kind != Kind::kSequence) return false;
    out = node_.items.size();
    return true;
  }
  bool getBool(bool& out) const {
    if (node_.kind != Kind::kBool) return false;
    out = node_.boolean;
    return true;
  }
  bool getDouble(double& out) const {
    if (node_.kind != Kind::kDouble) return false;
    out = node_.number;
    return true;
  }
  bool getInteger(int64_t& out) const {
    if (node_.kind != Kind::kInt) return false;
    out = node_.integer;
    return true;
  }
  opt::optional<NodeObject> getObjectOptional() const {
    if (node_.kind == Kind::kMapping) return opt::make_optional(NodeObject(node_));
    return {};
  }
  bool getObjectSize(size_t& out) const {
    if (node_.kind != Kind::kMapping) return false;
    out = node_.entries.size();
    return true;
  }
  bool getString(std::string& out) const {
    if (node_.kind != Kind::kString) return false;
    out = node_.string;
    return true;
  }
  static bool hasStrictTypes() { return true; }
  bool isArray() const { return node_.kind == Kind::kSequence; }
  bool isBool() const { return node_.kind == Kind::kBool; }
  bool isDouble() const { return node_.kind == Kind::kDouble; }
  bool isInteger() const { return node_.kind == Kind::kInt; }
  bool isNull() const { return node_.kind == Kind::kNull; }
  bool isNumber() const { return node_.kind == Kind::kInt || node_.kind == Kind::kDouble; }
  bool isObject() const { return node_.kind == Kind::kMapping; }
  bool isString() const { return node_.kind == Kind::kString; }

 private:
  const Node& node_;
};

class NodeAdapter : public valijson::adapters::BasicAdapter<NodeAdapter, NodeArray, NodeMember,
                                                             NodeObject, NodeValue> {
 public:
  NodeAdapter() : BasicAdapter() {}
  explicit NodeAdapter(const Node& node) : BasicAdapter(NodeValue{node}) {}
};

class NodeArrayIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = NodeAdapter;
  using difference_type = NodeAdapter;
  using pointer = NodeAdapter*;
  using reference = NodeAdapter&;

  explicit NodeArrayIterator(std::vector<Node>::const_iterator it) : it_(it) {}
  NodeAdapter operator*() const { return NodeAdapter(*it_); }
  valijson::adapters::DerefProxy<NodeAdapter> operator->() const {
    return valijson::adapters::DerefProxy<NodeAdapter>(**this);
  }
  bool operator==(const NodeArrayIterator& o) const { return it_ == o.it_; }
  bool operator!=(const NodeArrayIterator& o) const { return it_ != o.it_; }
  const NodeArrayIterator& operator++() { ++it_; return *this; }
  NodeArrayIterator operator++(int) { NodeArrayIterator pre(it_); ++it_; return pre; }
  const NodeArrayIterator& operator--() { --it_; return *this; }
  void advance(std::ptrdiff_t n) { it_ += n; }

 private:
  std::vector<Node>::const_iterator it_;
};

class NodeMemberIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = NodeMember;
  using difference_type = NodeMember;
  using pointer = NodeMember*;
  using reference = NodeMember&;

  explicit NodeMemberIterator(std::vector<document::Entry>::const_iterator it) : it_(it) {}
  NodeMember operator*() const { return NodeMember(it_->key, NodeAdapter(it_->value)); }
  valijson::adapters::DerefProxy<NodeMember> operator->() const {
    return valijson::adapters::DerefProxy<NodeMember>(**this);
  }
  bool operator==(const NodeMemberIterator& o) const { return it_ == o.it_; }
  bool operator!=(const NodeMemberIterator& o) const { return it_ != o.it_; }
  const NodeMemberIterator& operator++() { ++it_; return *this; }
  NodeMemberIterator operator++(int) { NodeMemberIterator pre(it_); ++it_; return pre; }
  const NodeMemberIterator& operator--() { --it_; return *this; }

 private:
  std::vector<document::Entry>::const_iterator it_;
};

inline bool NodeFrozenValue::equalTo(const valijson::adapters::Adapter& other, bool strict) const {
  return NodeAdapter(node_).equalTo(other, strict);
}
inline NodeArrayIterator NodeArray::begin() const { return NodeArrayIterator(node_.items.begin()); }
inline NodeArrayIterator NodeArray::end() const { return NodeArrayIterator(node_.items.end()); }
inline NodeMemberIterator NodeObject::begin() const { return NodeMemberIterator(node_.entries.begin()); }
inline NodeMemberIterator NodeObject::end() const { return NodeMemberIterator(node_.entries.end()); }
inline NodeMemberIterator NodeObject::find(const std::string& name) const {
  auto it = node_.entries.begin();
  for (; it != node_.entries.end(); ++it)
    if (it->key == name) break;
  return NodeMemberIterator(it);
}

}  // namespace aktkoll::validate

namespace valijson::adapters {
template <>
struct AdapterTraits<aktkoll::validate::NodeAdapter> {
  using DocumentType = aktkoll::document::Node;
  static std::string adapterName() { return "NodeAdapter"; }
};
}  // namespace valijson::adapters
