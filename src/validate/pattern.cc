// Parser (ECMAScript subset → syntax tree), Thompson construction (tree → NFA, built back
// to front so every fragment knows its continuation) and a breadth-first simulation that
// keeps a set of live states per input byte: linear in the text, no backtracking.
#include "validate/pattern.h"

#include <array>
#include <optional>
#include <string>

namespace aktkoll::validate {

namespace {

constexpr size_t kMaxStates = 4096;

struct Ast {
  enum Kind { kSet, kBol, kEol, kCat, kAlt, kRep } kind = kCat;
  std::bitset<256> set;   // kSet
  std::vector<Ast> kids;  // kCat, kAlt; kRep: one
  int min = 0, max = -1;  // kRep; max -1 = unbounded
};

std::bitset<256> Range(unsigned char lo, unsigned char hi) {
  std::bitset<256> s;
  for (unsigned c = lo; c <= hi; ++c) s.set(c);
  return s;
}

std::bitset<256> Digits() { return Range('0', '9'); }
std::bitset<256> Word() { return Range('a', 'z') | Range('A', 'Z') | Range('0', '9') | Range('_', '_'); }
std::bitset<256> Space() {
  std::bitset<256> s;
  for (unsigned char c : {' ', '\t', '\n', '\v', '\f', '\r'}) s.set(c);
  return s;
}

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Recursive descent over the subset; any construct outside it makes `ok_` false.
class Parser {
 public:
  explicit Parser(std::string_view p) : p_(p) {}

  std::optional<Ast> Run() {
    Ast a = Alternation(0);
    if (!ok_ || i_ != p_.size()) return std::nullopt;
    return a;
  }

 private:
  bool End() const { return i_ >= p_.size(); }
  char Peek() const { return p_[i_]; }

  Ast Alternation(int depth) {
    if (depth > 50) { ok_ = false; return {}; }
    Ast first = Concatenation(depth);
    if (End() || Peek() != '|') return first;
    Ast alt;
    alt.kind = Ast::kAlt;
    alt.kids.push_back(std::move(first));
    while (ok_ && !End() && Peek() == '|') {
      ++i_;
      alt.kids.push_back(Concatenation(depth));
    }
    return alt;
  }

  Ast Concatenation(int depth) {
    Ast cat;
    cat.kind = Ast::kCat;
    while (ok_ && !End() && Peek() != '|' && Peek() != ')') cat.kids.push_back(Repetition(depth));
    return cat;
  }

  Ast Repetition(int depth) {
    Ast atom = Atom(depth);
    if (!ok_ || End()) return atom;
    int min, max;
    char c = Peek();
    if (c == '*') { min = 0; max = -1; ++i_; }
    else if (c == '+') { min = 1; max = -1; ++i_; }
    else if (c == '?') { min = 0; max = 1; ++i_; }
    else if (c == '{') { if (!Braces(&min, &max)) return {}; }
    else return atom;
    if (atom.kind == Ast::kBol || atom.kind == Ast::kEol) { ok_ = false; return {}; }
    if (!End() && Peek() == '?') ++i_;  // lazy: same answer to "is there a match"
    if (!End() && (Peek() == '*' || Peek() == '+' || Peek() == '?' || Peek() == '{')) { ok_ = false; return {}; }
    Ast rep;
    rep.kind = Ast::kRep;
    rep.min = min;
    rep.max = max;
    rep.kids.push_back(std::move(atom));
    return rep;
  }

  bool Number(int* out) {
    size_t start = i_;
    long v = 0;
    while (!End() && Peek() >= '0' && Peek() <= '9') {
      v = v * 10 + (Peek() - '0');
      if (v > 1000) return false;
      ++i_;
    }
    *out = static_cast<int>(v);
    return i_ > start;
  }

  bool Braces(int* min, int* max) {
    ++i_;  // '{'
    if (!Number(min)) { ok_ = false; return false; }
    *max = *min;
    if (!End() && Peek() == ',') {
      ++i_;
      *max = -1;
      if (!End() && Peek() != '}' && !Number(max)) { ok_ = false; return false; }
    }
    if (End() || Peek() != '}' || (*max >= 0 && *max < *min)) { ok_ = false; return false; }
    ++i_;
    return true;
  }

  Ast SetAst(const std::bitset<256>& s) {
    Ast a;
    a.kind = Ast::kSet;
    a.set = s;
    return a;
  }

