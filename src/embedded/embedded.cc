#include "embedded/embedded.h"

#include <algorithm>

namespace aktkoll::embedded {

namespace {

std::optional<std::string_view> FindIn(std::span<const File> files, std::string_view path) {
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const File& f, std::string_view p) { return f.path < p; });
  if (it != files.end() && it->path == path) return it->content;
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> Find(std::string_view path) { return FindIn(Files(), path); }

std::optional<std::string_view> FindPreparsed(std::string_view path) { return FindIn(PreparsedFiles(), path); }

std::vector<File> List(std::string_view prefix) {
  std::vector<File> out;
  for (const File& f : Files())
    if (f.path.substr(0, prefix.size()) == prefix) out.push_back(f);
  return out;
}

}  // namespace aktkoll::embedded
