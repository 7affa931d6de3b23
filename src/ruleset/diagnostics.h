// Load-time problems in a rule pack, each at a place in a rule, pack or profile file.
//
// Every problem is shown the way ninja and the expression checker show theirs:
//   rules/national/UPF-001/rule.yaml:12:9: fel: okänd nyckel 'asert' (menade du 'assert'?)
//    | asert: has(c.follow_ups)
//    | ^
// i.e. `file:line:column: fel: text`, the source line, and a caret under the column (one
// '.' per character before it). Diagnostics keeps the text of every file it has seen so
// it can quote the line; a pack with any diagnostic never checks a document.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "core/source_location.h"

namespace aktkoll::ruleset {

struct Diagnostic {
  std::string path;
  core::Position pos;
  core::Text message;
  bool warning = false;  // "varning:" instead of "fel:"; a warning does not stop the load
};

class Diagnostics {
 public:
  // Remembers a file's text so that later diagnostics in it can quote their line.
  void AddSource(const std::string& path, std::string text);
  const std::string* Source(const std::string& path) const;

  void Add(const std::string& path, core::Position pos, std::string sv, std::string en);
  // A problem that does not stop the pack from loading (e.g. a definition nothing reads).
  void AddWarning(const std::string& path, core::Position pos, std::string sv, std::string en);
  // empty() and size() count errors only.
  bool empty() const { return list_.empty(); }
  size_t size() const { return list_.size(); }
  const std::vector<Diagnostic>& list() const { return list_; }
  const std::vector<Diagnostic>& warnings() const { return warnings_; }

  // Every error ordered by file and position, formatted as above, each ending in a
  // newline.
  std::string Format(core::Lang lang = core::Lang::kSv) const;
  // The same for the warnings.
  std::string FormatWarnings(core::Lang lang = core::Lang::kSv) const;

 private:
  std::map<std::string, std::string> sources_;
  std::vector<Diagnostic> list_;
  std::vector<Diagnostic> warnings_;
};

// One diagnostic as three lines (two when the position or the text is unknown), no
// trailing newline.
std::string FormatDiagnostic(const Diagnostic& d, const std::string* source, core::Lang lang);

// Byte offset of a 1-based line and code-point column in `text` (clamped to the text).
size_t OffsetOf(std::string_view text, core::Position pos);
// Line and code-point column of a byte offset.
core::Position PositionAt(std::string_view text, size_t offset);

// The closest of `candidates` to `word` (Levenshtein distance at most 2, or a third of the
// word's length), or "" when none is close.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace aktkoll::ruleset
