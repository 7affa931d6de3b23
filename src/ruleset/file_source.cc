// The two places pack files come from: the embedded rules/ tree and the file system.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/file_io.h"
#include "embedded/embedded.h"
#include "ruleset/loader.h"

namespace aktkoll::ruleset {
namespace {

std::string WithSlash(const std::string& dir) {
  return dir.empty() || dir.back() == '/' ? dir : dir + "/";
}

class Embedded final : public FileSource {
 public:
  std::optional<std::string> Read(const std::string& path) const override {
    auto content = embedded::Find(path);
    if (!content) return std::nullopt;
    return std::string(*content);
  }
  std::vector<std::string> List(const std::string& dir) const override {
    std::vector<std::string> out;
    for (const embedded::File& f : embedded::List(WithSlash(dir))) out.emplace_back(f.path);
    return out;  // embedded::Files() is sorted by path
  }
  bool IsDirectory(const std::string& path) const override {
    return !embedded::List(WithSlash(path)).empty();
  }
  std::optional<std::string_view> Preparsed(const std::string& path) const override {
    return embedded::FindPreparsed(path);
  }
};

class Disk final : public FileSource {
 public:
  std::optional<std::string> Read(const std::string& path) const override {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    auto content = core::ReadFile(path, size_t{16} << 20);
    if (!content.ok()) return std::nullopt;
    return std::move(*content);
  }
  std::vector<std::string> List(const std::string& dir) const override {
    std::vector<std::string> out;
    std::error_code ec;
    std::filesystem::recursive_directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec)) out.push_back(it->path().generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  bool IsDirectory(const std::string& path) const override {
    std::error_code ec;
    return std::filesystem::is_directory(path, ec);
  }
};

}  // namespace

const FileSource& EmbeddedSource() {
  static const Embedded source;
  return source;
}

const FileSource& DiskSource() {
  static const Disk source;
  return source;
}

}  // namespace aktkoll::ruleset
