// Every message the module writes exists in Swedish and English; this picks one. Call
// sites keep both texts side by side so a translation cannot drift from its original.
#pragma once

#include <string>
#include <string_view>

#include "expr/result.h"

namespace aktkoll::expr::internal {

inline std::string Msg(Lang lang, std::string_view sv, std::string_view en) {
  return std::string(lang == Lang::kSv ? sv : en);
}

// 'text' in quotes, for messages. Built by appending: GCC 12 at -O3 misreports
// `"'" + std::string(...)` as overlapping memcpy (-Wrestrict).
inline std::string Quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out.append(text);
  out += '\'';
  return out;
}

}  // namespace aktkoll::expr::internal
