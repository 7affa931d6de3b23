// Report text kept for the end of a report (the JSON report's inputs and cases, SARIF's
// artifacts, the HTML report's tables): in memory up to a limit, then in an anonymous
// temporary file, so a run's memory stays flat however many documents it checks.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

namespace aktkoll::report {

class SpillBuffer {
 public:
  explicit SpillBuffer(size_t memory_limit = size_t{1} << 20) : limit_(memory_limit) {}
  ~SpillBuffer();
  SpillBuffer(const SpillBuffer&) = delete;
  SpillBuffer& operator=(const SpillBuffer&) = delete;

  void Append(std::string_view text);
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }

  // Appends everything held to *out, in pieces of about the memory limit, calling `drain`
  // after each piece so the caller can write *out away. Leaves the buffer empty.
  void MoveTo(std::string* out, const std::function<void()>& drain);

 private:
  size_t limit_;
  size_t size_ = 0;
  std::string memory_;
  std::FILE* file_ = nullptr;  // once memory_ passed the limit; nullptr if tmpfile failed
  bool spilled_ = false;
};

}  // namespace aktkoll::report
