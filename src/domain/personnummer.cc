// Personnummer parsing, the Luhn check, century placement and ages.
#include "domain/personnummer.h"

#include <string>

#include "expr/civil_time.h"

namespace aktkoll::domain {

namespace {

using expr::CallContext;
using expr::Error;
using expr::ErrorCode;
using expr::Result;
using expr::Type;
using expr::Value;
using Args = std::span<const Value>;

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int Num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Luhn over the nine digits YYMMDDNNN; returns the check digit.
int LuhnDigit(std::string_view nine) {
  int sum = 0;
  for (size_t i = 0; i < 9; ++i) {
    int d = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - sum % 10) % 10;
}

Error InvalidNumber(const CallContext& ctx) {
  return ctx.MakeError(ErrorCode::kInvalidArgument, "ogiltigt personnummer eller samordningsnummer",
                       "invalid personal identity or coordination number");
}

// Parses args[0] as a number or produces the error; strings only (the checker sees dyn).
Result<IdentityNumber> ParseArg(const Value& v, const CallContext& ctx) {
  if (!v.is(expr::Kind::kString)) return InvalidNumber(ctx);
  std::optional<IdentityNumber> id = ParseIdentityNumber(v.string_value());
  if (!id) return InvalidNumber(ctx);
  return *id;
}

Result<int32_t> BirthArg(const IdentityNumber& id, std::optional<int32_t> reference, const CallContext& ctx) {
  if (!id.has_century && !reference)
    return ctx.MakeError(ErrorCode::kInvalidArgument,
                         "ett 10-siffrigt nummer saknar sekel: ange ett referensdatum, birth_date(s, datum)",
                         "a 10-digit number has no century: give a reference date, birth_date(s, date)");
  if (!id.complete_date())
    return ctx.MakeError(ErrorCode::kInvalidArgument,
                         "samordningsnumret har ett ofullständigt födelsedatum (månad 00 eller dag 60)",
                         "the coordination number has an incomplete birth date (month 00 or day 60)");
  std::optional<int32_t> b = BirthDate(id, reference);
  if (!b) return InvalidNumber(ctx);
  return *b;
}

}  // namespace

std::optional<IdentityNumber> ParseIdentityNumber(std::string_view s) {
  IdentityNumber id;
  std::string digits;
  if (s.size() == 11 && (s[6] == '-' || s[6] == '+')) {
    id.plus = s[6] == '+';
    digits = std::string(s.substr(0, 6)) + std::string(s.substr(7));
  } else if (s.size() == 13 && s[8] == '-') {
    digits = std::string(s.substr(0, 8)) + std::string(s.substr(9));
  } else if (s.size() == 10 || s.size() == 12) {
    digits = std::string(s);
  } else {
    return std::nullopt;
  }
  if (!AllDigits(digits)) return std::nullopt;
  id.has_century = digits.size() == 12;
  std::string_view ten = std::string_view(digits).substr(id.has_century ? 2 : 0);
  id.year = id.has_century ? Num(std::string_view(digits).substr(0, 4)) : Num(ten.substr(0, 2));
  id.month = Num(ten.substr(2, 2));
  id.day = Num(ten.substr(4, 2));
  if (id.day >= 60) {
    id.samordningsnummer = true;
    id.day -= 60;
  }
  if (LuhnDigit(ten) != ten[9] - '0') return std::nullopt;
  if (id.has_century && id.year < 1) return std::nullopt;
  if (!id.complete_date()) {
    // Only a samordningsnummer may leave month or day unknown; what is given must fit.
    return id.samordningsnummer && id.month <= 12 && id.day <= 31 ? std::optional(id) : std::nullopt;
  }
  if (id.has_century) {
    if (id.year < 1 || !expr::IsValidCivil(id.year, id.month, id.day)) return std::nullopt;
  } else {
    // 2000 is a leap year, so any century that could make this date real includes one
    // where it is; month and day ranges are the rest.
    if (!expr::IsValidCivil(2000, id.month, id.day)) return std::nullopt;
  }
  return id;
}

std::optional<int32_t> BirthDate(const IdentityNumber& id, std::optional<int32_t> reference) {
  if (!id.complete_date()) return std::nullopt;
  int64_t year = id.year;
  if (!id.has_century) {
    if (!reference) return std::nullopt;
    expr::CivilDate ref = expr::CivilFromDays(*reference);
    year = ref.year - ref.year % 100 + id.year;
    // Born on or before the reference date: otherwise the previous century.
    if (year > ref.year || (year == ref.year && (id.month > ref.month || (id.month == ref.month && id.day > ref.day))))
      year -= 100;
    if (id.plus) year -= 100;
  }
  if (year < 1 || !expr::IsValidCivil(year, id.month, id.day)) return std::nullopt;
  return static_cast<int32_t>(expr::DaysFromCivil(year, id.month, id.day));
}

int64_t AgeOn(int32_t birth, int32_t on) {
  expr::CivilDate b = expr::CivilFromDays(birth);
  expr::CivilDate d = expr::CivilFromDays(on);
  int64_t age = d.year - b.year;
  if (d.month < b.month || (d.month == b.month && d.day < b.day)) --age;
  return age;
}

expr::Result<void> RegisterPersonnummerFunctions(expr::FunctionRegistry& r) {
  const Type Dyn = Type::Dyn(), D = Type::Date(), B = Type::Bool();
  auto valid = [](Args a, const CallContext&) -> Result<Value> {
    if (!a[0].is(expr::Kind::kString)) return Value::Bool(false);
    std::optional<IdentityNumber> id = ParseIdentityNumber(a[0].string_value());
    if (id && a.size() > 1 && !id->has_century && id->complete_date()) return Value::Bool(BirthDate(*id, a[1].date_days()).has_value());
    return Value::Bool(id.has_value());
  };
  auto samordning = [](Args a, const CallContext&) -> Result<Value> {
    if (!a[0].is(expr::Kind::kString)) return Value::Bool(false);
    std::optional<IdentityNumber> id = ParseIdentityNumber(a[0].string_value());
    return Value::Bool(id && id->samordningsnummer);
  };
  auto birth = [](Args a, const CallContext& ctx) -> Result<Value> {
    Result<IdentityNumber> id = ParseArg(a[0], ctx);
    if (!id.ok()) return id.error();
    std::optional<int32_t> ref;
    if (a.size() > 1) ref = a[1].date_days();
    Result<int32_t> b = BirthArg(*id, ref, ctx);
    if (!b.ok()) return b.error();
    return Value::Date(*b);
  };
  auto age = [](Args a, const CallContext& ctx) -> Result<Value> {
    Result<IdentityNumber> id = ParseArg(a[0], ctx);
    if (!id.ok()) return id.error();
    const int32_t on = a[1].date_days();
    Result<int32_t> b = BirthArg(*id, on, ctx);
    if (!b.ok()) return b.error();
    if (*b > on)
      return ctx.MakeError(ErrorCode::kInvalidArgument, "personen är född efter datumet",
                           "the person is born after the date");
    return Value::Int(AgeOn(*b, on));
  };
  for (Result<void> res : {
           r.AddGlobal("valid_personnummer", "valid_personnummer_dyn", {Dyn}, B, valid),
           r.AddGlobal("valid_personnummer", "valid_personnummer_dyn_date", {Dyn, D}, B, valid),
           r.AddGlobal("is_samordningsnummer", "is_samordningsnummer_dyn", {Dyn}, B, samordning),
           r.AddGlobal("birth_date", "birth_date_dyn", {Dyn}, D, birth),
           r.AddGlobal("birth_date", "birth_date_dyn_date", {Dyn, D}, D, birth),
           r.AddGlobal("age_at", "age_at_dyn_date", {Dyn, D}, Type::Int(), age),
       }) {
    if (!res.ok()) return res;
  }
  return {};
}

}  // namespace aktkoll::domain
