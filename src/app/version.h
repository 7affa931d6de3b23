// The version of aktkoll, from CMake's project(VERSION).
#pragma once

namespace aktkoll::app {
inline constexpr const char* kVersion = AKTKOLL_VERSION;
}  // namespace aktkoll::app
