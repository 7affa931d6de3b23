// rules/requirements.yaml is generated from ../shared/domain/requirements.md and
// rules/requirement_titles_sv.yaml (tests/ruleset/gen_requirements.py); this keeps them in
// sync while the shared file is present beside the checkout.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
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
    CHECK_FALSE(r.title.sv.empty());
  }
}

// Reads a whole file, or "" when it cannot be read.
std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// The generator is the one definition of how titles are made (first sentence, seed
// references named by source); running it here keeps the file and the source in step.
TEST_CASE("rules/requirements.yaml is what gen_requirements.py makes of ../shared/domain/requirements.md") {
  std::string md_path = std::string(AKTKOLL_SHARED_DIR) + "/domain/requirements.md";
  if (!std::filesystem::exists(md_path)) {
    MESSAGE("no shared requirements document at " << md_path << "; nothing to compare");
    return;
  }
  if (std::system("python3 -c pass >/dev/null 2>&1") != 0) {
    MESSAGE("python3 is not available; cannot run tests/ruleset/gen_requirements.py");
    return;
  }
  std::string src = AKTKOLL_SOURCE_DIR;
  std::string cmd = "python3 '" + src + "/tests/ruleset/gen_requirements.py' '" + md_path + "'";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string generated;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) generated.append(buf, n);
  CHECK(pclose(p) == 0);
  CHECK(generated == ReadAll(src + "/rules/requirements.yaml"));
}

TEST_CASE("every requirement has a Swedish title of its own, and no title names a seed") {
  aktkoll::ruleset::Diagnostics diags;
  auto reqs = aktkoll::ruleset::LoadRequirements(std::nullopt, &diags);
  CHECK(diags.empty());
  REQUIRE_FALSE(reqs.empty());
  std::regex seed("\\bseeds?\\b", std::regex::icase);
  for (const auto& r : reqs) {
    INFO(r.id);
    CHECK_FALSE(r.title.sv.empty());
    CHECK_FALSE(r.title.en.empty());
    CHECK(r.title.sv != r.title.en);
    CHECK_FALSE(std::regex_search(r.title.sv, seed));
    CHECK_FALSE(std::regex_search(r.title.en, seed));
  }
}

TEST_CASE("a requirement whose title lacks a language is an error") {
  aktkoll::ruleset::Diagnostics diags;
  auto reqs = aktkoll::ruleset::LoadRequirements(
      std::string("requirements:\n  - id: UPP-1\n    group: UPP\n    title: \"Uppdrag finns.\"\n"), &diags);
  CHECK(reqs.empty());
  REQUIRE(diags.size() == 1);
  const aktkoll::ruleset::Diagnostic& d = diags.list()[0];
  CHECK(d.path == "rules/requirements.yaml");
  CHECK(d.pos.line == 4);
  CHECK(d.message.sv == "kravets rubrik ska finnas på svenska och engelska (title: {sv, en})");
  CHECK(d.message.en == "the requirement's title must be given in Swedish and English (title: {sv, en})");
}
