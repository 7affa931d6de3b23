// Recursive-descent CEL parser. Each precedence level is one function; a DepthGuard on
// every recursive entry and a height check on every node bound the nesting.
#include "expr/parser.h"

#include <cstdint>
#include <limits>

#include "expr/lexer.h"
#include "expr/messages.h"

namespace aktkoll::expr::internal {

namespace {

class Parser {
 public:
  Parser(std::vector<Token> tokens, int max_depth, Lang lang)
      : toks_(std::move(tokens)), max_depth_(max_depth), lang_(lang) {}

  ParseResult Run() {
    ParseResult r;
    // A lexing error is the last token, so the parser reports it when it gets there.
    NodePtr root = ParseExpr();
    if (!failed_ && Cur().kind != Tok::kEof) Unexpected(Cur());
    if (failed_) {
      r.error = error_;
      return r;
    }
    r.root = std::move(root);
    return r;
  }

 private:
  struct DepthGuard {
    explicit DepthGuard(Parser* p) : p_(p) { ++p_->depth_; }
    ~DepthGuard() { --p_->depth_; }
    Parser* p_;
  };

  const Token& Cur() const { return toks_[pos_]; }
  const Token& Ahead(size_t n) const {
    return toks_[pos_ + n < toks_.size() ? pos_ + n : toks_.size() - 1];
  }
  void Advance() { if (pos_ + 1 < toks_.size()) ++pos_; }
  bool Accept(Tok k) {
    if (Cur().kind != k) return false;
    Advance();
    return true;
  }

  void Fail(size_t offset, std::string message) {
    if (failed_) return;
    failed_ = true;
    error_.offset = offset;
    error_.message = std::move(message);
  }

  void Unexpected(const Token& t) {
    if (t.kind == Tok::kError) return Fail(t.offset, t.text);
    if (t.kind == Tok::kEof)
      return Fail(t.offset, Msg(lang_, "uttrycket slutar för tidigt", "unexpected end of expression"));
    if (t.kind == Tok::kInt || t.kind == Tok::kDouble || t.kind == Tok::kString ||
        t.kind == Tok::kIdent || t.kind == Tok::kQuotedIdent || t.kind == Tok::kTrue ||
        t.kind == Tok::kFalse || t.kind == Tok::kNull)
      return Fail(t.offset, Msg(lang_, "oväntat ", "unexpected ") + TokenText(t, lang_));
    Fail(t.offset, Msg(lang_, "oväntat tecken ", "unexpected token ") + TokenText(t, lang_));
  }

  bool Expect(Tok k, const char* shown) {
    if (Cur().kind == k) {
      Advance();
      return true;
    }
    if (Cur().kind == Tok::kError) {
      Unexpected(Cur());
      return false;
    }
    Fail(Cur().offset, Msg(lang_, "förväntade ", "expected ") + shown +
                           Msg(lang_, " men fann ", " but found ") + TokenText(Cur(), lang_));
    return false;
  }

  bool TooDeep(size_t offset) {
    if (depth_ <= max_depth_) return false;
    Fail(offset, Msg(lang_, "uttrycket är för djupt nästlat (högst ",
                     "expression is nested too deeply (at most ") +
                     std::to_string(max_depth_) + Msg(lang_, " nivåer)", " levels)"));
    return true;
  }

  NodePtr NewNode(NodeKind kind, uint32_t offset) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->offset = offset;
    return n;
  }

  // Sets the height from the children; null (and an error) when too tall.
  NodePtr Finish(NodePtr n) {
    if (!n) return n;
    int h = 0;
    for (const auto& a : n->args)
      if (a && a->height > h) h = a->height;
    n->height = h + 1;
    if (n->height > max_depth_) {
      Fail(n->offset, Msg(lang_, "uttrycket är för djupt nästlat (högst ",
                          "expression is nested too deeply (at most ") +
                          std::to_string(max_depth_) + Msg(lang_, " nivåer)", " levels)"));
      return nullptr;
    }
    return n;
  }

  NodePtr Binary(NodeKind kind, BinOp op, uint32_t offset, NodePtr l, NodePtr r) {
    if (!l || !r) return nullptr;
    NodePtr n = NewNode(kind, offset);
    n->op = op;
    n->args.push_back(std::move(l));
    n->args.push_back(std::move(r));
    return Finish(std::move(n));
  }

  NodePtr ParseExpr() {
    DepthGuard guard(this);
    if (TooDeep(Cur().offset)) return nullptr;
    NodePtr cond = ParseOr();
    if (!cond || Cur().kind != Tok::kQuestion) return cond;
    uint32_t at = Cur().offset;
    Advance();
    NodePtr yes = ParseOr();
    if (!yes || !Expect(Tok::kColon, "':'")) return nullptr;
    NodePtr no = ParseExpr();
    if (!no) return nullptr;
    NodePtr n = NewNode(NodeKind::kTernary, at);
    n->args.push_back(std::move(cond));
    n->args.push_back(std::move(yes));
    n->args.push_back(std::move(no));
    return Finish(std::move(n));
  }

