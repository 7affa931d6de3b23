// UTF-8 as RFC 3629 defines it: no overlong forms, no UTF-16 surrogates, nothing above
// U+10FFFF. The document loader refuses input that breaks it; the JSON report copies a
// string that keeps it (and needs no escaping) as it is.
#pragma once

#include <cstddef>
#include <string_view>

namespace aktkoll::core {

// Length (1-4) of the well-formed UTF-8 sequence that starts at s[i], or 0 when it is not
// one. When `latin1` is given it says whether a failure looks like a single-byte legacy
// encoding (a lone high byte) rather than damaged UTF-8 (overlong form, surrogate, beyond
// U+10FFFF).
size_t Utf8SequenceLength(std::string_view s, size_t i, bool* latin1 = nullptr);

}  // namespace aktkoll::core
