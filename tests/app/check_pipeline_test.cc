#include "app/check_pipeline.h"

#include <doctest/doctest.h>

#include <string>

using aktkoll::app::LastChunkBoundary;
using aktkoll::app::NotAMappingMessage;
using aktkoll::document::Kind;

TEST_CASE("YAML chunks end before a `---` line, also after a BOM, or after a `...` line") {
  CHECK(LastChunkBoundary("a: 1\n---\nb: 2\n", true) == 5);
  CHECK(LastChunkBoundary("a: 1\n\xEF\xBB\xBF---\nb: 2\n", true) == 5);
  CHECK(LastChunkBoundary("a: 1\n...\nb: 2\n", true) == 9);
  CHECK(LastChunkBoundary("a: 1\n...\n", true) == 0);  // nothing after it yet
  CHECK(LastChunkBoundary("a: 1\nb: 2\n", true) == 0);
  CHECK(LastChunkBoundary("a: 1\n---x\n", true) == 0);
  // A `---` right after a directive belongs with it.
  CHECK(LastChunkBoundary("a: 1\n...\n%YAML 1.2\n---\nb: 2\n", true) == 9);
  // Only lines starting at or after `from` are looked at.
  CHECK(LastChunkBoundary("---\na: 1\nb: 2\n", true, 4) == 0);
  CHECK(LastChunkBoundary("---\na: 1\n---\nb: 2\n", true, 4) == 9);
  CHECK(LastChunkBoundary("{}\n{}\n", false) == 3);
}

TEST_CASE("a document that is not a mapping: the message names what it is") {
  CHECK(NotAMappingMessage(Kind::kString, false) ==
        "ett ärende måste vara en mappning (nyckel: värde), men dokumentet är en sträng");
  CHECK(NotAMappingMessage(Kind::kSequence, false) ==
        "ett ärende måste vara en mappning (nyckel: värde), men dokumentet är en lista");
  CHECK(NotAMappingMessage(Kind::kNull, false) ==
        "ett ärende måste vara en mappning (nyckel: värde), men dokumentet är tomt");
  CHECK(NotAMappingMessage(Kind::kInt, true) == "a case record must be a mapping (key: value), but the document is a number");
}
