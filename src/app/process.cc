#include "app/process.h"

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define AKTKOLL_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define AKTKOLL_SANITIZED 1
#endif
#endif

namespace aktkoll::app {
namespace {

std::vector<std::shared_ptr<const void>>& Kept() {
  static std::vector<std::shared_ptr<const void>> kept;  // destroyed at exit in sanitizer builds
  return kept;
}

}  // namespace

void KeepUntilExit(std::shared_ptr<const void> object) {
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  Kept().push_back(std::move(object));
}

int FinishProcess(int code) {
#ifdef AKTKOLL_SANITIZED
  return code;
#else
  // A failed flush of stdout (a full disk, a closed pipe) must not turn into success.
  if (std::fflush(stdout) != 0 && code == 0) code = 2;
  std::fflush(stderr);
  std::_Exit(code);
#endif
}

}  // namespace aktkoll::app
