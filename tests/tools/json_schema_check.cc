// json_schema_check SCHEMA DOCUMENT: validates a JSON document against a JSON Schema
// (draft-04, -06 or -07, from the schema's $schema) with valijson. Prints each error with
// its path and exits 1 when the document is invalid, 2 when a file cannot be read.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace {

bool Load(const char* path, nlohmann::json* out) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << path << ": cannot open\n";
    return false;
  }
  try {
    *out = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    std::cerr << path << ": " << e.what() << "\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: json_schema_check SCHEMA DOCUMENT\n";
    return 2;
  }
  nlohmann::json schema_json, doc;
  if (!Load(argv[1], &schema_json) || !Load(argv[2], &doc)) return 2;
  std::string draft = schema_json.value("$schema", "");
  auto version = draft.find("draft-04") != std::string::npos   ? valijson::SchemaParser::kDraft4
                 : draft.find("draft-06") != std::string::npos ? valijson::SchemaParser::kDraft7
                                                               : valijson::SchemaParser::kDraft7;
  valijson::Schema schema;
  valijson::SchemaParser parser(version);
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  try {
    parser.populateSchema(schema_adapter, schema);
  } catch (const std::exception& e) {
    std::cerr << argv[1] << ": schema not understood: " << e.what() << "\n";
    return 2;
  }
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  if (validator.validate(schema, target, &results)) {
    std::cout << argv[2] << ": valid\n";
    return 0;
  }
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string path;
    for (const auto& c : error.context) path += c;
    std::cerr << argv[2] << ": " << path << ": " << error.description << "\n";
  }
  return 1;
}
