#include "report/formats.h"

#include <algorithm>

#include <fmt/format.h>

#include "report/escape.h"

namespace aktkoll::report {
namespace {

std::string CaseName(const Finding& f) {
  return f.case_id.empty() ? fmt::format("dokument {}", f.document + 1) : f.case_id;
}

std::string FailureBody(const std::vector<const Finding*>& fs, const RunInfo& run) {
  std::string body;
  for (const Finding* f : fs) {
    body += core::FormatLocation(f->path, f->pos) + ": " + f->message.In(run.lang);
    if (!f->law.empty()) body += " (" + core::FormatCitations(f->law, run.lang) + ")";
    const std::string status = FindingStatus(*f, run);
    if (!status.empty()) body += " [" + status + "]";
    body += "\n";
  }
  return body;
}

}  // namespace

// Every element carries time="0", as ESLint's JUnit report does: aktkoll does not time
// its checks (a check of one case by one rule takes microseconds), and a report holds only
// what the inputs and the rule pack decide, so two runs, with any --jobs, write the same
// bytes. Consumers that need the attribute (GitLab, Jenkins) get it.
//
// Validated against the Jenkins JUnit schema (tests/cli/fetch_npm_schema.sh). There,
// <skipped> holds text and no attributes: the verdict is its text, which GitLab shows as
// the test's details and Jenkins as the skip message.
void JunitFormatter::Start(std::string* out) {
  *out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"aktkoll\" time=\"0\">\n";
}

void JunitFormatter::AddFile(const FileResult& file, std::string* out) {
  struct TestCase {
    std::string classname, name;
    std::vector<const Finding*> findings;
    bool error = false;
  };
  std::vector<TestCase> cases;
  // Input errors: the document could not be checked at all.
  for (const Finding& f : file.findings)
    if (f.rule == core::kRuleInputError) cases.push_back({file.input.path, CaseName(f) + " " + f.rule, {&f}, true});
  const FileIndex index(file);
  // Findings of a file that has no cases of its own (the waiver file: expired and unused
  // waivers), one test case each.
  if (file.cases.empty())
    for (const Finding& f : file.findings)
      if (f.rule != core::kRuleInputError) cases.push_back({file.input.path, CaseName(f) + " " + f.rule, {&f}, false});
  for (const CaseResult& c : file.cases) {
    std::string cls = file.input.path + ": " + (c.case_id.empty() ? fmt::format("dokument {}", c.document + 1) : c.case_id);
    std::vector<std::string> ids = c.applied;
    const std::vector<const Finding*>& of_case = index.FindingsOf(c.document);
    for (const Finding* f : of_case)  // rule-errors and findings of rules not listed as applied
      if (f->rule != core::kRuleInputError && std::find(ids.begin(), ids.end(), f->rule) == ids.end())
        ids.push_back(f->rule);
    for (const std::string& id : ids) {
      TestCase t{cls, id, {}, false};
      for (const Finding* f : of_case)
        if (f->rule == id) t.findings.push_back(f);
      t.error = id == core::kRuleRuleError;
      cases.push_back(std::move(t));
    }
  }
  // A file's test suite is written when its last part arrives (its header counts every
  // test case); until then the test cases wait in suite_.
  std::string body;
  for (const auto& t : cases) {
    tests_++;
    fmt::format_to(std::back_inserter(body), "    <testcase classname=\"{}\" name=\"{}\" time=\"0\"",
                   XmlEscape(t.classname), XmlEscape(t.name));
    if (t.findings.empty()) {
      body += "/>\n";
      continue;
    }
    // The findings that decide the exit code fail the test case; when every finding is
    // waived or in the baseline, the case is skipped with that verdict, as the run's exit
    // code treats it, so a dashboard fails exactly the jobs the exit code fails.
    const Finding* counted = nullptr;
    for (const Finding* f : t.findings)
      if (Counted(*f) && !counted) counted = f;
    if (!counted) {
      const Finding& first = *t.findings.front();
      skipped_++;
      fmt::format_to(std::back_inserter(body), ">\n      <skipped>{}</skipped>\n      <system-out>{}</system-out>\n    </testcase>\n",
                     XmlEscape(FindingStatus(first, run_)), XmlEscape(FailureBody(t.findings, run_)));
      continue;
    }
    (t.error ? errors_ : failures_)++;
    const char* tag = t.error ? "error" : "failure";
    fmt::format_to(std::back_inserter(body), ">\n      <{} message=\"{}\" type=\"{}\">{}</{}>\n    </testcase>\n",
                   tag, XmlEscape(counted->message.In(run_.lang)), core::SeverityName(counted->severity),
                   XmlEscape(FailureBody(t.findings, run_)), tag);
  }
  suite_.Append(body);
  if (file.more) return;
  fmt::format_to(std::back_inserter(*out),
                 "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\">\n",
                 XmlEscape(file.input.path), tests_, failures_, errors_, skipped_);
  suite_.MoveTo(out, drain());
  *out += "  </testsuite>\n";
  tests_ = failures_ = errors_ = skipped_ = 0;
}

void JunitFormatter::End(const Summary&, std::string* out) { *out += "</testsuites>\n"; }

}  // namespace aktkoll::report
