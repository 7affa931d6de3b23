// The static checker. Type rules follow CEL's standard declarations for the operators;
// functions come from the registry. dyn on either side of anything is accepted.
#include "expr/checker.h"

#include <algorithm>
#include <string_view>

#include "expr/messages.h"

namespace aktkoll::expr::internal {

namespace {

Type TypeOfValue(const Value& v) {
  switch (v.kind()) {
    case Kind::kNull: return Type::Null();
    case Kind::kBool: return Type::Bool();
    case Kind::kInt: return Type::Int();
    case Kind::kDouble: return Type::Double();
    case Kind::kString: return Type::String();
    case Kind::kTimestamp: return Type::Timestamp();
    case Kind::kDuration: return Type::Duration();
    case Kind::kDate: return Type::Date();
    case Kind::kList: return Type::List(Type::Dyn());
    case Kind::kMap: return Type::Map(Type::Dyn(), Type::Dyn());
  }
  return Type::Dyn();
}

Type Join(const Type& a, const Type& b) { return a == b ? a : Type::Dyn(); }

bool IsNumeric(const Type& t) { return t.kind() == TypeKind::kInt || t.kind() == TypeKind::kDouble; }

bool IsOrderable(const Type& t) {
  switch (t.kind()) {
    case TypeKind::kDyn: case TypeKind::kBool: case TypeKind::kInt: case TypeKind::kDouble:
    case TypeKind::kString: case TypeKind::kTimestamp: case TypeKind::kDuration:
    case TypeKind::kDate:
      return true;
    default:
      return false;
  }
}

// Whether == between these types can ever be true (or is at least meaningful).
bool Comparable(const Type& a, const Type& b) {
  if (a.is_dyn() || b.is_dyn()) return true;
  if (a.kind() == TypeKind::kNull || b.kind() == TypeKind::kNull) return true;
  if (IsNumeric(a) && IsNumeric(b)) return true;
  // Lists and maps of different element types may still be compared (the answer is
  // false, never an error), as in CEL's heterogeneous equality.
  return a.kind() == b.kind();
}

const char* OpText(BinOp op) {
  switch (op) {
    case BinOp::kAdd: return "+";
    case BinOp::kSub: return "-";
    case BinOp::kMul: return "*";
    case BinOp::kDiv: return "/";
    case BinOp::kMod: return "%";
    case BinOp::kEq: return "==";
    case BinOp::kNe: return "!=";
    case BinOp::kLt: return "<";
    case BinOp::kLe: return "<=";
    case BinOp::kGt: return ">";
    case BinOp::kGe: return ">=";
    case BinOp::kIn: return "in";
  }
  return "?";
}

class Checker {
 public:
  Checker(const Env& env, bool strict, Lang lang) : env_(env), strict_(strict), lang_(lang) {}

  CheckResult Run(Node& root) {
    CheckNode(root);
    result_.local_count = max_locals_;
    return std::move(result_);
  }

 private:
  struct Scope {
    std::string name;
    int slot;
    Type type;
  };

  void Issue(const Node& n, std::string message) {
    result_.issues.push_back(ParseError{n.offset, std::move(message)});
  }

  // A type error: reported when strict, otherwise left for evaluation.
  Type TypeError(const Node& n, std::string message) {
    if (strict_) Issue(n, std::move(message));
    return Type::Dyn();
  }

  // In unchecked mode an unresolvable node becomes an error evaluated at run time.
  // `message` builds the text in a given language; both are kept so that evaluation can
  // answer in its own language.
  template <typename F>
  void MakeErrorNode(Node& n, ErrorCode code, F message) {
    std::string sv = message(Lang::kSv);  // the builders read n.name: compute both first
    n.rare_fields().error_en = message(Lang::kEn);
    n.name = std::move(sv);
    n.kind = NodeKind::kError;
    n.error_code = code;
    n.args.clear();
    n.type = Type::Dyn();
  }

  std::string T(const Type& t) const { return t.ToString(); }

  const Scope* FindLocal(std::string_view name) const {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it)
      if (it->name == name) return &*it;
    return nullptr;
  }

