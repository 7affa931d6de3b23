// A compiled yes/no validator for the JSON Schema subset the case schema uses, so that
// the common case, a document that conforms, costs a walk over the tree instead of a
// valijson run (which builds a context vector, a std::set of matched names and a fresh
// std::regex per patternProperties per object, and runs std::regex per `pattern`).
//
// It answers exactly what valijson (strict types, the draft-07 parser) answers to "is this
// document valid", keyword by keyword (see fast_schema.cc), and is only built when every
// keyword in the schema is one it implements; a schema with anything else gets no
// FastSchema and everything goes to valijson. Only documents it accepts skip valijson:
// the findings for an invalid document still come from valijson, unchanged.
//
// Immutable after Compile; safe to use from several threads at once.
#pragma once

#include <memory>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "document/node.h"
#include "validate/pattern.h"

namespace aktkoll::validate {

class FastSchema {
 public:
  // `schema` as valijson sees it (formats already dropped). nullptr when it uses a keyword,
  // a $ref or a pattern this validator does not implement exactly.
  static std::unique_ptr<FastSchema> Compile(const nlohmann::json& schema);

  // Whether valijson would find `root` valid.
  bool Valid(const document::Node& root) const { return Valid(0, root); }

  // A regular expression: the linear-time matcher when the pattern fits its subset, else
  // std::regex built once (the same engine valijson uses).
  struct Regex {
    std::unique_ptr<Pattern> fast;
    std::unique_ptr<std::regex> slow;
    bool Search(const std::string& s) const;
  };

  struct Sub {
    bool always_invalid = false;  // the schema `false`
    uint8_t types = 0;            // bit per document::Kind; 0 = no `type` keyword
    bool has_enum = false;
    std::vector<std::string> enum_strings;
    std::vector<int> patterns;    // indices into regexes_
    bool has_min_length = false, has_max_length = false;
    uint64_t min_length = 0, max_length = 0;
    bool has_minimum = false, has_maximum = false;
    double minimum = 0, maximum = 0;
    bool has_min_items = false, has_max_items = false;
    uint64_t min_items = 0, max_items = 0;
    std::vector<std::string> required;
    bool has_properties = false;  // properties, patternProperties or additionalProperties
    std::vector<std::pair<std::string, int>> properties;  // sorted by name
    std::vector<std::pair<int, int>> pattern_properties;  // (regex, subschema)
    int additional = -1;          // -1: anything, -2: nothing (false), else a subschema
    int items = -1;               // -1: no `items`
  };

 private:
  FastSchema() = default;
  bool Valid(int sub, const document::Node& node) const;

  friend class FastSchemaCompiler;
  std::vector<Sub> subs_;
  std::vector<Regex> regexes_;
};

}  // namespace aktkoll::validate
