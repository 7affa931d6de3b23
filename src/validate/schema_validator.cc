// GCC 12 at -O2/-O3 reports a false -Wrestrict (overlapping memcpy) inside valijson's JSON
// Pointer code (json_pointer.hpp, inlined into the schema parser). The pragma must come
// before the first include, since the warning is located in <bits/char_traits.h>.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "validate/schema_validator.h"

#include <set>
#include <string>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "validate/error_text.h"
#include "validate/fast_schema.h"
#include "validate/node_adapter.h"

namespace aktkoll::validate {
namespace {

void DropFormats(nlohmann::json& j) {
  if (j.is_object()) {
    // A `format` keyword has a string value; a property named "format" has a schema object.
    if (j.contains("format") && j["format"].is_string()) j.erase("format");
    for (auto& item : j.items()) DropFormats(item.value());
  } else if (j.is_array()) {
    for (auto& v : j) DropFormats(v);
  }
}

}  // namespace

CaseSchema::~CaseSchema() = default;

core::StatusOr<std::shared_ptr<const CaseSchema>> CaseSchema::Parse(std::string_view schema_json) {
  std::shared_ptr<CaseSchema> out(new CaseSchema());
  try {
    out->json_ = nlohmann::json::parse(schema_json);
    out->stripped_ = out->json_;
    DropFormats(out->stripped_);
    out->fast_ = FastSchema::Compile(out->stripped_);
    // Without a fast validator every document needs valijson: parse it now, so that a
    // schema valijson refuses is reported here.
    if (!out->fast_) (void)out->schema();
  } catch (const std::exception& e) {
    return core::Status::Internal(std::string("kan inte läsa fallschemat: ") + e.what());
  }
  return std::shared_ptr<const CaseSchema>(std::move(out));
}

const valijson::Schema& CaseSchema::schema() const {
  std::call_once(schema_once_, [this] {
    auto schema = std::make_unique<valijson::Schema>();
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(stripped_);
    parser.populateSchema(adapter, *schema);
    schema_ = std::move(schema);
  });
  return *schema_;
}

SchemaChecker::SchemaChecker(std::shared_ptr<const CaseSchema> schema)
    : schema_(std::move(schema)), validator_(std::make_unique<valijson::Validator>()) {}
SchemaChecker::~SchemaChecker() = default;
SchemaChecker::SchemaChecker(SchemaChecker&&) noexcept = default;

void SchemaChecker::Check(const document::Node& root, const core::Finding& base,
                          std::vector<core::Finding>* out) {
  if (const FastSchema* fast = schema_->fast(); fast && fast->Valid(root)) return;
  valijson::ValidationResults results;
  NodeAdapter adapter(root);
  try {
    if (validator_->validate(schema_->schema(), adapter, &results)) return;
  } catch (const std::exception& e) {
    core::Finding f = base;
    f.rule = core::kRuleSchema;
    f.severity = core::Severity::kError;
    f.pos = root.pos;
    f.message = {std::string("schemavalideringen avbröts: ") + e.what(),
                 std::string("schema validation stopped: ") + e.what()};
    out->push_back(std::move(f));
    return;
  }
  // valijson repeats an error once per schema branch that reaches it (oneOf, anyOf, $ref),
  // which can multiply on a badly broken document: report each distinct error once and at
  // most kMaxSchemaFindings per document, then say how many more there were.
  std::set<std::pair<std::string, std::string>> seen;
  size_t more = 0;
  for (auto it = results.begin(); it != results.end(); ++it) {
    const auto& error = *it;
    if (seen.size() >= kMaxSchemaFindings) {
      more++;
      continue;
    }
    auto described = DescribeSchemaError(root, schema_->json(), error.context, error.description);
    if (!described) continue;  // a wrapper that repeats a more precise error
    if (!seen.emplace(described->pointer, described->message.sv).second) continue;
    core::Finding f = base;
    f.rule = core::kRuleSchema;
    f.severity = core::Severity::kError;
    f.pos = described->pos;
    f.pointer = described->pointer;
    f.message = std::move(described->message);
    out->push_back(std::move(f));
  }
  if (more > 0) {
    core::Finding f = base;
    f.rule = core::kRuleSchema;
    f.severity = core::Severity::kError;
    f.pos = root.pos;
    f.message = {"ytterligare " + std::to_string(more) + " schemafel i dokumentet visas inte",
                 std::to_string(more) + " further schema errors in the document are not shown"};
    out->push_back(std::move(f));
  }
}

}  // namespace aktkoll::validate
