#include "document/node_codec.h"

#include <doctest/doctest.h>

#include "document/loader.h"
#include "document/same_tree.h"

namespace aktkoll::document {

namespace {

Node Parse(const std::string& yaml) {
  Node root;
  LoadBuffer("t.yaml", yaml, Format::kYaml, Limits{}, [&](LoadedDocument&& d) {
    REQUIRE_FALSE(d.has_error);
    root = std::move(d.root);
  });
  return root;
}

const char* const kSample =
    "id: GP-001\n"
    "title: {sv: \"Målet\", en: Goal}\n"
    "n: -42\n"
    "big: 9223372036854775807\n"
    "small: -9223372036854775808\n"
    "x: 2.5\n"
    "yes: true\n"
    "none: null\n"
    "list:\n  - a\n  - [1, 2, {k: v}]\n"
    "text: |\n  rad ett\n  rad två \"citat\" \\\\ ?? \x01\n";

TEST_CASE("an encoded tree decodes to the same tree, positions included") {
  Node root = Parse(kSample);
  root.entries[0].value.source = 3;
  std::string enc = EncodeNode(root);
  auto back = DecodeNode(enc);
  REQUIRE(back);
  CHECK(SameTree(root, *back));
  CHECK(back->Find("small")->integer == INT64_MIN);
  CHECK(back->Find("big")->integer == INT64_MAX);
  CHECK(back->Find("list")->items[1].items[2].entries[0].key_pos == core::Position{11, 13});
}

TEST_CASE("every truncation, and trailing bytes, are rejected without a crash") {
  std::string enc = EncodeNode(Parse(kSample));
  for (size_t n = 0; n < enc.size(); ++n) CHECK_FALSE(DecodeNode(std::string_view(enc).substr(0, n)));
  CHECK_FALSE(DecodeNode(enc + "x"));
  CHECK_FALSE(DecodeNode(std::string("\x09\x00\x00\x00", 4)));        // no such kind
  CHECK_FALSE(DecodeNode(std::string("\x05\x00\x01\x01\xff\xff\xff\x0f", 8)));  // 4 G items in 0 bytes
}

}  // namespace
}  // namespace aktkoll::document
