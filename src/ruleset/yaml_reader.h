// Typed, checked access to one loaded pack, profile or rule file, reporting every problem
// as a Diagnostic at the offending key or value. Used by the loader; no knowledge of what
// the keys mean beyond their expected shape.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "document/node.h"
#include "ruleset/diagnostics.h"

namespace aktkoll::ruleset {

// A YAML scalar that holds an expression, with where it starts in its file.
struct SourceText {
  std::string text;
  core::Position pos;
  bool present = false;
};

class YamlFile {
 public:
  // Reads and parses `text` as one YAML document into root(). Problems go to `diags`.
  // `preparsed`, when given, is the same document parsed at build time (an embedded pack
  // file, document/node_codec.h): it is decoded instead of parsing `text`.
  YamlFile(std::string path, std::string text, Diagnostics* diags,
           std::optional<std::string_view> preparsed = std::nullopt);

  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  const document::Node& root() const { return root_; }
  Diagnostics& diags() { return *diags_; }

  void Error(core::Position pos, std::string sv, std::string en);

  // `node` must be a mapping (else an error naming `what`); then reports every key not in
  // `allowed` (keys starting with "x_" or "$" are always allowed), suggesting the closest.
  bool CheckMapping(const document::Node& node, std::string_view what,
                    const std::vector<std::string>& allowed);

  // The entry's value or nullptr; `required` reports a missing key at the mapping.
  const document::Node* Get(const document::Node& map, std::string_view key, bool required);

  // Type checks: report an error naming `key` when the node has another kind.
  std::optional<std::string> String(const document::Node& map, std::string_view key, bool required);
  std::optional<SourceText> Expression(const document::Node& map, std::string_view key, bool required);
  // A {sv, en} mapping (sv required) or a plain string (Swedish only).
  std::optional<core::Text> Text(const document::Node& map, std::string_view key, bool required);
  // A sequence of strings (a single string is not accepted).
  std::optional<std::vector<std::string>> StringList(const document::Node& map, std::string_view key,
                                                     bool required,
                                                     std::vector<core::Position>* positions = nullptr);

 private:
  std::string path_;
  std::string text_;
  Diagnostics* diags_;
  document::Node root_;
  bool ok_ = false;
};

// The text of a scalar node as written (strings as is, numbers and booleans spelled out).
std::string ScalarText(const document::Node& node);

}  // namespace aktkoll::ruleset