  // "a.b.c" for a select chain rooted at a non-local identifier, else "".
  std::string QualifiedName(const Node& n) const {
    if (n.kind == NodeKind::kIdent) return FindLocal(n.name) ? std::string() : n.name;
    if (n.kind == NodeKind::kSelect && !n.test_only) {
      std::string base = QualifiedName(*n.args[0]);
      return base.empty() ? base : base + "." + n.name;
    }
    return std::string();
  }

  void CheckNode(Node& n) {
    switch (n.kind) {
      case NodeKind::kConst: n.type = TypeOfValue(n.constant); return;
      case NodeKind::kError: n.type = Type::Dyn(); return;
      case NodeKind::kIdent: return CheckIdent(n);
      case NodeKind::kSelect: return CheckSelect(n);
      case NodeKind::kCall: return CheckCall(n);
      case NodeKind::kList: {
        Type elem;
        for (size_t i = 0; i < n.args.size(); ++i) {
          CheckNode(*n.args[i]);
          elem = i == 0 ? n.args[i]->type : Join(elem, n.args[i]->type);
        }
        n.type = Type::List(elem);
        return;
      }
      case NodeKind::kMap: return CheckMap(n);
      case NodeKind::kComprehension: return CheckComprehension(n);
      case NodeKind::kAnd: case NodeKind::kOr: {
        for (auto& a : n.args) {
          CheckNode(*a);
          if (!a->type.is_dyn() && a->type.kind() != TypeKind::kBool)
            TypeError(*a, Msg(lang_, "'", "'") + (n.kind == NodeKind::kAnd ? "&&" : "||") +
                              Msg(lang_, "' kräver bool, fick ", "' needs bool, got ") + T(a->type));
        }
        n.type = Type::Bool();
        return;
      }
      case NodeKind::kNot: {
        CheckNode(*n.args[0]);
        const Type& t = n.args[0]->type;
        if (!t.is_dyn() && t.kind() != TypeKind::kBool)
          TypeError(n, Msg(lang_, "'!' kräver bool, fick ", "'!' needs bool, got ") + T(t));
        n.type = Type::Bool();
        return;
      }
      case NodeKind::kNeg: {
        CheckNode(*n.args[0]);
        const Type& t = n.args[0]->type;
        if (!t.is_dyn() && !IsNumeric(t) && t.kind() != TypeKind::kDuration) {
          n.type = TypeError(n, Msg(lang_, "'-' kräver ett tal, fick ", "'-' needs a number, got ") + T(t));
          return;
        }
        n.type = t;
        return;
      }
      case NodeKind::kTernary: {
        for (auto& a : n.args) CheckNode(*a);
        const Type& c = n.args[0]->type;
        if (!c.is_dyn() && c.kind() != TypeKind::kBool)
          TypeError(*n.args[0], Msg(lang_, "villkoret i '? :' måste vara bool, fick ",
                                    "the condition of '? :' must be bool, got ") + T(c));
        n.type = Join(n.args[1]->type, n.args[2]->type);
        return;
      }
      case NodeKind::kIndex: return CheckIndex(n);
      case NodeKind::kBinary: return CheckBinary(n);
    }
  }

  void CheckIdent(Node& n) {
    if (const Scope* s = FindLocal(n.name)) {
      n.is_local = true;
      n.slot = s->slot;
      n.type = s->type;
      return;
    }
    int slot = env_.FindVariable(n.name);
    if (slot >= 0) {
      n.slot = slot;
      n.type = env_.variable_type(slot);
      return;
    }
    auto msg = [&](Lang l) { return Msg(l, "okänd variabel '", "unknown variable '") + n.name + "'"; };
    if (strict_) {
      Issue(n, msg(lang_));
      n.type = Type::Dyn();
    } else {
      MakeErrorNode(n, ErrorCode::kUnboundVariable, msg);
    }
  }

