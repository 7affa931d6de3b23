#include "report/spill.h"

namespace aktkoll::report {

SpillBuffer::~SpillBuffer() {
  if (file_) std::fclose(file_);
}

void SpillBuffer::Append(std::string_view text) {
  size_ += text.size();
  memory_.append(text);
  if (memory_.size() < limit_) return;
  if (!spilled_) {
    spilled_ = true;
    file_ = std::tmpfile();  // unlinked at once: nothing is left behind, even on a crash
  }
  // Without a temporary file (a read-only /tmp), keep everything in memory: slower to
  // grow, but the report is still complete.
  if (file_ && std::fwrite(memory_.data(), 1, memory_.size(), file_) == memory_.size()) memory_.clear();
}

void SpillBuffer::MoveTo(std::string* out, const std::function<void()>& drain) {
  if (file_) {
    std::rewind(file_);
    std::string chunk(limit_ > 0 ? limit_ : 1 << 16, '\0');
    size_t n;
    while ((n = std::fread(chunk.data(), 1, chunk.size(), file_)) > 0) {
      out->append(chunk.data(), n);
      if (drain) drain();
    }
    std::fclose(file_);
    file_ = nullptr;
  }
  out->append(memory_);
  memory_.clear();
  memory_.shrink_to_fit();
  size_ = 0;
  spilled_ = false;
}

}  // namespace aktkoll::report
