// Cheap line-level passes over YAML text that run before a YAML parser sees it:
//  - SplitYamlStream cuts a stream into one chunk per document, so a broken document
//    does not take the rest of the stream with it (yaml-cpp cannot resume after an error);
//  - PrescanYamlDepth refuses absurd nesting before yaml-cpp tokenises it (yaml-cpp would
//    otherwise queue every token of a 100,000-deep flow collection first, then fail at
//    about 500 levels with a misleading message).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "document/node.h"

namespace aktkoll::document::internal {

struct YamlChunk {
  size_t begin = 0;           // byte offset in the text (always at a line start)
  size_t end = 0;             // one past the last byte
  uint32_t first_line = 0;    // 0-based line number of `begin`
};

// Splits at `---` and `...` lines (at column 0, followed by a space, tab or line end).
// A `---` starts a new chunk unless the current one holds only directives, comments and
// blank lines; a `...` ends the current chunk. Chunks with no document are dropped.
// Per the YAML spec these markers end even a block scalar, so no scalar is ever cut.
std::vector<YamlChunk> SplitYamlStream(std::string_view text);

// Estimates nesting depth from below (flow brackets, `- ` and `key:` on each line, and the
// indentation of such lines) and returns the error at the first place where the estimate
// exceeds max_depth. Since it never overestimates, a document it refuses is too deep; the
// exact check is done while building the tree.
std::optional<InputError> PrescanYamlDepth(std::string_view text, const YamlChunk& chunk,
                                           size_t max_depth);

}  // namespace aktkoll::document::internal
