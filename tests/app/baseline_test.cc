#include "app/baseline.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;
using namespace aktkoll;

namespace {

core::Finding MakeFinding(const std::string& case_id, const std::string& rule, const std::string& pointer, int line) {
  core::Finding f;
  f.case_id = case_id;
  f.rule = rule;
  f.pointer = pointer;
  f.path = "a.yaml";
  f.pos = {static_cast<uint32_t>(line), 3};
  return f;
}

}  // namespace

TEST_CASE("a baseline fails only on new findings, even when lines move") {
  fs::path p = fs::temp_directory_path() / "aktkoll-baseline-test.json";
  app::BaselineWriter writer;
  writer.Add({MakeFinding("A-1", "GP-005", "/implementation_plan/points/contacts", 10),
              MakeFinding("A-2", "UPF-001", "/follow_ups", 40)});
  REQUIRE(writer.Write(p.string()).ok());

  auto baseline = app::Baseline::Load(p.string());
  REQUIRE(baseline.ok());
  // The same findings on other lines, one of them twice, plus a new one.
  std::vector<core::Finding> now = {MakeFinding("A-1", "GP-005", "/implementation_plan/points/contacts", 14),
                                    MakeFinding("A-2", "UPF-001", "/follow_ups", 44),
                                    MakeFinding("A-2", "UPF-001", "/follow_ups", 44),
                                    MakeFinding("A-3", "GP-001", "/implementation_plan", 5)};
  baseline->Apply(&now);
  CHECK(now[0].baseline);
  CHECK(now[1].baseline);
  CHECK_FALSE(now[2].baseline);  // the baseline held only one of these
  CHECK_FALSE(now[3].baseline);
  fs::remove(p);
}

TEST_CASE("a file that is not a baseline is refused") {
  fs::path p = fs::temp_directory_path() / "aktkoll-not-baseline.json";
  { FILE* f = std::fopen(p.string().c_str(), "w"); std::fputs("{\"findings\": []}", f); std::fclose(f); }
  auto b = app::Baseline::Load(p.string());
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().message() == p.string() + ": inte en baslinje från aktkoll --write-baseline");
  fs::remove(p);
}
