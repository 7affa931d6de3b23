// The version of aktkoll, from CMake's project(VERSION), and where its documentation is.
#pragma once

namespace aktkoll::app {
inline constexpr const char* kVersion = AKTKOLL_VERSION;
// Where the documentation of aktkoll is (SARIF's informationUri; CMake's
// AKTKOLL_INFORMATION_URI): by default the README the package installs.
inline constexpr const char* kInformationUri = AKTKOLL_INFORMATION_URI;
}  // namespace aktkoll::app
