// A throwaway pack on disk for loader tests: files written under a fresh temporary
// directory, removed when the object goes.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "ruleset/loader.h"

namespace aktkoll::ruleset::testing {

class TempPack {
 public:
  TempPack() {
    char tmpl[] = "/tmp/aktkoll-pack-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
  }
  ~TempPack() { std::filesystem::remove_all(dir_); }
  TempPack(const TempPack&) = delete;
  TempPack& operator=(const TempPack&) = delete;

  // Writes `content` to dir/rel (creating folders); returns the full path.
  std::string Write(const std::string& rel, const std::string& content) {
    std::filesystem::path p = std::filesystem::path(dir_) / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << content;
    return p.string();
  }
  const std::string& dir() const { return dir_; }
  std::string Path(const std::string& rel) const { return dir_ + "/" + rel; }

  // Loads dir/rel and returns the formatted diagnostics with the directory replaced by
  // "T", so expectations read "T/r/rule.yaml:3:1: ...".
  std::string Errors(const std::string& rel = "pack.yaml") const {
    LoadResult r = LoadPack(Path(rel));
    std::string out = r.diagnostics.Format();
    for (size_t pos = out.find(dir_); pos != std::string::npos; pos = out.find(dir_, pos)) out.replace(pos, dir_.size(), "T");
    if (r.ok() && !out.empty()) out += "(pack loaded despite diagnostics)";
    return out;
  }

 private:
  std::string dir_;
};

// A minimal valid pack file.
inline const char* kPackYaml =
    "name: testpack\n"
    "version: \"1\"\n"
    "decision_date: c.decision.date\n"
    "personal_paths: [individual.name, individual.personnummer, guardians]\n";

// A rule file whose `assert` (and anything else) can be replaced; the body lines are
// appended after the fixed header.
// `message` (line 7) is the YAML value of the message key.
inline std::string RuleYaml(const std::string& id, const std::string& body,
                            const std::string& message = "{sv: Fel., en: Wrong.}") {
  return "id: " + id +
         "\n"
         "title: {sv: Testregel, en: Test rule}\n"
         "severity: error\n"
         "requirements: [UPP-2]\n"
         "law:\n"
         "  - {ref: \"SoL (2025:400) 14 kap. 3 §\", from: 2025-07-01}\n"
         "message: " + message + "\n"
         "doc: {checks: Något., why: Därför.}\n" +
         body;
}

}  // namespace aktkoll::ruleset::testing
