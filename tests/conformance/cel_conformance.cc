// cel_conformance: runs the CEL conformance vectors (shared/conformance/cel) against the
// expression module.
//
//   cel_conformance [--known-failures FILE] [--disable-check FILE] [-v] PATH...
//
// PATH is a vector file or a directory of them. Prints one line per file and ends with
// the line "N passed, N failed". With --known-failures, every failing vector must be
// listed there (with "left out on purpose: ..." or "bug: ..."), and every listed vector
// must still fail, so the list cannot go stale; the exit code is 1 otherwise.
// --disable-check lists the vectors that cel-spec runs with its static checker turned off
// (its `disable_check: true`, lost in the JSON conversion); they compile with
// CompileOptions::check = false. All others are checked first.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "expr/program.h"

namespace fs = std::filesystem;
using aktkoll::expr::Kind;
using aktkoll::expr::Value;
using nlohmann::json;

namespace {

std::optional<Value> FromJson(const json& j, std::string* err) {
  const std::string type = j.at("type").get<std::string>();
  const json& v = j.contains("value") ? j.at("value") : json();
  if (type == "null") return Value::Null();
  if (type == "bool") return Value::Bool(v.get<bool>());
  if (type == "int") return Value::Int(std::stoll(v.get<std::string>()));
  if (type == "double") {
    if (v.is_string()) {
      std::string s = v.get<std::string>();
      if (s == "NaN") return Value::Double(std::nan(""));
      if (s == "Infinity") return Value::Double(INFINITY);
      if (s == "-Infinity") return Value::Double(-INFINITY);
      return Value::Double(std::stod(s));
    }
    return Value::Double(v.get<double>());
  }
  if (type == "string") return Value::String(v.get<std::string>());
  if (type == "list") {
    std::vector<Value> items;
    for (const json& e : v) {
      auto x = FromJson(e, err);
      if (!x) return std::nullopt;
      items.push_back(*x);
    }
    return aktkoll::expr::MakeList(std::move(items));
  }
  if (type == "map") {
    std::vector<std::pair<Value, Value>> entries;
    for (const json& e : v) {
      auto k = FromJson(e.at(0), err);
      auto x = FromJson(e.at(1), err);
      if (!k || !x) return std::nullopt;
      entries.emplace_back(*k, *x);
    }
    return aktkoll::expr::MakeMap(std::move(entries));
  }
  *err = "unsupported value type " + type;
  return std::nullopt;
}

// Exact equality for the test oracle: kinds must match (1 is not 1.0), NaN equals NaN,
// maps compare regardless of order.
bool SameValue(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kDouble: {
      double x = a.double_value(), y = b.double_value();
      return (std::isnan(x) && std::isnan(y)) || x == y;
    }
    case Kind::kList: {
      const auto& x = a.list_value();
      const auto& y = b.list_value();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        if (!SameValue(x.Get(i), y.Get(i))) return false;
      return true;
    }
    case Kind::kMap: {
      const auto& x = a.map_value();
      const auto& y = b.map_value();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        auto other = y.Find(x.KeyAt(i));
        if (!other || !SameValue(x.ValueAt(i), *other)) return false;
      }
      return true;
    }
    default:
      return aktkoll::expr::ValuesEqual(a, b);
  }
}

struct Outcome {
  bool pass = false;
  std::string detail;
};

Outcome RunVector(const json& t, bool check) {
  using namespace aktkoll::expr;
  static const auto registry = StandardRegistry();
  Env env(registry);
  std::vector<std::pair<std::string, Value>> bindings;
  std::string err;
  if (t.contains("bindings")) {
    for (const auto& [name, val] : t.at("bindings").items()) {
      auto v = FromJson(val, &err);
      if (!v) return {false, err};
      // Reserved names (e.g. "true") cannot be variables; the vector checks exactly that.
      if (env.Declare(name, Type::Dyn()).ok()) bindings.emplace_back(name, *v);
    }
  }
  CompileOptions copts;
  copts.lang = Lang::kEn;
  copts.check = check;
  const std::string src = t.at("expr").get<std::string>();
  CompileResult compiled = Compile(src, env, copts);
  const json& expect = t.at("expect");
  const bool want_error = expect.contains("error");
  if (!compiled.ok()) {
    std::string msg = FormatIssues("expr", src, compiled.issues, Lang::kEn);
    return {want_error, "compile error: " + msg};
  }
  Activation act(*compiled.program);
  for (auto& [name, v] : bindings) act.Bind(name, v);
  EvalOptions eopts;
  eopts.lang = Lang::kEn;
  Result<Value> r = compiled.program->Evaluate(act, eopts);
  if (want_error) {
    if (!r.ok()) return {true, ""};
    return {false, "expected an error, got " + DebugString(*r)};
  }
  auto want = FromJson(expect.at("value"), &err);
  if (!want) return {false, err};
  if (!r.ok()) return {false, "evaluation error: " + r.error().message()};
  if (!SameValue(*r, *want)) return {false, "got " + DebugString(*r) + ", want " + DebugString(*want)};
  return {true, ""};
}