  void CheckSelect(Node& n) {
    std::string qualified = QualifiedName(n);
    if (!qualified.empty()) {
      int slot = env_.FindVariable(qualified);
      if (slot >= 0) {
        n.kind = NodeKind::kIdent;
        n.name = qualified;
        n.args.clear();
        n.slot = slot;
        n.type = env_.variable_type(slot);
        return;
      }
    }
    Node& operand = *n.args[0];
    CheckNode(operand);
    const Type& t = operand.type;
    Type field = Type::Dyn();
    if (t.kind() == TypeKind::kMap) {
      if (!t.key().is_dyn() && t.key().kind() != TypeKind::kString)
        TypeError(n, Msg(lang_, "fältval kräver en map med strängnycklar, fick ",
                         "field selection needs a map with string keys, got ") + T(t));
      field = t.value();
    } else if (!t.is_dyn()) {
      TypeError(n, Msg(lang_, "fältval ('.", "field selection ('.") + n.name +
                       Msg(lang_, "') på ", "') on ") + T(t) +
                       Msg(lang_, " stöds inte", " is not supported"));
    }
    n.type = n.test_only ? Type::Bool() : field;
  }

  void CheckMap(Node& n) {
    Type key, val;
    for (size_t i = 0; i < n.args.size(); i += 2) {
      CheckNode(*n.args[i]);
      CheckNode(*n.args[i + 1]);
      const Type& k = n.args[i]->type;
      if (!k.is_dyn() && k.kind() != TypeKind::kInt && k.kind() != TypeKind::kString &&
          k.kind() != TypeKind::kBool)
        TypeError(*n.args[i], Msg(lang_, "en map-nyckel måste vara int, string eller bool, fick ",
                                  "a map key must be int, string or bool, got ") + T(k));
      key = i == 0 ? k : Join(key, k);
      val = i == 0 ? n.args[i + 1]->type : Join(val, n.args[i + 1]->type);
    }
    n.type = Type::Map(key, val);
  }

  void CheckIndex(Node& n) {
    CheckNode(*n.args[0]);
    CheckNode(*n.args[1]);
    const Type& c = n.args[0]->type;
    const Type& i = n.args[1]->type;
    if (c.kind() == TypeKind::kList) {
      if (!i.is_dyn() && i.kind() != TypeKind::kInt)
        TypeError(*n.args[1], Msg(lang_, "ett listindex måste vara int, fick ",
                                  "a list index must be int, got ") + T(i));
      n.type = c.elem();
    } else if (c.kind() == TypeKind::kMap) {
      if (!IsAssignable(c.key(), i))
        TypeError(*n.args[1], Msg(lang_, "nyckeln har typen ", "the key has type ") + T(i) +
                                  Msg(lang_, " men mappen har nycklar av typen ",
                                      " but the map's keys have type ") + T(c.key()));
      n.type = c.value();
    } else {
      if (!c.is_dyn())
        TypeError(n, Msg(lang_, "indexering ([…]) på ", "indexing ([…]) on ") + T(c) +
                         Msg(lang_, " stöds inte", " is not supported"));
      n.type = Type::Dyn();
    }
  }

