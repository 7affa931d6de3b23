// Data-driven CLI scenarios: every folder under tests/cli/scenarios/ holds
//   cmd              a bash command line (run in that folder; `aktkoll` is the built binary,
//                    $ROOT the source tree)
//   exit             the expected exit code
//   stdout, stderr   the expected output, compared whole (optional: absent = not checked)
// Adding a scenario needs no C++ change. AKTKOLL_UPDATE=1 rewrites the expectations.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "run.h"

namespace fs = std::filesystem;
using aktkoll::testing::ReadText;
using aktkoll::testing::Run;
using aktkoll::testing::WriteText;

TEST_CASE("CLI scenarios") {
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(fs::path(AKTKOLL_SOURCE_DIR) / "tests/cli/scenarios"))
    if (e.is_directory() && fs::exists(e.path() / "cmd")) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  REQUIRE(!dirs.empty());
  const bool update = std::getenv("AKTKOLL_UPDATE") != nullptr;
  for (const auto& dir : dirs) {
    CAPTURE(dir.filename().string());
    std::string cmd = ReadText((dir / "cmd").string());
    auto r = Run(cmd, dir.string());
    if (update) {
      WriteText((dir / "exit").string(), std::to_string(r.exit_code) + "\n");
      WriteText((dir / "stdout").string(), r.out);
      if (!r.err.empty() || fs::exists(dir / "stderr")) WriteText((dir / "stderr").string(), r.err);
      continue;
    }
    REQUIRE_MESSAGE(fs::exists(dir / "exit"), "missing 'exit' file");
    CHECK(r.exit_code == std::stoi(ReadText((dir / "exit").string())));
    if (fs::exists(dir / "stdout")) CHECK(r.out == ReadText((dir / "stdout").string()));
    if (fs::exists(dir / "stderr")) CHECK(r.err == ReadText((dir / "stderr").string()));
  }
}
