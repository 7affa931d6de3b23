#include "engine/doc_view.h"

#include <vector>

namespace aktkoll::engine {

using document::Kind;
using document::Node;
using expr::Value;

namespace {

// Maps with more members than this get a hash index; smaller ones are scanned.
constexpr size_t kIndexFrom = 8;

size_t IndexSize(size_t members) {
  if (members <= kIndexFrom || members > 0x7fff) return 0;
  size_t n = 16;
  while (n < 2 * members) n *= 2;
  return n;
}

}  // namespace

// A mapping's members: values and key hashes live in the view's shared arrays; `slots` is
// an open-addressing table (index + 1 per slot, 0 = empty) for maps past kIndexFrom.
class DocView::MapView final : public expr::MapValue {
 public:
  Link link;
  const Value* values = nullptr;
  const uint32_t* hashes = nullptr;   // expr::FieldHash of each key
  const uint16_t* slots = nullptr;
  uint32_t count = 0;
  uint32_t mask = 0;                  // table size - 1 when indexed

  size_t size() const override { return count; }
  std::optional<Value> Find(const Value& key) const override {
    if (!key.is(expr::Kind::kString)) return std::nullopt;
    return FindField(key.string_value());
  }
  std::optional<Value> FindField(std::string_view key) const override {
    return FindFieldHashed(key, expr::FieldHash(key));
  }
  std::optional<Value> FindFieldHashed(std::string_view key, uint32_t hash) const override {
    const auto& entries = link.node->entries;
    if (slots) {
      for (uint32_t s = hash & mask;; s = (s + 1) & mask) {
        const uint32_t i = slots[s];
        if (i == 0) return std::nullopt;
        if (hashes[i - 1] == hash && entries[i - 1].key == key) return values[i - 1];
      }
    }
    for (uint32_t i = 0; i < count; ++i)
      if (hashes[i] == hash && entries[i].key == key) return values[i];
    return std::nullopt;
  }
  Value KeyAt(size_t index) const override { return Value::StringView(link.node->entries[index].key); }
  Value ValueAt(size_t index) const override { return values[index]; }
};

class DocView::ListView final : public expr::ListValue {
 public:
  Link link;
  const Value* values = nullptr;
  uint32_t count = 0;

  size_t size() const override { return count; }
  Value Get(size_t index) const override { return values[index]; }
};

// Everything a view needs, allocated once per document: the tree is counted first, so
// no array ever grows and every pointer into them stays put.
struct DocView::Storage {
  std::unique_ptr<MapView[]> maps;
  std::unique_ptr<ListView[]> lists;
  std::vector<Value> values;
  std::vector<uint32_t> hashes;
  std::vector<uint16_t> slots;
  size_t next_map = 0, next_list = 0;

  struct Counts {
    size_t maps = 0, lists = 0, values = 0, hashes = 0, slots = 0;
  };
  static void Count(const Node& n, Counts* c) {
    if (n.kind == Kind::kMapping) {
      c->maps++;
      c->values += n.entries.size();
      c->hashes += n.entries.size();
      c->slots += IndexSize(n.entries.size());
      for (const auto& e : n.entries) Count(e.value, c);
    } else if (n.kind == Kind::kSequence) {
      c->lists++;
      c->values += n.items.size();
      for (const auto& item : n.items) Count(item, c);
    }
  }
};

DocView::DocView(const Node& root) : storage_(std::make_unique<Storage>()) {
  Storage::Counts c;
  Storage::Count(root, &c);
  storage_->maps = std::make_unique<MapView[]>(c.maps);
  storage_->lists = std::make_unique<ListView[]>(c.lists);
  storage_->values.reserve(c.values);
  storage_->hashes.reserve(c.hashes);
  storage_->slots.reserve(c.slots);
  root_ = Build(root, nullptr, 0);
}

DocView::~DocView() { root_ = Value(); }

Value DocView::Build(const Node& node, const Link* parent, uint32_t index) {
  Storage& st = *storage_;
  switch (node.kind) {
    case Kind::kNull: return Value::Null();
    case Kind::kBool: return Value::Bool(node.boolean);
    case Kind::kInt: return Value::Int(node.integer);
    case Kind::kDouble: return Value::Double(node.number);
    case Kind::kString: return Value::StringView(node.string);
    case Kind::kMapping: {
      MapView& m = st.maps[st.next_map++];
      const size_t n = node.entries.size();
      m.link = Link{&node, parent, index};
      m.count = static_cast<uint32_t>(n);
      // Reserve this map's run of values first; children fill theirs after it.
      const size_t first = st.values.size();
      st.values.resize(first + n);
      st.hashes.resize(st.hashes.size() + n);
      uint32_t* hashes = st.hashes.data() + (st.hashes.size() - n);
      for (size_t i = 0; i < n; ++i) hashes[i] = expr::FieldHash(node.entries[i].key);
      m.hashes = hashes;
      m.values = st.values.data() + first;
      if (const size_t table = IndexSize(n)) {
        const size_t at = st.slots.size();
        st.slots.resize(at + table, 0);
        uint16_t* slots = st.slots.data() + at;
        for (size_t i = 0; i < n; ++i) {
          size_t s = hashes[i] & (table - 1);
          while (slots[s] != 0) s = (s + 1) & (table - 1);
          slots[s] = static_cast<uint16_t>(i + 1);
        }
        m.slots = slots;
        m.mask = static_cast<uint32_t>(table - 1);
      }
      for (size_t i = 0; i < n; ++i)
        st.values[first + i] = Build(node.entries[i].value, &m.link, static_cast<uint32_t>(i));
      return Value::Map(static_cast<const expr::MapValue*>(&m));
    }
    case Kind::kSequence: {
      ListView& l = st.lists[st.next_list++];
      const size_t n = node.items.size();
      l.link = Link{&node, parent, index};
      l.count = static_cast<uint32_t>(n);
      const size_t first = st.values.size();
      st.values.resize(first + n);
      l.values = st.values.data() + first;
      for (size_t i = 0; i < n; ++i)
        st.values[first + i] = Build(node.items[i], &l.link, static_cast<uint32_t>(i));
      return Value::List(static_cast<const expr::ListValue*>(&l));
    }
  }
  return Value::Null();
}

std::optional<std::string> DocView::PointerOf(const Value& value) {
  const Link* link = nullptr;
  if (value.is(expr::Kind::kMap)) {
    if (auto* m = dynamic_cast<const MapView*>(&value.map_value())) link = &m->link;
  } else if (value.is(expr::Kind::kList)) {
    if (auto* l = dynamic_cast<const ListView*>(&value.list_value())) link = &l->link;
  }
  if (link == nullptr) return std::nullopt;
  std::vector<std::string> tokens;
  for (const Link* l = link; l->parent != nullptr; l = l->parent) {
    const Node* p = l->parent->node;
    tokens.push_back(p->kind == Kind::kMapping ? document::EscapePointerToken(p->entries[l->index].key)
                                               : std::to_string(l->index));
  }
  std::string out;
  for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) out += "/" + *it;
  return out;
}

}  // namespace aktkoll::engine
