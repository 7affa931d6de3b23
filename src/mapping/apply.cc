// Applying a mapping to one export document.
#include <memory>

#include "engine/doc_view.h"
#include "expr/civil_time.h"
#include "mapping/mapping.h"

namespace aktkoll::mapping {
namespace {

using document::Kind;
using document::Node;

void SetPos(Node* n, core::Position pos) {
  n->pos = pos;
  for (Node& i : n->items) SetPos(&i, pos);
  for (auto& e : n->entries) {
    e.key_pos = pos;
    SetPos(&e.value, pos);
  }
}

class Applier {
 public:
  Applier(const Mapping& m, const Node& root, MapResult* out) : m_(m), root_(root), out_(out) {
    if (m.uses_expressions) view_ = std::make_unique<engine::DocView>(root);
  }

  void Run() {
    if (m_.recognise) {
      auto v = Eval(*m_.recognise);
      if (!v || !v->is(expr::Kind::kBool) || !v->bool_value()) {
        Error(root_.pos, "mappningen '" + m_.name + "' känner inte igen dokumentet (recognise)",
              "mapping '" + m_.name + "' does not recognise the document (recognise)");
        return;
      }
    }
    const DocumentType* type = &m_.types.front();
    if (m_.type_from || m_.type_expr) {
      std::string name;
      core::Position pos = root_.pos;
      if (m_.type_from) {
        const Node* n = FindPath(root_, *m_.type_from);
        if (n && n->kind == Kind::kString) name = n->string, pos = n->pos;
      } else if (auto v = Eval(*m_.type_expr); v && v->is(expr::Kind::kString)) {
        name = std::string(v->string_value());
      }
      if (name.empty()) {
        Error(pos, "dokumenttypen saknas (document_type i mappningen '" + m_.name + "')",
              "the document type is missing (document_type in mapping '" + m_.name + "')");
        return;
      }
      type = m_.FindType(name);
      if (!type) {
        Error(pos, "dokumenttypen '" + name + "' finns inte i mappningen '" + m_.name + "'",
              "document type '" + name + "' is not in mapping '" + m_.name + "'");
        return;
      }
      out_->type = name;
    }
    out_->recognised = true;
    out_->root.kind = Kind::kMapping;
    out_->root.pos = root_.pos;
    Fields(type->fields, root_, &out_->root);
    for (const auto& [tokens, value] : m_.defaults) {
      if (Lookup(out_->root, tokens)) continue;
      Node v = value;
      SetPos(&v, root_.pos);
      Set(&out_->root, tokens, false, std::move(v), root_.pos);
    }
  }

 private:
  void Error(core::Position pos, std::string sv, std::string en) {
    out_->errors.push_back({pos, {std::move(sv), std::move(en)}});
  }

  std::optional<expr::Value> Eval(const expr::Program& p) {
    if (!act_) act_ = std::make_unique<expr::Activation>(p);
    act_->Clear();
    act_->Bind("d", view_->root());
    auto r = p.Evaluate(*act_);
    if (!r.ok()) {
      Error(root_.pos, "mappningen '" + m_.name + "': uttrycket '" + p.source() + "' kunde inte beräknas: " + r.error().message(),
            "mapping '" + m_.name + "': expression '" + p.source() + "' failed: " + r.error().message());
      return std::nullopt;
    }
    return std::move(r).value();
  }

  static const Node* Lookup(const Node& root, const std::vector<std::string>& tokens) {
    const Node* n = &root;
    for (const std::string& t : tokens) {
      n = n->Find(t);
      if (!n) return nullptr;
    }
    return n;
  }

  // Puts `value` at `tokens` below `target`, creating objects on the way (positioned at
  // the value's source).
  void Set(Node* target, const std::vector<std::string>& tokens, bool append, Node value, core::Position pos) {
    Node* n = target;
    for (const std::string& t : tokens) {
      // A fresh node becomes a list when the pointer indexes it by number, else an object.
      bool numeric = !t.empty() && t.find_first_not_of("0123456789") == std::string::npos && t.size() < 7;
      if (n->kind == Kind::kNull) n->kind = numeric ? Kind::kSequence : Kind::kMapping, n->pos = pos;
      if (n->kind == Kind::kSequence) {
        size_t i = 0;
        if (numeric) i = std::stoul(t);
        if (!numeric || i > n->items.size()) return;
        if (i == n->items.size()) n->items.emplace_back().pos = pos;
        n = &n->items[i];
        continue;
      }
      if (n->kind != Kind::kMapping) return;  // a scalar is in the way: the earlier field wins
      Node* child = nullptr;
      for (auto& e : n->entries)
        if (e.key == t) child = &e.value;
      if (!child) {
        n->entries.push_back({t, pos, Node{}});
        child = &n->entries.back().value;
        child->pos = pos;
      }
      n = child;
    }
    if (!append) {
      *n = std::move(value);
      return;
    }
    if (n->kind == Kind::kNull) n->kind = Kind::kSequence, n->pos = pos;
    if (n->kind != Kind::kSequence) return;
    if (value.kind == Kind::kSequence && !value.items.empty() && value.items.front().kind == Kind::kMapping) {
      for (Node& i : value.items) n->items.push_back(std::move(i));
    } else {
      n->items.push_back(std::move(value));
    }
  }

  std::string Where(const Field& f) const {
    if (f.from) return f.from->text;
    return f.to;
  }

