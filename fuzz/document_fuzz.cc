// libFuzzer harness for the document loaders. The first byte picks the format (YAML,
// JSON, JSON Lines or sniffed); the rest is the file. Every document must come back as a
// tree or as an input error with a message; nothing may crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "document/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aktkoll::document;
  if (size == 0) return 0;
  static const Format kFormats[] = {Format::kYaml, Format::kJson, Format::kJsonLines, Format::kAuto};
  Format format = kFormats[data[0] % 4];
  std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  Limits limits;
  limits.max_document_bytes = 1 << 20;
  LoadBuffer("fuzz.input", content, format, limits, [](LoadedDocument&& doc) {
    if (doc.has_error && doc.error.message.empty()) std::abort();  // every error explains itself
  });
  return 0;
}
