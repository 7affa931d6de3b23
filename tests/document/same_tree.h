// Test helper: two document trees equal node for node and position for position.
#pragma once

#include "document/node.h"

namespace aktkoll::document {

inline bool SameTree(const Node& a, const Node& b) {
  if (a.kind != b.kind || a.source != b.source || a.pos != b.pos) return false;
  switch (a.kind) {
    case Kind::kNull:
      return true;
    case Kind::kBool:
      return a.boolean == b.boolean;
    case Kind::kInt:
      return a.integer == b.integer;
    case Kind::kDouble:
      return a.number == b.number;
    case Kind::kString:
      return a.string == b.string;
    case Kind::kSequence:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (!SameTree(a.items[i], b.items[i])) return false;
      return true;
    case Kind::kMapping:
      if (a.entries.size() != b.entries.size()) return false;
      for (size_t i = 0; i < a.entries.size(); ++i)
        if (a.entries[i].key != b.entries[i].key || a.entries[i].key_pos != b.entries[i].key_pos ||
            !SameTree(a.entries[i].value, b.entries[i].value))
          return false;
      return true;
  }
  return false;
}

}  // namespace aktkoll::document