  Ast Atom(int depth) {
    char c = Peek();
    switch (c) {
      case '(': {
        ++i_;
        if (!End() && Peek() == '?') {
          if (i_ + 1 < p_.size() && p_[i_ + 1] == ':') i_ += 2;
          else { ok_ = false; return {}; }
        }
        Ast inner = Alternation(depth + 1);
        if (!ok_ || End() || Peek() != ')') { ok_ = false; return {}; }
        ++i_;
        return inner;
      }
      case '[': return Class();
      case '\\': {
        ++i_;
        std::bitset<256> s;
        if (!Escape(/*in_class=*/false, &s)) { ok_ = false; return {}; }
        return SetAst(s);
      }
      case '^': { ++i_; Ast a; a.kind = Ast::kBol; return a; }
      case '$': { ++i_; Ast a; a.kind = Ast::kEol; return a; }
      case '.': {
        ++i_;
        std::bitset<256> s;
        s.set();
        s.reset('\n');
        s.reset('\r');
        return SetAst(s);
      }
      case ')': case '*': case '+': case '?': case '{': case '}': case ']': case '|':
        ok_ = false;
        return {};
      default: {
        ++i_;
        std::bitset<256> s;
        s.set(static_cast<unsigned char>(c));
        return SetAst(s);
      }
    }
  }

  // After a backslash. Sets `*out` to the bytes the escape matches; false when unsupported.
  // `single` (optional) receives the byte when the escape stands for exactly one character.
  bool Escape(bool in_class, std::bitset<256>* out, int* single = nullptr) {
    if (End()) return false;
    char c = Peek();
    ++i_;
    if (single) *single = -1;
    switch (c) {
      case 'd': *out = Digits(); return true;
      case 'D': *out = ~Digits(); return true;
      case 'w': *out = Word(); return true;
      case 'W': *out = ~Word(); return true;
      case 's': *out = Space(); return true;
      case 'S': *out = ~Space(); return true;
      case 't': c = '\t'; break;
      case 'n': c = '\n'; break;
      case 'r': c = '\r'; break;
      case 'f': c = '\f'; break;
      case 'v': c = '\v'; break;
      default:
        if (IsAlnum(c)) return false;  // \b, \B, \x, \u, \c, backreferences, ...
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\0') return false;
        break;
    }
    (void)in_class;
    out->reset();
    out->set(static_cast<unsigned char>(c));
    if (single) *single = static_cast<unsigned char>(c);
    return true;
  }

  // One class member: a byte (into *single) or a class escape (into *set, *single = -1).
  bool ClassAtom(std::bitset<256>* set, int* single) {
    char c = Peek();
    if (c == '\\') {
      ++i_;
      return Escape(/*in_class=*/true, set, single);
    }
    if (c == '[') return false;  // POSIX classes and friends
    ++i_;
    *single = static_cast<unsigned char>(c);
    set->reset();
    set->set(static_cast<unsigned char>(c));
    return true;
  }

  Ast Class() {
    ++i_;  // '['
    bool negate = false;
    if (!End() && Peek() == '^') { negate = true; ++i_; }
    if (End() || Peek() == ']') { ok_ = false; return {}; }
    std::bitset<256> members;
    while (true) {
      if (End()) { ok_ = false; return {}; }
      if (Peek() == ']') { ++i_; break; }
      std::bitset<256> set;
      int lo;
      if (!ClassAtom(&set, &lo)) { ok_ = false; return {}; }
      if (!End() && Peek() == '-' && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        ++i_;  // '-'
        std::bitset<256> set2;
        int hi;
        if (!ClassAtom(&set2, &hi)) { ok_ = false; return {}; }
        // Ranges only between single ASCII characters, in order.
        if (lo < 0 || hi < 0 || lo >= 0x80 || hi >= 0x80 || lo > hi) { ok_ = false; return {}; }
        members |= Range(static_cast<unsigned char>(lo), static_cast<unsigned char>(hi));
      } else {
        members |= set;
      }
    }
    return SetAst(negate ? ~members : members);
  }

  std::string_view p_;
  size_t i_ = 0;
  bool ok_ = true;
};

}  // namespace

// Builds the NFA back to front: Build(ast, next) returns the entry state of a fragment that
// continues at `next`.
class PatternCompiler {
 public:
  explicit PatternCompiler(Pattern* p) : p_(p) {}

  bool Run(const Ast& ast) {
    int match = Add({Pattern::State::kMatch});
    p_->start_ = Build(ast, match);
    return ok_;
  }

 private:
  int Add(Pattern::State s) {
    if (p_->states_.size() >= kMaxStates) {
      ok_ = false;
      return 0;
    }
    p_->states_.push_back(s);
    return static_cast<int>(p_->states_.size()) - 1;
  }

  int Split(int a, int b) {
    Pattern::State s;
    s.kind = Pattern::State::kSplit;
    s.next = a;
    s.alt = b;
    return Add(s);
  }

