// Cost limits: deep nesting, long sources, long-running macros. Each must give a clear
// error, never a crash or a hang.
#include <doctest/doctest.h>

#include <string>

#include "test_util.h"

namespace aktkoll::expr::testing {
namespace {

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

TEST_CASE("100,000 nested parentheses are rejected, not a stack overflow") {
  std::string src = std::string(100000, '(') + "1" + std::string(100000, ')');
  CompileOptions o;
  o.max_source_bytes = 1 << 20;
  CHECK(FirstLine(CompileErrors(src, Lang::kSv, o)) ==
        "t:1:201: fel: uttrycket är för djupt nästlat (högst 200 nivåer)");
}

TEST_CASE("other deep shapes are rejected too") {
  CompileOptions o;
  o.max_source_bytes = 1 << 20;
  std::string nots = std::string(100000, '!') + "true";
  CHECK(FirstLine(CompileErrors(nots, Lang::kEn, o)).find("expression is nested too deeply (at most 200 levels)") !=
        std::string::npos);
  std::string chain = "1";
  for (int i = 0; i < 50000; ++i) chain += " + 1";
  CHECK(FirstLine(CompileErrors(chain, Lang::kEn, o)).find("nested too deeply") != std::string::npos);
  std::string lists = std::string(50000, '[') + std::string(50000, ']');
  CHECK(FirstLine(CompileErrors(lists, Lang::kEn, o)).find("nested too deeply") != std::string::npos);
  std::string calls;
  for (int i = 0; i < 30000; ++i) calls += "size(";
  CHECK(FirstLine(CompileErrors(calls, Lang::kEn, o)).find("nested too deeply") != std::string::npos);
  // The limit is configurable.
  o.max_depth = 10;
  CHECK(FirstLine(CompileErrors("((((((((((((1))))))))))))", Lang::kEn, o)) ==
        "t:1:11: error: expression is nested too deeply (at most 10 levels)");
}

TEST_CASE("source length is bounded") {
  std::string src(70000, ' ');
  src += "1";
  CHECK(FirstLine(CompileErrors(src)) == "t:1:1: fel: uttrycket är för långt (70001 byte, högst 65536)");
}

TEST_CASE("huge comprehensions stop with a limit error") {
  // 100 * 100 * 100 = 1,000,000 inner iterations.
  std::string hundred = "[";
  for (int i = 0; i < 100; ++i) {
    if (i) hundred += ',';
    hundred += std::to_string(i);
  }
  hundred += "]";
  std::string src = hundred + ".all(a, " + hundred + ".all(b, " + hundred + ".all(c, true)))";
  CHECK(EvalStr(src) == "error: beräkningen avbröts: fler än 100000 iterationer i makron");
  EvalOptions small;
  small.max_iterations = 1'000'000'000;
  small.max_steps = 5000;
  CHECK(EvalStr(src, {}, small) == "error: beräkningen avbröts: fler än 5000 beräkningssteg");
}

TEST_CASE("collections and strings cannot grow without bound") {
  EvalOptions o;
  o.max_collection_size = 10;
  CHECK(EvalStr("[1,2,3,4,5,6] + [1,2,3,4,5,6]", {}, o) == "error: listan blir för lång");
  CHECK(EvalStr("'123456' + '123456'", {}, o) == "error: strängen blir för lång");
}

TEST_CASE("hostile inputs give errors, not crashes") {
  const char* inputs[] = {"", "(", ")", "[", "{", "{1:", "a.", ".", "'", "\"\"\"", "r'", "`",
                          "a.`", "1..2", "1e", "0x", "?", "a ? b", "a[", "f(,)", "[,]", "{,}",
                          "x.all(", "x.map(a, b, c, d)", "has(", "has(a.b, c)", "\xff", "- -",
                          "!", "a.b(", "\\", "1 < < 2", "size(1)(2)", "a[0](1)"};
  for (const char* in : inputs) {
    CompileResult r = Compile(in, TestEnv());
    if (r.ok()) {
      (void)r.program->Evaluate(Activation(*r.program));
    } else {
      CHECK_FALSE(r.issues.empty());
      CHECK_FALSE(FormatIssues("t", in, r.issues).empty());
    }
  }
}

}  // namespace
}  // namespace aktkoll::expr::testing