  void CheckBinary(Node& n) {
    CheckNode(*n.args[0]);
    CheckNode(*n.args[1]);
    const Type& a = n.args[0]->type;
    const Type& b = n.args[1]->type;
    // Reports the mismatch (when strict) and gives the node `result`.
    auto no_overload = [&](Type result) {
      TypeError(n, Msg(lang_, "operatorn '", "operator '") + OpText(n.op) +
                       Msg(lang_, "' saknar variant för (", "' has no overload for (") + T(a) + ", " + T(b) + ")");
      n.type = std::move(result);
    };
    const TypeKind ka = a.kind(), kb = b.kind();
    switch (n.op) {
      case BinOp::kEq: case BinOp::kNe:
        n.type = Type::Bool();
        if (!Comparable(a, b)) no_overload(Type::Bool());
        return;
      case BinOp::kLt: case BinOp::kLe: case BinOp::kGt: case BinOp::kGe:
        n.type = Type::Bool();
        if (!IsOrderable(a) || !IsOrderable(b) ||
            (!a.is_dyn() && !b.is_dyn() && ka != kb && !(IsNumeric(a) && IsNumeric(b))))
          no_overload(Type::Bool());
        return;
      case BinOp::kIn:
        n.type = Type::Bool();
        if (kb == TypeKind::kList) {
          if (!Comparable(a, b.elem())) no_overload(Type::Bool());
        } else if (kb == TypeKind::kMap) {
          if (!Comparable(a, b.key())) no_overload(Type::Bool());
        } else if (!b.is_dyn()) {
          no_overload(Type::Bool());
        }
        return;
      default: break;
    }
    // Arithmetic. With dyn on one side, accept when the known side supports the operator.
    auto supports = [&](TypeKind k) {
      switch (n.op) {
        case BinOp::kAdd:
          return k == TypeKind::kInt || k == TypeKind::kDouble || k == TypeKind::kString ||
                 k == TypeKind::kList || k == TypeKind::kTimestamp || k == TypeKind::kDuration;
        case BinOp::kSub:
          return k == TypeKind::kInt || k == TypeKind::kDouble || k == TypeKind::kTimestamp ||
                 k == TypeKind::kDuration;
        case BinOp::kMul: case BinOp::kDiv:
          return k == TypeKind::kInt || k == TypeKind::kDouble;
        case BinOp::kMod:
          return k == TypeKind::kInt;
        default:
          return false;
      }
    };
    if (a.is_dyn() || b.is_dyn()) {
      const Type& known = a.is_dyn() ? b : a;
      if (!known.is_dyn() && !supports(known.kind())) return no_overload(Type::Dyn());
      n.type = Type::Dyn();
      return;
    }
    if (ka == kb && supports(ka)) {
      if (ka == TypeKind::kTimestamp) {
        if (n.op == BinOp::kSub) { n.type = Type::Duration(); return; }
        return no_overload(Type::Dyn());  // timestamp + timestamp
      }
      n.type = ka == TypeKind::kList ? Type::List(Join(a.elem(), b.elem())) : a;
      return;
    }
    if (n.op == BinOp::kAdd && ((ka == TypeKind::kTimestamp && kb == TypeKind::kDuration) ||
                                (ka == TypeKind::kDuration && kb == TypeKind::kTimestamp))) {
      n.type = Type::Timestamp();
      return;
    }
    if (n.op == BinOp::kSub && ka == TypeKind::kTimestamp && kb == TypeKind::kDuration) {
      n.type = Type::Timestamp();
      return;
    }
    no_overload(Type::Dyn());
  }

  void CheckComprehension(Node& n) {
    Node& range = *n.args[0];
    CheckNode(range);
    const Type& r = range.type;
    Type t1, t2;  // iteration variable types
    const Node::Rare& vars = n.rare_fields();  // set by the parser
    const bool two = !vars.var2.empty();
    if (r.kind() == TypeKind::kList) {
      t1 = two ? Type::Int() : r.elem();
      t2 = r.elem();
    } else if (r.kind() == TypeKind::kMap) {
      t1 = r.key();
      t2 = r.value();
    } else if (!r.is_dyn()) {
      TypeError(range, Msg(lang_, "makrot kräver en lista eller map, fick ",
                           "the macro needs a list or map, got ") + T(r));
    }
    const int saved_scopes = static_cast<int>(scopes_.size());
    const int saved_locals = next_local_;
    n.local1 = next_local_++;
    scopes_.push_back(Scope{vars.var1, n.local1, t1});
    if (two) {
      n.local2 = next_local_++;
      scopes_.push_back(Scope{vars.var2, n.local2, t2});
    }
    if (next_local_ > max_locals_) max_locals_ = next_local_;
    for (size_t i = 1; i < n.args.size(); ++i) CheckNode(*n.args[i]);
    scopes_.resize(saved_scopes);
    next_local_ = saved_locals;

    auto need_bool = [&](const Node& p) {
      if (!p.type.is_dyn() && p.type.kind() != TypeKind::kBool)
        TypeError(p, Msg(lang_, "villkoret måste vara bool, fick ", "the predicate must be bool, got ") +
                         T(p.type));
    };
    const Node& last = *n.args.back();
    if (n.has_filter) need_bool(*n.args[1]);
    switch (n.macro) {
      case Macro::kAll: case Macro::kExists: case Macro::kExistsOne:
        need_bool(last);
        n.type = Type::Bool();
        return;
      case Macro::kFilter:
        need_bool(last);
        n.type = Type::List(t1);
        return;
      case Macro::kMap: case Macro::kTransformList:
        n.type = Type::List(last.type);
        return;
      case Macro::kTransformMap:
        n.type = Type::Map(t1, last.type);
        return;
    }
  }

