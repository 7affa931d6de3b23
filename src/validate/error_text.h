// Turns one valijson error (context path + English description) into what a user reads:
// the position and JSON Pointer of the offending value, and a message in Swedish and
// English that names the field by its schema title. Returns nullopt for valijson's wrapper
// errors ("Failed to validate item #3"), which only repeat a more precise error below them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "document/node.h"

namespace aktkoll::validate {

struct DescribedError {
  core::Position pos;
  std::string pointer;
  core::Text message;
};

std::optional<DescribedError> DescribeSchemaError(const document::Node& root,
                                                  const nlohmann::json& schema,
                                                  const std::vector<std::string>& context,
                                                  const std::string& description);

// The closest of `candidates` to `word` by edit distance, if close enough to be a likely
// typo (distance ≤ max(2, size/4)); empty otherwise.
std::string ClosestName(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace aktkoll::validate
