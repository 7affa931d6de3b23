// Data-driven hostile-input suite; see README.md.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "document/loader.h"

namespace fs = std::filesystem;
using namespace aktkoll::document;

namespace {

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Parses a quoted recipe string with C-style escapes.
std::string Unquote(std::string_view s) {
  REQUIRE(s.size() >= 2);
  REQUIRE(s.front() == '"');
  REQUIRE(s.back() == '"');
  s = s.substr(1, s.size() - 2);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char e = s[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'x': {
        REQUIRE(i + 2 < s.size());
        out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
        i += 2;
        break;
      }
      default: out += e;
    }
  }
  return out;
}

std::string Generate(const fs::path& recipe) {
  std::istringstream in(ReadAll(recipe));
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("text ", 0) == 0) {
      out += Unquote(line.substr(5));
    } else if (line.rfind("repeat ", 0) == 0) {
      size_t space = line.find(' ', 7);
      REQUIRE(space != std::string::npos);
      size_t n = std::stoul(line.substr(7, space - 7));
      std::string unit = Unquote(line.substr(space + 1));
      out.reserve(out.size() + n * unit.size());
      for (size_t i = 0; i < n; ++i) out += unit;
    } else {
      FAIL("unknown recipe line in " << recipe.string() << ": " << line);
    }
  }
  return out;
}

// "\"text\"", 42, 1.5, true, null, {3} (a mapping of 3 entries), [2] (a sequence of 2).
std::string Render(const Node& n) {
  char buf[64];
  switch (n.kind) {
    case Kind::kNull: return "null";
    case Kind::kBool: return n.boolean ? "true" : "false";
    case Kind::kInt: return std::to_string(n.integer);
    case Kind::kDouble: std::snprintf(buf, sizeof buf, "%g", n.number); return buf;
    case Kind::kString: return "\"" + n.string + "\"";
    case Kind::kSequence: return "[" + std::to_string(n.items.size()) + "]";
    case Kind::kMapping: return "{" + std::to_string(n.entries.size()) + "}";
  }
  return "?";
}

// The pointers that `expected` asks about for each document: lines "  /pointer = …" after
// "doc N: ok".
std::vector<std::vector<std::string>> PointersAskedFor(const std::string& expected) {
  std::vector<std::vector<std::string>> out;
  std::istringstream in(expected);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("doc ", 0) == 0) {
      size_t index = std::stoul(line.substr(4));
      if (out.size() <= index) out.resize(index + 1);
    } else if (line.rfind("  ", 0) == 0 && !out.empty()) {
      out.back().push_back(line.substr(2, line.find(" = ") - 2));
    }
  }
  return out;
}

// One line per document, plus "  /pointer = value @line:column" for each pointer asked for.
std::string Summarise(const std::string& path, const std::string& expected) {
  std::vector<std::vector<std::string>> pointers = PointersAskedFor(expected);
  std::string out;
  LoadFile(path, FormatFromPath(path), Limits{}, [&](LoadedDocument&& d) {
    out += "doc " + std::to_string(d.index) + ": ";
    if (d.has_error) {
      out += "error " + std::to_string(d.error.pos.line) + ":" + std::to_string(d.error.pos.column) +
             ": " + d.error.message + "\n";
      return;
    }
    out += "ok\n";
    if (static_cast<size_t>(d.index) >= pointers.size()) return;
    for (const std::string& pointer : pointers[static_cast<size_t>(d.index)]) {
      out += "  " + pointer + " = ";
      const Node* n = ResolvePointer(d.root, pointer);
      if (n == nullptr) {
        out += "(saknas)\n";
        continue;
      }
      out += Render(*n) + " @" + std::to_string(n->pos.line) + ":" + std::to_string(n->pos.column) + "\n";
    }
  });
  return out;
}

}  // namespace

TEST_CASE("hostile inputs give exactly the documents and errors in their .expected files") {
  fs::path dir = AKTKOLL_HOSTILE_INPUTS;
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() != ".expected")
      inputs.push_back(entry.path());
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(inputs.size() >= 30);

  fs::path scratch = fs::temp_directory_path() / ("aktkoll_hostile_" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  for (const fs::path& input : inputs) {
    std::string name = input.filename().string();
    INFO("input: " << name);
    fs::path expected_path = input;
    expected_path += ".expected";
    std::string load_path = input.string();
    if (input.extension() == ".gen") {
      fs::path generated = scratch / input.stem();
      std::ofstream(generated, std::ios::binary) << Generate(input);
      load_path = generated.string();
    }
    std::string expected = fs::exists(expected_path) ? ReadAll(expected_path) : std::string();
    std::string actual = Summarise(load_path, expected);
    if (!fs::exists(expected_path)) {
      // With AKTKOLL_HOSTILE_WRITE=1 the actual output is saved for review (still a failure).
      if (const char* w = std::getenv("AKTKOLL_HOSTILE_WRITE"); w != nullptr && std::string(w) == "1")
        std::ofstream(expected_path, std::ios::binary) << actual;
      FAIL_CHECK("missing " << expected_path.filename().string() << "; actual:\n" << actual);
      continue;
    }
    CHECK(actual == expected);
  }
  fs::remove_all(scratch);
}
