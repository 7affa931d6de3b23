// See yaml_tree_builder.h.
#include "document/yaml_tree_builder.h"

#include <algorithm>

#include "document/yaml_scalar.h"

namespace aktkoll::document::internal {
namespace {

enum class Tag { kPlain, kNonSpecific, kStr, kInt, kFloat, kBool, kNull, kMap, kSeq, kOther };

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

Tag Classify(std::string_view tag) {
  if (tag.empty() || tag == "?") return Tag::kPlain;
  if (tag == "!") return Tag::kNonSpecific;
  if (tag.substr(0, kCoreTagPrefix.size()) != kCoreTagPrefix) return Tag::kOther;
  std::string_view name = tag.substr(kCoreTagPrefix.size());
  if (name == "str") return Tag::kStr;
  if (name == "int") return Tag::kInt;
  if (name == "float") return Tag::kFloat;
  if (name == "bool") return Tag::kBool;
  if (name == "null") return Tag::kNull;
  if (name == "map") return Tag::kMap;
  if (name == "seq") return Tag::kSeq;
  return Tag::kOther;
}

// The tag as written ("!!python/object"), or "" when it is too long or not plain ASCII to
// be shown safely.
std::string DisplayTag(std::string_view tag) {
  std::string shown = tag.substr(0, kCoreTagPrefix.size()) == kCoreTagPrefix
                          ? "!!" + std::string(tag.substr(kCoreTagPrefix.size()))
                          : std::string(tag);
  if (shown.size() > 40) return "";
  for (char c : shown)
    if (c <= ' ' || c > '~' || c == '\'') return "";
  return shown;
}

std::string Quoted(std::string_view tag) {
  std::string shown = DisplayTag(tag);
  return shown.empty() ? "" : " '" + shown + "'";
}

[[noreturn]] void FailTag(std::string_view tag, const char* what, Position pos) {
  if (Classify(tag) == Tag::kOther) Fail("okänd YAML-tagg" + Quoted(tag), pos);
  Fail("taggen" + Quoted(tag) + " kan inte användas på " + what, pos);
}

constexpr const char* kNonScalarKey = "en nyckel måste vara ett enkelt värde, inte en mappning eller lista";
constexpr const char* kNullKey = "en nyckel saknas eller är null";
constexpr const char* kBadMerge = "värdet för '<<' måste vara en mappning eller en lista av mappningar";

// Plain scalars that cannot be anything but strings start with none of these.
bool MayBeNonString(char c) {
  switch (c) {
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
    case '8': case '9': case '+': case '-': case '.': case '~':
    case 't': case 'T': case 'f': case 'F': case 'n': case 'N':
      return true;
    default:
      return false;
  }
}

}  // namespace

namespace {

// A placeholder for an anchored collection: a null that no scalar can produce.
constexpr uint16_t kPlaceholderSource = 0xFFFF;
bool IsPlaceholder(const Node& n) { return n.kind == Kind::kNull && n.source == kPlaceholderSource; }

}  // namespace

void YamlTreeBuilder::OnDocumentStart(const YamlMark&) {
  frames_.clear();
  anchors_.clear();
  nodes_ = 0;
  expansions_ = 0;
  placeholders_ = false;
  root_ = Node();
}

Node YamlTreeBuilder::TakeRoot() {
  if (placeholders_) FillMoves(root_);
  anchors_.clear();
  placeholders_ = false;
  return std::move(root_);
}

void YamlTreeBuilder::FillMoves(Node& n) {
  if (IsPlaceholder(n)) {
    Anchored& a = anchors_[static_cast<size_t>(n.integer)];
    n = std::move(a.node);
    a.node = Node();
  }
  for (Node& item : n.items) FillMoves(item);
  for (Entry& e : n.entries) FillMoves(e.value);
}

void YamlTreeBuilder::FillCopies(Node& n) const {
  if (IsPlaceholder(n)) {
    n = anchors_[static_cast<size_t>(n.integer)].node;
  }
  for (Node& item : n.items) FillCopies(item);
  for (Entry& e : n.entries) FillCopies(e.value);
}

Node YamlTreeBuilder::CopyAnchored(AnchorId id) const {
  Node copy = anchors_[id].node;
  if (placeholders_) FillCopies(copy);
  return copy;
}

void YamlTreeBuilder::Materialise(Node& n) const {
  if (IsPlaceholder(n)) n = CopyAnchored(static_cast<AnchorId>(n.integer));
}

void YamlTreeBuilder::CountNodes(size_t n, Position pos) {
  nodes_ += n;
  if (nodes_ > limits_.max_nodes) Fail(NodesMessage(limits_.max_nodes), pos);
}

void YamlTreeBuilder::ResolveScalar(std::string_view tag, std::string_view value,
                                    Position pos, Node* out) {
  Tag t = Classify(tag);
  if (t == Tag::kPlain) {
    if (value.empty() || MayBeNonString(value[0])) {
      if (IsCoreNull(value)) {
        out->kind = Kind::kNull;
        return;
      }
      if (ParseCoreBool(value, &out->boolean)) {
        out->kind = Kind::kBool;
        return;
      }
      ScalarMatch m = ParseCoreInt(value, &out->integer);
      if (m == ScalarMatch::kOverflow) Fail(kNumberTooLarge, pos);
      if (m == ScalarMatch::kYes) {
        out->kind = Kind::kInt;
        return;
      }
      m = ParseCoreFloat(value, &out->number);
      if (m == ScalarMatch::kOverflow) Fail(kNumberTooLarge, pos);
      if (m == ScalarMatch::kYes) {
        out->kind = Kind::kDouble;
        return;
      }
    }
    out->kind = Kind::kString;
    out->string = value;
    return;
  }
  bool ok = true;
  switch (t) {
    case Tag::kNonSpecific:
    case Tag::kStr:
      out->kind = Kind::kString;
      out->string = value;
      return;
    case Tag::kNull:
      ok = IsCoreNull(value);
      out->kind = Kind::kNull;
      break;
    case Tag::kBool:
      ok = ParseCoreBool(value, &out->boolean);
      out->kind = Kind::kBool;
      break;
    case Tag::kInt: {
      ScalarMatch m = ParseCoreInt(value, &out->integer);
      if (m == ScalarMatch::kOverflow) Fail(kNumberTooLarge, pos);
      ok = m == ScalarMatch::kYes;
      out->kind = Kind::kInt;
      break;
    }
    case Tag::kFloat: {
      int64_t i = 0;
      ScalarMatch m = ParseCoreFloat(value, &out->number);
      if (m == ScalarMatch::kNo && ParseCoreInt(value, &i) == ScalarMatch::kYes) {
        out->number = static_cast<double>(i);
        m = ScalarMatch::kYes;
      }
      if (m == ScalarMatch::kOverflow) Fail(kNumberTooLarge, pos);
      ok = m == ScalarMatch::kYes;
      out->kind = Kind::kDouble;
      break;
    }
    default:
      FailTag(tag, "ett enkelt värde", pos);
  }
  if (!ok) Fail("värdet passar inte taggen" + Quoted(tag), pos);
}

void YamlTreeBuilder::Key(std::string key, Kind kind, Position pos, bool merge) {
  CountNodes(1, pos);  // a key is a node too: a mapping entry costs about 150 bytes
  Frame& f = frames_.back();
  if (merge) {
    if (f.merge_line != 0) Fail(DuplicateKeyMessage("<<", f.merge_line), pos);
    f.merge_line = pos.line;
  } else {
    long previous = f.index->Find(key);
    if (previous >= 0) {
      const size_t i = static_cast<size_t>(previous);
      const uint32_t line = f.node.entries[i].key_pos.line;
      // `1` and `"1"` are two keys in YAML, but one field name here: refuse, and say why.
      if ((kind == Kind::kString) != (f.key_kinds[i] == Kind::kString)) Fail(KeyTypeClashMessage(key, line), pos);
      Fail(DuplicateKeyMessage(key, line), pos);
    }
    f.key = std::move(key);
    f.key_kind = kind;
  }
  f.key_pos = pos;
  f.have_key = true;
  f.key_is_merge = merge;
}

void YamlTreeBuilder::Deliver(Node&& node, AnchorId anchor, size_t height, size_t count,
                              std::string_view raw) {
  if (anchor != 0) {
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
    Anchored& a = anchors_[anchor];
    a.ready = true;
    a.raw = std::string(raw);
    a.height = height;
    a.count = count;
    if (node.is_scalar()) {
      a.node = node;  // one node: a copy is cheap
    } else {
      // The collection moves into the table; the tree holds its place.
      Position pos = node.pos;
      a.node = std::move(node);
      a.placeholder = true;
      placeholders_ = true;
      node = Node();
      node.pos = pos;
      node.source = kPlaceholderSource;
      node.integer = static_cast<int64_t>(anchor);
    }
  }
  if (frames_.empty()) {
    root_ = std::move(node);
    return;
  }
  Frame& f = frames_.back();
  f.max_child_height = std::max(f.max_child_height, height);
  if (f.node.kind == Kind::kSequence) {
    f.node.items.push_back(std::move(node));
    return;
  }
  f.have_key = false;
  if (f.key_is_merge) {
    Materialise(node);
    Position pos = node.pos;
    f.merges.push_back(Frame::Merge{f.node.entries.size(), std::move(node), pos});
    f.key_is_merge = false;
    return;
  }
  Entry& e = f.node.entries.emplace_back();
  e.key = std::move(f.key);
  e.key_pos = f.key_pos;
  e.value = std::move(node);
  f.key_kinds.push_back(f.key_kind);
  f.index->Add(f.node.entries.size() - 1);
}

void YamlTreeBuilder::OnNull(const YamlMark& mark, AnchorId anchor, bool empty) {
  Position pos = mark.pos;
  if (ExpectingKey()) Fail(kNullKey, pos);
  // An empty value ("key:" and nothing) is shown at its key: that is where the reader
  // should look (yaml-cpp marks it at the next token, often on a later line).
  if (!frames_.empty() && frames_.back().node.kind == Kind::kMapping) {
    const Frame& f = frames_.back();
    if (empty || pos.line > f.key_pos.line) pos = f.key_pos;
  }
  CountNodes(1, pos);
  Node node;
  node.pos = pos;
  Deliver(std::move(node), anchor, 0, 1);
}

void YamlTreeBuilder::OnScalar(const YamlMark& mark, std::string_view tag, AnchorId anchor,
                               std::string_view value) {
  Position pos = mark.pos;
  Node node;
  node.pos = pos;
  if (ExpectingKey()) {
    Tag t = Classify(tag);
    if (t == Tag::kOther || t == Tag::kMap || t == Tag::kSeq) FailTag(tag, "en nyckel", pos);
    if (t == Tag::kPlain) {
      try {
        ResolveScalar(tag, value, pos, &node);
      } catch (const LoadFailure&) {
        node.kind = Kind::kInt;  // a number too large: still a number, not a string
      }
    } else {
      ResolveScalar(tag, value, pos, &node);
    }
    Kind kind = node.kind;
    if (anchor != 0) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
      anchors_[anchor] = Anchored{true, false, std::move(node), std::string(value), 0, 1};
    }
    Key(std::string(value), kind, pos, t == Tag::kPlain && value == "<<");
    return;
  }
  ResolveScalar(tag, value, pos, &node);
  CountNodes(1, pos);
  Deliver(std::move(node), anchor, 0, 1, value);
}