  NodePtr ParseOr() {
    NodePtr l = ParseAnd();
    while (l && Cur().kind == Tok::kOr) {
      uint32_t at = Cur().offset;
      Advance();
      l = Binary(NodeKind::kOr, BinOp::kAdd, at, std::move(l), ParseAnd());
    }
    return l;
  }

  NodePtr ParseAnd() {
    NodePtr l = ParseRelation();
    while (l && Cur().kind == Tok::kAnd) {
      uint32_t at = Cur().offset;
      Advance();
      l = Binary(NodeKind::kAnd, BinOp::kAdd, at, std::move(l), ParseRelation());
    }
    return l;
  }

  NodePtr ParseRelation() {
    NodePtr l = ParseAdd();
    while (l) {
      BinOp op;
      switch (Cur().kind) {
        case Tok::kEq: op = BinOp::kEq; break;
        case Tok::kNe: op = BinOp::kNe; break;
        case Tok::kLt: op = BinOp::kLt; break;
        case Tok::kLe: op = BinOp::kLe; break;
        case Tok::kGt: op = BinOp::kGt; break;
        case Tok::kGe: op = BinOp::kGe; break;
        case Tok::kIn: op = BinOp::kIn; break;
        default: return l;
      }
      uint32_t at = Cur().offset;
      Advance();
      l = Binary(NodeKind::kBinary, op, at, std::move(l), ParseAdd());
    }
    return l;
  }

  NodePtr ParseAdd() {
    NodePtr l = ParseMul();
    while (l && (Cur().kind == Tok::kPlus || Cur().kind == Tok::kMinus)) {
      BinOp op = Cur().kind == Tok::kPlus ? BinOp::kAdd : BinOp::kSub;
      uint32_t at = Cur().offset;
      Advance();
      l = Binary(NodeKind::kBinary, op, at, std::move(l), ParseMul());
    }
    return l;
  }

  NodePtr ParseMul() {
    NodePtr l = ParseUnary();
    while (l && (Cur().kind == Tok::kStar || Cur().kind == Tok::kSlash ||
                 Cur().kind == Tok::kPercent)) {
      BinOp op = Cur().kind == Tok::kStar ? BinOp::kMul
                 : Cur().kind == Tok::kSlash ? BinOp::kDiv : BinOp::kMod;
      uint32_t at = Cur().offset;
      Advance();
      l = Binary(NodeKind::kBinary, op, at, std::move(l), ParseUnary());
    }
    return l;
  }

  NodePtr ParseUnary() {
    if (Cur().kind != Tok::kBang && Cur().kind != Tok::kMinus) return ParseMember();
    Tok op = Cur().kind;
    std::vector<uint32_t> offsets;
    while (Cur().kind == op) {
      offsets.push_back(Cur().offset);
      Advance();
    }
    NodePtr operand;
    const Tok next = Ahead(1).kind;
    const bool bare_number = (Cur().kind == Tok::kInt || Cur().kind == Tok::kDouble) &&
                             next != Tok::kDot && next != Tok::kLBracket;
    if (op == Tok::kMinus && bare_number) {
      // The innermost minus belongs to the literal, so -9223372036854775808 is an int.
      operand = NumberLiteral(Cur(), /*negative=*/true, offsets.back());
      Advance();
      offsets.pop_back();
    } else {
      operand = ParseMember();
    }
    while (operand && !offsets.empty()) {
      NodePtr n = NewNode(op == Tok::kBang ? NodeKind::kNot : NodeKind::kNeg, offsets.back());
      offsets.pop_back();
      n->args.push_back(std::move(operand));
      operand = Finish(std::move(n));
    }
    return operand;
  }

  NodePtr NumberLiteral(const Token& t, bool negative, uint32_t offset) {
    NodePtr n = NewNode(NodeKind::kConst, offset);
    if (t.kind == Tok::kDouble) {
      n->constant = Value::Double(negative ? -t.double_value : t.double_value);
      return n;
    }
    constexpr uint64_t kMaxPos = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    if (t.int_too_big || t.int_magnitude > kMaxPos + (negative ? 1 : 0)) {
      Fail(t.offset, Msg(lang_, "heltalet ryms inte i 64 bitar: ",
                         "integer does not fit in 64 bits: ") + t.text);
      return nullptr;
    }
    int64_t v = negative ? static_cast<int64_t>(0 - t.int_magnitude)
                         : static_cast<int64_t>(t.int_magnitude);
    n->constant = Value::Int(v);
    return n;
  }

