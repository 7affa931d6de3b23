#include "embedded/embedded.h"

#include <doctest/doctest.h>

#include "document/loader.h"
#include "document/node_codec.h"
#include "document/same_tree.h"

namespace aktkoll::embedded {
namespace {

TEST_CASE("the built-in packs, schemas and catalogues are embedded, sorted by path") {
  auto files = Files();
  REQUIRE(files.size() > 100);
  for (size_t i = 1; i < files.size(); ++i) CHECK(files[i - 1].path < files[i].path);
  CHECK(Find("rules/national/pack.yaml"));
  CHECK(Find("schemas/case.schema.json"));
  CHECK_FALSE(Find("rules/national/no-such-file.yaml"));
}

TEST_CASE("each build-time parsed tree is exactly what parsing the embedded text gives") {
  auto pre = PreparsedFiles();
  REQUIRE(pre.size() > 80);  // every rule.yaml, pack, profile and catalogue
  CHECK(FindPreparsed("rules/national/pack.yaml"));
  CHECK_FALSE(FindPreparsed("schemas/case.schema.json"));
  for (const File& f : pre) {
    CAPTURE(f.path);
    auto text = Find(f.path);
    REQUIRE(text);
    document::Node parsed;
    int count = 0;
    document::LoadBuffer(std::string(f.path), *text, document::Format::kYaml, document::Limits{},
                         [&](document::LoadedDocument&& d) {
                           ++count;
                           parsed = std::move(d.root);
                         });
    REQUIRE(count == 1);
    auto decoded = document::DecodeNode(f.content);
    REQUIRE(decoded);
    CHECK(document::SameTree(parsed, *decoded));
  }
}

}  // namespace
}  // namespace aktkoll::embedded
