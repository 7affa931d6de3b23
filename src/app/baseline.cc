#include "app/baseline.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/file_io.h"

namespace aktkoll::app {

std::string BaselineKey(const core::Finding& f) {
  if (!f.case_id.empty()) return f.rule + "\x1f" + f.case_id + "\x1f" + f.pointer;
  return f.rule + "\x1f" + f.path + "#" + std::to_string(f.document) + "\x1f" + f.pointer;
}

core::StatusOr<Baseline> Baseline::Load(const std::string& path) {
  auto content = core::ReadFile(path);
  if (!content.ok()) return content.status();
  Baseline b;
  try {
    auto j = nlohmann::json::parse(*content);
    if (j.value("format", "") != "aktkoll-baseline" || !j.contains("findings") || !j["findings"].is_array())
      return core::Status::InvalidArgument(path + ": inte en baslinje från aktkoll --write-baseline");
    for (const auto& f : j["findings"]) {
      core::Finding k;
      k.rule = f.at("rule").get<std::string>();
      k.case_id = f.value("case_id", "");
      k.pointer = f.value("pointer", "");
      k.path = f.value("path", "");
      k.document = f.value("document", 0);
      b.remaining_[BaselineKey(k)]++;
    }
  } catch (const std::exception& e) {
    return core::Status::InvalidArgument(path + ": kan inte läsa baslinjen: " + e.what());
  }
  return b;
}

void Baseline::Apply(std::vector<core::Finding>* findings) {
  for (core::Finding& f : *findings) {
    auto it = remaining_.find(BaselineKey(f));
    if (it == remaining_.end() || it->second == 0) continue;
    it->second--;
    f.baseline = true;
  }
}

void BaselineWriter::Add(const std::vector<core::Finding>& findings) {
  for (const auto& f : findings)
    if (!f.waived) findings_.push_back(f);
}

core::Status BaselineWriter::Write(const std::string& path) const {
  std::vector<core::Finding> sorted = findings_;
  std::sort(sorted.begin(), sorted.end(), core::FindingLess);
  nlohmann::ordered_json j;
  j["format"] = "aktkoll-baseline";
  j["version"] = 1;
  auto list = nlohmann::ordered_json::array();
  for (const auto& f : sorted) {
    nlohmann::ordered_json e;
    e["rule"] = f.rule;
    e["case_id"] = f.case_id;
    e["pointer"] = f.pointer;
    if (f.case_id.empty()) {
      e["path"] = f.path;
      e["document"] = f.document;
    }
    list.push_back(e);
  }
  j["findings"] = list;
  return core::WriteFileAtomically(path, j.dump(2) + "\n");
}

}  // namespace aktkoll::app
