#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "document/loader.h"
#include "load_helpers.h"

namespace fs = std::filesystem;
using namespace aktkoll::document;

TEST_CASE("ExpandPaths: files as given, directories recursively and sorted, missing reported") {
  fs::path dir = fs::temp_directory_path() / "aktkoll_document_paths_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "b" / "c");
  for (const char* f : {"z.yaml", "a.json", "b/c/x.jsonl", "b/y.yml", "b/y.ndjson", "B.YAML",
                        "notes.txt", "b/c/readme.md"})
    std::ofstream(dir / f) << "a: 1\n";
  std::vector<std::string> missing;
  std::string d = dir.string();
  auto out = ExpandPaths({"-", d + "/notes.txt", d, d + "/nope.yaml"}, &missing);
  CHECK(out == std::vector<std::string>{"-", d + "/notes.txt", d + "/B.YAML", d + "/a.json",
                                        d + "/b/c/x.jsonl", d + "/b/y.ndjson", d + "/b/y.yml",
                                        d + "/z.yaml"});
  CHECK(missing == std::vector<std::string>{d + "/nope.yaml"});
  fs::remove_all(dir);
}

TEST_CASE("LoadFile: a missing file gives one error document without a path prefix") {
  std::vector<LoadedDocument> docs;
  LoadFile("/nonexistent/aktkoll/x.yaml", Format::kAuto, Limits{},
           [&](LoadedDocument&& d) { docs.push_back(std::move(d)); });
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].has_error);
  CHECK(docs[0].path == "/nonexistent/aktkoll/x.yaml");
  CHECK(docs[0].error.message == "filen finns inte");
}

TEST_CASE("LoadFile: a file name with åäö and spaces loads") {
  fs::path file = fs::temp_directory_path() / "aktkoll ärende öö.yaml";
  std::ofstream(file) << "case_id: X-1\n";
  std::vector<LoadedDocument> docs;
  LoadFile(file.string(), Format::kAuto, Limits{}, [&](LoadedDocument&& d) { docs.push_back(std::move(d)); });
  REQUIRE(docs.size() == 1);
  CHECK(!docs[0].has_error);
  CHECK(docs[0].root.Find("case_id")->string == "X-1");
  fs::remove(file);
}

TEST_CASE("LoadBuffer: an exception from the sink propagates unchanged, once") {
  struct Stop {};
  int calls = 0;
  auto sink = [&](LoadedDocument&&) {
    ++calls;
    throw Stop{};
  };
  CHECK_THROWS_AS(LoadBuffer("x", "a: 1\n---\nb: 2\n", Format::kYaml, Limits{}, sink), Stop);
  CHECK(calls == 1);
  calls = 0;
  CHECK_THROWS_AS(LoadBuffer("x", "[{}, {}]", Format::kJson, Limits{}, sink), Stop);
  CHECK(calls == 1);
  calls = 0;
  CHECK_THROWS_AS(LoadBuffer("x", "{}\n{}\n", Format::kJsonLines, Limits{}, sink), Stop);
  CHECK(calls == 1);
}
