// An external profile on disk that extends the built-in national pack and changes one
// parameter: the same case gets different findings through `aktkoll check --rules`.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

#include "temp_pack.h"

using aktkoll::ruleset::testing::TempPack;

namespace {

struct Result {
  int exit_code = -1;
  std::string out;
};

// Runs the aktkoll binary with `args` (a shell-quoted string); stdout and stderr together.
Result Aktkoll(const std::string& args) {
  Result r;
  std::string cmd = std::string(AKTKOLL_BIN) + " " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Decided 2025-09-10, followed up 2026-03-05; checked on 2026-07-01. Every six months:
// the next follow-up is due 2026-09-05, not yet. Every three months: it was due 2026-06-05.
// Only UPF-001 is run (--select), so the test does not depend on the rest of the pack.
const char* kCase =
    "case_id: PROF-1\n"
    "municipality: Testkommun\n"
    "individual:\n"
    "  personnummer: \"201501012395\"\n"
    "intervention:\n"
    "  type: familjebehandling\n"
    "  needs_assessed: true\n"
    "decision:\n"
    "  date: 2025-09-10\n"
    "follow_ups:\n"
    "  - date: 2026-03-05\n";

}  // namespace

TEST_CASE("an external profile changes a parameter and the findings follow") {
  TempPack t;
  std::string case_path = t.Write("case.yaml", kCase);
  t.Write("kommun/profile.yaml",
          "name: testkommun\n"
          "extends: national\n"
          "params:\n"
          "  follow_up_months: 3\n"
          // Nationally the interval is a benchmark (a warning); a municipality whose
          // guideline sets it with "ska" makes it an error.
          "overrides:\n"
          "  UPF-001:\n"
          "    severity: error\n");

  Result national = Aktkoll("check --no-progress --as-of 2026-07-01 --select UPF-001 " + case_path);
  CHECK(national.exit_code == 0);
  CHECK(national.out.find("UPF-001") == std::string::npos);

  Result profile = Aktkoll("check --no-progress --as-of 2026-07-01 --select UPF-001 --rules " + t.Path("kommun/profile.yaml") + " " +
                           case_path);
  INFO(profile.out);
  CHECK(profile.exit_code == 1);
  CHECK(profile.out.find("UPF-001") != std::string::npos);
  CHECK(profile.out.find("2026-06-05") != std::string::npos);

  Result json = Aktkoll("check --no-progress --as-of 2026-07-01 --select UPF-001 -f json --rules " + t.Path("kommun/profile.yaml") +
                       " -- " + case_path);
  INFO(json.out);
  CHECK(json.out.find("\"profile\": \"testkommun\"") != std::string::npos);
  CHECK(json.out.find("\"rule\":\"UPF-001\"") != std::string::npos);
  CHECK(json.out.find("\"due_date\":\"2026-06-05\"") != std::string::npos);

  Result list = Aktkoll("rules list --rules " + t.Path("kommun/profile.yaml"));
  CHECK(list.out.find("follow_up_months = 3 (int)") != std::string::npos);
}

TEST_CASE("a pack that fails to load checks nothing and exits 2") {
  TempPack t;
  std::string case_path = t.Write("case.yaml", kCase);
  t.Write("kommun/profile.yaml",
          "name: testkommun\n"
          "extends: national\n"
          "overrides:\n"
          "  UPF-001:\n"
          "    params: {follow_up_month: 3}\n");
  Result r = Aktkoll("check --no-progress --as-of 2026-07-01 --select UPF-001 --rules " + t.Path("kommun/profile.yaml") + " " + case_path);
  CHECK(r.exit_code == 2);
  CHECK(r.out ==
        t.Path("kommun/profile.yaml") +
            ":5:14: fel: regeln UPF-001 har ingen parameter 'follow_up_month' (menade du paketets parameter "
            "'follow_up_months', under profilens 'params:'?)\n"
            " |     params: {follow_up_month: 3}\n"
            " | .............^\n"
            "aktkoll: regelpaketet '" + t.Path("kommun/profile.yaml") + "' kunde inte läsas in (1 fel)\n");
}

TEST_CASE("--select and --ignore") {
  TempPack t;
  std::string case_path = t.Write("case.yaml", std::string(kCase) + "commission:\n  written_by: X\n");
  Result selected = Aktkoll("check --no-progress --as-of 2026-05-01 --select UPP-002 " + case_path);
  CHECK(selected.exit_code == 1);
  CHECK(selected.out.find("UPP-002") != std::string::npos);
  Result ignored = Aktkoll("check --no-progress --as-of 2026-05-01 --select UPP-002,DATA-001 --ignore UPP " + case_path);
  INFO(ignored.out);
  CHECK(ignored.out.find("UPP-002") == std::string::npos);
  CHECK(ignored.exit_code == 0);
  Result repeated = Aktkoll("check --no-progress --as-of 2026-05-01 --select DATA-001 --select UPP-002 " + case_path);
  CHECK(repeated.out.find("UPP-002") != std::string::npos);
  Result typo = Aktkoll("check --no-progress --as-of 2026-05-01 --select UPP-02 " + case_path);
  CHECK(typo.exit_code == 2);
  CHECK(typo.out.find("--select UPP-02: ingen regel i paketet har det id:t eller den gruppen") != std::string::npos);
}

TEST_CASE("a pack parameter changed per rule names where it belongs") {
  TempPack t;
  t.Write("kommun/profile.yaml",
          "name: testkommun\n"
          "extends: national\n"
          "overrides:\n"
          "  UPF-001:\n"
          "    params: {follow_up_months: 3}\n");
  Result r = Aktkoll("rules list --rules " + t.Path("kommun/profile.yaml"));
  CHECK(r.exit_code == 2);
  CHECK(r.out ==
        t.Path("kommun/profile.yaml") +
            ":5:14: fel: regeln UPF-001 har ingen egen parameter 'follow_up_months': den gäller hela paketet; ge den "
            "ett nytt värde under profilens 'params:'\n"
            " |     params: {follow_up_months: 3}\n"
            " | .............^\n"
            "aktkoll: regelpaketet '" + t.Path("kommun/profile.yaml") + "' kunde inte läsas in (1 fel)\n");
}
