#include "ruleset/expr_scan.h"

#include <algorithm>

namespace aktkoll::ruleset {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  std::vector<RefChain> Run() {
    std::vector<RefChain> out;
    bool after_dot = false;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (IsSpace(c)) { ++i_; continue; }
      if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '/') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
        continue;
      }
      if (StringStart()) { SkipString(); after_dot = false; continue; }
      if (IsIdentStart(c)) {
        size_t start = i_;
        bool declaration = PrevNonSpace(start) == method_open_ && method_open_ != kNone;
        bool on_chain = declaration && method_on_chain_;
        std::string ident = Ident();
        if (after_dot) {  // a field or method of something that is not a chain
          if (Peek() == '(') {
            method_open_ = NextNonSpace(i_);
            method_on_chain_ = false;  // called on a computed value, e.g. `.map(...).filter(`
          }
          after_dot = false;
          continue;
        }
        if (Peek() == '(') {  // a function call; has(x) only tests presence
          next_is_test_ = ident == "has";
          continue;
        }
        RefChain chain;
        chain.parts.push_back(ident);
        chain.offsets.push_back(start);
        chain.declaration = declaration && Peek() == ',';
        chain.declared_on_chain = on_chain;
        chain.tested = next_is_test_;
        next_is_test_ = false;
        if (!chain.declaration) Follow(&chain);
        out.push_back(std::move(chain));
        continue;
      }
      after_dot = c == '.';
      ++i_;
    }
    return out;
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  char Peek() {
    size_t j = NextNonSpace(i_);
    return j < s_.size() ? s_[j] : '\0';
  }
  size_t NextNonSpace(size_t j) const {
    while (j < s_.size() && IsSpace(s_[j])) ++j;
    return j;
  }
  size_t PrevNonSpace(size_t j) const {
    while (j > 0 && IsSpace(s_[j - 1])) --j;
    return j == 0 ? kNone : j - 1;
  }
  void SkipSpace() { i_ = NextNonSpace(i_); }

  std::string Ident() {
    size_t start = i_;
    while (i_ < s_.size() && IsIdentChar(s_[i_])) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }

  bool StringStart() const {
    size_t j = i_;
    if (j < s_.size() && (s_[j] == 'r' || s_[j] == 'R' || s_[j] == 'b' || s_[j] == 'B')) {
      if (j > 0 && IsIdentChar(s_[j - 1])) return false;
      ++j;
    }
    return j < s_.size() && (s_[j] == '"' || s_[j] == '\'');
  }

  // Skips a string literal; returns its content (escapes marked with \x01).
  std::string SkipString() {
    bool raw = false;
    if (s_[i_] != '"' && s_[i_] != '\'') { raw = s_[i_] == 'r' || s_[i_] == 'R'; ++i_; }
    char q = s_[i_];
    bool triple = i_ + 2 < s_.size() && s_[i_ + 1] == q && s_[i_ + 2] == q;
    i_ += triple ? 3 : 1;
    std::string content;
    while (i_ < s_.size()) {
      if (!raw && s_[i_] == '\\') { i_ += 2; content += '\x01'; continue; }
      if (s_[i_] == q && (!triple || (i_ + 2 < s_.size() && s_[i_ + 1] == q && s_[i_ + 2] == q))) {
        i_ += triple ? 3 : 1;
        return content;
      }
      content += s_[i_++];
    }
    return content;
  }

  void Follow(RefChain* chain) {
    for (;;) {
      size_t save = i_;
      SkipSpace();
      if (i_ < s_.size() && s_[i_] == '.') {
        ++i_;
        SkipSpace();
        if (i_ >= s_.size() || !IsIdentStart(s_[i_])) { i_ = save; return; }
        size_t start = i_;
        std::string field = Ident();
        if (Peek() == '(') {  // a method call ends the chain
          chain->method_follows = true;
          method_open_ = NextNonSpace(i_);
          method_on_chain_ = true;
          return;
        }
        chain->parts.push_back(field);
        chain->offsets.push_back(start);
        continue;
      }
      if (i_ < s_.size() && s_[i_] == '[') {
        size_t open = i_;
        ++i_;
        SkipSpace();
        if (i_ < s_.size() && StringStart()) {
          size_t start = i_;
          std::string key = SkipString();
          SkipSpace();
          if (i_ < s_.size() && s_[i_] == ']' && key.find('\x01') == std::string::npos) {
            ++i_;
            chain->parts.push_back(key);
            chain->offsets.push_back(start);
            continue;
          }
        }
        i_ = open;  // a computed index ends the chain
        return;
      }
      i_ = save;
      return;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  size_t method_open_ = kNone;  // offset of the '(' of the latest method call
  bool method_on_chain_ = false;  // ... and whether it was called directly on a chain
  bool next_is_test_ = false;
};

}  // namespace

