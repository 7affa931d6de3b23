#include "ruleset/pack.h"

namespace aktkoll::ruleset {

const char* ParamTypeName(ParamType type) {
  switch (type) {
    case ParamType::kInt: return "int";
    case ParamType::kDouble: return "double";
    case ParamType::kString: return "string";
    case ParamType::kBool: return "bool";
    case ParamType::kDate: return "date";
    case ParamType::kStringList: return "list";
  }
  return "?";
}

const Param* Rule::FindParam(const std::string& name) const {
  for (const Param& p : params)
    if (p.name == name) return &p;
  return nullptr;
}

const document::Node* Vocabulary::Find(const std::string& code) const {
  for (const document::Node& e : entries) {
    const document::Node* c = e.Find("code");
    if (c && c->kind == document::Kind::kString && c->string == code) return &e;
  }
  return nullptr;
}

const Rule* Pack::Find(const std::string& id) const {
  for (const Rule& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

const Definition* Pack::FindDefinition(const std::string& name) const {
  for (const Definition& d : definitions)
    if (d.name == name) return &d;
  return nullptr;
}

const Param* Pack::FindParam(const std::string& name) const {
  for (const Param& p : params)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace aktkoll::ruleset
