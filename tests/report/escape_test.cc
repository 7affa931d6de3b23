// AppendJsonString writes every string exactly as nlohmann_json's dump() does (UTF-8 kept,
// invalid UTF-8 replaced): the JSON report's bytes did not change when it stopped building
// a json value per finding.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "report/escape.h"

namespace {

std::string Nlohmann(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Ours(const std::string& s) {
  std::string out = "x";  // appends, never replaces
  aktkoll::report::AppendJsonString(&out, s);
  return out.substr(1);
}

TEST_CASE("AppendJsonString writes what nlohmann's dump writes") {
  const std::vector<std::string> cases = {
      "", "ärende BARN-001", "åäöÅÄÖ é €  𝄞", "citat \" och \\ bakstreck", "tab\tny\nrad\rcr",
      std::string("nul\0byte", 8), "\x01\x1f\x7f", "\xe2\x80\xa8 \xe2\x80\xa9",
      "\xc3",                  // truncated two-byte sequence
      "\xc3(", "\xc0\x80",     // overlong NUL
      "\xc1\xbf", "\xe0\x80\x80", "\xe0\x9f\xbf",  // overlong
      "\xed\xa0\x80",          // surrogate
      "\xed\x9f\xbf",          // last before the surrogates
      "\xef\xbf\xbf", "\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80",
      "\xf5\x80\x80\x80", "\xff", "\x80", "a\x80" "b", "\xe2\x82", "\xe2\x82" "a", "\xf0\x9f\x98",
      "Latin-1: \xe5\xe4\xf6", "ok \xc3\xa5 then bad \xe5 then \"quote\""};
  for (const std::string& s : cases) {
    INFO(nlohmann::json(s).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
    CHECK(Ours(s) == Nlohmann(s));
  }
  // Every two-byte string, including every lead byte with every second byte.
  int checked = 0;
  for (int a = 0; a < 256; ++a)
    for (int b = 0; b < 256; ++b) {
      std::string s{static_cast<char>(a), static_cast<char>(b)};
      if (Ours(s) != Nlohmann(s)) FAIL_CHECK("differs for bytes " << a << " " << b);
      ++checked;
    }
  // Three- and four-byte sequences: every lead from 0xE0 with every second byte and edge
  // bytes after it.
  const int edges[] = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff};
  for (int a = 0xe0; a < 256; ++a)
    for (int b = 0; b < 256; ++b)
      for (int c : edges)
        for (int d : {-1, 0x41, 0x80, 0xbf, 0xc0}) {
          std::string s{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
          if (d >= 0) s += static_cast<char>(d);
          if (Ours(s) != Nlohmann(s)) FAIL_CHECK("differs for bytes " << a << " " << b << " " << c << " " << d);
          ++checked;
        }
  CHECK(checked == 65536 + 32 * 256 * 11 * 5);
}

TEST_CASE("AppendJsonString copies a plain string as it is") {
  CHECK(Ours("Uppföljning saknas") == "\"Uppföljning saknas\"");
  CHECK(Ours("a\"b") == "\"a\\\"b\"");
  CHECK(Ours("\x01") == "\"\\u0001\"");
  CHECK(Ours("\xe5") == "\"\xef\xbf\xbd\"");
}

}  // namespace
