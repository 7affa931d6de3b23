// The module's entry points: format choice, encoding check, file reading, path expansion.
#include "document/loader.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <new>
#include <system_error>

#include "core/file_io.h"
#include "document/internal.h"

namespace aktkoll::document {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// JSON Lines look like a one-line object followed by another line that starts with '{'.
bool LooksLikeJsonLines(std::string_view text) {
  size_t pos = 0;
  std::string_view first;
  while (pos < text.size()) {
    size_t newline = text.find('\n', pos);
    size_t end = newline == std::string_view::npos ? text.size() : newline;
    std::string_view line = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) continue;
    if (first.empty()) {
      if (line.front() != '{' || line.back() != '}') return false;
      first = line;
      continue;
    }
    return line.front() == '{';
  }
  return false;
}

Format Sniff(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsSpace(text[i])) ++i;
  if (i == text.size()) return Format::kYaml;
  if (text[i] == '[') return Format::kJson;
  if (text[i] == '{') return LooksLikeJsonLines(text) ? Format::kJsonLines : Format::kJson;
  return Format::kYaml;
}

bool HasInputExtension(const std::filesystem::path& p) {
  Format f = FormatFromPath(p.filename().string());
  return f != Format::kAuto;
}

}  // namespace

Format FormatFromPath(std::string_view path) {
  std::string lower = Lower(path);
  if (EndsWith(lower, ".yaml") || EndsWith(lower, ".yml")) return Format::kYaml;
  if (EndsWith(lower, ".json")) return Format::kJson;
  if (EndsWith(lower, ".jsonl") || EndsWith(lower, ".ndjson")) return Format::kJsonLines;
  return Format::kAuto;
}

namespace {

// Thrown through the loaders when the caller's sink throws, so that its exception is told
// apart from our own failures and rethrown unchanged.
struct SinkFailed {};

void LoadText(const std::string& path, std::string_view content, Format format,
              const Limits& limits, const internal::Sink& sink) {
  std::string_view text;
  InputError error;
  if (!internal::CheckEncoding(content, &text, &error)) {
    internal::EmitError(path, 0, std::move(error.message), error.pos, sink);
    return;
  }
  if (Trim(text).empty()) {
    internal::EmitError(path, 0, internal::kEmptyFile, Position{}, sink);
    return;
  }
  if (format == Format::kAuto) format = Sniff(text);
  switch (format) {
    case Format::kJson: internal::LoadJson(path, text, limits, sink); break;
    case Format::kJsonLines: internal::LoadJsonLines(path, text, limits, sink); break;
    default: internal::LoadYaml(path, text, limits, sink); break;
  }
}

}  // namespace

void LoadBuffer(const std::string& path, std::string_view content, Format format,
                const Limits& limits, const std::function<void(LoadedDocument&&)>& sink) {
  // Each loader turns failures inside a document into an error document; this catches what
  // is left (memory running out between documents) without swallowing the sink's own
  // exceptions, which propagate unchanged.
  std::exception_ptr sink_exception;
  int delivered = 0;
  internal::Sink guarded = [&](LoadedDocument&& doc) {
    try {
      ++delivered;
      sink(std::move(doc));
    } catch (...) {
      sink_exception = std::current_exception();
      throw SinkFailed{};
    }
  };
  try {
    LoadText(path, content, format, limits, guarded);
  } catch (const SinkFailed&) {
    std::rethrow_exception(sink_exception);
  } catch (const internal::LoadFailure& f) {
    internal::EmitError(path, delivered, f.error.message, f.error.pos, sink);
  } catch (const std::bad_alloc&) {
    internal::EmitError(path, delivered, "slut på minne när filen lästes", Position{}, sink);
  } catch (const std::exception&) {
    internal::EmitError(path, delivered, "internt fel när filen lästes", Position{}, sink);
  }
}

void LoadFile(const std::string& path, Format format, const Limits& limits,
              const std::function<void(LoadedDocument&&)>& sink) {
  core::StatusOr<std::string> content = [&]() -> core::StatusOr<std::string> {
    try {
      return core::ReadFile(path, limits.max_file_bytes);
    } catch (const std::bad_alloc&) {
      return core::Status::InputError("slut på minne när filen lästes");
    }
  }();
  if (!content.ok()) {
    // core's messages start with "path: "; the caller adds the path itself.
    std::string message = content.status().message();
    if (message.rfind(path + ": ", 0) == 0) message.erase(0, path.size() + 2);
    internal::EmitError(path, 0, std::move(message), Position{}, sink);
    return;
  }
  LoadBuffer(path, *content, format, limits, sink);
}

namespace {

// A folder holding a file of this name is not searched (e.g. vendor exports beside the
// examples, which only make sense with `check --mapping`).
bool IsIgnoredDirectory(const std::filesystem::path& dir, std::error_code& ec) {
  return std::filesystem::exists(dir / ".aktkoll-ignore", ec);
}

// Whether a directory above `file` (its own, its parent's, ... up to the root) is ignored.
bool UnderIgnoredDirectory(const std::filesystem::path& file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(file, ec).lexically_normal().parent_path();
  if (ec) return false;
  for (;;) {
    if (IsIgnoredDirectory(dir, ec)) return true;
    if (!dir.has_relative_path()) return false;
    dir = dir.parent_path();
  }
}

}  // namespace

std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths,
                                     std::vector<std::string>* missing, bool force_exclude) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back(path);
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      if (missing != nullptr) missing->push_back(path);
      continue;
    }
    if (!fs::is_directory(status)) {
      if (!force_exclude || !UnderIgnoredDirectory(path)) out.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
      std::error_code type_ec;
      if (it->is_directory(type_ec) && IsIgnoredDirectory(it->path(), type_ec)) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(type_ec) && HasInputExtension(it->path()))
        found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace aktkoll::document