  // Field names after a dot may be reserved words and even keywords.
  bool FieldName(std::string* out) {
    switch (Cur().kind) {
      case Tok::kIdent: case Tok::kQuotedIdent: case Tok::kTrue: case Tok::kFalse:
      case Tok::kNull: case Tok::kIn:
        *out = Cur().text;
        Advance();
        return true;
      default:
        if (Cur().kind == Tok::kError) {
          Unexpected(Cur());
        } else {
          Fail(Cur().offset, Msg(lang_, "förväntade ett fältnamn efter '.' men fann ",
                                 "expected a field name after '.' but found ") +
                                 TokenText(Cur(), lang_));
        }
        return false;
    }
  }

  NodePtr ParseMember() {
    NodePtr n = ParsePrimary();
    while (n) {
      if (Cur().kind == Tok::kDot) {
        Advance();
        uint32_t at = Cur().offset;
        bool quoted = Cur().kind == Tok::kQuotedIdent;
        std::string name;
        if (!FieldName(&name)) return nullptr;
        if (!quoted && Cur().kind == Tok::kLParen) {
          Advance();
          std::vector<NodePtr> args;
          args.push_back(std::move(n));
          if (!ParseArgs(Tok::kRParen, "')'", &args)) return nullptr;
          n = MakeCall(name, at, /*receiver=*/true, std::move(args));
        } else {
          NodePtr s = NewNode(NodeKind::kSelect, at);
          s->name = std::move(name);
          s->args.push_back(std::move(n));
          n = Finish(std::move(s));
        }
      } else if (Cur().kind == Tok::kLBracket) {
        uint32_t at = Cur().offset;
        Advance();
        NodePtr index = ParseExpr();
        if (!index || !Expect(Tok::kRBracket, "']'")) return nullptr;
        NodePtr x = NewNode(NodeKind::kIndex, at);
        x->args.push_back(std::move(n));
        x->args.push_back(std::move(index));
        n = Finish(std::move(x));
      } else {
        break;
      }
    }
    return n;
  }

  // Parses `expr, expr, ...` up to `close` (already past the opener), allowing a trailing
  // comma.
  bool ParseArgs(Tok close, const char* shown, std::vector<NodePtr>* out) {
    DepthGuard guard(this);
    if (TooDeep(Cur().offset)) return false;
    if (Accept(close)) return true;
    while (true) {
      NodePtr e = ParseExpr();
      if (!e) return false;
      out->push_back(std::move(e));
      if (Accept(Tok::kComma)) {
        if (Accept(close)) return true;
        continue;
      }
      return Expect(close, shown);
    }
  }

  NodePtr ParsePrimary() {
    const Token& t = Cur();
    uint32_t at = t.offset;
    switch (t.kind) {
      case Tok::kInt: case Tok::kDouble: {
        NodePtr n = NumberLiteral(t, false, at);
        Advance();
        return n;
      }
      case Tok::kString: {
        NodePtr n = NewNode(NodeKind::kConst, at);
        n->constant = Value::String(t.text);
        Advance();
        return n;
      }
      case Tok::kTrue: case Tok::kFalse: {
        NodePtr n = NewNode(NodeKind::kConst, at);
        n->constant = Value::Bool(t.kind == Tok::kTrue);
        Advance();
        return n;
      }
      case Tok::kNull: {
        Advance();
        return NewNode(NodeKind::kConst, at);
      }
      case Tok::kDot:
        // A leading dot names the root scope; there are no containers, so it is a no-op.
        Advance();
        if (Cur().kind != Tok::kIdent) {
          Unexpected(Cur());
          return nullptr;
        }
        return ParsePrimary();
      case Tok::kIdent: {
        if (IsReservedWord(t.text)) {
          Fail(at, Msg(lang_, "'", "'") + t.text +
                       Msg(lang_, "' är ett reserverat ord", "' is a reserved word"));
          return nullptr;
        }
        std::string name = t.text;
        Advance();
        if (Accept(Tok::kLParen)) {
          std::vector<NodePtr> args;
          if (!ParseArgs(Tok::kRParen, "')'", &args)) return nullptr;
          return MakeCall(name, at, /*receiver=*/false, std::move(args));
        }
        NodePtr n = NewNode(NodeKind::kIdent, at);
        n->name = std::move(name);
        return n;
      }
      case Tok::kLParen: {
        Advance();
        NodePtr e = ParseExpr();
        if (!e || !Expect(Tok::kRParen, "')'")) return nullptr;
        return e;
      }
      case Tok::kLBracket: {
        Advance();
        NodePtr n = NewNode(NodeKind::kList, at);
        if (!ParseArgs(Tok::kRBracket, "']'", &n->args)) return nullptr;
        return Finish(std::move(n));
      }
      case Tok::kLBrace: return ParseMapLiteral();
      default:
        Unexpected(t);
        return nullptr;
    }
  }

