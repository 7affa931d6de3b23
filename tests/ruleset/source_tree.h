// The shipped rule files as the tests that read them see them: every file under rules/ and
// docs/exempel/ that a predicate picks, in path order, its text, and its path relative to
// the checkout (for messages).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace aktkoll::ruleset::testing {

inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string Rel(const std::filesystem::path& p) {
  return std::filesystem::relative(p, AKTKOLL_SOURCE_DIR).generic_string();
}

// The files under rules/ and docs/exempel/ for which `pick` holds, sorted.
inline std::vector<std::filesystem::path> SourceFiles(const std::function<bool(const std::filesystem::path&)>& pick) {
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"rules", "docs/exempel"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::filesystem::path(AKTKOLL_SOURCE_DIR) / dir))
      if (pick(e.path())) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace aktkoll::ruleset::testing
