#include "core/utf8.h"

namespace aktkoll::core {

size_t Utf8SequenceLength(std::string_view s, size_t i, bool* latin1) {
  bool ignored;
  if (!latin1) latin1 = &ignored;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char b = p[i];
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  *latin1 = true;
  if (b < 0x80) return 1;
  if (b < 0xC2) return 0;  // stray continuation byte or overlong 2-byte lead
  if (b < 0xE0) return cont(1) ? 2 : 0;
  if (b < 0xF0) {
    if (!cont(1)) return 0;
    *latin1 = false;
    if (b == 0xE0 && p[i + 1] < 0xA0) return 0;   // overlong
    if (b == 0xED && p[i + 1] >= 0xA0) return 0;  // UTF-16 surrogate
    if (!cont(2)) return 0;
    return 3;
  }
  if (b < 0xF5) {
    if (!cont(1)) return 0;
    *latin1 = false;
    if (b == 0xF0 && p[i + 1] < 0x90) return 0;   // overlong
    if (b == 0xF4 && p[i + 1] >= 0x90) return 0;  // beyond U+10FFFF
    if (!cont(2) || !cont(3)) return 0;
    return 4;
  }
  return 0;
}

}  // namespace aktkoll::core
