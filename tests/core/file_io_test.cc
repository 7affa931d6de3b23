#include "core/file_io.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace aktkoll::core;

TEST_CASE("ReadFile reads a file, refuses directories, missing files and oversize files") {
  fs::path dir = fs::temp_directory_path() / "aktkoll_core_test";
  fs::create_directories(dir);
  fs::path file = dir / "a.yaml";
  { std::ofstream(file) << "case_id: A-1\n"; }

  auto ok = ReadFile(file.string());
  REQUIRE(ok.ok());
  CHECK(*ok == "case_id: A-1\n");

  auto missing = ReadFile((dir / "nope.yaml").string());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK(missing.status().message() == (dir / "nope.yaml").string() + ": filen finns inte");

  auto directory = ReadFile(dir.string());
  CHECK(directory.status().code() == StatusCode::kInputError);
  CHECK(directory.status().message() == dir.string() + ": är en katalog, inte en fil");

  auto big = ReadFile(file.string(), 4);
  CHECK(big.status().message() == file.string() + ": filen är större än gränsen 4 byte (--max-file-size)");
  fs::remove_all(dir);
}

TEST_CASE("WriteFileAtomically replaces the file and leaves no temporary behind") {
  fs::path dir = fs::temp_directory_path() / "aktkoll_core_atomic";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::path out = dir / "report.json";
  REQUIRE(WriteFileAtomically(out.string(), "first").ok());
  REQUIRE(WriteFileAtomically(out.string(), "second").ok());
  std::ifstream in(out);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  CHECK(content == "second");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);

  Status bad = WriteFileAtomically((dir / "no/such/dir/x.json").string(), "x");
  CHECK(bad.code() == StatusCode::kIoError);
  fs::remove_all(dir);
}