  int Build(const Ast& a, int next) {
    if (!ok_) return 0;
    switch (a.kind) {
      case Ast::kSet: {
        Pattern::State s;
        s.kind = Pattern::State::kByte;
        s.next = next;
        s.set = static_cast<int>(p_->sets_.size());
        p_->sets_.push_back(a.set);
        return Add(s);
      }
      case Ast::kBol: case Ast::kEol: {
        Pattern::State s;
        s.kind = a.kind == Ast::kBol ? Pattern::State::kBol : Pattern::State::kEol;
        s.next = next;
        return Add(s);
      }
      case Ast::kCat:
        for (auto it = a.kids.rbegin(); it != a.kids.rend(); ++it) next = Build(*it, next);
        return next;
      case Ast::kAlt: {
        int entry = Build(a.kids.back(), next);
        for (size_t i = a.kids.size() - 1; i-- > 0;) entry = Split(Build(a.kids[i], next), entry);
        return entry;
      }
      case Ast::kRep: {
        const Ast& kid = a.kids[0];
        int cur = next;
        if (a.max < 0) {
          int loop = Split(-1, next);
          int body = Build(kid, loop);
          if (!ok_) return 0;
          p_->states_[static_cast<size_t>(loop)].next = body;
          cur = loop;
        } else {
          for (int i = a.min; i < a.max && ok_; ++i) cur = Split(Build(kid, cur), next);
        }
        for (int i = 0; i < a.min && ok_; ++i) cur = Build(kid, cur);
        return cur;
      }
    }
    return 0;
  }

  Pattern* p_;
  bool ok_ = true;
};

std::unique_ptr<Pattern> Pattern::Compile(std::string_view pattern) {
  std::optional<Ast> ast = Parser(pattern).Run();
  if (!ast) return nullptr;
  std::unique_ptr<Pattern> p(new Pattern());
  if (!PatternCompiler(p.get()).Run(*ast)) return nullptr;
  // Anchored when the top level is a concatenation starting with ^.
  const Ast* first = &*ast;
  while (first->kind == Ast::kCat && !first->kids.empty()) first = &first->kids[0];
  p->anchored_ = first->kind == Ast::kBol;
  return p;
}

namespace {

// The live-state lists of one simulation; small patterns keep them on the stack. Every
// state is expanded at most once per list and pushes at most two successors, so the
// expansion stack never holds more than 2 * states + 1 entries.
template <size_t N>
struct Scratch {
  std::array<int, N> a, b;
  std::array<int, 2 * N + 1> stack;
  std::array<uint32_t, N> mark{};
};

}  // namespace

bool Pattern::Search(std::string_view text) const {
  const size_t count = states_.size();
  constexpr size_t kInline = 128;
  Scratch<kInline> inline_scratch;
  std::vector<int> heap;
  std::vector<uint32_t> heap_mark;
  int* cur;
  int* nxt;
  int* stack;
  uint32_t* mark;
  if (count <= kInline) {
    cur = inline_scratch.a.data();
    nxt = inline_scratch.b.data();
    stack = inline_scratch.stack.data();
    mark = inline_scratch.mark.data();
  } else {
    heap.resize(count * 4 + 1);
    heap_mark.assign(count, 0);
    cur = heap.data();
    nxt = cur + count;
    stack = nxt + count;
    mark = heap_mark.data();
  }
  const size_t n = text.size();
  uint32_t gen = 1;
  size_t ncur = 0, nnxt = 0;
  bool matched = false;

  // Adds state s and everything reachable from it without consuming a byte at `pos`;
  // sets `matched` when that reaches the end of the pattern.
  auto add = [&](int* list, size_t* len, int s, size_t pos) {
    size_t sp = 0;
    stack[sp++] = s;
    while (sp > 0) {
      int t = stack[--sp];
      if (mark[t] == gen) continue;
      mark[t] = gen;
      const State& st = states_[static_cast<size_t>(t)];
      switch (st.kind) {
        case State::kMatch: matched = true; return;
        case State::kByte: list[(*len)++] = t; break;
        case State::kSplit:
          stack[sp++] = st.alt;
          stack[sp++] = st.next;
          break;
        case State::kBol:
          if (pos == 0) stack[sp++] = st.next;
          break;
        case State::kEol:
          if (pos == n) stack[sp++] = st.next;
          break;
      }
    }
  };

  for (size_t pos = 0;; ++pos) {
    if (!anchored_ || pos == 0) add(cur, &ncur, start_, pos);
    if (matched) return true;
    if (pos == n || (anchored_ && ncur == 0)) return false;
    ++gen;
    nnxt = 0;
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    for (size_t k = 0; k < ncur; ++k) {
      const State& st = states_[static_cast<size_t>(cur[k])];
      if (sets_[static_cast<size_t>(st.set)].test(c)) {
        add(nxt, &nnxt, st.next, pos + 1);
        if (matched) return true;
      }
    }
    std::swap(cur, nxt);
    ncur = nnxt;
  }
}

}  // namespace aktkoll::validate
