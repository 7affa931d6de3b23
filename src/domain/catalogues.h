// Vocabularies and catalogues for rule expressions: which codes a vocabulary holds
// (intervention types, BBIC areas, closure reasons...) and the attributes of each entry.
// The data is not read here: the rule-pack loader fills a Catalogues from the pack's
// catalogue files and passes it in at registration, so each pack's registry answers from
// that pack's own catalogues.
//
// Registered by RegisterCatalogueFunctions:
//   in_vocabulary(code, vocabulary) -> bool   code is listed; false for a non-string code.
//                                             An unknown vocabulary is an error, and a
//                                             compile error when written as a literal.
//   catalogue(code) -> map                    the attributes of an intervention type
//   intervention(code) -> map                 (vocabulary "intervention_types"), e.g.
//                                             {needs_assessed: true, min_age: null, ...};
//                                             an unknown code is an error (guard with
//                                             in_vocabulary)
//   catalogue(vocabulary, code) -> map        the same for any vocabulary
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "expr/registry.h"
#include "expr/value.h"

namespace aktkoll::domain {

inline constexpr const char* kInterventionTypes = "intervention_types";

struct Vocabulary {
  // The codes in presentation order.
  std::vector<std::string> codes;
  // Per code, its attributes as an expr map with string keys, e.g. built with
  // expr::MakeMap({{Value::String("needs_assessed"), Value::Bool(true)},
  //                {Value::String("min_age"), Value::Null()}}).
  // A code listed in `codes` without an entry here has an empty attribute map.
  std::map<std::string, expr::Value, std::less<>> attributes;
};

struct Catalogues {
  // By vocabulary name, e.g. "intervention_types", "bbic_areas".
  std::map<std::string, Vocabulary, std::less<>> vocabularies;
};

// `catalogues` is shared by every program compiled against the registry; it must not
// change afterwards.
expr::Result<void> RegisterCatalogueFunctions(expr::FunctionRegistry& registry,
                                              std::shared_ptr<const Catalogues> catalogues);

}  // namespace aktkoll::domain