void YamlTreeBuilder::OnAlias(const YamlMark& mark, AnchorId anchor) {
  Position pos = mark.pos;
  if (anchor >= anchors_.size() || !anchors_[anchor].ready)
    Fail("aliaset pekar på en nod som inte är färdig (ett alias inuti sitt eget ankare)", pos);
  const Anchored& a = anchors_[anchor];
  if (ExpectingKey()) {
    if (!a.node.is_scalar()) Fail(kNonScalarKey, pos);
    if (a.node.kind == Kind::kNull) Fail(kNullKey, pos);
    Key(a.raw, a.node.kind, pos, false);
    return;
  }
  expansions_ += a.count;
  if (expansions_ > limits_.max_alias_expansions)
    Fail("för många aliasexpansioner (gräns " + std::to_string(limits_.max_alias_expansions) + ")", pos);
  if (frames_.size() + a.height > max_depth_) Fail(DepthMessage(max_depth_), pos);
  CountNodes(a.count, pos);
  Node copy = CopyAnchored(anchor);
  Deliver(std::move(copy), 0, a.height, a.count);
}

void YamlTreeBuilder::StartCollection(const YamlMark& mark, std::string_view tag, AnchorId anchor,
                                      Kind kind, bool flow) {
  Position pos = mark.pos;
  if (ExpectingKey()) Fail(kNonScalarKey, pos);
  Tag t = Classify(tag);
  Tag fitting = kind == Kind::kMapping ? Tag::kMap : Tag::kSeq;
  if (t != Tag::kPlain && t != Tag::kNonSpecific && t != fitting)
    FailTag(tag, kind == Kind::kMapping ? "en mappning" : "en lista", pos);
  if (frames_.size() + 1 > max_depth_) Fail(DepthMessage(max_depth_), pos);
  CountNodes(1, pos);
  Frame& f = frames_.emplace_back();
  f.node.kind = kind;
  f.node.pos = pos;
  f.anchor = anchor;
  f.flow = flow;
  f.nodes_at_start = nodes_;
  if (kind == Kind::kMapping) f.index.emplace(&f.node.entries);
}

