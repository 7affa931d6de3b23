#include "app/waivers.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace aktkoll;
using app::ApplyWaivers;
using app::LoadWaivers;
using app::WaiverFindings;

namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  fs::path p = fs::temp_directory_path() / name;
  std::ofstream(p) << content;
  return p.string();
}

core::Finding MakeFinding(const std::string& case_id, const std::string& rule) {
  core::Finding f;
  f.case_id = case_id;
  f.rule = rule;
  f.path = "a.yaml";
  return f;
}

const char* kWaivers = R"(waivers:
  - case: A-1
    rule: GP-005
    reason: Barnet saknar kontakt med närstående
    approver: Enhetschef
    expires: "2027-01-31"
  - case: A-2
    rule: UPF-001
    reason: Ny handläggare
    approver: Enhetschef
    expires: "2026-01-31"
  - case: A-3
    rule: GP-001
    reason: Ingen sådan brist
    approver: Enhetschef
    expires: "2027-12-31"
)";

}  // namespace

TEST_CASE("waived, expired and unused waivers") {
  auto waivers = LoadWaivers(WriteTemp("aktkoll-waivers.yaml", kWaivers));
  REQUIRE(waivers.ok());
  REQUIRE(waivers->size() == 3);
  std::vector<core::Finding> findings = {MakeFinding("A-1", "GP-005"), MakeFinding("A-2", "UPF-001"),
                                         MakeFinding("A-1", "GP-006")};
  ApplyWaivers(*waivers, "2026-11-23", &findings);
  CHECK(findings[0].waived);
  CHECK(findings[0].waiver_reason == "Barnet saknar kontakt med närstående (Enhetschef, t.o.m. 2027-01-31)");
  CHECK_FALSE(findings[1].waived);  // that waiver expired
  CHECK_FALSE(findings[2].waived);  // no waiver for that rule
  CHECK_FALSE(core::Counts(findings[0]));
  CHECK(core::Counts(findings[1]));

  auto about = WaiverFindings(*waivers, "2026-11-23");
  REQUIRE(about.size() == 2);
  CHECK(about[0].rule == "waiver-expired");
  CHECK(about[0].severity == core::Severity::kError);
  CHECK(about[0].message.sv == "undantaget för UPF-001 gick ut 2026-01-31; förnya det eller åtgärda bristen");
  CHECK(about[0].pos.line == 7);
  CHECK(about[1].rule == "waiver-unused");
  CHECK(about[1].severity == core::Severity::kInfo);
  CHECK(about[1].message.sv == "undantaget för GP-001 används inte: ingen sådan anmärkning finns i ärendet");
  CHECK(about[1].pos.line == 12);
}

TEST_CASE("a waiver file with mistakes is refused with its position") {
  std::string p = WriteTemp("aktkoll-waivers-bad.yaml", "waivers:\n  - case: A-1\n    rule: GP-005\n    reson: x\n");
  auto w = LoadWaivers(p);
  REQUIRE_FALSE(w.ok());
  CHECK(w.status().message() == p + ":4:5: okänt fält 'reson' (tillåtna: case, rule, reason, approver, expires)");

  p = WriteTemp("aktkoll-waivers-missing.yaml", "waivers:\n  - case: A-1\n    rule: GP-005\n    expires: \"2027-01-01\"\n");
  w = LoadWaivers(p);
  REQUIRE_FALSE(w.ok());
  CHECK(w.status().message() == p + ":2:5: undantaget saknar 'reason'");

  p = WriteTemp("aktkoll-waivers-date.yaml",
                "waivers:\n  - {case: A-1, rule: GP-005, reason: r, approver: a, expires: snart}\n");
  w = LoadWaivers(p);
  REQUIRE_FALSE(w.ok());
  CHECK(w.status().message() == p + ":2:5: 'expires' ska vara ett datum ÅÅÅÅ-MM-DD");
}
