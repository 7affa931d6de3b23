// Tree-walking evaluation with CEL's error semantics: && and || absorb an error when the
// other side decides the result, all/exists likewise across iterations, everything else
// propagates the first error.
#include "expr/evaluator.h"

#include <array>
#include <new>
#include <optional>

#include "expr/messages.h"
#include "expr/operators.h"

namespace aktkoll::expr::internal {

namespace {

bool KindMatches(const Type& t, const Value& v) {
  switch (t.kind()) {
    case TypeKind::kDyn: return true;
    case TypeKind::kNull: return v.is(Kind::kNull);
    case TypeKind::kBool: return v.is(Kind::kBool);
    case TypeKind::kInt: return v.is(Kind::kInt);
    case TypeKind::kDouble: return v.is(Kind::kDouble);
    case TypeKind::kString: return v.is(Kind::kString);
    case TypeKind::kList: return v.is(Kind::kList);
    case TypeKind::kMap: return v.is(Kind::kMap);
    case TypeKind::kTimestamp: return v.is(Kind::kTimestamp);
    case TypeKind::kDuration: return v.is(Kind::kDuration);
    case TypeKind::kDate: return v.is(Kind::kDate);
  }
  return false;
}

// Ev returns a pointer to the node's value, or nullptr with the error in err_. The value
// lives in a constant, a variable (iteration local or activation slot) or in the caller's
// `tmp`, so constants and variables are never copied just to be read. A pointer into the
// locals stays valid while the caller uses it: only a comprehension writes a local slot,
// and a comprehension nested in that slot's scope gets slots of its own.
class Evaluator {
 public:
  Evaluator(const ProgramImpl& p, const Activation& act, const EvalOptions& opts)
      : act_(act), opts_(opts), lang_(opts.lang), steps_left_(opts.max_steps) {
    if (p.local_count > kInlineLocals) {
      heap_locals_.resize(static_cast<size_t>(p.local_count));
      locals_ = heap_locals_.data();
    } else {
      // Only the slots the program uses are constructed: most programs have none.
      inline_count_ = p.local_count > 0 ? p.local_count : 0;
      for (int i = 0; i < inline_count_; ++i) new (inline_storage_ + static_cast<size_t>(i) * sizeof(Value)) Value();
      locals_ = std::launder(reinterpret_cast<Value*>(inline_storage_));
    }
  }
  ~Evaluator() {
    if (heap_locals_.empty())
      for (int i = 0; i < inline_count_; ++i) locals_[i].~Value();
  }
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  Result<Value> Run(const Node& root) {
    Value tmp;
    const Value* v = Ev(root, &tmp);
    if (!v) return std::move(*err_);
    if (v == &tmp) return tmp;
    return *v;
  }

 private:
  const Value* Err(Error e) {
    err_.emplace(std::move(e));
    return nullptr;
  }
  const Value* Put(Result<Value>&& r, Value* tmp) {
    if (!r.ok()) return Err(r.error());
    *tmp = std::move(r).value();
    return tmp;
  }
  static const Value* Bool(bool b, Value* tmp) {
    *tmp = Value::Bool(b);
    return tmp;
  }
  // Evaluates into `slot` (the value is copied there when it lives elsewhere).
  bool EvalInto(const Node& n, Value* slot) {
    const Value* v = Ev(n, slot);
    if (!v) return false;
    if (v != slot) *slot = *v;
    return true;
  }

