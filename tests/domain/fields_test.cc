// Field walks: invalid_dates over a vocabulary of field paths (domain_test_util.h's
// "date_fields": decision.date, decision.end_date, events.changed_needs[].date,
// plan.revisions[].steps[].date, odd/key~x.when, dates[][]).
#include <doctest/doctest.h>

#include "domain_test_util.h"

namespace aktkoll::domain::testing {
namespace {

std::string Hit(std::string_view field, std::string_view pointer, std::string_view path, std::string_view value) {
  return "{\"field\": \"" + std::string(field) + "\", \"pointer\": \"" + std::string(pointer) + "\", \"path\": \"" +
         std::string(path) + "\", \"value\": \"" + std::string(value) + "\"}";
}

std::string InvalidDates(std::string_view case_literal) {
  return Eval("invalid_dates(" + std::string(case_literal) + ", 'date_fields')");
}

TEST_CASE("invalid_dates: real dates, missing sections and an empty case give nothing") {
  CHECK(InvalidDates("{}") == "[]");
  CHECK(InvalidDates("{'decision': {'date': '2024-02-29', 'end_date': '2025-02-28'},"
                     " 'events': {'changed_needs': [{'date': '2026-01-20'}, {'description': 'x'}]},"
                     " 'plan': {}}") == "[]");
  // The section is missing altogether, or the list is.
  CHECK(InvalidDates("{'events': {}, 'plan': {'revisions': [{}]}}") == "[]");
}

TEST_CASE("invalid_dates: a top-level field") {
  CHECK(InvalidDates("{'decision': {'date': '2025-02-30'}}") ==
        "[" + Hit("decision.date", "/decision/date", "decision.date", "2025-02-30") + "]");
  CHECK(InvalidDates("{'decision': {'date': '2025-02-28', 'end_date': '2025-04-31'}}") ==
        "[" + Hit("decision.end_date", "/decision/end_date", "decision.end_date", "2025-04-31") + "]");
}

TEST_CASE("invalid_dates: list elements in document order, with their indices") {
  CHECK(InvalidDates("{'events': {'changed_needs': [{'date': '2026-01-20'}, {'date': '2026-02-30'},"
                     " {'description': 'no date'}, {'date': ''}, {'date': '2025-06-31'}]}}") ==
        "[" + Hit("events.changed_needs[].date", "/events/changed_needs/1/date", "events.changed_needs[1].date", "2026-02-30") +
            ", " +
            Hit("events.changed_needs[].date", "/events/changed_needs/4/date", "events.changed_needs[4].date", "2025-06-31") +
            "]");
}

TEST_CASE("invalid_dates: nested lists") {
  CHECK(InvalidDates("{'plan': {'revisions': ["
                     "  {'steps': [{'date': '2025-01-01'}, {'date': '2025-01-32'}]},"
                     "  {'steps': []},"
                     "  {},"
                     "  {'steps': [{'date': '2025-00-10'}]}]}}") ==
        "[" +
            Hit("plan.revisions[].steps[].date", "/plan/revisions/0/steps/1/date",
                "plan.revisions[0].steps[1].date", "2025-01-32") +
            ", " +
            Hit("plan.revisions[].steps[].date", "/plan/revisions/3/steps/0/date",
                "plan.revisions[3].steps[0].date", "2025-00-10") +
            "]");
  // `[]` twice in a row: a list of lists of date strings.
  CHECK(InvalidDates("{'dates': [['2025-01-01'], [], ['2025-02-29', '2024-02-29']]}") ==
        "[" + Hit("dates[][]", "/dates/2/0", "dates[2][0]", "2025-02-29") + "]");
}

TEST_CASE("invalid_dates: vocabulary order, then document order") {
  CHECK(InvalidDates("{'events': {'changed_needs': [{'date': '2025-02-29'}]},"
                     " 'decision': {'end_date': '2025-09-31', 'date': '2025-02-30'}}") ==
        "[" + Hit("decision.date", "/decision/date", "decision.date", "2025-02-30") + ", " +
            Hit("decision.end_date", "/decision/end_date", "decision.end_date", "2025-09-31") + ", " +
            Hit("events.changed_needs[].date", "/events/changed_needs/0/date", "events.changed_needs[0].date",
                "2025-02-29") +
            "]");
}

TEST_CASE("invalid_dates: what counts as a value that is not a date") {
  // Any non-empty string is_date() rejects: an impossible day, another form, text.
  CHECK(Eval("invalid_dates({'decision': {'date': x}}, 'date_fields').size()", Value::String("2025-2-3")) == "1");
  CHECK(Eval("invalid_dates({'decision': {'date': x}}, 'date_fields').size()", Value::String("30 februari")) == "1");
  CHECK(Eval("invalid_dates({'decision': {'date': x}}, 'date_fields').size()", Value::String("0000-01-01")) == "1");
  // An empty string means the value is missing; other rules require it.
  CHECK(Eval("invalid_dates({'decision': {'date': x}}, 'date_fields')", Value::String("")) == "[]");
  // Not strings: the schema reports them, not this function.
  CHECK(Eval("invalid_dates({'decision': {'date': x}}, 'date_fields')", Value::Int(20250230)) == "[]");
  CHECK(Eval("invalid_dates({'decision': {'date': x}}, 'date_fields')", Value::Null()) == "[]");
  CHECK(Eval("invalid_dates({'decision': {'date': x}}, 'date_fields')", Value::Bool(true)) == "[]");
  CHECK(Eval("invalid_dates({'decision': {'date': date('2025-02-28')}}, 'date_fields')") == "[]");
  CHECK(Eval("invalid_dates({'decision': {'date': ['2025-02-30']}}, 'date_fields')") == "[]");
  // A section or list of the wrong kind is skipped too (the schema reports it).
  CHECK(InvalidDates("{'decision': '2025-02-30', 'events': {'changed_needs': {'date': '2025-02-30'}}}") == "[]");
  CHECK(InvalidDates("{'events': {'changed_needs': ['2025-02-30', 3, null]}}") == "[]");
  CHECK(Eval("invalid_dates(x, 'date_fields')", Value::String("2025-02-30")) == "[]");
  CHECK(Eval("invalid_dates(x, 'date_fields')", Value::Null()) == "[]");
}

TEST_CASE("invalid_dates: JSON Pointer escaping of keys") {
  CHECK(InvalidDates("{'odd/key~x': {'when': '2025-13-01'}}") ==
        "[" + Hit("odd/key~x.when", "/odd~1key~0x/when", "odd/key~x.when", "2025-13-01") + "]");
}

TEST_CASE("invalid_dates: the result's fields are typed strings") {
  CHECK(Eval("invalid_dates({'decision': {'date': '2025-02-30'}}, 'date_fields')"
             ".map(d, d.pointer + ' ' + d.path + ' ' + d.field)") ==
        "[\"/decision/date decision.date decision.date\"]");
  CHECK(CompileErrors("invalid_dates(x, 'date_fields')[0].pointer + 1").find("fel:") != std::string::npos);
}

TEST_CASE("invalid_dates: unknown vocabularies and codes that are no field paths") {
  // A literal name is checked when the rule is compiled...
  CHECK(CompileErrors("invalid_dates(x, 'datumfalt')") ==
        "t:1:1: fel: okänd vokabulär 'datumfalt'\n"
        " | invalid_dates(x, 'datumfalt')\n"
        " | ^");
  CHECK(CompileErrors("invalid_dates(x, 'bad_paths')") ==
        "t:1:1: fel: koden 'follow_ups[0].date' i vokabulären 'bad_paths' är ingen fältsökväg (namn åtskilda "
        "av '.', [] för varje listnivå, t.ex. follow_ups[].date)\n"
        " | invalid_dates(x, 'bad_paths')\n"
        " | ^");
  // ...a computed one when it is evaluated.
  CHECK(Eval("invalid_dates({}, x)", Value::String("datumfalt")) == "error: okänd vokabulär 'datumfalt'");
  CHECK(Eval("invalid_dates({}, x)", Value::String("bad_paths"), "2025-06-15", expr::Lang::kEn) ==
        "error: code 'follow_ups[0].date' in vocabulary 'bad_paths' is not a field path (names separated by '.', "
        "[] for each list level, e.g. follow_ups[].date)");
  CHECK(Eval("invalid_dates({'decision': {'date': '2025-02-30'}}, x).size()", Value::String("date_fields")) == "1");
}

TEST_CASE("ParseFieldPath") {
  auto steps = [](std::string_view code) -> std::string {
    std::optional<std::vector<FieldStep>> s = ParseFieldPath(code);
    if (!s) return "invalid";
    std::string out;
    for (const FieldStep& step : *s) out += step.each ? "[]" : "<" + step.name + ">";
    return out;
  };
  CHECK(steps("decision.date") == "<decision><date>");
  CHECK(steps("follow_ups[].date") == "<follow_ups>[]<date>");
  CHECK(steps("a[].b[][].c") == "<a>[]<b>[][]<c>");
  CHECK(steps("dates[]") == "<dates>[]");
  CHECK(steps("odd/key~x") == "<odd/key~x>");
  for (std::string_view bad : {"", ".", "a.", ".a", "a..b", "[]", "[].a", "a.[]", "a[0]", "a[", "a]", "a[]b",
                               "a[]]", "a[[]]"})
    CHECK_MESSAGE(steps(bad) == "invalid", bad);
}

}  // namespace
}  // namespace aktkoll::domain::testing
