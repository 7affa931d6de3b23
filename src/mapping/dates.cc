#include <cctype>

#include "expr/civil_time.h"
#include "mapping/mapping.h"

namespace aktkoll::mapping {
namespace {

bool Digits(std::string_view text, size_t* i, size_t n, int* out) {
  if (*i + n > text.size()) return false;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    char c = text[*i + k];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + (c - '0');
  }
  *i += n;
  *out = v;
  return true;
}

// Z, +HH:MM, +HHMM or +HH (and '-'); the offset only says which local time the text is
// in, and the local date is the one written, so its value is not needed.
bool Offset(std::string_view text, size_t* i) {
  if (*i < text.size() && text[*i] == 'Z') {
    ++*i;
    return true;
  }
  if (*i >= text.size() || (text[*i] != '+' && text[*i] != '-')) return false;
  ++*i;
  int h = 0, m = 0;
  if (!Digits(text, i, 2, &h) || h > 23) return false;
  if (*i < text.size() && text[*i] == ':') ++*i;
  if (*i < text.size() && !Digits(text, i, 2, &m)) return false;
  return m < 60;
}

std::optional<std::string> ParseOne(std::string_view text, std::string_view format) {
  int y = -1, mo = -1, d = -1, v = 0;
  size_t i = 0;
  for (size_t f = 0; f < format.size(); ++f) {
    if (format[f] != '%' || f + 1 == format.size()) {
      if (i >= text.size() || text[i] != format[f]) return std::nullopt;
      ++i;
      continue;
    }
    switch (format[++f]) {
      case 'Y': if (!Digits(text, &i, 4, &y)) return std::nullopt; break;
      case 'm': if (!Digits(text, &i, 2, &mo)) return std::nullopt; break;
      case 'd': if (!Digits(text, &i, 2, &d)) return std::nullopt; break;
      case 'H': if (!Digits(text, &i, 2, &v) || v > 23) return std::nullopt; break;
      case 'M': if (!Digits(text, &i, 2, &v) || v > 59) return std::nullopt; break;
      case 'S': if (!Digits(text, &i, 2, &v) || v > 60) return std::nullopt; break;
      case 'z': if (!Offset(text, &i)) return std::nullopt; break;
      case '%': if (i >= text.size() || text[i] != '%') return std::nullopt; ++i; break;
      default: return std::nullopt;
    }
  }
  if (i != text.size() || !expr::IsValidCivil(y, mo, d)) return std::nullopt;
  return expr::FormatIsoDate(expr::DaysFromCivil(y, mo, d));
}

}  // namespace

std::optional<std::string> ParseDate(std::string_view text, const std::vector<std::string>& formats) {
  for (const std::string& f : formats)
    if (auto d = ParseOne(text, f)) return d;
  return std::nullopt;
}

bool CheckDateFormat(std::string_view format, std::string* why) {
  bool y = false, m = false, d = false;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 == format.size()) {
      *why = "datumformatet slutar med ett ensamt '%'";
      return false;
    }
    char c = format[++i];
    if (c == 'Y') y = true;
    else if (c == 'm') m = true;
    else if (c == 'd') d = true;
    else if (c != 'H' && c != 'M' && c != 'S' && c != 'z' && c != '%') {
      *why = std::string("okänt fält '%") + c + "' i datumformatet (tillåtna: %Y %m %d %H %M %S %z %%)";
      return false;
    }
  }
  if (!y || !m || !d) {
    *why = "datumformatet måste innehålla %Y, %m och %d";
    return false;
  }
  return true;
}

}  // namespace aktkoll::mapping
