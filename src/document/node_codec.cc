#include "document/node_codec.h"

#include <cstring>

namespace aktkoll::document {
namespace {

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutString(std::string* out, const std::string& s) {
  PutVarint(out, s.size());
  out->append(s);
}

void PutPosition(std::string* out, const Position& p) {
  PutVarint(out, p.line);
  PutVarint(out, p.column);
}

void Encode(const Node& n, std::string* out) {
  out->push_back(static_cast<char>(n.kind));
  PutVarint(out, n.source);
  PutPosition(out, n.pos);
  switch (n.kind) {
    case Kind::kNull:
      break;
    case Kind::kBool:
      out->push_back(n.boolean ? 1 : 0);
      break;
    case Kind::kInt:  // zigzag, so small negative numbers stay short
      PutVarint(out, (static_cast<uint64_t>(n.integer) << 1) ^ static_cast<uint64_t>(n.integer >> 63));
      break;
    case Kind::kDouble: {
      char b[sizeof(double)];
      std::memcpy(b, &n.number, sizeof b);
      out->append(b, sizeof b);
      break;
    }
    case Kind::kString:
      PutString(out, n.string);
      break;
    case Kind::kSequence:
      PutVarint(out, n.items.size());
      for (const Node& item : n.items) Encode(item, out);
      break;
    case Kind::kMapping:
      PutVarint(out, n.entries.size());
      for (const Entry& e : n.entries) {
        PutString(out, e.key);
        PutPosition(out, e.key_pos);
        Encode(e.value, out);
      }
      break;
  }
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool done() const { return at_ == data_.size(); }

  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= data_.size()) return false;
      uint8_t b = static_cast<uint8_t>(data_[at_++]);
      *v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  bool U32(uint32_t* v) {
    uint64_t x;
    if (!Varint(&x) || x > UINT32_MAX) return false;
    *v = static_cast<uint32_t>(x);
    return true;
  }
  bool String(std::string* s) {
    uint64_t n;
    if (!Varint(&n) || n > data_.size() - at_) return false;
    s->assign(data_.data() + at_, n);
    at_ += n;
    return true;
  }
  bool Count(uint64_t* n) {  // every element takes at least one byte
    return Varint(n) && *n <= data_.size() - at_;
  }
  bool Node(document::Node* n, int depth) {
    if (depth > 10000 || at_ >= data_.size()) return false;
    uint8_t kind = static_cast<uint8_t>(data_[at_++]);
    if (kind > static_cast<uint8_t>(Kind::kMapping)) return false;
    n->kind = static_cast<Kind>(kind);
    uint64_t source;
    if (!Varint(&source) || source > UINT16_MAX) return false;
    n->source = static_cast<uint16_t>(source);
    if (!U32(&n->pos.line) || !U32(&n->pos.column)) return false;
    switch (n->kind) {
      case Kind::kNull:
        return true;
      case Kind::kBool:
        if (at_ >= data_.size()) return false;
        n->boolean = data_[at_++] != 0;
        return true;
      case Kind::kInt: {
        uint64_t z;
        if (!Varint(&z)) return false;
        n->integer = static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
        return true;
      }
      case Kind::kDouble:
        if (data_.size() - at_ < sizeof(double)) return false;
        std::memcpy(&n->number, data_.data() + at_, sizeof(double));
        at_ += sizeof(double);
        return true;
      case Kind::kString:
        return String(&n->string);
      case Kind::kSequence: {
        uint64_t count;
        if (!Count(&count)) return false;
        n->items.resize(count);
        for (document::Node& item : n->items)
          if (!Node(&item, depth + 1)) return false;
        return true;
      }
      case Kind::kMapping: {
        uint64_t count;
        if (!Count(&count)) return false;
        n->entries.resize(count);
        for (Entry& e : n->entries)
          if (!String(&e.key) || !U32(&e.key_pos.line) || !U32(&e.key_pos.column) || !Node(&e.value, depth + 1))
            return false;
        return true;
      }
    }
    return false;
  }

 private:
  std::string_view data_;
  size_t at_ = 0;
};

}  // namespace

std::string EncodeNode(const Node& node) {
  std::string out;
  Encode(node, &out);
  return out;
}

std::optional<Node> DecodeNode(std::string_view data) {
  Reader r(data);
  Node n;
  if (!r.Node(&n, 0) || !r.done()) return std::nullopt;
  return n;
}

}  // namespace aktkoll::document
