#include "app/project_config.h"

#include <filesystem>

#include "core/file_io.h"
#include "document/loader.h"

namespace aktkoll::app {
namespace {

namespace fs = std::filesystem;
using document::Kind;
using document::Node;

// A path in the file, relative to the file's folder; "-" and absolute paths as given.
std::string Resolve(const fs::path& base, const std::string& p) {
  if (p.empty() || p == "-" || fs::path(p).is_absolute()) return p;
  return (base / p).lexically_normal().string();
}

}  // namespace

core::StatusOr<std::optional<ProjectConfig>> FindProjectConfig(const std::string& dir) {
  std::error_code ec;
  fs::path at = fs::absolute(dir, ec);
  fs::path file;
  for (; !at.empty(); at = at.parent_path()) {
    if (fs::is_regular_file(at / ".aktkoll.yaml", ec)) {
      file = at / ".aktkoll.yaml";
      break;
    }
    if (at == at.parent_path()) break;
  }
  if (file.empty()) return std::optional<ProjectConfig>();
  // Shown as the user would reach it: relative to the working directory when below it.
  fs::path shown = file.lexically_proximate(fs::absolute(dir, ec));
  ProjectConfig c;
  c.path = shown.string();
  auto content = core::ReadFile(file.string());
  if (!content.ok()) return core::Status::IoError(c.path + ": " + content.status().message());
  std::string error;
  const fs::path base = fs::path(c.path).parent_path();
  int docs = 0;
  document::LoadBuffer(c.path, *content, document::Format::kYaml, document::Limits{},
                       [&](document::LoadedDocument&& doc) {
    if (docs++ > 0 || !error.empty()) return;
    if (doc.has_error) {
      error = core::FormatLocation(c.path, doc.error.pos) + ": " + doc.error.message;
      return;
    }
    if (doc.root.kind == Kind::kNull) return;  // an empty file sets nothing
    if (doc.root.kind != Kind::kMapping) {
      error = core::FormatLocation(c.path, doc.root.pos) + ": väntade en mappning (nyckel: värde)";
      return;
    }
    for (const document::Entry& e : doc.root.entries) {
      const std::string where = core::FormatLocation(c.path, e.key_pos) + ": ";
      auto text = [&](std::optional<std::string>* out, bool path) {
        if (e.value.kind != Kind::kString) {
          error = where + e.key + ": väntade en sträng";
          return;
        }
        *out = path ? Resolve(base, e.value.string) : e.value.string;
      };
      if (e.key == "profile") text(&c.profile, false);
      else if (e.key == "rules") text(&c.rules, true);
      else if (e.key == "fail_on") text(&c.fail_on, false);
      else if (e.key == "lang") text(&c.lang, false);
      else if (e.key == "baseline") text(&c.baseline, true);
      else if (e.key == "waivers") text(&c.waivers, true);
      else if (e.key == "formats") {
        if (e.value.kind != Kind::kSequence) {
          error = where + "formats: väntade en lista, t.ex. [sarif:aktkoll.sarif, junit:aktkoll.xml]";
          return;
        }
        std::vector<std::string> formats;
        for (const Node& f : e.value.items) {
          if (f.kind != Kind::kString) {
            error = core::FormatLocation(c.path, f.pos) + ": formats: väntade FMT eller FMT:FIL";
            return;
          }
          size_t colon = f.string.find(':');
          formats.push_back(colon == std::string::npos
                                ? f.string
                                : f.string.substr(0, colon + 1) + Resolve(base, f.string.substr(colon + 1)));
        }
        c.formats = std::move(formats);
      } else {
        error = where + "okänd nyckel '" + e.key +
                "'; tillåtna är profile, rules, fail_on, lang, formats, baseline och waivers";
      }
      if (!error.empty()) return;
    }
  });
  if (!error.empty()) return core::Status::InvalidArgument(error);
  return std::optional<ProjectConfig>(std::move(c));
}

}  // namespace aktkoll::app
