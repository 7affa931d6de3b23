// Builds document::Node trees straight from yaml-cpp parser events (no YAML::Node in
// between, which is both faster and the only place positions survive intact).
// Resolves scalars by the YAML 1.2 core schema and honours the standard tags; refuses
// other tags, duplicate keys and non-scalar keys; expands aliases by copying, counting
// copied nodes against Limits::max_alias_expansions; applies merge keys (`<<`); enforces
// max_depth and max_nodes. Problems are thrown as internal::LoadFailure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include "document/internal.h"
#include "document/yaml_stream.h"

namespace aktkoll::document::internal {

class YamlTreeBuilder : public YAML::EventHandler {
 public:
  YamlTreeBuilder(std::string_view text, const Limits& limits, size_t max_depth)
      : text_(text), limits_(limits), max_depth_(max_depth) {}

  // Sets the chunk that the next parser reads, so marks map to file positions.
  void SetChunk(const YamlChunk& chunk) {
    chunk_ = chunk;
    documents_in_chunk_ = 0;
  }
  // File position of a yaml-cpp mark in the current chunk.
  Position PositionOf(const YAML::Mark& mark) const;
  // The finished document's root (valid after HandleNextDocument returned true).
  Node TakeRoot() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override;
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override;

 private:
  // A collection under construction.
  struct Frame {
    Node node;
    YAML::anchor_t anchor = 0;
    size_t nodes_at_start = 0;
    size_t max_child_height = 0;
    // Mappings only: the key waiting for its value, and the `<<` values seen.
    bool have_key = false;
    bool key_is_merge = false;
    bool flow = false;
    std::string key;
    Position key_pos;
    size_t key_offset = 0;
    uint32_t merge_line = 0;
    struct Merge {
      size_t before;  // explicit entries preceding the `<<`
      Node value;
      Position pos;
    };
    std::vector<Merge> merges;
    std::optional<KeyIndex> index;
  };
  // A completed anchored node, kept for aliases.
  struct Anchored {
    bool ready = false;
    Node node;
    std::string raw;  // scalars: the source text, so an alias can serve as a key
    size_t height = 0;
    size_t count = 0;
  };

  bool ExpectingKey() const {
    return !frames_.empty() && frames_.back().node.kind == Kind::kMapping &&
           !frames_.back().have_key;
  }
  void CountNodes(size_t n, Position pos);
  void StartCollection(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       Kind kind, bool flow);
  void EndCollection();
  void Key(std::string key, Position pos, size_t offset, bool merge);
  size_t OffsetOf(const YAML::Mark& mark) const;
  void CheckQuoteCloses(size_t offset, Position pos) const;
  void CheckKeyHasColon(const Frame& f) const;
  void Deliver(Node&& node, YAML::anchor_t anchor, size_t height, size_t count,
               const std::string* raw);
  void ApplyMerges(Frame& frame);
  void ResolveScalar(const std::string& tag, const std::string& value, Position pos, Node* out);

  std::string_view text_;
  const Limits& limits_;
  size_t max_depth_;
  YamlChunk chunk_;
  std::deque<Frame> frames_;  // a deque, so KeyIndex's pointer into a frame stays valid
  std::vector<Anchored> anchors_;
  size_t nodes_ = 0;
  size_t expansions_ = 0;
  int documents_in_chunk_ = 0;
  // The last column computed, so that the many nodes of one long line (a flow collection
  // on one line) cost a scan of the line once, not once per node.
  mutable size_t column_line_start_ = SIZE_MAX;
  mutable size_t column_offset_ = 0;
  mutable uint32_t column_ = 1;
  Node root_;
};

}  // namespace aktkoll::document::internal
