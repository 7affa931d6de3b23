// The data compiled into the aktkoll binary: the built-in rule packs and profiles
// (rules/), their catalogues and vocabularies, and the JSON Schemas (schemas/).
// `aktkoll check case.yaml` therefore works from any directory with no install step.
// Paths are relative to the repository root, e.g. "schemas/case.schema.json".
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aktkoll::embedded {

struct File {
  std::string_view path;
  std::string_view content;
};

// Every embedded file, sorted by path.
std::span<const File> Files();

// The content of one embedded file, or nullopt.
std::optional<std::string_view> Find(std::string_view path);

// The document tree of an embedded YAML file (rule, pack, profile, catalogue; not the
// fixtures), parsed at build time, in document/node_codec.h's encoding; nullopt if the
// file was left out (it is then parsed from its text as usual).
std::optional<std::string_view> FindPreparsed(std::string_view path);
std::span<const File> PreparsedFiles();  // sorted by path

// The embedded files whose path starts with `prefix` (e.g. "rules/national/").
std::vector<File> List(std::string_view prefix);

}  // namespace aktkoll::embedded
