// Walks over declared fields of a case, for rules that check the same thing in many
// places (DATA-2: every date in the record exists in the calendar). The fields are a
// vocabulary of the pack's catalogues (e.g. rules/national/catalogues/date_fields.yaml)
// whose codes are field paths: names separated by '.', with `[]` after a name for each
// list level, e.g. `decision.date`, `events.changed_needs[].date`, `follow_ups[].date`.
//
// Registered by RegisterFieldFunctions:
//   invalid_dates(case, vocabulary) -> list(map(string, string))
//       For each code of the vocabulary, in vocabulary order, every value at that path in
//       the case (lists in document order) that is a non-empty string but not a calendar
//       date — exactly the strings is_date() rejects, e.g. '2025-02-30' or '2025-2-3'.
//       One map per value: {field: 'events.changed_needs[].date',
//       pointer: '/events/changed_needs/0/date', path: 'events.changed_needs[0].date',
//       value: '2025-02-30'}
//       (pointer keys escaped as in RFC 6901: '~' -> '~0', '/' -> '~1'). Skipped: a
//       missing field or section, a value that is not a map or list where the path needs
//       one, an empty string, any other non-string. An unknown vocabulary or a code that
//       is not a field path is an error, and a compile error when the vocabulary name is
//       a literal.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalogues.h"
#include "expr/registry.h"
#include "expr/value.h"

namespace aktkoll::domain {

// One step of a field path: a map field (`name`) or every element of a list (`[]`).
struct FieldStep {
  bool each = false;  // `[]`
  std::string name;   // the field, when !each
  uint32_t hash = 0;  // expr::FieldHash(name), for MapValue::FindFieldHashed
};

// `events.changed_needs[].date` -> field events, field changed_needs, each, field date.
// nullopt when `code` is not a field path: an empty name (`a..b`, `.a`, `[]`), a '[' or
// ']' other than in `[]` right after a name or another `[]` (`a[0]`, `a[]b`).
std::optional<std::vector<FieldStep>> ParseFieldPath(std::string_view code);

// A value found by a walk: where it is, as a JSON Pointer and as a dotted path with
// indices (`events.changed_needs[0].date`).
struct FieldHit {
  std::string pointer;
  std::string path;
  std::string value;  // the string found there
};

// Every non-empty string at `steps` in `root` that is not a calendar date, in document order.
std::vector<FieldHit> InvalidDatesAt(const expr::Value& root, const std::vector<FieldStep>& steps);

// `catalogues` as for RegisterCatalogueFunctions (null: no vocabularies).
expr::Result<void> RegisterFieldFunctions(expr::FunctionRegistry& registry,
                                          std::shared_ptr<const Catalogues> catalogues);

}  // namespace aktkoll::domain
