// End-to-end report tests over examples/: the JSON report validates against
// schemas/report.schema.json, one run writes every format, SARIF validates against the
// official SARIF 2.1.0 schema with as many results as JSON findings, the JUnit XML
// validates against the Jenkins JUnit schema with one test case per case and rule, the CSV
// opens in Swedish Excel, the HTML loads nothing external, and no format shows a
// personnummer or a name without --show-personal-data.
#include <doctest/doctest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run.h"

namespace fs = std::filesystem;
using aktkoll::testing::ReadText;
using aktkoll::testing::Run;

namespace {

const char* kAsOf = "--as-of 2026-11-23";
const std::vector<std::string> kFormats = {"text", "json", "sarif", "junit", "github", "csv", "xlsx", "html", "md"};

std::string Ext(const std::string& f) {
  if (f == "junit") return "xml";
  if (f == "text") return "txt";
  if (f == "github") return "github.txt";  // not report.txt: one file per format
  return f;
}

struct Outputs {
  fs::path dir;
  int exit_code = -1;
  std::string err;
  fs::path Of(const std::string& f) const { return dir / ("report." + Ext(f)); }
};

// One run over examples/ writing every format (computed once).
const Outputs& AllFormats(const std::string& extra = "") {
  static std::map<std::string, Outputs> cache;
  auto it = cache.find(extra);
  if (it != cache.end()) return it->second;
  Outputs o;
  o.dir = fs::temp_directory_path() / ("aktkoll-formats-" + std::to_string(::getpid()) + std::to_string(cache.size()));
  fs::remove_all(o.dir);
  fs::create_directories(o.dir);
  std::string cmd = std::string("aktkoll check examples ") + kAsOf + " " + extra;
  for (const auto& f : kFormats) cmd += " --format " + f + ":" + o.Of(f).string();
  auto r = Run(cmd);
  o.exit_code = r.exit_code;
  o.err = r.err;
  return cache[extra] = o;
}

// The text of an output; for xlsx, the XML inside the zip.
std::string Text(const Outputs& o, const std::string& f) {
  if (f != "xlsx") return ReadText(o.Of(f).string());
  return Run("unzip -p '" + o.Of(f).string() + "'").out;
}

// Full names and identity numbers that occur in examples/ (or another folder of the tree),
// in any field whose key ends in "name" (name, author_name...) or in free text.
void PersonalData(std::set<std::string>* names, std::set<std::string>* ids, const char* folder = "examples") {
  std::regex name_re(R"re("?[a-z_]*name"?\s*:\s*"?([A-ZÅÄÖ][a-zåäöéü]+(?:[ -][A-ZÅÄÖ][a-zåäöéü]+)+)"?)re");
  std::regex id_re(R"((?:19|20)?[0-9]{6}[-+]?[0-9]{4})");
  for (const auto& e : fs::recursive_directory_iterator(fs::path(AKTKOLL_SOURCE_DIR) / folder)) {
    if (!e.is_regular_file()) continue;
    std::string text = ReadText(e.path().string());
    for (std::sregex_iterator m(text.begin(), text.end(), name_re), end; m != end; ++m) names->insert((*m)[1]);
    for (std::sregex_iterator m(text.begin(), text.end(), id_re), end; m != end; ++m) {
      std::string digits;
      for (char c : m->str())
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
      if (digits.size() == 12) digits = digits.substr(2);
      ids->insert(digits);  // YYMMDDNNNN
    }
  }
}

// Any run of 10 or 12 digits (optionally with - or + before the last four) that is not
// part of a longer alphanumeric token such as a SHA-256.
std::vector<std::string> IdLikeTokens(const std::string& text) {
  std::vector<std::string> out;
  std::regex re(R"((?:19|20)?[0-9]{6}[-+]?[0-9]{4})");
  for (std::sregex_iterator m(text.begin(), text.end(), re), end; m != end; ++m) {
    size_t b = m->position(), e = b + m->length();
    auto alnum = [&](size_t i) { return std::isalnum(static_cast<unsigned char>(text[i])) != 0; };
    if ((b > 0 && alnum(b - 1)) || (e < text.size() && alnum(e))) continue;
    out.push_back(m->str());
  }
  return out;
}

}  // namespace

