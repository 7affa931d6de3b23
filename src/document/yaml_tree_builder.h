// Builds document::Node trees straight from YAML parser events (no parser-owned tree in
// between, which is both faster and the only place positions survive intact). The events
// come from libfyaml (yaml_loader.cc), translated to the marks below.
// Resolves scalars by the YAML 1.2 core schema and honours the standard tags; refuses
// other tags, duplicate keys and non-scalar keys; expands aliases by copying, counting
// copied nodes against Limits::max_alias_expansions and max_nodes; applies merge keys
// (`<<`); enforces max_depth and max_nodes. Problems are thrown as internal::LoadFailure.
//
// An anchored collection is not copied where it is defined: it moves into the anchor
// table and a placeholder takes its place in the tree; an alias copies it from the table
// (counted), and the document's end moves each one back into its placeholder. So anchors
// without aliases cost nothing, and every node in the finished tree was counted once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/internal.h"

namespace aktkoll::document::internal {

// Where an event starts: the file position and the byte offset in the whole text.
struct YamlMark {
  Position pos;
  size_t offset = 0;
};

// An anchor as the events name it: 0 for none, else 1, 2, ... in order of definition
// within the document (a redefined name gets a new id).
using AnchorId = size_t;

class YamlTreeBuilder {
 public:
  YamlTreeBuilder(const Limits& limits, size_t max_depth) : limits_(limits), max_depth_(max_depth) {}

  // The finished document's root (valid once the document's last event was handled),
  // with every anchored collection moved back into its place.
  Node TakeRoot();

  // The events: `tag` is "?" for an untagged plain scalar or collection, "!" for an
  // untagged quoted or block scalar, else the resolved tag; an untagged plain null ("",
  // "~", "null"...) comes as OnNull.
  void OnDocumentStart(const YamlMark& mark);
  // `empty`: nothing was written (`key:`), as opposed to `~` or `null`.
  void OnNull(const YamlMark& mark, AnchorId anchor, bool empty = false);
  void OnAlias(const YamlMark& mark, AnchorId anchor);
  void OnScalar(const YamlMark& mark, std::string_view tag, AnchorId anchor, std::string_view value);
  void OnSequenceStart(const YamlMark& mark, std::string_view tag, AnchorId anchor, bool flow);
  void OnSequenceEnd();
  void OnMapStart(const YamlMark& mark, std::string_view tag, AnchorId anchor, bool flow);
  void OnMapEnd();

 private:
  // A collection under construction.
  struct Frame {
    Node node;
    AnchorId anchor = 0;
    size_t nodes_at_start = 0;
    size_t max_child_height = 0;
    // Mappings only: the key waiting for its value, and the `<<` values seen.
    bool have_key = false;
    bool key_is_merge = false;
    bool flow = false;
    std::string key;
    Kind key_kind = Kind::kString;  // what the key resolved to (1 and "1" are distinct keys)
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
    std::vector<Kind> key_kinds;  // mappings: each entry's key_kind
  };
  // A completed anchored node, kept for aliases. A collection lives here (not copied) until
  // the document ends, with a placeholder in the tree.
  struct Anchored {
    bool ready = false;
    bool placeholder = false;  // `node` is a collection whose place in the tree is held
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
  void StartCollection(const YamlMark& mark, std::string_view tag, AnchorId anchor, Kind kind,
                       bool flow);
  void EndCollection();
  void Key(std::string key, Kind kind, Position pos, bool merge);
  // A deep copy of anchor `id`'s node with the placeholders inside it filled by copies.
  Node CopyAnchored(AnchorId id) const;
  void FillCopies(Node& n) const;
  // Moves the anchored collections into their placeholders, at the document's end.
  void FillMoves(Node& n);
  // Replaces a placeholder (an anchored collection used as a merge value) by a copy.
  void Materialise(Node& n) const;
  // `raw`: a scalar's source text, kept with an anchor so that an alias can serve as a key.
  void Deliver(Node&& node, AnchorId anchor, size_t height, size_t count, std::string_view raw = {});
  void ApplyMerges(Frame& frame);
  void ResolveScalar(std::string_view tag, std::string_view value, Position pos, Node* out);

  const Limits& limits_;
  size_t max_depth_;
  std::deque<Frame> frames_;  // a deque, so KeyIndex's pointer into a frame stays valid
  std::vector<Anchored> anchors_;
  size_t nodes_ = 0;
  size_t expansions_ = 0;
  bool placeholders_ = false;  // the document holds placeholders to fill at its end
  Node root_;
};

}  // namespace aktkoll::document::internal
