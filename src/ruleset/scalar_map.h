// Where each character of a YAML scalar's value came from in the file.
//
// Expressions live in YAML strings: plain (`assert: has(c.x)`), quoted, or block scalars
// (`assert: |` / `assert: >-` followed by indented lines). The expression checker reports
// issues as byte offsets into the parsed value; MapScalarOffset turns such an offset into
// the file's line and column, so an error points into the rule file, not into the string.
//
// The value is aligned with the source text character by character from the scalar's
// start: characters that are equal advance both; indentation, folded line breaks,
// quote characters and escape backslashes are skipped in the source. This is exact for
// plain, literal (`|`) and folded (`>`) scalars and for quoted scalars without escapes,
// and never points outside the scalar's text.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/source_location.h"

namespace aktkoll::ruleset {

// `file` is the whole file, `start` the scalar node's position (its first character, the
// opening quote, or the `|`/`>` indicator), `value` the parsed string and `offset` a byte
// offset into it (offset == value.size() means just after the last character).
core::Position MapScalarOffset(std::string_view file, core::Position start, std::string_view value,
                               size_t offset);

}  // namespace aktkoll::ruleset
