#include "app/output.h"

#include "core/file_io.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace aktkoll::app {

core::StatusOr<FormatSpec> ParseFormatSpec(const std::string& spec,
                                           const std::vector<std::string>& known) {
  FormatSpec out;
  size_t colon = spec.find(':');
  out.format = spec.substr(0, colon);
  if (colon != std::string::npos) out.file = spec.substr(colon + 1);
  for (const auto& k : known)
    if (k == out.format) {
      if (colon != std::string::npos && out.file.empty())
        return core::Status::InvalidArgument("--format " + spec + ": filnamnet saknas efter ':'");
      return out;
    }
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  return core::Status::InvalidArgument("--format " + spec + ": okänt format '" + out.format +
                                       "'; välj bland " + list);
}

core::StatusOr<std::unique_ptr<Output>> Output::Open(const FormatSpec& spec,
                                                     std::unique_ptr<report::Formatter> formatter) {
  std::unique_ptr<Output> out(new Output());
  out->spec_ = spec;
  out->formatter_ = std::move(formatter);
  Output* self = out.get();
  out->formatter_->SetDrain([self] {
    core::Status s = self->Flush(false);
    if (!s.ok() && self->error_.ok()) self->error_ = s;
  });
  if (spec.file.empty() || spec.file == "-") {
    out->file_ = stdout;
    return out;
  }
  out->tmp_path_ = spec.file + ".tmp-XXXXXX";
  int fd = ::mkstemp(out->tmp_path_.data());
  if (fd < 0)
    return core::Status::IoError(spec.file + ": kan inte skriva rapporten: " + core::ErrnoText(errno));
  ::fchmod(fd, 0644);
  out->file_ = ::fdopen(fd, "wb");
  return out;
}

Output::~Output() {
  if (file_ && file_ != stdout) std::fclose(file_);
  if (!tmp_path_.empty() && !committed_) ::unlink(tmp_path_.c_str());
}

core::Status Output::Flush(bool all) {
  if (!all && buffer_.size() < (1 << 16)) return core::Status::Ok();
  if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
    return core::Status::IoError((spec_.file.empty() ? "stdout" : spec_.file) +
                                 ": kan inte skriva rapporten: " + core::ErrnoText(errno));
  buffer_.clear();
  return core::Status::Ok();
}

core::Status Output::Commit() {
  if (!error_.ok()) return error_;
  core::Status s = Flush(true);
  if (!s.ok()) return s;
  if (file_ == stdout) {
    std::fflush(stdout);
    return core::Status::Ok();
  }
  int rc = std::fclose(file_);
  file_ = nullptr;
  if (rc != 0 || ::rename(tmp_path_.c_str(), spec_.file.c_str()) != 0)
    return core::Status::IoError(spec_.file + ": kan inte skriva rapporten: " + core::ErrnoText(errno));
  committed_ = true;
  return core::Status::Ok();
}

}  // namespace aktkoll::app
