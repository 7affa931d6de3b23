// libFuzzer harness for the rule-pack loader. The first byte decides whether the input is
// a rule file (even) or the pack file (odd) of a small pack in a temporary folder; the
// loader must either build a pack or return diagnostics that format, never crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "ruleset/loader.h"

namespace {

const char* kPack =
    "name: fuzz\nversion: \"1\"\ntitle: {sv: Fuzz, en: Fuzz}\n"
    "decision_date: \"has(c.decision) && has(c.decision.date) ? c.decision.date : null\"\n"
    "personal_paths: [individual.name, individual.personnummer]\n";

const char* kRule =
    "id: FZ-001\ntitle: {sv: T, en: T}\nseverity: error\nrequirements: [GP-1]\n"
    "law: [{ref: \"SoF 5 kap. 1 a §\", from: 2002-01-01}]\nwhen: \"true\"\n"
    "assert: \"has(c.case_id)\"\npointer: /case_id\nmessage: {sv: M, en: M}\n"
    "doc: {checks: a, why: b, example: c}\n";

void Write(const std::filesystem::path& p, const char* data, size_t size) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(data, static_cast<std::streamsize>(size));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace fs = std::filesystem;
  if (size == 0) return 0;
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("aktkoll-rulepack-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(d / "FZ-001");
    return d;
  }();
  const char* body = reinterpret_cast<const char*>(data + 1);
  if (data[0] % 2 == 0) {
    Write(dir / "pack.yaml", kPack, std::char_traits<char>::length(kPack));
    Write(dir / "FZ-001" / "rule.yaml", body, size - 1);
  } else {
    Write(dir / "pack.yaml", body, size - 1);
    Write(dir / "FZ-001" / "rule.yaml", kRule, std::char_traits<char>::length(kRule));
  }
  aktkoll::ruleset::LoadResult r = aktkoll::ruleset::LoadPack((dir / "pack.yaml").string());
  if (!r.ok()) {
    std::string text = r.diagnostics.Format();
    if (text.empty()) std::abort();  // a refused pack always says why
  }
  return 0;
}
