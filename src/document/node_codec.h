// A compact binary form of a document::Node tree, positions included. The build turns the
// embedded rule packs' YAML into it (src/embedded/preparse.cc), so `aktkoll check` loads
// the built-in pack without running the YAML parser: a decoded tree is identical, node for
// node and position for position, to the one LoadBuffer gives for the same file.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "document/node.h"

namespace aktkoll::document {

std::string EncodeNode(const Node& node);

// nullopt when `data` is not a complete encoding (truncated, trailing bytes, too deep).
std::optional<Node> DecodeNode(std::string_view data);

}  // namespace aktkoll::document
