// The check pipeline: reads the input files, cuts large JSON Lines files and YAML
// streams into line-aligned chunks, checks the chunks on `jobs` threads (schema
// validation and the rule engine, document by document) and hands back one FileResult
// per input file, strictly in input order. The output is therefore the same, byte for
// byte, whatever the number of threads.
//
// Memory stays flat: a file is read chunk by chunk and at most a few chunks per thread
// are in flight; documents are dropped as soon as they are checked.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/check.h"
#include "engine/engine.h"
#include "mapping/mapping.h"
#include "report/model.h"
#include "validate/schema_validator.h"

namespace aktkoll::app {

struct CheckContext {
  const CheckOptions* options = nullptr;
  std::shared_ptr<const validate::CaseSchema> schema;
  const engine::Engine* engine = nullptr;
  int64_t as_of_days = 0;
  const mapping::Mapping* mapping = nullptr;  // --mapping: applied to each document before validation
};

// Validates one case document against the schema and runs the rules on it; appends the
// findings (each naming `path` and `document`) and returns the case's evidence.
report::CaseResult CheckCase(const document::Node& root, const std::string& path, int document,
                             const CheckContext& ctx, validate::SchemaChecker& schema,
                             std::vector<core::Finding>* findings);

// Large chunkable files are cut into pieces of about this many bytes.
inline constexpr size_t kChunkBytes = 256 * 1024;

// Calls `emit` with each file's result, in the order of `files`: once per file, or for a
// file cut into chunks once per chunk (report::FileResult::more); stops early (returning false) when
// `emit` returns false. `jobs` ≤ 1 checks everything on the calling thread.
bool CheckFiles(const std::vector<std::string>& files, const CheckContext& ctx, int jobs,
                const std::function<bool(report::FileResult&&)>& emit);

// Where a chunk of a JSON Lines file or YAML stream may end: just after a newline, and
// for YAML only before a line that starts a document (a "---" line, also after a
// byte-order mark, unless a directive line precedes it; or the line after a "..." line).
// Returns the offset of the last such place in text[from, text.size()), or 0 when there
// is none. Only lines that start at or after `from` are looked at.
size_t LastChunkBoundary(std::string_view text, bool yaml, size_t from = 0);

// The input error for a document whose root is not a mapping (`kind`): "ett ärende måste
// vara en mappning (nyckel: värde), men dokumentet är en sträng".
std::string NotAMappingMessage(document::Kind kind, bool english);

}  // namespace aktkoll::app
