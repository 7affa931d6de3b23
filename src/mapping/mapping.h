// A mapping: how one case-system export format (Treserva, Lifecare, a municipality's own
// extract...) becomes canonical case documents (schemas/case.schema.json). It is data, a
// YAML file described by schemas/mapping.schema.json and docs/mapping-format.md, checked
// completely when it loads (unknown keys, bad paths, pointers, date formats and CEL are
// load errors with file:line:column), then applied to any number of export documents from
// any number of threads (a Mapping is immutable).
//
// Every canonical node Apply builds carries the position of the export node it came from
// (for a CEL value: the first export field the expression reads, else the export
// document's root), so schema and rule findings point into the export file.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "document/node.h"
#include "expr/program.h"

namespace aktkoll::mapping {

// A path into an export document: keys separated by '.', list elements as [n]
// ("Beslut.Datum", "Uppfoljningar[0].Datum"). "." alone is the node itself.
struct PathStep {
  std::string key;  // empty for an index step
  int index = -1;
};
struct Path {
  std::string text;
  std::vector<PathStep> steps;
};
// Parses a path; false on a syntax error (empty key, unclosed bracket...).
bool ParsePath(std::string_view text, Path* out);
// The node at `path`, or nullptr. `nearest` (when given) receives the deepest node that
// exists on the way, for a finding about an absent value.
const document::Node* FindPath(const document::Node& root, const Path& path,
                               const document::Node** nearest = nullptr);

// Parses `text` with the first of `formats` that matches the whole text (strftime-like:
// %Y %m %d %H %M %S %z %%, anything else literal) and returns the date as YYYY-MM-DD: the
// date as written, i.e. the local date of a date-time with an offset. nullopt when no
// format matches or the date does not exist.
std::optional<std::string> ParseDate(std::string_view text, const std::vector<std::string>& formats);
// Whether a date format is usable; on false, `why` says what is wrong (Swedish).
bool CheckDateFormat(std::string_view format, std::string* why);

// One canonical field and where it comes from.
struct Field {
  std::string to;                   // JSON Pointer in the canonical case (relative inside `each`)
  std::vector<std::string> to_tokens;
  bool append = false;              // `to` ends in "/-"
  core::Position pos;               // of the field in the mapping file
  std::optional<Path> from;         // a path in the export
  std::optional<expr::Program> expr;  // or a CEL expression over `d`
  std::optional<Path> expr_ref;     // the first export field the expression reads
  std::optional<document::Node> value;  // or a constant
  bool required = false;            // an absent `from` is a mapping error
  bool date = false;                // convert with date_formats
  std::vector<std::string> date_formats;  // empty: the mapping's
  std::string codes;                // translate through this code table
  std::vector<Field> each;          // `from` is a list: one object per element
};

struct DocumentType {
  std::string name;
  std::vector<Field> fields;
};

struct Mapping {
  std::string name;
  std::string path;                             // where it was loaded from
  std::optional<expr::Program> recognise;       // which documents this mapping accepts
  std::optional<Path> type_from;                // the document type: a path...
  std::optional<expr::Program> type_expr;       // ...or an expression
  std::vector<DocumentType> types;              // one unnamed type when there is no document_type
  std::vector<std::string> date_formats;        // default ["%Y-%m-%d"]
  std::map<std::string, std::map<std::string, std::string>> codes;  // table → value → code
  std::vector<std::pair<std::vector<std::string>, document::Node>> defaults;  // pointer tokens, value
  bool assemble = false;                        // join documents into cases by /case_id
  std::vector<std::string> base_types;          // document types that start a case
  bool uses_expressions = false;

  const DocumentType* FindType(std::string_view name) const;
};

// A problem applying a mapping to one document, at a place in the export.
struct MapError {
  core::Position pos;
  core::Text message;
};

struct MapResult {
  bool recognised = false;   // false: `root` is empty and errors say why
  std::string type;          // the document type ("" without document_type)
  document::Node root;       // the canonical document
  std::vector<MapError> errors;
};

// Loads and checks a mapping. On any problem returns nullptr and sets `diagnostics` to
// every problem as `file:line:column: fel: text`, the source line and a caret.
std::shared_ptr<const Mapping> LoadMapping(const std::string& path, const std::string& text,
                                           std::string* diagnostics);

// Applies the mapping to one export document. Never throws.
MapResult Apply(const Mapping& mapping, const document::Node& export_root);

}  // namespace aktkoll::mapping
