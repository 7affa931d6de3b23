#include "ruleset/functions.h"

#include "domain/domain.h"

namespace aktkoll::ruleset {
namespace {

// An owned expression value for a catalogue node (catalogues outlive every case, so they
// are converted once at load time rather than borrowed).
expr::Value ToValue(const document::Node& n) {
  using document::Kind;
  switch (n.kind) {
    case Kind::kNull: return expr::Value::Null();
    case Kind::kBool: return expr::Value::Bool(n.boolean);
    case Kind::kInt: return expr::Value::Int(n.integer);
    case Kind::kDouble: return expr::Value::Double(n.number);
    case Kind::kString: return expr::Value::String(n.string);
    case Kind::kSequence: {
      std::vector<expr::Value> items;
      for (const document::Node& i : n.items) items.push_back(ToValue(i));
      return expr::MakeList(std::move(items));
    }
    case Kind::kMapping: {
      std::vector<std::pair<expr::Value, expr::Value>> entries;
      for (const document::Entry& e : n.entries) entries.push_back({expr::Value::String(e.key), ToValue(e.value)});
      return expr::MakeMap(std::move(entries));
    }
  }
  return expr::Value::Null();
}

}  // namespace

std::shared_ptr<const domain::Catalogues> BuildCatalogues(const Pack& pack) {
  auto catalogues = std::make_shared<domain::Catalogues>();
  for (const auto& [name, vocab] : pack.vocabularies) {
    domain::Vocabulary& v = catalogues->vocabularies[name];
    for (const document::Node& entry : vocab.entries) {
      const document::Node* code = entry.Find("code");
      if (!code || code->kind != document::Kind::kString) continue;
      v.codes.push_back(code->string);
      v.attributes[code->string] = ToValue(entry);
    }
  }
  return catalogues;
}

RegisterFunctions DefaultFunctions() {
  return [](expr::FunctionRegistry& registry, const Pack& pack) -> expr::Result<void> {
    return domain::RegisterDomainFunctions(registry, BuildCatalogues(pack));
  };
}

}  // namespace aktkoll::ruleset
