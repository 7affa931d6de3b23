// Validates loaded case documents against a JSON Schema (schemas/case.schema.json) and turns
// each violation into a Finding with rule id "schema" that points at the offending value
// (or, for a missing property, at the object that should hold it), with a plain Swedish
// message that names the field by its schema title. Values are never quoted in messages:
// they may be personal data.
//
// CaseSchema is immutable and shared between threads. valijson's Validator keeps a mutable
// regex cache, so each worker thread validates through its own SchemaChecker.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/finding.h"
#include "core/status.h"
#include "document/node.h"

namespace valijson {
class Schema;
class Validator;
}  // namespace valijson

namespace aktkoll::validate {

class FastSchema;

class CaseSchema {
 public:
  // Parses a draft-07 schema. `format` keywords are dropped before parsing: valijson checks
  // them with a freshly built std::regex per value, and the schema's `pattern`s and the
  // DATA-* rules already check the same things.
  static core::StatusOr<std::shared_ptr<const CaseSchema>> Parse(std::string_view schema_json);
  ~CaseSchema();

  // valijson's form of the schema, parsed on first use: it is only needed to describe
  // what is wrong with a document the fast validator rejected, and parsing it was a tenth
  // of a one-file check. Thread-safe.
  const valijson::Schema& schema() const;
  const nlohmann::json& json() const { return json_; }
  // The yes/no validator for documents that conform (see fast_schema.h); null when the
  // schema uses keywords it does not implement.
  const FastSchema* fast() const { return fast_.get(); }

 private:
  CaseSchema() = default;
  nlohmann::json stripped_;  // the schema without `format`s, what valijson parses
  mutable std::once_flag schema_once_;
  mutable std::unique_ptr<valijson::Schema> schema_;
  std::unique_ptr<FastSchema> fast_;
  nlohmann::json json_;
};

class SchemaChecker {
 public:
  // At most this many schema findings per document; the rest are counted in one more.
  static constexpr size_t kMaxSchemaFindings = 50;

  explicit SchemaChecker(std::shared_ptr<const CaseSchema> schema);
  ~SchemaChecker();
  SchemaChecker(SchemaChecker&&) noexcept;

  // Appends one finding per violation. `base` supplies path, document, case_id. A document
  // the fast validator accepts is done; any other goes through valijson, which reports
  // the violations.
  void Check(const document::Node& root, const core::Finding& base,
             std::vector<core::Finding>* out);

 private:
  std::shared_ptr<const CaseSchema> schema_;
  std::unique_ptr<valijson::Validator> validator_;
};

}  // namespace aktkoll::validate
