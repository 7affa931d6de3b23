#include "core/source_location.h"

namespace aktkoll::core {

std::string FormatLocation(const std::string& path, Position pos) {
  std::string out = path;
  if (pos.line != 0) {
    out += ':' + std::to_string(pos.line);
    if (pos.column != 0) out += ':' + std::to_string(pos.column);
  }
  return out;
}

}  // namespace aktkoll::core
