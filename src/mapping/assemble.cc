#include "mapping/assemble.h"

#include <algorithm>

namespace aktkoll::mapping {
namespace {

using document::Kind;
using document::Node;

void Mark(Node* n, uint16_t source) {
  n->source = source;
  for (Node& i : n->items) Mark(&i, source);
  for (auto& e : n->entries) Mark(&e.value, source);
}

bool SameScalar(const Node& a, const Node& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::kNull: return true;
    case Kind::kBool: return a.boolean == b.boolean;
    case Kind::kInt: return a.integer == b.integer;
    case Kind::kDouble: return a.number == b.number;
    case Kind::kString: return a.string == b.string;
    default: return false;
  }
}

void Merge(Node* dst, Node&& src, const std::string& pointer, const Source& source,
           std::vector<AssemblyProblem>* problems) {
  if (dst->kind == Kind::kMapping && src.kind == Kind::kMapping) {
    for (auto& e : src.entries) {
      Node* existing = nullptr;
      for (auto& d : dst->entries)
        if (d.key == e.key) existing = &d.value;
      if (existing) Merge(existing, std::move(e.value), pointer + "/" + document::EscapePointerToken(e.key), source, problems);
      else dst->entries.push_back(std::move(e));
    }
  } else if (dst->kind == Kind::kSequence && src.kind == Kind::kSequence) {
    for (Node& i : src.items) dst->items.push_back(std::move(i));
  } else if (!SameScalar(*dst, src)) {
    problems->push_back({source, src.pos,
                         {"ärendet sammanställs av flera dokument som anger olika värden för " + pointer +
                              "; det första dokumentets värde används",
                          "the documents assembled into the case give different values for " + pointer +
                              "; the first document's value is used"}});
  }
}

}  // namespace

void Assembler::Add(Piece&& piece) {
  const Node* id = piece.root.Find("case_id");
  if (!id || id->kind != Kind::kString || id->string.empty()) {
    problems_.push_back({piece.source, piece.root.pos,
                         {"dokumentet (" + piece.type + ") har inget ärende-id (/case_id) och kan inte föras till något ärende",
                          "the document (" + piece.type + ") has no case id (/case_id) and cannot be joined to a case"}});
    return;
  }
  auto& pieces = by_case_[id->string];
  if (piece.base && std::none_of(pieces.begin(), pieces.end(), [](const Piece& p) { return p.base; }))
    order_.push_back(id->string);
  pieces.push_back(std::move(piece));
}

void Assembler::Finish(std::vector<AssembledCase>* cases, std::vector<AssemblyProblem>* problems) {
  for (const std::string& id : order_) {
    std::vector<Piece>& pieces = by_case_[id];
    std::stable_partition(pieces.begin(), pieces.end(), [](const Piece& p) { return p.base; });
    AssembledCase c;
    for (Piece& p : pieces) {
      uint16_t index = static_cast<uint16_t>(std::min<size_t>(c.sources.size(), UINT16_MAX));
      c.sources.push_back(p.source);
      Mark(&p.root, index);
      if (c.sources.size() == 1) c.root = std::move(p.root);
      else Merge(&c.root, std::move(p.root), "", p.source, &problems_);
    }
    cases->push_back(std::move(c));
    by_case_.erase(id);
  }
  // What is left has no base document.
  std::vector<const Piece*> orphans;
  for (const auto& [id, pieces] : by_case_)
    for (const Piece& p : pieces) orphans.push_back(&p);
  for (const Piece* p : orphans) {
    const Node* id = p->root.Find("case_id");
    problems_.push_back({p->source, id->pos,
                         {"dokumentet (" + p->type + ") hör till ett ärende-id som inget grunddokument har; det granskas inte",
                          "the document (" + p->type + ") belongs to a case id that no base document has; it is not checked"}});
  }
  by_case_.clear();
  order_.clear();
  *problems = std::move(problems_);
  problems_.clear();
}

}  // namespace aktkoll::mapping
