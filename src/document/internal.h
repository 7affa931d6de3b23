// Pieces shared by the YAML, JSON and JSON Lines loaders; not part of the module's API.
// Messages live here so that the same problem reads the same in every format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "document/loader.h"
#include "document/node.h"

namespace aktkoll::document::internal {

using Sink = std::function<void(LoadedDocument&&)>;

// Thrown inside a loader to abandon the current document; never leaves the module.
struct LoadFailure {
  InputError error;
};

[[noreturn]] inline void Fail(std::string message, Position pos) {
  throw LoadFailure{InputError{std::move(message), pos}};
}

// Delivers a document that failed.
void EmitError(const std::string& path, int index, std::string message, Position pos,
               const Sink& sink);

// 1-based code-point column of byte `offset`, on the line that starts at `line_start`.
uint32_t CodePointColumn(std::string_view text, size_t line_start, size_t offset);
// Line and column of a byte offset, found by scanning from `text`'s start; for errors.
Position PositionOf(std::string_view text, size_t offset);

// Checks the whole input: strips a UTF-8 BOM and refuses UTF-16/UTF-32, NUL bytes and
// invalid UTF-8. On success `*body` is the text to parse (without the BOM); positions in it
// are the file's positions, since a BOM is not a column.
bool CheckEncoding(std::string_view content, std::string_view* body, InputError* error);

// "'key' " when the key is a plain ASCII identifier of at most 40 characters (safe to show:
// a schema key), otherwise "" — a key may be personal data.
std::string QuotedKey(std::string_view key);

// For a decimal literal that std::from_chars reported out of range: true when it is too
// large (overflow), false when it is merely too close to zero (then it reads as 0).
bool DecimalOverflows(std::string_view literal);

// Messages shared by the loaders.
std::string DuplicateKeyMessage(std::string_view key, uint32_t first_line);
// Two YAML keys that differ only in type (`1` and `"1"`): distinct in YAML, one field name here.
std::string KeyTypeClashMessage(std::string_view key, uint32_t first_line);
std::string DepthMessage(size_t limit);
std::string NodesMessage(size_t limit);
std::string DocumentSizeMessage(size_t limit);
inline constexpr const char* kNumberTooLarge = "talet är för stort";
inline constexpr const char* kEmptyFile = "filen är tom";

// Finds an earlier entry with the same key among a mapping's entries: a linear scan for
// small mappings, a hash index once the mapping grows. One KeyIndex per mapping.
class KeyIndex {
 public:
  explicit KeyIndex(const std::vector<Entry>* entries)
      : entries_(entries), set_(0, Hash{entries}, Eq{entries}) {}
  // Returns the index of the entry with `key`, or -1. Call Add(i) after appending entry i.
  long Find(std::string_view key);
  void Add(size_t i) {
    if (indexed_) set_.insert(i);
  }

 private:
  struct Hash {
    const std::vector<Entry>* e;
    using is_transparent = void;
    size_t operator()(size_t i) const { return std::hash<std::string_view>()((*e)[i].key); }
    size_t operator()(std::string_view k) const { return std::hash<std::string_view>()(k); }
  };
  struct Eq {
    const std::vector<Entry>* e;
    using is_transparent = void;
    bool operator()(size_t a, size_t b) const { return (*e)[a].key == (*e)[b].key; }
    bool operator()(std::string_view k, size_t b) const { return k == (*e)[b].key; }
    bool operator()(size_t a, std::string_view k) const { return (*e)[a].key == k; }
  };
  static constexpr size_t kLinearLimit = 16;
  const std::vector<Entry>* entries_;
  bool indexed_ = false;
  std::unordered_set<size_t, Hash, Eq> set_;
};

// The loaders, each for text that passed CheckEncoding. `text` is the whole file body, so
// positions are the file's.
void LoadYaml(const std::string& path, std::string_view text, const Limits& limits,
              const Sink& sink);
void LoadJson(const std::string& path, std::string_view text, const Limits& limits,
              const Sink& sink);
void LoadJsonLines(const std::string& path, std::string_view text, const Limits& limits,
                   const Sink& sink);

}  // namespace aktkoll::document::internal
