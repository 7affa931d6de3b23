// schemas/rules.schema.json documents the format for editors; it must accept every
// built-in rule, pack and profile file and reject what the loader rejects.
#include <doctest/doctest.h>

#include "document/loader.h"
#include "embedded/embedded.h"
#include "validate/schema_validator.h"

namespace {

std::vector<aktkoll::core::Finding> Validate(const std::string& path, std::string_view yaml) {
  static auto schema = aktkoll::validate::CaseSchema::Parse(*aktkoll::embedded::Find("schemas/rules.schema.json"));
  REQUIRE(schema.ok());
  aktkoll::validate::SchemaChecker checker(*schema);
  std::vector<aktkoll::core::Finding> out;
  aktkoll::document::LoadBuffer(path, yaml, aktkoll::document::Format::kYaml, {},
                                [&](aktkoll::document::LoadedDocument&& d) {
                                  REQUIRE_FALSE(d.has_error);
                                  aktkoll::core::Finding base;
                                  base.path = path;
                                  checker.Check(d.root, base, &out);
                                });
  return out;
}

std::string Describe(const std::vector<aktkoll::core::Finding>& findings) {
  std::string out;
  for (const auto& f : findings)
    out += aktkoll::core::FormatLocation(f.path, f.pos) + " " + f.pointer + ": " + f.message.sv + "\n";
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

TEST_CASE("every built-in rule, pack and profile file matches rules.schema.json") {
  int checked = 0;
  for (const auto& f : aktkoll::embedded::List("rules/")) {
    if (!EndsWith(f.path, "/rule.yaml") && !EndsWith(f.path, "/pack.yaml") && !EndsWith(f.path, "/profile.yaml"))
      continue;
    auto findings = Validate(std::string(f.path), f.content);
    INFO(f.path);
    CHECK_MESSAGE(findings.empty(), Describe(findings));
    ++checked;
  }
  CHECK(checked >= 6);  // the national pack and its sample rules at least
}

TEST_CASE("rules.schema.json rejects unknown keys, bad severities and law entries without dates") {
  const char* base =
      "id: T-001\ntitle: {sv: T}\nseverity: error\nrequirements: [UPP-2]\n"
      "law: [{ref: X, from: 2025-07-01}]\nmessage: {sv: Fel.}\ndoc: {checks: A., why: B.}\nassert: 'true'\n";
  CHECK(Validate("ok.yaml", base).empty());
  CHECK_FALSE(Validate("typo.yaml", std::string(base) + "asert: x\n").empty());
  std::string bad_sev = base;
  bad_sev.replace(bad_sev.find("severity: error"), 15, "severity: fatal");
  CHECK_FALSE(Validate("sev.yaml", bad_sev).empty());
  std::string no_date = base;
  no_date.replace(no_date.find(", from: 2025-07-01"), 18, "");
  CHECK_FALSE(Validate("law.yaml", no_date).empty());
  CHECK(Validate("profile.yaml", "name: kommunen\nextends: national\noverrides:\n  UPF-001: {params: {follow_up_months: 3}}\n")
            .empty());
  CHECK_FALSE(Validate("profile.yaml", "name: kommunen\nextend: national\n").empty());
}
