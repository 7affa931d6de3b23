// A lexical look at an expression's variable references, for the checks the expression
// checker cannot make because they are about the rule format rather than the language:
// which `params.<name>` a rule reads, and whether a message value reads personal data.
//
// A reference chain is an identifier not preceded by '.', followed by any number of
// `.field` or `["field"]` selections (a `.name(` method call ends the chain). String
// literals and comments are skipped. `c.individual["name"]` gives {c, individual, name}.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aktkoll::ruleset {

// The characters of an identifier, [A-Za-z_][A-Za-z0-9_]*: expression variables, message
// placeholders and value names alike.
inline bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
inline bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
inline bool IsIdentifier(std::string_view s) {
  if (s.empty() || !IsIdentStart(s[0])) return false;
  for (char c : s)
    if (!IsIdentChar(c)) return false;
  return true;
}

struct RefChain {
  std::vector<std::string> parts;
  std::vector<size_t> offsets;  // byte offset of each part in the source
  // The chain is followed by a method call (`c.follow_ups.map(...)`, `x.size()`).
  bool method_follows = false;
  // The chain is the argument of has(): only its presence is used.
  bool tested = false;
  // The identifier declares a macro's element variable: the `f` of `.map(f, ...)`.
  bool declaration = false;
  // ... of a macro called directly on a reference chain (`c.x.map(f, ...)`).
  bool declared_on_chain = false;
};

// Chains rooted at variables (identifiers directly followed by '(' are calls, left out).
std::vector<RefChain> ScanReferences(std::string_view source);

// The variables an expression reads, each with the offset of its first use: the roots of
// its reference chains, less the names its macros declare (`f` in `.map(f, ...)`), which
// are left out wherever they appear.
struct NameRef {
  std::string name;
  size_t offset = 0;
};
std::vector<NameRef> ReadNames(std::string_view source);

// A path an expression reads from the case (without the `c.`), where it starts in the
// source, and whether a method call follows (then only the elements or a size are used).
struct CasePath {
  std::string path;
  size_t offset = 0;
  bool narrowed = false;
};

// The case paths read by `source`: chains rooted at `c`, at `item` (standing for
// `item_path`, "" when unknown) and at macro element variables (standing for the list
// they run over, so `c.follow_ups.map(f, f.date)` reads follow_ups.date).
std::vector<CasePath> ScanCasePaths(std::string_view source, const std::string& item,
                                    const std::string& item_path);

// Whether a case path reads a personal path: it is the path, lies below it, or (unless
// narrowed by a method call) is an ancestor of it, so the whole object would include it.
// The empty path (the whole case) is an ancestor of everything.
bool ReadsPersonalPath(const CasePath& path, const std::vector<std::string>& personal_paths,
                       std::string* which);

}  // namespace aktkoll::ruleset