  // Date and code conversion of a scalar; false (with an error) when it cannot be done.
  bool Convert(const Field& f, Node* v) {
    if (!f.date && f.codes.empty()) return true;
    std::string text;
    if (v->kind == Kind::kString) text = v->string;
    else if (v->kind == Kind::kInt) text = std::to_string(v->integer);
    if (f.date) {
      const auto& formats = f.date_formats.empty() ? m_.date_formats : f.date_formats;
      std::optional<std::string> d = v->kind == Kind::kString || v->kind == Kind::kInt ? ParseDate(text, formats) : std::nullopt;
      if (!d) {
        std::string list;
        for (const auto& fm : formats) list += (list.empty() ? "" : ", ") + fm;
        Error(v->pos, "mappningen: " + Where(f) + " är inget datum i formatet " + list + " (till " + f.to + ")",
              "mapping: " + Where(f) + " is not a date in the format " + list + " (to " + f.to + ")");
        return false;
      }
      text = *d;
    }
    if (!f.codes.empty()) {
      const auto& table = m_.codes.at(f.codes);
      auto it = table.find(text);
      bool known = it != table.end();
      if (!known) {
        for (const auto& [from, code] : table) known = known || code == text;
      }
      if (!known || (v->kind != Kind::kString && v->kind != Kind::kInt)) {
        Error(v->pos, "mappningen: värdet i " + Where(f) + " finns inte i kodtabellen " + f.codes + " (till " + f.to + ")",
              "mapping: the value of " + Where(f) + " is not in code table " + f.codes + " (to " + f.to + ")");
        return false;
      }
      if (it != table.end()) text = it->second;
    }
    core::Position pos = v->pos;
    *v = Node{};
    v->kind = Kind::kString;
    v->pos = pos;
    v->string = std::move(text);
    return true;
  }

  std::optional<Node> ToNode(const expr::Value& v, core::Position pos, const Field& f) {
    Node n;
    n.pos = pos;
    switch (v.kind()) {
      case expr::Kind::kNull: return std::nullopt;
      case expr::Kind::kBool: n.kind = Kind::kBool, n.boolean = v.bool_value(); return n;
      case expr::Kind::kInt: n.kind = Kind::kInt, n.integer = v.int_value(); return n;
      case expr::Kind::kDouble: n.kind = Kind::kDouble, n.number = v.double_value(); return n;
      case expr::Kind::kString: n.kind = Kind::kString, n.string = std::string(v.string_value()); return n;
      case expr::Kind::kDate: n.kind = Kind::kString, n.string = expr::FormatIsoDate(v.int_value()); return n;
      case expr::Kind::kList:
        n.kind = Kind::kSequence;
        for (size_t i = 0; i < v.list_value().size(); ++i)
          if (auto item = ToNode(v.list_value().Get(i), pos, f)) n.items.push_back(std::move(*item));
          else n.items.emplace_back().pos = pos;
        return n;
      case expr::Kind::kMap:
        n.kind = Kind::kMapping;
        for (size_t i = 0; i < v.map_value().size(); ++i) {
          expr::Value key = v.map_value().KeyAt(i);
          if (!key.is(expr::Kind::kString)) break;
          auto item = ToNode(v.map_value().ValueAt(i), pos, f);
          n.entries.push_back({std::string(key.string_value()), pos, item ? std::move(*item) : Node{}});
        }
        return n;
      default: break;
    }
    Error(pos, "mappningen: uttrycket för " + f.to + " gav ett värde av typen " + expr::KindName(v.kind()) + ", som inte kan skrivas i akten",
          "mapping: the expression for " + f.to + " gave a " + expr::KindName(v.kind()) + ", which a case cannot hold");
    return std::nullopt;
  }

  void Fields(const std::vector<Field>& fields, const Node& context, Node* target) {
    for (const Field& f : fields) {
      std::optional<Node> v;
      if (f.value) {
        v = *f.value;
        SetPos(&*v, context.pos);
      } else if (f.expr) {
        core::Position pos = root_.pos;
        if (f.expr_ref)
          if (const Node* r = FindPath(root_, *f.expr_ref)) pos = r->pos;
        if (auto val = Eval(*f.expr)) v = ToNode(*val, pos, f);
      } else {
        const Node* nearest = nullptr;
        const Node* src = FindPath(context, *f.from, &nearest);
        if (!src || src->kind == Kind::kNull) {
          if (f.required)
            Error((src ? src : nearest)->pos,
                  "mappningen: " + f.from->text + " saknas i exporten men krävs (till " + f.to + ")",
                  "mapping: " + f.from->text + " is absent from the export but required (to " + f.to + ")");
          continue;
        }
        if (!f.each.empty()) {
          if (src->kind != Kind::kSequence) {
            Error(src->pos, "mappningen: " + f.from->text + " ska vara en lista (each, till " + f.to + ")",
                  "mapping: " + f.from->text + " should be a list (each, to " + f.to + ")");
            continue;
          }
          Node list;
          list.kind = Kind::kSequence;
          list.pos = src->pos;
          for (const Node& element : src->items) {
            Node obj;
            obj.kind = Kind::kMapping;
            obj.pos = element.pos;
            Fields(f.each, element, &obj);
            list.items.push_back(std::move(obj));
          }
          v = std::move(list);
        } else {
          v = *src;
        }
      }
      if (!v) continue;
      if (v->kind == Kind::kSequence && (f.date || !f.codes.empty())) {
        bool ok = true;
        for (Node& i : v->items) ok = Convert(f, &i) && ok;
        if (!ok) continue;
      } else if (!Convert(f, &*v)) {
        continue;
      }
      core::Position pos = v->pos;
      Set(target, f.to_tokens, f.append, std::move(*v), pos);
    }
  }

  const Mapping& m_;
  const Node& root_;
  MapResult* out_;
  std::unique_ptr<engine::DocView> view_;
  std::unique_ptr<expr::Activation> act_;
};

}  // namespace

MapResult Apply(const Mapping& mapping, const Node& export_root) {
  MapResult out;
  Applier(mapping, export_root, &out).Run();
  return out;
}

}  // namespace aktkoll::mapping
