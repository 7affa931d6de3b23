#include "core/source_location.h"

#include <doctest/doctest.h>

using aktkoll::core::FormatLocation;
using aktkoll::core::Position;

TEST_CASE("FormatLocation shows what is known") {
  CHECK(FormatLocation("a.yaml", Position{12, 5}) == "a.yaml:12:5");
  CHECK(FormatLocation("a.yaml", Position{12, 0}) == "a.yaml:12");
  CHECK(FormatLocation("a.yaml", Position{}) == "a.yaml");
}

TEST_CASE("Positions order by line, then column") {
  CHECK(Position{1, 9} < Position{2, 1});
  CHECK(Position{2, 1} < Position{2, 3});
}

#include "core/sha256.h"

TEST_CASE("Sha256Hex matches the published test vector") {
  CHECK(aktkoll::core::Sha256Hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(aktkoll::core::Sha256Hex("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
