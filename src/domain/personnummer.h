// Swedish personal identity numbers (personnummer) and coordination numbers
// (samordningsnummer) for rule expressions and for C++ callers.
//
// Accepted forms: 10 digits YYMMDDNNNC with '-', '+' or no separator before the last
// four, or 12 digits YYYYMMDDNNNC with '-' or no separator. The date part must be a real
// date; a samordningsnummer carries day + 60. The check digit C is the Luhn digit over
// the 10-digit form. A samordningsnummer may have an incomplete birth date, as in
// Skatteverket's published test numbers: month 00 (unknown month) and/or day 60 (unknown
// day). Such a number is valid, but has no birth date or age (those functions give an
// error).
//
// A 10-digit number has no century. It is placed relative to a reference date: the most
// recent century in which the person is born on or before that date (so at most 99 years
// old), or a century earlier with '+' (100 or older). Without a reference date a 10-digit
// number is valid when some century makes its date real (0229 needs a leap year).
//
// Registered by RegisterPersonnummerFunctions:
//   valid_personnummer(s) -> bool          personnummer or samordningsnummer; false for
//   valid_personnummer(s, date) -> bool    anything else (also non-strings), never an error
//   is_samordningsnummer(s) -> bool        a valid number with day + 60
//   birth_date(s) -> date                  12-digit numbers; error for 10-digit (use the
//   birth_date(s, date) -> date            two-argument form) and for invalid numbers
//   age_at(s, date) -> int                 whole years on `date`; the birthday itself
//                                          counts the new year; born 29 Feb ages on 1 Mar
//                                          in other years; error if born after `date`
// Error messages never repeat the number: it is personal data.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "expr/registry.h"

namespace aktkoll::domain {

struct IdentityNumber {
  bool samordningsnummer = false;
  bool has_century = false;   // written with 12 digits
  bool plus = false;          // 10 digits with '+': 100 years or older
  int64_t year = 0;           // full year when has_century, else 0..99
  int month = 1;              // 0: unknown (samordningsnummer only)
  int day = 1;                // the real day (samordningsnummer: minus 60); 0: unknown
  bool complete_date() const { return month != 0 && day != 0; }
};

// Parses and validates syntax, date (in some century for 10 digits) and check digit.
std::optional<IdentityNumber> ParseIdentityNumber(std::string_view text);

// The birth date as days since 1970-01-01. A 10-digit number takes its century from
// `reference` (days) and yields nullopt without one, or when its date is not real in the
// century chosen (e.g. 0229 in a non-leap year), and for an incomplete date.
std::optional<int32_t> BirthDate(const IdentityNumber& id, std::optional<int32_t> reference);

// Whole years from birth to `on` (days); the birthday counts.
int64_t AgeOn(int32_t birth, int32_t on);

expr::Result<void> RegisterPersonnummerFunctions(expr::FunctionRegistry& registry);

}  // namespace aktkoll::domain