  const Value* Ev(const Node& n, Value* tmp) {
    if (--steps_left_ < 0)
      return Err(Limit(Msg(lang_, "fler än ", "more than ") + std::to_string(opts_.max_steps) +
                       Msg(lang_, " beräkningssteg", " evaluation steps")));
    switch (n.kind) {
      case NodeKind::kConst: return &n.constant;
      case NodeKind::kIdent: {
        if (n.is_local) return &locals_[n.slot];
        const Value* v = act_.Get(n.slot);
        if (!v) {
          if (LazyValues* lazy = act_.LazyFor(n.slot)) {
            std::optional<Error> error;
            v = lazy->Resolve(n.slot, &error);
            if (!v) return Err(error ? std::move(*error) : Error(ErrorCode::kInternal, n.name));
            return v;
          }
        }
        if (!v)
          return Err(Error(ErrorCode::kUnboundVariable, Msg(lang_, "variabeln '", "variable '") + n.name +
                                                            Msg(lang_, "' har inget värde", "' has no value")));
        return v;
      }
      case NodeKind::kSelect: {
        Value t;
        const Value* operand = Ev(*n.args[0], &t);
        if (!operand) return nullptr;
        if (operand->is(Kind::kMap)) {
          std::optional<Value> field = operand->map_value().FindFieldHashed(n.name, n.name_hash);
          if (n.test_only) return Bool(field.has_value(), tmp);
          if (field) {
            *tmp = std::move(*field);
            return tmp;
          }
        }
        return Put(ApplySelect(*operand, n.name, n.test_only, lang_), tmp);
      }
      case NodeKind::kIndex: {
        Value tc, ti;
        const Value* c = Ev(*n.args[0], &tc);
        if (!c) return nullptr;
        const Value* i = Ev(*n.args[1], &ti);
        if (!i) return nullptr;
        if (c->is(Kind::kList) && i->is(Kind::kInt)) {
          const ListValue& l = c->list_value();
          const int64_t k = i->int_value();
          if (k >= 0 && static_cast<uint64_t>(k) < l.size()) {
            *tmp = l.Get(static_cast<size_t>(k));
            return tmp;
          }
        }
        return Put(ApplyIndex(*c, *i, lang_), tmp);
      }
      case NodeKind::kAnd: case NodeKind::kOr: return EvalLogic(n, tmp);
      case NodeKind::kNot: {
        Value t;
        const Value* v = Ev(*n.args[0], &t);
        if (!v) return nullptr;
        if (!v->is(Kind::kBool)) return Err(NoOverload("!", *v, nullptr, lang_));
        return Bool(!v->bool_value(), tmp);
      }
      case NodeKind::kNeg: {
        Value t;
        const Value* v = Ev(*n.args[0], &t);
        if (!v) return nullptr;
        return Put(ApplyNegate(*v, lang_), tmp);
      }
      case NodeKind::kTernary: {
        Value t;
        const Value* c = Ev(*n.args[0], &t);
        if (!c) return nullptr;
        if (!c->is(Kind::kBool)) return Err(NoOverload("?:", *c, nullptr, lang_));
        return Ev(*n.args[c->bool_value() ? 1 : 2], tmp);
      }
      case NodeKind::kBinary: return EvalBinary(n, tmp);
      case NodeKind::kList: {
        std::vector<Value> items(n.args.size());
        for (size_t i = 0; i < n.args.size(); ++i)
          if (!EvalInto(*n.args[i], &items[i])) return nullptr;
        *tmp = MakeList(std::move(items));
        return tmp;
      }
      case NodeKind::kMap: return EvalMap(n, tmp);
      case NodeKind::kCall: return EvalCall(n, tmp);
      case NodeKind::kComprehension: return EvalComprehension(n, tmp);
      case NodeKind::kError:
        return Err(Error(n.error_code, lang_ == Lang::kSv || !n.rare ? n.name : n.rare->error_en));
    }
    return Err(Error(ErrorCode::kInternal, "unknown node"));
  }

  Error Limit(std::string what) {
    return Error(ErrorCode::kLimitExceeded,
                 Msg(lang_, "beräkningen avbröts: ", "evaluation stopped: ") + what);
  }

  const Value* EvalBinary(const Node& n, Value* tmp) {
    Value ta, tb;
    const Value* a = Ev(*n.args[0], &ta);
    if (!a) return nullptr;
    const Value* b = Ev(*n.args[1], &tb);
    if (!b) return nullptr;
    switch (n.op) {
      case BinOp::kEq: return Bool(ValuesEqual(*a, *b), tmp);
      case BinOp::kNe: return Bool(!ValuesEqual(*a, *b), tmp);
      case BinOp::kLt: case BinOp::kLe: case BinOp::kGt: case BinOp::kGe:
        // The common same-kind orderings; everything else (mixed numbers, NaN, errors)
        // in ApplyBinary.
        if (a->kind() == b->kind() && (a->is(Kind::kInt) || a->is(Kind::kDate))) {
          const int64_t x = a->is(Kind::kInt) ? a->int_value() : a->date_days();
          const int64_t y = b->is(Kind::kInt) ? b->int_value() : b->date_days();
          const bool r = n.op == BinOp::kLt ? x < y : n.op == BinOp::kLe ? x <= y : n.op == BinOp::kGt ? x > y : x >= y;
          return Bool(r, tmp);
        }
        break;
      default: break;
    }
    return Put(ApplyBinary(n.op, *a, *b, lang_, opts_.max_collection_size), tmp);
  }

