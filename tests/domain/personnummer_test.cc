// Personnummer and samordningsnummer. Every number here comes from Skatteverket's test
// lists in shared/testdata; a bad check digit is made by changing a test number's last
// digit, never by inventing a number.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "domain_test_util.h"

namespace aktkoll::domain::testing {
namespace {

std::string Call(const std::string& fn, const std::string& number, const std::string& rest = "",
                 std::string_view as_of = "2025-06-15") {
  return Eval(fn + "('" + number + "'" + rest + ")", Value(), as_of);
}

TEST_CASE("valid numbers in every accepted form") {
  // 201501012395: born 2015-01-01.
  CHECK(Call("valid_personnummer", "201501012395") == "true");
  CHECK(Call("valid_personnummer", "20150101-2395") == "true");
  CHECK(Call("valid_personnummer", "1501012395") == "true");
  CHECK(Call("valid_personnummer", "150101-2395") == "true");
  CHECK(Call("valid_personnummer", "150101+2395") == "true");
  CHECK(Call("birth_date", "201501012395") == "2015-01-01");
}

TEST_CASE("malformed numbers and bad check digits are invalid, not errors") {
  CHECK(Call("valid_personnummer", "201501012394") == "false");  // last digit changed
  CHECK(Call("valid_personnummer", "150101-2396") == "false");   // last digit changed
  CHECK(Call("valid_personnummer", "20150101+2395") == "false"); // '+' needs 10 digits
  CHECK(Call("valid_personnummer", "2015010123") == "false");
  CHECK(Call("valid_personnummer", "15010a-2395") == "false");
  CHECK(Call("valid_personnummer", "") == "false");
  CHECK(Eval("valid_personnummer(x)", Value::Int(201501012395)) == "false");
  CHECK(Call("birth_date", "201501012394") == "error: ogiltigt personnummer eller samordningsnummer");
  CHECK(Eval("age_at('201501012394', as_of)", Value(), "2025-06-15", expr::Lang::kEn) ==
        "error: invalid personal identity or coordination number");
}

TEST_CASE("the '+' separator and the century of 10-digit numbers") {
  // 192001011564: born 1920-01-01. Written 200101+1564 it is 100 or older.
  CHECK(Call("birth_date", "200101+1564", ", as_of") == "1920-01-01");
  CHECK(Call("age_at", "200101+1564", ", as_of") == "105");
  // With '-' the same digits name someone born 2020.
  CHECK(Call("birth_date", "200101-1564", ", as_of") == "2020-01-01");
  CHECK(Call("age_at", "2001011564", ", as_of") == "5");
  // 189602299803: born 1896-02-29; as a 10-digit number with '-' it is 1996-02-29 (also leap).
  CHECK(Call("birth_date", "960229+9803", ", as_of") == "1896-02-29");
  CHECK(Call("birth_date", "960229-9803", ", as_of") == "1996-02-29");
  // The century is chosen so the person is born on or before the date.
  CHECK(Call("birth_date", "150101-2395", ", date('2014-12-31')") == "1915-01-01");
  CHECK(Call("birth_date", "150101-2395", ", date('2015-01-01')") == "2015-01-01");
  // A 10-digit number without a reference date has no century.
  CHECK(Call("birth_date", "1501012395") ==
        "error: ett 10-siffrigt nummer saknar sekel: ange ett referensdatum, birth_date(s, datum)");
}

TEST_CASE("29 February needs a leap year in the chosen century") {
  // 200002202380 is 2000-02-20; 189202299815 is 1892-02-29 (a leap year).
  CHECK(Call("birth_date", "189202299815") == "1892-02-29");
  // Written with 10 digits and '-' relative to 2025 it would be 1992-02-29: also leap.
  CHECK(Call("valid_personnummer", "920229-9815", ", as_of") == "true");
  // Relative to 1999 the same digits mean 1992 too; relative to 1901, 1892 with '-'.
  CHECK(Call("birth_date", "920229-9815", ", date('1901-01-01')") == "1892-02-29");
}

TEST_CASE("age_at: exactly on the birthday counts the new year") {
  CHECK(Call("age_at", "201501012395", ", date('2025-01-01')") == "10");
  CHECK(Call("age_at", "201501012395", ", date('2024-12-31')") == "9");
  CHECK(Call("age_at", "201501012395", ", date('2015-01-01')") == "0");
  CHECK(Call("age_at", "201501012395", ", date('2014-12-31')") == "error: personen är född efter datumet");
  // Born 29 February: a year older on 1 March in non-leap years.
  CHECK(Call("age_at", "189602299803", ", date('1897-02-28')") == "0");
  CHECK(Call("age_at", "189602299803", ", date('1897-03-01')") == "1");
  CHECK(Call("age_at", "189602299803", ", date('1904-02-29')") == "8");
}

TEST_CASE("samordningsnummer: day + 60") {
  // 191403742396: born 1914-03-14 (74 - 60).
  CHECK(Call("valid_personnummer", "191403742396") == "true");
  CHECK(Call("is_samordningsnummer", "191403742396") == "true");
  CHECK(Call("is_samordningsnummer", "201501012395") == "false");
  CHECK(Call("is_samordningsnummer", "191403742397") == "false");  // last digit changed
  CHECK(Call("birth_date", "191403742396") == "1914-03-14");
  CHECK(Call("age_at", "140374+2396", ", as_of") == "111");
  // 201000802395 has an unknown birth month (00): valid, but without a birth date.
  CHECK(Call("valid_personnummer", "201000802395") == "true");
  CHECK(Call("valid_personnummer", "100080-2395", ", as_of") == "true");
  CHECK(Call("birth_date", "201000802395") ==
        "error: samordningsnumret har ett ofullständigt födelsedatum (månad 00 eller dag 60)");
}

TEST_CASE("error messages never repeat the number") {
  const std::string e = Call("birth_date", "201501012394");
  CHECK(e.find("2394") == std::string::npos);
}

// Every published test number must be accepted in every written form.
void CheckFile(const char* name, bool samordning) {
  std::ifstream in(std::string(AKTKOLL_TESTDATA_DIR) + "/" + name);
  REQUIRE(in);
  std::string line;
  int count = 0, bad = 0;
  while (std::getline(in, line)) {
    if (line.size() != 12) continue;
    ++count;
    auto full = ParseIdentityNumber(line);
    auto dashed = ParseIdentityNumber(line.substr(0, 8) + "-" + line.substr(8));
    auto ten = ParseIdentityNumber(line.substr(2));
    if (!full || !dashed || !ten || full->samordningsnummer != samordning) {
      ++bad;
      continue;
    }
    if (full->complete_date()) {
      // The 12-digit birth year is recovered from the 10-digit form with a reference date
      // in 2025 (and '+' when 100 or older).
      const int32_t ref = static_cast<int32_t>(expr::DaysFromCivil(2025, 12, 31));
      const bool old = 2025 - full->year >= 100;
      auto ten_sep = ParseIdentityNumber(line.substr(2, 6) + (old ? "+" : "-") + line.substr(8));
      auto b12 = BirthDate(*full, std::nullopt);
      auto b10 = ten_sep ? BirthDate(*ten_sep, ref) : std::nullopt;
      if (!b12 || !b10 || *b12 != *b10) ++bad;
    }
  }
  CHECK(count > 2000);
  CHECK(bad == 0);
}

TEST_CASE("all of Skatteverket's test numbers are valid") {
  CheckFile("testpersonnummer.txt", false);
  CheckFile("testsamordningsnummer.txt", true);
}

}  // namespace
}  // namespace aktkoll::domain::testing
