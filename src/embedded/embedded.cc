#include "embedded/embedded.h"

namespace aktkoll::embedded {

std::optional<std::string_view> Find(std::string_view path) {
  for (const File& f : Files())
    if (f.path == path) return f.content;
  return std::nullopt;
}

std::vector<File> List(std::string_view prefix) {
  std::vector<File> out;
  for (const File& f : Files())
    if (f.path.substr(0, prefix.size()) == prefix) out.push_back(f);
  return out;
}

}  // namespace aktkoll::embedded