  const Value* EvalLogic(const Node& n, Value* tmp) {
    // Decisive value: false for &&, true for ||. Either side may decide, so an error or a
    // non-bool on one side is absorbed when the other side is decisive.
    const bool decisive = n.kind == NodeKind::kOr;
    Value ta, tb;
    const Value* a = Ev(*n.args[0], &ta);
    if (a && a->is(Kind::kBool) && a->bool_value() == decisive) return Bool(decisive, tmp);
    std::optional<Error> error_a;
    if (!a) error_a = std::move(err_);
    err_.reset();
    const Value* b = Ev(*n.args[1], &tb);
    if (b && b->is(Kind::kBool) && b->bool_value() == decisive) {
      err_.reset();
      return Bool(decisive, tmp);
    }
    if (!a) {
      err_ = std::move(error_a);
      return nullptr;
    }
    if (!b) return nullptr;
    const char* sym = decisive ? "||" : "&&";
    if (!a->is(Kind::kBool)) return Err(NoOverload(sym, *a, b, lang_));
    if (!b->is(Kind::kBool)) return Err(NoOverload(sym, *a, b, lang_));
    return Bool(!decisive, tmp);
  }

  const Value* EvalMap(const Node& n, Value* tmp) {
    std::vector<std::pair<Value, Value>> entries;
    entries.reserve(n.args.size() / 2);
    for (size_t i = 0; i < n.args.size(); i += 2) {
      Value k, v;
      if (!EvalInto(*n.args[i], &k)) return nullptr;
      if (!EvalInto(*n.args[i + 1], &v)) return nullptr;
      if (!IsValidMapKey(k))
        return Err(Error(ErrorCode::kInvalidArgument,
                         Msg(lang_, "en map-nyckel kan inte vara ", "a map key cannot be ") + KindName(k.kind())));
      for (const auto& e : entries)
        if (ValuesEqual(e.first, k))
          return Err(Error(ErrorCode::kInvalidArgument,
                           Msg(lang_, "nyckeln ", "duplicate key ") + DebugString(k) +
                               Msg(lang_, " förekommer två gånger i mappen", " in map literal")));
      entries.emplace_back(std::move(k), std::move(v));
    }
    *tmp = MakeMap(std::move(entries));
    return tmp;
  }

  const Value* EvalCall(const Node& n, Value* tmp) {
    const size_t argc = n.args.size();
    std::array<Value, 4> small;
    std::vector<Value> big;
    Value* args = small.data();
    if (argc > small.size()) {
      big.resize(argc);
      args = big.data();
    }
    for (size_t i = 0; i < argc; ++i)
      if (!EvalInto(*n.args[i], &args[i])) return nullptr;
    std::span<const Value> span(args, argc);
    CallContext ctx(lang_);
    if (n.prepared) return Put(n.prepared(span, ctx), tmp);
    for (const Overload* o : n.candidates) {
      bool match = true;
      for (size_t i = 0; i < argc && match; ++i) match = KindMatches(o->params[i], args[i]);
      if (match) return Put(o->impl(span, ctx), tmp);
    }
    std::string kinds;
    for (size_t i = 0; i < argc; ++i) kinds += (i ? ", " : "") + std::string(KindName(args[i].kind()));
    return Err(Error(ErrorCode::kNoMatchingOverload,
                     Msg(lang_, "ingen variant av '", "no overload of '") + n.name +
                         Msg(lang_, "' tar (", "' takes (") + kinds + ")"));
  }

  const Value* EvalComprehension(const Node& n, Value* tmp);

