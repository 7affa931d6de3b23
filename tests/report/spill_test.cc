#include "report/spill.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "report/formats.h"

namespace aktkoll::report {
namespace {

TEST_CASE("SpillBuffer keeps small text in memory and gives it back whole") {
  SpillBuffer b(64);
  CHECK(b.empty());
  b.Append("abc");
  b.Append("def");
  CHECK(b.size() == 6);
  std::string out = "x";
  int drains = 0;
  b.MoveTo(&out, [&] { ++drains; });
  CHECK(out == "xabcdef");
  CHECK(drains == 0);
  CHECK(b.empty());
}

TEST_CASE("SpillBuffer spills past its limit and replays in order, draining between pieces") {
  SpillBuffer b(100);
  std::string expected;
  for (int i = 0; i < 1000; ++i) {
    std::string piece = std::to_string(i) + ";";
    b.Append(piece);
    expected += piece;
  }
  std::string out;
  std::string written;
  int drains = 0;
  b.MoveTo(&out, [&] {
    ++drains;
    CHECK(out.size() <= 100);  // never more than one piece waits in memory
    written += out;
    out.clear();
  });
  written += out;
  CHECK(written == expected);
  CHECK(drains >= static_cast<int>(expected.size() / 100) - 1);
  CHECK(b.empty());
}

TEST_CASE("the JSON report is complete when its inputs and cases spill to disk") {
  JsonFormatter f;
  std::string out;
  std::string written;
  f.SetDrain([&] {
    written += out;
    out.clear();
  });
  RunInfo run;
  run.as_of = "2026-11-23";
  f.Begin(run, &out);
  const int n = 20000;  // about 2 MB of inputs and cases: past the 1 MB memory limit
  for (int i = 0; i < n; ++i) {
    FileResult file;
    file.input.path = "export/" + std::to_string(i) + ".yaml";
    file.input.documents = 1;
    CaseResult c;
    c.case_id = "CASE-" + std::to_string(i);
    c.applied = {"UPP-002", "GP-001"};
    file.cases.push_back(c);
    f.AddFile(file, &out);
  }
  Summary s;
  f.End(s, &out);
  written += out;
  auto j = nlohmann::json::parse(written);
  REQUIRE(j["inputs"].size() == n);
  REQUIRE(j["cases"].size() == n);
  CHECK(j["inputs"][n - 1]["path"] == "export/19999.yaml");
  CHECK(j["cases"][0]["case_id"] == "CASE-0");
  CHECK(j["cases"][n - 1]["passed"] == nlohmann::json::array({"UPP-002", "GP-001"}));
}

}  // namespace
}  // namespace aktkoll::report
