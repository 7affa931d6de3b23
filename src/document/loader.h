// Loading input files into document trees.
//
// LoadBuffer turns the bytes of one input into LoadedDocuments, one per document, in order:
// a YAML stream gives one per `---` document, a JSON top-level array one per element, JSON
// Lines one per non-blank line, anything else one. A document that cannot be loaded still
// reaches the sink, with has_error and a Swedish message that names the problem and its
// position but never quotes source text (it could hold a personnummer or a name).
// A broken document never stops the others in a YAML stream or a JSON Lines file.
//
// Nothing here throws: every failure, including running out of memory while building one
// document, becomes an InputError on that document. Every node carries its 1-based line and
// column (columns count Unicode code points).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "document/node.h"

namespace aktkoll::document {

// Limits against hostile or broken inputs. Exceeding one is an input error for the
// document (or file) concerned, naming the limit.
struct Limits {
  // Largest input file read, in bytes. Default 256 MiB.
  size_t max_file_bytes = 256 << 20;
  // Largest single document (a YAML stream document, a JSON Lines line, a JSON array
  // element or a whole JSON file), in bytes. Default 64 MiB.
  size_t max_document_bytes = 64 << 20;
  // Deepest nesting of mappings/sequences; the root collection is level 1. Default 200.
  size_t max_depth = 200;
  // Nodes created by YAML alias expansion, per document (stops "billion laughs").
  // Default 10000.
  size_t max_alias_expansions = 10000;
  // Nodes per document: values and mapping keys, including those created by aliases.
  // Default 1,000,000: a value takes about 112 bytes in the tree, a mapping entry about
  // 150, so with the vectors' growth this keeps any input under 10 MB below 256 MB; a real
  // case record has a few hundred.
  size_t max_nodes = 1'000'000;
};

enum class Format { kAuto, kYaml, kJson, kJsonLines };

// .yaml/.yml → kYaml, .json → kJson, .jsonl/.ndjson → kJsonLines, else kAuto
// (extensions compared without regard to ASCII case).
Format FormatFromPath(std::string_view path);

// Loads every document of one buffer and calls `sink` once per document, in order,
// including documents that failed (has_error). kAuto sniffs the content: a first
// non-space character `{` or `[` means JSON (and a one-line `{…}` followed by more lines
// means JSON Lines); anything else is YAML. Never throws, except that an exception thrown
// by `sink` itself propagates unchanged.
void LoadBuffer(const std::string& path, std::string_view content, Format format,
                const Limits& limits, const std::function<void(LoadedDocument&&)>& sink);

// Reads the file (or stdin for "-") then LoadBuffer. A file that cannot be read gives one
// LoadedDocument with has_error. Never throws.
void LoadFile(const std::string& path, Format format, const Limits& limits,
              const std::function<void(LoadedDocument&&)>& sink);

// Expands the user's paths: files as given; directories searched recursively for
// .yaml .yml .json .jsonl .ndjson (each directory's files sorted in byte order, so runs
// are deterministic; directory symlinks are not followed; a directory holding a file named
// .aktkoll-ignore is skipped); "-" kept as is. With `force_exclude`, a file given by name
// is left out too when a directory above it holds .aktkoll-ignore (as Ruff's
// --force-exclude: a pre-commit hook names each changed file).
// Paths that do not exist are appended to `missing` (when not null) and left out.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths,
                                     std::vector<std::string>* missing, bool force_exclude = false);

}  // namespace aktkoll::document
