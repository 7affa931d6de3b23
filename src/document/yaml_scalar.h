// YAML 1.2 core-schema scalar resolution: which plain scalars are null, bool, int or float.
// Dates such as 2025-03-01 stay strings (the core schema has no timestamps).
#pragma once

#include <cstdint>
#include <string_view>

namespace aktkoll::document::internal {

enum class ScalarMatch { kNo, kYes, kOverflow };

bool IsCoreNull(std::string_view v);                   // null Null NULL ~ and ""
bool ParseCoreBool(std::string_view v, bool* out);     // true True TRUE false False FALSE
ScalarMatch ParseCoreInt(std::string_view v, int64_t* out);    // [-+]?[0-9]+ 0o[0-7]+ 0x[0-9a-fA-F]+
ScalarMatch ParseCoreFloat(std::string_view v, double* out);   // incl. .inf -.inf .nan

}  // namespace aktkoll::document::internal