  const Activation& act_;
  const EvalOptions& opts_;
  Lang lang_;
  int64_t steps_left_;  // nodes this evaluation may still visit (EvalOptions::max_steps)
  int64_t iterations_ = 0;
  std::optional<Error> err_;
  static constexpr int kInlineLocals = 8;
  alignas(Value) unsigned char inline_storage_[kInlineLocals * sizeof(Value)];
  int inline_count_ = 0;  // constructed Values in inline_storage_
  std::vector<Value> heap_locals_;
  Value* locals_;
};

const Value* Evaluator::EvalComprehension(const Node& n, Value* tmp) {
  Value range_tmp;
  const Value* range = Ev(*n.args[0], &range_tmp);
  if (!range) return nullptr;
  // Hold the range by value, as the body may rebind variables.
  if (range != &range_tmp) {
    range_tmp = *range;
    range = &range_tmp;
  }
  const Value& r = *range;
  const bool is_list = r.is(Kind::kList);
  if (!is_list && !r.is(Kind::kMap))
    return Err(Error(ErrorCode::kNoMatchingOverload,
                     Msg(lang_, "makrot kräver en lista eller map, fick ",
                         "the macro needs a list or map, got ") + KindName(r.kind())));
  const size_t count = is_list ? r.list_value().size() : r.map_value().size();
  const bool two = n.local2 >= 0;
  const Node* filter = n.has_filter ? n.args[1].get() : nullptr;
  const Node& body = *n.args.back();

  std::optional<Error> pending;  // all/exists: an error that a later decisive value may absorb
  int64_t matches = 0;
  std::vector<Value> out_list;
  std::vector<std::pair<Value, Value>> out_map;

  for (size_t i = 0; i < count; ++i) {
    if (++iterations_ > opts_.max_iterations)
      return Err(Limit(Msg(lang_, "fler än ", "more than ") + std::to_string(opts_.max_iterations) +
                       Msg(lang_, " iterationer i makron", " macro iterations")));
    if (is_list) {
      const ListValue& l = r.list_value();
      if (two) {
        locals_[n.local1] = Value::Int(static_cast<int64_t>(i));
        locals_[n.local2] = l.Get(i);
      } else {
        locals_[n.local1] = l.Get(i);
      }
    } else {
      const MapValue& m = r.map_value();
      locals_[n.local1] = m.KeyAt(i);
      if (two) locals_[n.local2] = m.ValueAt(i);
    }
    if (filter) {
      Value ft;
      const Value* f = Ev(*filter, &ft);
      if (!f) return nullptr;
      if (!f->is(Kind::kBool)) return Err(NoOverload("filter", *f, nullptr, lang_));
      if (!f->bool_value()) continue;
    }
    Value vt;
    const Value* v = Ev(body, &vt);
    switch (n.macro) {
      case Macro::kAll: case Macro::kExists: {
        const bool decisive = n.macro == Macro::kExists;
        if (v && v->is(Kind::kBool)) {
          if (v->bool_value() == decisive) {
            err_.reset();
            return Bool(decisive, tmp);
          }
        } else if (!pending) {
          pending = v ? NoOverload(decisive ? "exists" : "all", *v, nullptr, lang_) : std::move(*err_);
        }
        err_.reset();
        break;
      }
      case Macro::kExistsOne:
        if (!v) return nullptr;
        if (!v->is(Kind::kBool)) return Err(NoOverload("exists_one", *v, nullptr, lang_));
        if (v->bool_value()) ++matches;
        break;
      case Macro::kFilter:
        if (!v) return nullptr;
        if (!v->is(Kind::kBool)) return Err(NoOverload("filter", *v, nullptr, lang_));
        if (v->bool_value()) out_list.push_back(locals_[n.local1]);
        break;
      case Macro::kMap: case Macro::kTransformList:
        if (!v) return nullptr;
        out_list.push_back(v == &vt ? std::move(vt) : *v);
        break;
      case Macro::kTransformMap:
        if (!v) return nullptr;
        out_map.emplace_back(locals_[n.local1], v == &vt ? std::move(vt) : *v);
        break;
    }
  }
  switch (n.macro) {
    case Macro::kAll: case Macro::kExists:
      if (pending) return Err(std::move(*pending));
      return Bool(n.macro == Macro::kAll, tmp);
    case Macro::kExistsOne: return Bool(matches == 1, tmp);
    case Macro::kTransformMap: *tmp = MakeMap(std::move(out_map)); return tmp;
    default: *tmp = MakeList(std::move(out_list)); return tmp;
  }
}

}  // namespace

Result<Value> Evaluate(const ProgramImpl& program, const Activation& activation,
                       const EvalOptions& options) {
  Evaluator ev(program, activation, options);
  return ev.Run(*program.root);
}

}  // namespace aktkoll::expr::internal