  void CheckCall(Node& n) {
    for (auto& a : n.args) CheckNode(*a);
    const CallStyle style = n.receiver ? CallStyle::kReceiver : CallStyle::kGlobal;
    const Function* fn = env_.registry().Find(n.name, style);
    if (!fn) {
      const CallStyle other = n.receiver ? CallStyle::kGlobal : CallStyle::kReceiver;
      const bool other_exists = env_.registry().Find(n.name, other) != nullptr;
      auto msg = [&](Lang l) {
        std::string m = Msg(l, "okänd funktion '", "unknown function '") + n.name + "'";
        if (other_exists) {
          m += n.receiver ? Msg(l, " som metod (skriv ", " as a method (write ") + n.name + "(…))"
                          : Msg(l, " som fristående funktion (skriv x.", " as a global function (write x.") +
                                n.name + "(…))";
        }
        return m;
      };
      if (strict_) {
        Issue(n, msg(lang_));
        n.type = Type::Dyn();
      } else {
        MakeErrorNode(n, ErrorCode::kNoMatchingOverload, msg);
      }
      return;
    }
    n.function = fn;
    // Arity first: a clearer message than "no overload".
    const size_t given = n.args.size() - (n.receiver ? 1 : 0);
    bool arity_ok = false;
    std::vector<size_t> counts;
    for (const Overload& o : fn->overloads) {
      size_t want = o.params.size() - (n.receiver ? 1 : 0);
      if (want == given) arity_ok = true;
      if (std::find(counts.begin(), counts.end(), want) == counts.end()) counts.push_back(want);
    }
    if (!arity_ok) {
      auto msg = [&](Lang l) {
        std::string expected;
        for (size_t i = 0; i < counts.size(); ++i)
          expected += (i ? Msg(l, " eller ", " or ") : "") + std::to_string(counts[i]);
        return Msg(l, "fel antal argument till '", "wrong number of arguments to '") + n.name +
               Msg(l, "': fick ", "': got ") + std::to_string(given) +
               Msg(l, ", förväntade ", ", expected ") + expected;
      };
      if (strict_) {
        Issue(n, msg(lang_));
        n.type = Type::Dyn();
      } else {
        MakeErrorNode(n, ErrorCode::kNoMatchingOverload, msg);
      }
      return;
    }
    for (const Overload& o : fn->overloads) {
      if (o.params.size() != n.args.size()) continue;
      bool ok = true;
      for (size_t i = 0; i < o.params.size() && ok; ++i) ok = IsAssignable(o.params[i], n.args[i]->type);
      if (ok || !strict_) n.candidates.push_back(&o);
    }
    if (n.candidates.empty()) {
      std::string sig;
      for (size_t i = 0; i < n.args.size(); ++i) sig += (i ? ", " : "") + T(n.args[i]->type);
      n.type = TypeError(n, Msg(lang_, "ingen variant av '", "no overload of '") + n.name +
                                Msg(lang_, "' tar (", "' takes (") + sig + ")");
      return;
    }
    n.type = n.candidates[0]->result;
    for (const Overload* o : n.candidates)
      if (!(o->result == n.type)) n.type = Type::Dyn();
    // Let a single overload specialise itself on constant arguments (e.g. a literal regex).
    if (n.candidates.size() == 1 && n.candidates[0]->prepare) {
      std::vector<std::optional<Value>> constants;
      bool any = false;
      for (const auto& a : n.args) {
        if (a->kind == NodeKind::kConst) {
          constants.emplace_back(a->constant);
          any = true;
        } else {
          constants.emplace_back(std::nullopt);
        }
      }
      if (any) {
        Result<FunctionImpl> prepared = n.candidates[0]->prepare(constants, CallContext(lang_));
        if (!prepared.ok()) {
          Issue(n, prepared.error().message());
        } else {
          n.prepared = std::move(prepared).value();
        }
      }
    }
  }

  const Env& env_;
  bool strict_;
  Lang lang_;
  std::vector<Scope> scopes_;
  int next_local_ = 0;
  int max_locals_ = 0;
  CheckResult result_;
};

}  // namespace

CheckResult Check(Node& root, const Env& env, bool strict, Lang lang) {
  return Checker(env, strict, lang).Run(root);
}

}  // namespace aktkoll::expr::internal