TEST_CASE("check examples --format json exits 1, validates, and every finding has a line") {
  fs::path out = fs::temp_directory_path() / ("aktkoll-json-" + std::to_string(::getpid()) + ".json");
  auto run = Run(std::string("aktkoll check examples --format json:") + out.string() + " " + kAsOf);
  CHECK(run.exit_code == 1);
  auto v = Run("json_schema_check schemas/report.schema.json '" + out.string() + "'");
  CHECK_MESSAGE(v.exit_code == 0, v.err);
  auto j = nlohmann::json::parse(ReadText(out.string()));
  REQUIRE(j["findings"].size() > 0);
  for (const auto& f : j["findings"]) {
    CAPTURE(f.dump());
    CHECK(f["line"].get<int>() >= 1);
  }
  fs::remove(out);
}

TEST_CASE("one run writes every format") {
  const Outputs& o = AllFormats();
  CHECK_MESSAGE(o.exit_code == 1, o.err);
  for (const auto& f : kFormats) {
    CAPTURE(f);
    REQUIRE(fs::exists(o.Of(f)));
    CHECK(fs::file_size(o.Of(f)) > 0);
  }
  // No temporary report files are left behind.
  for (const auto& e : fs::directory_iterator(o.dir)) CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("SARIF validates against the SARIF 2.1.0 schema and matches the JSON findings") {
  const Outputs& o = AllFormats();
  REQUIRE_MESSAGE(fs::exists(SARIF_SCHEMA), "SARIF schema missing: the sarif_schema fixture installs it");
  auto v = Run("json_schema_check '" SARIF_SCHEMA "' '" + o.Of("sarif").string() + "'");
  CHECK_MESSAGE(v.exit_code == 0, v.err);
  auto sarif = nlohmann::json::parse(ReadText(o.Of("sarif").string()));
  auto json = nlohmann::json::parse(ReadText(o.Of("json").string()));
  CHECK(sarif["runs"][0]["results"].size() == json["findings"].size());
  for (const auto& r : sarif["runs"][0]["results"]) {
    const auto& region = r["locations"][0]["physicalLocation"]["region"];
    CHECK(region["startLine"].get<int>() >= 1);
    CHECK(region["startColumn"].get<int>() >= 1);
  }
  // The tool points at its documentation: the README the package installs.
  const auto& driver = sarif["runs"][0]["tool"]["driver"];
  CHECK(driver["informationUri"] == "file:///usr/share/doc/aktkoll/README.md");
  // Every rule has a readable name other than its id and help text, and every result
  // names a declared rule by id and index.
  std::vector<std::string> ids;
  for (const auto& d : driver["rules"]) {
    CAPTURE(d["id"].get<std::string>());
    ids.push_back(d["id"].get<std::string>());
    CHECK(d["name"] != d["id"]);
    CHECK(!d["help"]["text"].get<std::string>().empty());
  }
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
  for (const auto& r : sarif["runs"][0]["results"]) {
    CAPTURE(r["ruleId"].get<std::string>());
    REQUIRE(r["ruleIndex"].get<size_t>() < ids.size());
    CHECK(ids[r["ruleIndex"].get<size_t>()] == r["ruleId"]);
  }
  // The checks that are not rules of the pack (schema, input-error, rule-error,
  // waiver-expired, waiver-unused) close the list, declared whole as expected.
  REQUIRE(driver["rules"].size() >= 5);
  nlohmann::json built_in = nlohmann::json::array();
  for (size_t i = driver["rules"].size() - 5; i < driver["rules"].size(); ++i) built_in.push_back(driver["rules"][i]);
  const std::string expected_file = std::string(AKTKOLL_SOURCE_DIR) + "/tests/cli/expected/sarif-built-in-checks.json";
  if (std::getenv("AKTKOLL_UPDATE")) aktkoll::testing::WriteText(expected_file, built_in.dump(2) + "\n");
  CHECK(built_in.dump(2) + "\n" == ReadText(expected_file));
}

// xmllint validates a JUnit file against the Jenkins JUnit schema (the junit_schema fixture).
static void CheckJunitSchema(const fs::path& file) {
  REQUIRE_MESSAGE(fs::exists(JUNIT_SCHEMA), "JUnit schema missing: the junit_schema fixture installs it");
  auto r = Run("xmllint --noout --schema '" JUNIT_SCHEMA "' '" + file.string() + "'");
  CHECK_MESSAGE(r.exit_code == 0, r.err);
}

TEST_CASE("the JUnit XML validates against the Jenkins JUnit schema, one test case per case and rule") {
  const Outputs& o = AllFormats();
  CheckJunitSchema(o.Of("junit"));
  // The test cases are exactly the (case, rule) pairs the JSON report lists as applied, and
  // those that fail are exactly its failed ones; every element has a time.
  const std::string junit = ReadText(o.Of("junit").string());
  std::set<std::string> tests, failed;
  std::regex testcase_re(R"re(<testcase classname="([^"]*)" name="([^"]*)" time="0"(/?)>)re");
  for (std::sregex_iterator m(junit.begin(), junit.end(), testcase_re), end; m != end; ++m) {
    const std::string key = (*m)[1].str() + " " + (*m)[2].str();
    CHECK_MESSAGE(tests.insert(key).second, "twice: " << key);
    if ((*m)[3].str().empty()) failed.insert(key);
  }
  std::set<std::string> applied, json_failed;
  auto json = nlohmann::json::parse(ReadText(o.Of("json").string()));
  for (const auto& c : json["cases"]) {
    const std::string cls = c["path"].get<std::string>() + ": " + c["case_id"].get<std::string>();
    for (const auto& id : c["applied"]) applied.insert(cls + " " + id.get<std::string>());
    for (const auto& id : c["failed"]) json_failed.insert(cls + " " + id.get<std::string>());
  }
  REQUIRE(applied.size() > json["cases"].size());
  CHECK(tests == applied);
  CHECK(failed == json_failed);
  size_t suites = 0;
  for (size_t at = junit.find("<testsuite "); at != std::string::npos; at = junit.find("<testsuite ", at + 1)) {
    CHECK(junit.substr(at, junit.find('>', at) - at).find(" time=\"0\"") != std::string::npos);
    suites++;
  }
  CHECK(suites == json["summary"]["files"].get<size_t>());
  CHECK(junit.find("<testsuites name=\"aktkoll\" time=\"0\">") != std::string::npos);
}

TEST_CASE("CSV is UTF-8 with BOM, ';' separated, CRLF") {
  std::string csv = ReadText(AllFormats().Of("csv").string());
  REQUIRE(csv.size() > 3);
  CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(csv.substr(3, csv.find("\r\n") - 3).find("Fil;Rad;Kolumn;Ärende;Enhet;Insatstyp") == 0);
  for (size_t i = 0; i < csv.size(); ++i)
    if (csv[i] == '\n') REQUIRE((i > 0 && csv[i - 1] == '\r'));
}

TEST_CASE("the xlsx workbook is a valid zip with a summary and a findings sheet") {
  const Outputs& o = AllFormats();
  auto r = Run("unzip -t '" + o.Of("xlsx").string() + "'");
  CHECK_MESSAGE(r.exit_code == 0, (r.out + r.err));
  std::string book = Run("unzip -p '" + o.Of("xlsx").string() + "' xl/workbook.xml").out;
  CHECK(book.find("Sammanfattning") != std::string::npos);
  CHECK(book.find("Anmärkningar") != std::string::npos);
  CHECK(Text(o, "xlsx").find("autoFilter") != std::string::npos);
}

TEST_CASE("the HTML report loads nothing external") {
  std::string html = ReadText(AllFormats().Of("html").string());
  CHECK(html.find("<!DOCTYPE html>") == 0);
  for (const char* bad : {"http:", "https:", "//", "<script", "<link", "src=", "@import", "url("}) {
    CAPTURE(bad);
    if (std::string(bad) == "//") continue;  // harmless inside text; covered by http:/https:
    CHECK(html.find(bad) == std::string::npos);
  }
  CHECK(html.find("<svg") != std::string::npos);
}

TEST_CASE("no format shows a personnummer or a name without --show-personal-data") {
  std::set<std::string> names, ids;
  PersonalData(&names, &ids);
  REQUIRE(names.size() >= 5);
  REQUIRE(ids.size() >= 5);
  const Outputs& o = AllFormats();
  for (const auto& f : kFormats) {
    CAPTURE(f);
    std::string text = Text(o, f);
    REQUIRE(!text.empty());
    for (const auto& n : names) {
      CAPTURE(n);
      CHECK(text.find(n) == std::string::npos);
    }
    for (const auto& token : IdLikeTokens(text)) {
      CAPTURE(token);
      CHECK_MESSAGE(false, "an identity-number-like token in the output");
    }
  }
  // And with the flag, the JSON report does show them.
  const Outputs& shown = AllFormats("--show-personal-data");
  std::string json = ReadText(shown.Of("json").string());
  bool any_name = false;
  for (const auto& n : names) any_name |= json.find(n) != std::string::npos;
  CHECK(any_name);
}

namespace {

// Whether `word` occurs in `text` as a whole word (not inside a longer word).
bool HasWord(const std::string& text, const std::string& word) {
  auto letter = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool start = at == 0 || !letter(static_cast<unsigned char>(text[at - 1]));
    const size_t end = at + word.size();
    if (start && (end == text.size() || !letter(static_cast<unsigned char>(text[end])))) return true;
  }
  return false;
}

// One run writing every format over `inputs` with `extra` options, into a fresh folder.
Outputs EveryFormat(const std::string& inputs, const std::string& extra) {
  static int n = 0;
  Outputs o;
  o.dir = fs::temp_directory_path() / ("aktkoll-every-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  fs::remove_all(o.dir);
  fs::create_directories(o.dir);
  std::string cmd = "aktkoll check " + inputs + " " + kAsOf + " " + extra;
  for (const auto& f : kFormats) cmd += " --format " + f + ":" + o.Of(f).string();
  auto r = Run(cmd);
  o.exit_code = r.exit_code;
  o.err = r.err;
  return o;
}

}  // namespace

TEST_CASE("no format quotes free text from a coded field, nor any example's names, without the flag") {
  // The names of every example and of the test data (where a name and a personnummer are
  // typed into closure.reason), in full and by given name and surname.
  std::set<std::string> names, ids;
  PersonalData(&names, &ids);
  PersonalData(&names, &ids, "tests/cli/data");
  names.insert("Noah Exempelberg");
  std::set<std::string> words;
  for (const auto& n : names) {
    words.insert(n);
    for (size_t b = 0, e; b < n.size(); b = e + 1) {
      e = n.find_first_of(" -", b);
      if (e == std::string::npos) e = n.size();
      words.insert(n.substr(b, e - b));
    }
  }
  words.erase("Per");  // a given name, and the reports' own word ("Per regel" in the workbook)
  const Outputs o = EveryFormat("examples tests/cli/data", "");
  CHECK_MESSAGE(o.exit_code == 1, o.err);
  for (const auto& f : kFormats) {
    CAPTURE(f);
    std::string text = Text(o, f);
    REQUIRE(!text.empty());
    for (const auto& w : words) {
      CAPTURE(w);
      CHECK_FALSE(HasWord(text, w));
    }
    for (const auto& token : IdLikeTokens(text)) {
      CAPTURE(token);
      CHECK_MESSAGE(false, "an identity-number-like token in the output");
    }
  }
  fs::remove_all(o.dir);
  // With --show-personal-data the case heading names the individual (in the text report,
  // for one); the rule's message still quotes nothing (it says the code is unknown).
  auto shown = Run(std::string("aktkoll check tests/cli/data/fritext-i-kodfalt.yaml --select DATA-003-AVSLUT ") + kAsOf +
                   " --show-personal-data");
  CHECK(shown.out.find("Wilma Exempelsson, 201603122381") != std::string::npos);
  CHECK(shown.out.find("Noah Exempelberg") == std::string::npos);
}

TEST_CASE("with the README's baseline every format passes what the exit code passes") {
  fs::path dir = fs::temp_directory_path() / ("aktkoll-baseline-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string baseline = (dir / "baslinje.json").string();
  auto w = Run(std::string("aktkoll check examples ") + kAsOf + " --write-baseline " + baseline + " --format json:" +
               (dir / "nu.json").string());
  REQUIRE_MESSAGE(w.exit_code == 1, w.err);
  const Outputs o = EveryFormat("examples", "--baseline " + baseline);
  CHECK_MESSAGE(o.exit_code == 0, o.err);
  const std::string junit = Text(o, "junit");
  CHECK(junit.find("<failure") == std::string::npos);
  CHECK(junit.find("<error") == std::string::npos);
  CHECK(junit.find("<skipped>i baslinjen</skipped>") != std::string::npos);
  CheckJunitSchema(o.Of("junit"));
  const std::string github = Text(o, "github");
  CHECK(github.find("::error") == std::string::npos);
  CHECK(github.find("::warning") == std::string::npos);
  CHECK(github.find("— i baslinjen::") != std::string::npos);
  auto v = Run("json_schema_check '" SARIF_SCHEMA "' '" + o.Of("sarif").string() + "'");
  CHECK_MESSAGE(v.exit_code == 0, v.err);
  auto sarif = nlohmann::json::parse(Text(o, "sarif"));
  REQUIRE(!sarif["runs"][0]["results"].empty());
  for (const auto& res : sarif["runs"][0]["results"]) CHECK(res["baselineState"] == "unchanged");
  auto json = nlohmann::json::parse(Text(o, "json"));
  const size_t findings = json["findings"].size();
  CHECK(json["summary"]["baseline"].get<size_t>() == findings);
  // CSV: a status on every row; XLSX: the same status.
  const std::string csv = Text(o, "csv");
  size_t rows = 0, in_baseline = 0;
  for (size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) rows++;
  for (size_t at = csv.find(";i baslinjen\r\n"); at != std::string::npos; at = csv.find(";i baslinjen\r\n", at + 1))
    in_baseline++;
  CHECK(rows == findings + 1);
  CHECK(in_baseline == findings);
  const std::string xlsx = Text(o, "xlsx");
  size_t xlsx_status = 0;
  for (size_t at = xlsx.find(">i baslinjen<"); at != std::string::npos; at = xlsx.find(">i baslinjen<", at + 1)) xlsx_status++;
  CHECK(xlsx_status == findings);
  const std::string md = Text(o, "md");
  CHECK(md.find("| i baslinjen |") != std::string::npos);
  const std::string html = Text(o, "html");
  CHECK(html.find("[i baslinjen]") != std::string::npos);
  // Without a baseline, SARIF has no baselineState at all.
  auto plain = nlohmann::json::parse(ReadText(AllFormats().Of("sarif").string()));
  for (const auto& res : plain["runs"][0]["results"]) CHECK_FALSE(res.contains("baselineState"));
  fs::remove_all(dir);
  fs::remove_all(o.dir);
}

TEST_CASE("record data reaches the HTML report, its filter and its style only escaped") {
  fs::path out = fs::temp_directory_path() / ("aktkoll-html-" + std::to_string(::getpid()) + ".html");
  auto r = Run(std::string("aktkoll check tests/cli/data ") + kAsOf + " --format html:" + out.string());
  CHECK_MESSAGE(r.exit_code == 1, r.err);
  const std::string html = ReadText(out.string());
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>Barn") == std::string::npos);
  // The unit is an option of the unit filter (escaped as HTML) and a selector of its
  // style rule (escaped as CSS).
  CHECK(html.find("<option value=\"+46 &lt;b&gt;Barn&lt;/b&gt; &amp; familj | Visby\">") != std::string::npos);
  CHECK(html.find("[data-unit=\"\\2b 46 \\3c b\\3e Barn\\3c \\2f b\\3e  \\26  familj \\7c  Visby\"]") != std::string::npos);
  fs::remove(out);
}
