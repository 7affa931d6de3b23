// The document tree: what every loader (YAML, JSON, JSON Lines) produces and what schema
// validation, the rule engine and the reports read. Every node keeps the line and column
// where its value starts in the source file, so every finding can point at
// file:line:column and a JSON Pointer.
//
// A Node is a plain value type. Mappings keep their keys in source order; duplicate keys
// never reach the tree (the loaders report them as input errors).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/source_location.h"

namespace aktkoll::document {

using core::Position;

enum class Kind : uint8_t { kNull, kBool, kInt, kDouble, kString, kSequence, kMapping };

const char* KindName(Kind kind);  // "null", "boolean", "integer", "number", "string", "array", "object"

struct Entry;

struct Node {
  Kind kind = Kind::kNull;
  // Which input the node came from when a case is assembled from several documents
  // (mapping/assemble.h): an index into the assembled case's sources. 0 otherwise. Fits
  // in the padding after `kind`, so a Node is no larger for it.
  uint16_t source = 0;
  Position pos;
  bool boolean = false;
  int64_t integer = 0;
  double number = 0.0;
  std::string string;               // kString: the value
  std::vector<Node> items;          // kSequence
  std::vector<Entry> entries;       // kMapping, in source order

  // Mapping lookup; nullptr when absent or when this is not a mapping.
  const Node* Find(std::string_view key) const;
  bool is_scalar() const { return kind != Kind::kSequence && kind != Kind::kMapping; }
};

struct Entry {
  std::string key;
  Position key_pos;
  Node value;
};

inline const Node* Node::Find(std::string_view key) const {
  for (const Entry& e : entries)
    if (e.key == key) return &e.value;
  return nullptr;
}

// The string at a path of mapping keys (`{"intervention", "type"}`), or "" when a key is
// missing or the value is not a string.
std::string StringAt(const Node& root, std::initializer_list<const char*> path);

// JSON Pointer (RFC 6901) helpers.
std::string EscapePointerToken(std::string_view token);   // "~" -> "~0", "/" -> "~1"
// Resolves a pointer; returns nullptr when any step is missing.
const Node* ResolvePointer(const Node& root, std::string_view pointer);
// Resolves as far as possible: the deepest existing node on the pointer's path, so a
// finding about a missing value can point at the object that should hold it.
const Node& ResolveNearest(const Node& root, std::string_view pointer);

// One document from an input, or the input error that stopped it.
// For a file of several documents (YAML stream, JSON array, JSON Lines), `index` is the
// 0-based document number; `error` is set when that document (or the whole file) could not
// be loaded, and then `root` is meaningless.
struct InputError {
  std::string message;   // Swedish, no personal data; no path/line prefix (the caller adds it)
  Position pos;          // where it went wrong, when known
};

struct LoadedDocument {
  std::string path;
  int index = 0;
  Node root;
  bool has_error = false;
  InputError error;
};

}  // namespace aktkoll::document
