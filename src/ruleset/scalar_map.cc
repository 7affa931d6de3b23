#include "ruleset/scalar_map.h"

#include "ruleset/diagnostics.h"

namespace aktkoll::ruleset {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

core::Position MapScalarOffset(std::string_view file, core::Position start, std::string_view value,
                               size_t offset) {
  size_t j = OffsetOf(file, start);
  if (j < file.size() && (file[j] == '|' || file[j] == '>')) {
    size_t nl = file.find('\n', j);  // the content starts on the next line
    j = nl == std::string_view::npos ? file.size() : nl + 1;
  } else if (j < file.size() && (file[j] == '"' || file[j] == '\'')) {
    ++j;
  }
  if (offset > value.size()) offset = value.size();
  for (size_t i = 0; i < offset; ++i) {
    char v = value[i];
    for (;;) {
      if (j >= file.size()) return PositionAt(file, file.size());
      char s = file[j];
      if (s == v) { ++j; break; }
      if (IsSpace(v)) {
        if (IsSpace(s)) ++j;  // a folded line break becomes one space
        break;
      }
      if (IsSpace(s) || s == '\\' || s == '"' || s == '\'') { ++j; continue; }
      ++j;  // an escape sequence: keep going, one source character per value character
      break;
    }
  }
  // Land on the character itself, not on indentation before it.
  if (offset < value.size() && !IsSpace(value[offset]))
    while (j < file.size() && IsSpace(file[j]) && file[j] != value[offset]) ++j;
  return PositionAt(file, j);
}

}  // namespace aktkoll::ruleset
