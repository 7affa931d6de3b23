// A position in an input file. Lines and columns are 1-based; 0 means "unknown".
// Columns count Unicode code points, so a caret under a line with åäö lines up.
#pragma once

#include <cstdint>
#include <string>

namespace aktkoll::core {

struct Position {
  uint32_t line = 0;
  uint32_t column = 0;
  bool known() const { return line != 0; }
  friend bool operator==(const Position&, const Position&) = default;
  friend auto operator<=>(const Position&, const Position&) = default;
};

struct SourceLocation {
  std::string path;  // as given by the user, "-" for stdin
  Position pos;
};

// "path:line:column", "path:line" or "path", whichever is known.
std::string FormatLocation(const std::string& path, Position pos);

}  // namespace aktkoll::core