// Reads "id rest-of-line" entries, ignoring blank lines and # comments.
bool ReadList(const std::string& path, std::map<std::string, std::string>* out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    size_t a = line.find_first_not_of(" \t");
    if (a == std::string::npos || line[a] == '#') continue;
    size_t b = line.find_first_of(" \t", a);
    std::string id = line.substr(a, b == std::string::npos ? std::string::npos : b - a);
    std::string rest;
    if (b != std::string::npos) {
      size_t c = line.find_first_not_of(" \t", b);
      if (c != std::string::npos) rest = line.substr(c);
    }
    (*out)[id] = rest;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  std::string known_path, unchecked_path;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--known-failures" && i + 1 < argc) known_path = argv[++i];
    else if (a == "--disable-check" && i + 1 < argc) unchecked_path = argv[++i];
    else if (a == "-v" || a == "--verbose") verbose = true;
    else if (a == "-h" || a == "--help") {
      std::cout << "usage: cel_conformance [--known-failures FILE] [--disable-check FILE] [-v] PATH...\n";
      return 0;
    } else paths.push_back(a);
  }
  if (paths.empty()) {
    std::cerr << "cel_conformance: no vector files given\n";
    return 2;
  }
  std::map<std::string, std::string> known, unchecked;
  if (!known_path.empty() && !ReadList(known_path, &known)) {
    std::cerr << "cel_conformance: cannot read " << known_path << "\n";
    return 2;
  }
  if (!unchecked_path.empty() && !ReadList(unchecked_path, &unchecked)) {
    std::cerr << "cel_conformance: cannot read " << unchecked_path << "\n";
    return 2;
  }
  int problems = 0;
  for (const auto& [id, reason] : known) {
    if (reason.rfind("left out on purpose:", 0) != 0 && reason.rfind("bug:", 0) != 0) {
      std::cerr << "known failure " << id << " needs a reason starting 'left out on purpose:' or 'bug:'\n";
      ++problems;
    }
  }

  std::vector<fs::path> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::directory_iterator(p))
        if (e.path().extension() == ".json") files.push_back(e.path());
    } else {
      files.emplace_back(p);
    }
  }
  std::sort(files.begin(), files.end());

  int total_pass = 0, total_fail = 0;
  std::set<std::string> seen;
  for (const fs::path& f : files) {
    std::ifstream in(f);
    json vectors;
    try {
      in >> vectors;
    } catch (const std::exception& e) {
      std::cerr << f.string() << ": cannot parse: " << e.what() << "\n";
      return 2;
    }
    int pass = 0, fail = 0;
    for (const json& t : vectors) {
      const std::string id = t.at("id").get<std::string>();
      seen.insert(id);
      Outcome o;
      try {
        o = RunVector(t, unchecked.count(id) == 0);
      } catch (const std::exception& e) {
        o = {false, std::string("exception in runner: ") + e.what()};
      }
      const bool listed = known.count(id) != 0;
      if (o.pass) {
        ++pass;
        if (listed) {
          std::cout << "  STALE " << id << ": listed in known failures but passes\n";
          ++problems;
        }
      } else {
        ++fail;
        if (!listed) {
          std::cout << "  FAIL " << id << ": " << o.detail << "\n";
          ++problems;
        } else if (verbose) {
          std::cout << "  known " << id << ": " << o.detail << "\n";
        }
      }
    }
    std::cout << f.filename().string() << ": " << pass << " passed, " << fail << " failed\n";
    total_pass += pass;
    total_fail += fail;
  }
  for (const auto& [id, reason] : known) {
    if (!seen.count(id)) {
      std::cout << "  STALE " << id << ": listed in known failures but no such vector\n";
      ++problems;
    }
  }
  std::cout << total_pass << " passed, " << total_fail << " failed\n";
  return known_path.empty() ? (total_fail ? 1 : 0) : (problems ? 1 : 0);
}
