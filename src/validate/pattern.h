// A small regular-expression matcher for JSON Schema `pattern` and `patternProperties`,
// answering only "does the pattern match somewhere in the text" (std::regex_search), in
// linear time and without allocating per call.
//
// It accepts the subset of ECMAScript syntax that schemas use: literals, `.`, `^` and `$`
// (whole-input anchors, no multiline), the escapes \d \D \w \W \s \S \t \n \r \f \v and
// escaped punctuation, bracket classes with ranges and negation, groups (capturing or `(?:`)
// with `|`, and the quantifiers ? * + {n} {n,} {n,m} (greedy or lazy: the answer is the same).
// Text is matched byte by byte in the "C" locale, exactly as std::regex (ECMAScript, char)
// does with the default global locale, so both give the same answer on every input.
// Anything else (backreferences, lookahead, \b, \x, \u, ...) is refused by Compile; the
// caller then uses std::regex for that pattern.
#pragma once

#include <bitset>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace aktkoll::validate {

class Pattern {
 public:
  // nullptr when the pattern uses syntax outside the subset (or expands to too many states).
  static std::unique_ptr<Pattern> Compile(std::string_view pattern);

  // std::regex_search(text, std::regex(pattern)).
  bool Search(std::string_view text) const;

  struct State {
    enum Kind : uint8_t { kByte, kSplit, kBol, kEol, kMatch } kind = kMatch;
    int next = -1;   // kByte, kSplit, kBol, kEol
    int alt = -1;    // kSplit: the second way
    int set = -1;    // kByte: index into sets_
  };

 private:
  friend class PatternCompiler;
  Pattern() = default;

  std::vector<State> states_;
  std::vector<std::bitset<256>> sets_;
  int start_ = 0;
  bool anchored_ = false;  // every match starts at offset 0 (the pattern begins with ^)
};

}  // namespace aktkoll::validate
