// rules/requirements.yaml is generated from ../shared/domain/requirements.md
// (tests/ruleset/gen_requirements.py); this keeps the two in sync while the shared file
// is present beside the checkout.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "ruleset/loader.h"

TEST_CASE("the requirement catalogue loads, ids unique and grouped") {
  aktkoll::ruleset::Diagnostics diags;
  auto reqs = aktkoll::ruleset::LoadRequirements(std::nullopt, &diags);
  CHECK(diags.empty());
  REQUIRE(reqs.size() > 50);
  std::set<std::string> ids;
  for (const auto& r : reqs) {
    CHECK(ids.insert(r.id).second);
    CHECK(r.id.rfind(r.group + "-", 0) == 0);
    CHECK_FALSE(r.title.empty());
  }
}

TEST_CASE("rules/requirements.yaml is in sync with ../shared/domain/requirements.md") {
  std::string md_path = std::string(AKTKOLL_SHARED_DIR) + "/domain/requirements.md";
  if (!std::filesystem::exists(md_path)) {
    MESSAGE("no shared requirements document at " << md_path << "; nothing to compare");
    return;
  }
  std::ifstream in(md_path);
  std::stringstream buf;
  buf << in.rdbuf();
  // "- ID text" bullets, continued on indented lines.
  std::vector<std::pair<std::string, std::string>> md;
  std::regex bullet("^- ([A-Z]+-\\d+) (.*)$");
  std::string line;
  std::istringstream lines(buf.str());
  bool in_bullet = false;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_match(line, m, bullet)) {
      md.push_back({m[1], m[2]});
      in_bullet = true;
    } else if (in_bullet && line.rfind("  ", 0) == 0 && line.find_first_not_of(' ') != std::string::npos) {
      md.back().second += " " + line.substr(line.find_first_not_of(' '));
    } else {
      in_bullet = false;
    }
  }
  aktkoll::ruleset::Diagnostics diags;
  auto reqs = aktkoll::ruleset::LoadRequirements(std::nullopt, &diags);
  REQUIRE(reqs.size() == md.size());
  for (size_t i = 0; i < md.size(); ++i) {
    INFO(md[i].first);
    CHECK(reqs[i].id == md[i].first);
    // The title is the text's first sentence (without its seed reference).
    std::string text = std::regex_replace(md[i].second, std::regex("\\s+"), " ");
    std::string title = reqs[i].title;
    CHECK(text.compare(0, title.size(), title) == 0);
  }
}
