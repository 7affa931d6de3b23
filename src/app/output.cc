#include "app/output.h"

#include "core/file_io.h"

#include <cerrno>
#include <filesystem>
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

namespace {
// The usual file extension of a format, for the examples in messages.
std::string Ext(const std::string& format) {
  return format == "junit" ? "xml" : format == "github" ? "txt" : format;
}
}  // namespace

core::Status CheckDestinations(const std::vector<FormatSpec>& specs, bool stdout_is_terminal) {
  namespace fs = std::filesystem;
  const FormatSpec* on_stdout = nullptr;
  std::vector<std::pair<fs::path, const FormatSpec*>> files;
  for (const FormatSpec& spec : specs) {
    const std::string shown = "--format " + spec.format + (spec.file.empty() ? "" : ":" + spec.file);
    if (ToStdout(spec)) {
      if (on_stdout) {
        const std::string first = "--format " + on_stdout->format + (on_stdout->file.empty() ? "" : ":" + on_stdout->file);
        return core::Status::InvalidArgument(first + " och " + shown +
                                             " skriver båda till stdout; bara ett format kan skrivas till stdout, "
                                             "ge de andra ett filnamn (t.ex. --format " + spec.format + ":aktkoll." + Ext(spec.format) + ")");
      }
      on_stdout = &spec;
      if (spec.format == "xlsx" && stdout_is_terminal)
        return core::Status::InvalidArgument(shown + ": en Excel-arbetsbok är binär och skrivs inte till terminalen; "
                                             "ange en fil (--format xlsx:granskning.xlsx) eller dirigera om stdout");
      continue;
    }
    std::error_code ec;
    fs::path path(spec.file);
    const bool is_dir = fs::is_directory(path, ec);
    if (is_dir || spec.file.back() == '/') {
      const std::string ext = Ext(spec.format);
      return core::Status::InvalidArgument(
          shown + (is_dir ? ": är en katalog" : ": slutar på '/' och är alltså inget filnamn") +
          "; ange rapportfilens namn (t.ex. --format " + spec.format + ":" +
          (path / ("aktkoll." + ext)).lexically_normal().string() + ")");
    }
    fs::path key = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) key = path.lexically_normal();
    for (const auto& [other, other_spec] : files)
      if (other == key)
        return core::Status::InvalidArgument("--format " + other_spec->format + ":" + other_spec->file + " och " + shown +
                                             " skriver båda till samma fil; ge varje format en egen fil");
    files.emplace_back(key, &spec);
  }
  return core::Status::Ok();
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
  if (ToStdout(spec)) {
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