void YamlTreeBuilder::OnSequenceStart(const YamlMark& mark, std::string_view tag, AnchorId anchor,
                                      bool flow) {
  StartCollection(mark, tag, anchor, Kind::kSequence, flow);
}

void YamlTreeBuilder::OnMapStart(const YamlMark& mark, std::string_view tag, AnchorId anchor, bool flow) {
  StartCollection(mark, tag, anchor, Kind::kMapping, flow);
}

void YamlTreeBuilder::OnSequenceEnd() { EndCollection(); }
void YamlTreeBuilder::OnMapEnd() { EndCollection(); }

void YamlTreeBuilder::EndCollection() {
  Frame& f = frames_.back();
  if (f.node.kind == Kind::kMapping) ApplyMerges(f);
  Node node = std::move(f.node);
  size_t height = f.max_child_height + 1;
  size_t count = nodes_ - f.nodes_at_start + 1;
  AnchorId anchor = f.anchor;
  frames_.pop_back();
  Deliver(std::move(node), anchor, height, count);
}

// Merge keys (https://yaml.org/type/merge.html): the entries of the `<<` mapping(s) join
// this mapping where the `<<` stood; explicit keys win, and earlier merged mappings win over
// later ones.
void YamlTreeBuilder::ApplyMerges(Frame& f) {
  if (f.merges.empty()) return;
  std::vector<Entry> merged;
  std::vector<size_t> merged_before;
  KeyIndex merged_index(&merged);
  auto take = [&](Node& source, size_t before) {
    for (Entry& e : source.entries) {
      if (f.index->Find(e.key) >= 0 || merged_index.Find(e.key) >= 0) continue;
      merged.push_back(std::move(e));
      merged_before.push_back(before);
      merged_index.Add(merged.size() - 1);
    }
  };
  for (Frame::Merge& m : f.merges) {
    if (m.value.kind == Kind::kMapping) {
      take(m.value, m.before);
    } else if (m.value.kind == Kind::kSequence) {
      for (Node& item : m.value.items) {
        Materialise(item);
        if (item.kind != Kind::kMapping) Fail(kBadMerge, item.pos);
        take(item, m.before);
      }
    } else {
      Fail(kBadMerge, m.pos);
    }
  }
  std::vector<Entry> result;
  result.reserve(f.node.entries.size() + merged.size());
  size_t k = 0;
  for (size_t i = 0; i <= f.node.entries.size(); ++i) {
    while (k < merged.size() && merged_before[k] == i) result.push_back(std::move(merged[k++]));
    if (i < f.node.entries.size()) result.push_back(std::move(f.node.entries[i]));
  }
  f.node.entries = std::move(result);
}

}  // namespace aktkoll::document::internal
