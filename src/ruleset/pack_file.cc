// Reading pack.yaml / profile.yaml and catalogue files (shape only; meaning is checked by
// the loader once every file of the chain is read).
#include "ruleset/loader_internal.h"

namespace aktkoll::ruleset::internal {

using document::Kind;
using document::Node;

namespace {

const std::vector<std::string> kPackKeys = {
    "name", "version", "title", "description", "extends", "decision_date", "personal_paths",
    "catalogues", "not_checkable", "overrides", "disable", "params", "definitions", "add_law"};

void ParseOverrides(YamlFile* f, const Node& node, PackSpec* spec) {
  if (node.kind != Kind::kMapping) {
    f->Error(node.pos, "'overrides' ska vara en mappning från regel-id till ändringar",
             "'overrides' must be a mapping from rule id to changes");
    return;
  }
  for (const document::Entry& e : node.entries) {
    RuleOverride o;
    o.rule = e.key;
    o.pos = e.key_pos;
    if (!f->CheckMapping(e.value, "'overrides." + e.key + "'", {"severity", "params", "law", "add_law"})) continue;
    if (const Node* law = e.value.Find("law")) {
      o.law.emplace();
      ParseLaw(f, *law, &*o.law);
    }
    if (const Node* add = e.value.Find("add_law")) ParseLaw(f, *add, &o.add_law);
    if (auto sev = f->String(e.value, "severity", false)) {
      core::Severity s;
      if (core::ParseSeverity(*sev, &s)) {
        o.severity = s;
      } else {
        f->Error(e.value.Find("severity")->pos,
                 "okänd allvarlighetsgrad '" + *sev + "': väntade error, warning eller info",
                 "unknown severity '" + *sev + "': expected error, warning or info");
      }
    }
    if (const Node* params = e.value.Find("params")) {
      if (params->kind != Kind::kMapping) {
        f->Error(params->pos, "'params' ska vara en mappning från parameternamn till värde",
                 "'params' must be a mapping from parameter name to value");
      } else {
        for (const document::Entry& p : params->entries) o.params.push_back({p.key, p.key_pos, &p.value});
      }
    }
    spec->overrides.push_back(std::move(o));
  }
}

// A pack declares parameters ({type, default, description}); a profile may also give an
// inherited one a new value (`name: value`). Which is which: a mapping with `type`.
void ParsePackParams(YamlFile* f, const Node& node, PackSpec* spec) {
  if (node.kind != Kind::kMapping) {
    f->Error(node.pos, "'params' ska vara en mappning från parameternamn till deklaration eller värde",
             "'params' must be a mapping from parameter name to declaration or value");
    return;
  }
  document::Node decls;
  decls.kind = Kind::kMapping;
  decls.pos = node.pos;
  for (const document::Entry& e : node.entries) {
    if (e.value.kind == Kind::kMapping && e.value.Find("type")) decls.entries.push_back(e);
    else if (spec->is_profile) spec->param_values.push_back({e.key, e.key_pos, &e.value});
    else
      f->Error(e.value.pos, "parametern '" + e.key + "' ska deklareras med type och default",
               "parameter '" + e.key + "' must be declared with type and default");
  }
  ParseParamDecls(f, decls, &spec->params, &spec->param_pos);
}

}  // namespace

bool ParsePackFile(PackSpec* spec) {
  YamlFile* f = spec->file.get();
  if (!f->ok()) return false;
  const Node& root = f->root();
  if (!f->CheckMapping(root, spec->is_profile ? "profilen" : "paketet", kPackKeys)) return false;
  spec->name = f->String(root, "name", true).value_or("");
  spec->version = f->String(root, "version", !spec->is_profile).value_or("");
  spec->title = f->Text(root, "title", false).value_or(core::Text{});
  if (const Node* ext = f->Get(root, "extends", spec->is_profile)) {
    if (ext->kind == Kind::kString && !ext->string.empty()) {
      spec->extends = Located{ext->string, ext->pos};
    } else {
      f->Error(ext->pos, "'extends' ska vara namnet på ett paket eller en sökväg",
               "'extends' must be a pack name or a path");
    }
  }
  spec->decision_date = f->Expression(root, "decision_date", false);
  spec->personal_paths = f->StringList(root, "personal_paths", false);
  std::vector<core::Position> cat_pos;
  if (auto cats = f->StringList(root, "catalogues", false, &cat_pos)) {
    for (size_t i = 0; i < cats->size(); ++i) spec->catalogues.push_back({(*cats)[i], cat_pos[i]});
  }
  std::vector<core::Position> dis_pos;
  if (auto dis = f->StringList(root, "disable", false, &dis_pos)) {
    for (size_t i = 0; i < dis->size(); ++i) spec->disable.push_back({(*dis)[i], dis_pos[i]});
  }
  if (const Node* nc = root.Find("not_checkable")) {
    if (nc->kind != Kind::kSequence) {
      f->Error(nc->pos, "'not_checkable' ska vara en lista", "'not_checkable' must be a list");
    } else {
      for (const Node& item : nc->items) {
        if (!f->CheckMapping(item, "'not_checkable'", {"requirement", "reason"})) continue;
        auto req = f->String(item, "requirement", true);
        auto reason = f->Text(item, "reason", true);
        if (req && reason)
          spec->not_checkable.push_back({NotCheckable{*req, *reason, spec->name}, item.Find("requirement")->pos});
      }
    }
  }
  if (const Node* ov = root.Find("overrides")) ParseOverrides(f, *ov, spec);
  if (const Node* params = root.Find("params")) ParsePackParams(f, *params, spec);
  if (const Node* defs = root.Find("definitions")) spec->definitions = ParseNamedExprs(f, *defs, "definitions", "replaces");
  if (const Node* add = root.Find("add_law")) {
    if (!spec->is_profile)
      f->Error(add->pos, "'add_law' hör hemma i en profil; i ett paket står lagrummen i reglerna",
               "'add_law' belongs in a profile; in a pack the law is in the rules");
    else
      ParseLaw(f, *add, &spec->add_law);
  }
  return true;
}

void MergeCatalogue(YamlFile* f, std::map<std::string, Vocabulary>* vocabularies) {
  if (!f->ok()) return;
  const Node& root = f->root();
  if (!f->CheckMapping(root, "katalogen", {"vocabulary", "title", "description", "source", "codes"})) return;
  auto name = f->String(root, "vocabulary", true);
  const Node* codes = f->Get(root, "codes", true);
  if (!name || !codes) return;
  if (codes->kind != Kind::kSequence) {
    f->Error(codes->pos, "'codes' ska vara en lista", "'codes' must be a list");
    return;
  }
  Vocabulary& vocab = (*vocabularies)[*name];
  vocab.name = *name;
  if (auto title = f->Text(root, "title", false)) vocab.title = *title;
  for (const Node& entry : codes->items) {
    if (entry.kind != Kind::kMapping) {
      f->Error(entry.pos, "varje kod ska vara en mappning med 'code'", "each code must be a mapping with 'code'");
      continue;
    }
    auto code = f->String(entry, "code", true);
    if (!code) continue;
    Node* existing = nullptr;
    for (Node& e : vocab.entries) {
      const Node* c = e.Find("code");
      if (c && c->string == *code) existing = &e;
    }
    if (existing == nullptr) {
      vocab.entries.push_back(entry);
      continue;
    }
    for (const document::Entry& field : entry.entries) {  // a profile overrides field by field
      bool replaced = false;
      for (document::Entry& old : existing->entries) {
        if (old.key == field.key) {
          old.value = field.value;
          replaced = true;
        }
      }
      if (!replaced) existing->entries.push_back(field);
    }
  }
}

}  // namespace aktkoll::ruleset::internal
