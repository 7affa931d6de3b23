// validate::Pattern answers every search exactly as std::regex_search (ECMAScript, "C"
// locale) does, and refuses what it does not implement.
#include <doctest/doctest.h>

#include <cstdint>
#include <regex>
#include <string>
#include <vector>

#include "validate/pattern.h"

using aktkoll::validate::Pattern;

namespace {

// Every string over `alphabet` up to `max_len` characters, plus some longer ones.
std::vector<std::string> Strings(const std::string& alphabet, size_t max_len) {
  std::vector<std::string> out{""};
  std::vector<std::string> layer{""};
  for (size_t len = 1; len <= max_len; ++len) {
    std::vector<std::string> next;
    for (const std::string& s : layer)
      for (char c : alphabet) next.push_back(s + c);
    out.insert(out.end(), next.begin(), next.end());
    layer = std::move(next);
  }
  return out;
}

void Agree(const std::string& pattern, const std::vector<std::string>& texts) {
  INFO("pattern: " << pattern);
  auto fast = Pattern::Compile(pattern);
  REQUIRE(fast != nullptr);
  std::regex slow(pattern);
  for (const std::string& t : texts) {
    INFO("text: '" << t << "'");
    CHECK(fast->Search(t) == std::regex_search(t, slow));
  }
}

}  // namespace

TEST_CASE("the case schema's patterns agree with std::regex") {
  std::vector<std::string> texts = {
      "2025-01-31", "2025-1-31", "20250131", "2025-01-311", "x2025-01-31", "2025-01-31\n", "2025-01-3a",
      "١٢٣٤-01-31", "2025–01–31", "201501012386", "20150101-2386", "150101-2386", "150101+2386",
      "1501012386", "15010123866", "150101--2386", "1234", "12345", "abc", "ABC_def-09", "a b", "",
      "x_", "x_field", "ax_", "X_", "é", std::string("12\0" "34", 5), std::string("2025-01-31\0", 11)};
  for (const char* p : {"^\\d{4}-\\d{2}-\\d{2}$", "^(\\d{6}|\\d{8})[-+]?\\d{4}$", "^\\d{4}$",
                        "^[A-Za-z0-9_-]+$", "^x_"}) {
    Agree(p, texts);
  }
}

TEST_CASE("the subset agrees with std::regex on every short string") {
  const std::vector<std::string> texts = Strings("ab0-_\n ", 5);
  for (const char* p : {"a", "^a", "a$", "^a$", "ab|ba", "^(ab|ba)+$", "a*", "^a*$", "a+b?", "(a|b)*0",
                        "^[ab]{2,3}$", "[^ab]", "^[^a-b0]+$", "\\d", "\\D\\D", "\\w+$", "\\W", "\\s",
                        "^\\S*$", ".", "^.+$", "a.b", "(?:a|)b", "^(a*)*$", "^(a|ab)(c|bcd)?$", "a{0}b",
                        "^a{2,}$", "^(?:a{1,2}b){2}$", "[-a]", "[a-]", "[\\-_]", "\\.", "a\\|b", "[.]",
                        "^$", "$", "^", "a??b", "a*?$", "^[\\d_]+$", "(a)|b|(0)", "[\\s\\d]"}) {
    Agree(p, texts);
  }
}

TEST_CASE("constructs outside the subset are refused") {
  for (const char* p : {"\\bword", "(a)\\1", "(?=a)", "(?!a)", "\\x41", "\\u0041", "[[:alpha:]]", "a**",
                        "{1}", "a{2,1}", "[]", "(a", "a)", "[a", "\\", "[z-a]", "[\\d-z]", "^*", "\\cA"}) {
    INFO("pattern: " << p);
    CHECK(Pattern::Compile(p) == nullptr);
  }
}