  NodePtr ParseMapLiteral() {
    DepthGuard guard(this);
    NodePtr n = NewNode(NodeKind::kMap, Cur().offset);
    Advance();
    if (TooDeep(n->offset)) return nullptr;
    if (Accept(Tok::kRBrace)) return Finish(std::move(n));
    while (true) {
      NodePtr k = ParseExpr();
      if (!k || !Expect(Tok::kColon, "':'")) return nullptr;
      NodePtr v = ParseExpr();
      if (!v) return nullptr;
      n->args.push_back(std::move(k));
      n->args.push_back(std::move(v));
      if (Accept(Tok::kComma)) {
        if (Accept(Tok::kRBrace)) break;
        continue;
      }
      if (!Expect(Tok::kRBrace, "'}'")) return nullptr;
      break;
    }
    return Finish(std::move(n));
  }

  bool IterVar(const NodePtr& arg, std::string* out) {
    if (arg->kind != NodeKind::kIdent) {
      Fail(arg->offset, Msg(lang_, "iterationsvariabeln måste vara ett enkelt namn",
                            "the iteration variable must be a simple name"));
      return false;
    }
    *out = arg->name;
    return true;
  }

  NodePtr MakeCall(const std::string& name, uint32_t at, bool receiver,
                   std::vector<NodePtr> args) {
    if (!receiver && name == "has" && args.size() == 1) {
      if (args[0]->kind != NodeKind::kSelect) {
        Fail(args[0]->offset, Msg(lang_, "has() kräver ett fältval, t.ex. has(a.b)",
                                  "has() needs a field selection, e.g. has(a.b)"));
        return nullptr;
      }
      NodePtr sel = std::move(args[0]);
      sel->test_only = true;
      return sel;
    }
    if (receiver) {
      if (NodePtr m = MaybeMacro(name, at, &args); m || failed_) return m;
    }
    NodePtr n = NewNode(NodeKind::kCall, at);
    n->name = name;
    n->receiver = receiver;
    n->args = std::move(args);
    return Finish(std::move(n));
  }

  // args[0] is the receiver. Returns null without failing when this is not a macro.
  NodePtr MaybeMacro(const std::string& name, uint32_t at, std::vector<NodePtr>* args) {
    const size_t n = args->size() - 1;  // without the receiver
    Macro macro;
    int vars;
    bool filter = false;
    if ((name == "all" || name == "exists" || name == "exists_one" || name == "existsOne") &&
        (n == 2 || n == 3)) {
      macro = name == "all" ? Macro::kAll : name == "exists" ? Macro::kExists : Macro::kExistsOne;
      vars = static_cast<int>(n) - 1;
    } else if (name == "map" && (n == 2 || n == 3)) {
      macro = Macro::kMap;
      vars = 1;
      filter = n == 3;
    } else if (name == "filter" && n == 2) {
      macro = Macro::kFilter;
      vars = 1;
    } else if ((name == "transformList" || name == "transformMap") && (n == 3 || n == 4)) {
      macro = name == "transformList" ? Macro::kTransformList : Macro::kTransformMap;
      vars = 2;
      filter = n == 4;
    } else {
      return nullptr;
    }
    NodePtr c = NewNode(NodeKind::kComprehension, at);
    c->macro = macro;
    c->has_filter = filter;
    Node::Rare& vars_of = c->rare_fields();
    if (!IterVar((*args)[1], &vars_of.var1)) return nullptr;
    if (vars == 2 && !IterVar((*args)[2], &vars_of.var2)) return nullptr;
    if (vars == 2 && vars_of.var1 == vars_of.var2) {
      Fail((*args)[2]->offset, Msg(lang_, "iterationsvariablerna måste ha olika namn",
                                   "the iteration variables must have different names"));
      return nullptr;
    }
    c->args.push_back(std::move((*args)[0]));
    for (size_t i = 1 + vars; i < args->size(); ++i) c->args.push_back(std::move((*args)[i]));
    return Finish(std::move(c));
  }

  std::vector<Token> toks_;
  size_t pos_ = 0;
  int depth_ = 0;
  int max_depth_;
  Lang lang_;
  bool failed_ = false;
  ParseError error_;
};

}  // namespace

ParseResult Parse(std::string_view source, int max_depth, Lang lang) {
  return Parser(Lex(source, lang), max_depth, lang).Run();
}

}  // namespace aktkoll::expr::internal
