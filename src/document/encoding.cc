// Encoding checks for every input: one pass that accepts UTF-8 (with or without a BOM)
// and names the first byte that is not, with its line and column. A Latin-1 "å" must give
// a clear "save it as UTF-8", never mojibake further down.
#include <cstring>

#include "core/utf8.h"
#include "document/internal.h"

namespace aktkoll::document::internal {
namespace {

std::string Hex(unsigned char b) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string s = "0x";
  s += kDigits[b >> 4];
  s += kDigits[b & 15];
  return s;
}

// UTF-16 without a BOM shows up as a NUL in every other byte among the first characters.
bool LooksLikeUtf16(std::string_view s) {
  size_t n = std::min<size_t>(s.size(), 64) & ~size_t{1};
  if (n < 2) return false;
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_nul += s[i] == '\0';
    odd_nul += s[i + 1] == '\0';
  }
  size_t pairs = n / 2;
  if (pairs < 2) return false;
  return (even_nul * 4 >= pairs * 3 && odd_nul == 0) || (odd_nul * 4 >= pairs * 3 && even_nul == 0);
}

}  // namespace

uint32_t CodePointColumn(std::string_view text, size_t line_start, size_t offset) {
  uint32_t col = 1;
  for (size_t i = line_start; i < offset && i < text.size(); ++i)
    col += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return col;
}

Position PositionOf(std::string_view text, size_t offset) {
  if (offset > text.size()) offset = text.size();
  uint32_t line = 1;
  size_t line_start = 0;
  for (const char* p = text.data(); (p = static_cast<const char*>(
                                         std::memchr(p, '\n', text.data() + offset - p)));) {
    ++line;
    ++p;
    line_start = static_cast<size_t>(p - text.data());
  }
  return Position{line, CodePointColumn(text, line_start, offset)};
}

bool CheckEncoding(std::string_view content, std::string_view* body, InputError* error) {
  // A BOM is zero-width: positions count from the first byte after it.
  size_t start = content.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  auto fail = [&](std::string msg, size_t offset) {
    *error = InputError{std::move(msg), PositionOf(content.substr(start), offset - start)};
    return false;
  };
  if (content.size() >= 4 && (content.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) ||
                              content.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)))
    return fail("filen är UTF-32; spara den som UTF-8", 0);
  if (content.size() >= 2 && (content.substr(0, 2) == "\xFF\xFE" || content.substr(0, 2) == "\xFE\xFF"))
    return fail("filen är UTF-16; spara den som UTF-8", 0);
  if (LooksLikeUtf16(content)) return fail("filen är UTF-16; spara den som UTF-8", 0);

  const auto* p = reinterpret_cast<const unsigned char*>(content.data());
  size_t n = content.size();
  size_t i = start;
  while (i < n) {
    // Fast path: eight ASCII bytes without a NUL at a time.
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      bool has_high = (w & 0x8080808080808080ULL) != 0;
      bool has_zero = ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) != 0;
      if (!has_high && !has_zero) {
        i += 8;
        continue;
      }
    }
    unsigned char b = p[i];
    if (b == 0) return fail("NUL-byte i filen", i);
    if (b < 0x80) {
      ++i;
      continue;
    }
    bool latin1 = false;
    size_t len = core::Utf8SequenceLength(content, i, &latin1);
    if (len == 0) {
      std::string msg = "ogiltig UTF-8 (byte " + Hex(b) + ")";
      if (latin1) msg += "; filen verkar vara Latin-1/Windows-1252 — spara den som UTF-8";
      return fail(std::move(msg), i);
    }
    i += len;
  }
  *body = content.substr(start);
  return true;
}

}  // namespace aktkoll::document::internal
