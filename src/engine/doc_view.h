// DocView exposes a loaded document tree to expressions without copying it: every mapping
// and sequence gets a small host MapValue/ListValue that borrows the node's strings and
// hands out borrowed Values for its children. The views are built in one pass per case
// (a few hundred small objects for a typical case) and must outlive every evaluation that
// uses them. A DocView is used by one thread; the tree it borrows is only read.
//
// Each view knows its parent, so a value an expression returns (a for_each element) can be
// traced back to its JSON Pointer in the document, and a finding can point at it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "document/node.h"
#include "expr/value.h"

namespace aktkoll::engine {

class DocView {
 public:
  explicit DocView(const document::Node& root);
  ~DocView();
  DocView(const DocView&) = delete;
  DocView& operator=(const DocView&) = delete;

  // The root as a Value (a borrowed map, list or scalar).
  const expr::Value& root() const { return root_; }

  // The JSON Pointer of a map or list value that is part of this document, else nullopt.
  static std::optional<std::string> PointerOf(const expr::Value& value);

  struct Link {
    const document::Node* node = nullptr;
    const Link* parent = nullptr;
    uint32_t index = 0;   // position among the parent's entries or items
  };

 private:
  class MapView;
  class ListView;
  struct Storage;
  expr::Value Build(const document::Node& node, const Link* parent, uint32_t index);

  std::unique_ptr<Storage> storage_;
  expr::Value root_;
};

}  // namespace aktkoll::engine
