// Every domain family at once, for the rule-pack loader:
//   RegisterDomainFunctions(registry, catalogues)
// registers dates (dates.h), personnummer (personnummer.h), catalogues (catalogues.h),
// intervals (intervals.h) and field walks (fields.h) into `registry`, which should
// already hold expr's standard library (string(date) adds an overload to the standard
// `string`).
#pragma once

#include <memory>

#include "domain/catalogues.h"
#include "domain/dates.h"
#include "domain/fields.h"
#include "domain/intervals.h"
#include "domain/personnummer.h"
#include "expr/registry.h"

namespace aktkoll::domain {

inline expr::Result<void> RegisterDomainFunctions(expr::FunctionRegistry& registry,
                                                  std::shared_ptr<const Catalogues> catalogues) {
  for (auto r : {RegisterDateFunctions(registry), RegisterPersonnummerFunctions(registry),
                 RegisterCatalogueFunctions(registry, catalogues), RegisterIntervalFunctions(registry),
                 RegisterFieldFunctions(registry, std::move(catalogues))}) {
    if (!r.ok()) return r;
  }
  return {};
}

}  // namespace aktkoll::domain