std::vector<RefChain> ScanReferences(std::string_view source) { return Scanner(source).Run(); }

std::vector<NameRef> ReadNames(std::string_view source) {
  std::vector<RefChain> chains = ScanReferences(source);
  std::vector<std::string> declared;
  for (const RefChain& c : chains)
    if (c.declaration) declared.push_back(c.parts[0]);
  std::vector<NameRef> out;
  for (const RefChain& c : chains) {
    const std::string& name = c.parts[0];
    if (c.declaration || std::find(declared.begin(), declared.end(), name) != declared.end()) continue;
    bool seen = false;
    for (const NameRef& r : out) seen = seen || r.name == name;
    if (!seen) out.push_back({name, c.offsets[0]});
  }
  return out;
}

std::vector<CasePath> ScanCasePaths(std::string_view source, const std::string& item,
                                    const std::string& item_path) {
  std::vector<CasePath> out;
  std::vector<std::pair<std::string, std::string>> roots;  // variable -> path it stands for
  roots.push_back({"c", ""});
  if (!item.empty()) roots.push_back({item, item_path});
  const std::string* receiver = nullptr;  // path of the latest chain a method was called on
  std::vector<std::string> receivers;
  receivers.reserve(64);
  for (const RefChain& chain : ScanReferences(source)) {
    if (chain.declaration) {
      // `c.x.map(f, ...)`: f stands for an element of c.x. On a computed receiver
      // (`c.x.map(...).filter(f, ...)`) what f holds is unknown: it is not tracked, and the
      // run-time mask remains the guard.
      if (receiver && chain.declared_on_chain) roots.push_back({chain.parts[0], *receiver});
      else roots.push_back({chain.parts[0], "\x01"});
      continue;
    }
    const std::string* base = nullptr;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it)
      if (it->first == chain.parts[0]) { base = &it->second; break; }
    if (base == nullptr || *base == "\x01") continue;
    std::string path = *base;
    for (size_t i = 1; i < chain.parts.size(); ++i) path += (path.empty() ? "" : ".") + chain.parts[i];
    out.push_back({path, chain.offsets[0], chain.method_follows || chain.tested});
    if (chain.method_follows) {
      receivers.push_back(path);
      receiver = &receivers.back();
    }
  }
  return out;
}

bool ReadsPersonalPath(const CasePath& cp, const std::vector<std::string>& personal_paths,
                       std::string* which) {
  const std::string& path = cp.path;
  for (const std::string& p : personal_paths) {
    bool below = path == p || (path.size() > p.size() && path.compare(0, p.size(), p) == 0 &&
                               path[p.size()] == '.');
    bool above = !cp.narrowed && (path.empty() || (p.size() > path.size() &&
                                                   p.compare(0, path.size(), path) == 0 &&
                                                   p[path.size()] == '.'));
    if (below || above) {
      if (which) *which = p;
      return true;
    }
  }
  return false;
}

}  // namespace aktkoll::ruleset
