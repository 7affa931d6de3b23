#include "core/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace aktkoll::core {
namespace {

std::string Errno() { return ErrnoText(errno); }

StatusOr<std::string> ReadFd(int fd, const std::string& name, size_t max_bytes) {
  std::string out;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(name + ": kan inte läsa filen: " + Errno());
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      return Status::InputError(name + ": filen är större än gränsen " +
                                std::to_string(max_bytes) + " byte (--max-file-size)");
    }
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

}  // namespace

std::string ErrnoText(int err) {
  switch (err) {
    case ENOENT: return "katalogen eller filen finns inte";
    case EACCES: case EPERM: return "åtkomst nekas";
    case ENOSPC: return "disken är full";
    case EROFS: return "filsystemet är skrivskyddat";
    case EISDIR: return "är en katalog";
    case ENOTDIR: return "en del av sökvägen är inte en katalog";
    case EDQUOT: return "diskkvoten är slut";
    default: return std::strerror(err);
  }
}

StatusOr<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  if (path == "-") return ReadStdin(max_bytes);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": filen finns inte");
    return Status::IoError(path + ": kan inte öppna filen: " + Errno());
  }
  struct stat st{};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::InputError(path + ": är en katalog, inte en fil");
  }
  auto result = ReadFd(fd, path, max_bytes);
  ::close(fd);
  return result;
}

StatusOr<std::string> ReadStdin(size_t max_bytes) { return ReadFd(0, "-", max_bytes); }

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  std::string tmpl = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return Status::IoError(path + ": kan inte skapa en tillfällig fil: " + Errno());
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string err = Errno();
      ::close(fd);
      ::unlink(tmpl.c_str());
      return Status::IoError(path + ": kan inte skriva: " + err);
    }
    done += static_cast<size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::close(fd) != 0) {
    std::string err = Errno();
    ::unlink(tmpl.c_str());
    return Status::IoError(path + ": kan inte skriva: " + err);
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    std::string err = Errno();
    ::unlink(tmpl.c_str());
    return Status::IoError(path + ": kan inte byta namn på den tillfälliga filen: " + err);
  }
  return Status::Ok();
}

}  // namespace aktkoll::core
