// The requirement catalogue (rules/requirements.yaml), generated from the shared
// requirements document and the Swedish titles (rules/requirement_titles_sv.yaml); rules
// name these ids and `rules coverage` lists them.
#include "embedded/embedded.h"
#include "ruleset/loader.h"
#include "ruleset/yaml_reader.h"

namespace aktkoll::ruleset {

std::vector<Requirement> LoadRequirements(const std::optional<std::string>& text, Diagnostics* diags) {
  const std::string path = "rules/requirements.yaml";
  std::string content;
  std::optional<std::string_view> preparsed;  // the embedded catalogue, parsed at build time
  if (text) {
    content = *text;
  } else if (auto embedded = embedded::Find(path)) {
    content = std::string(*embedded);
    preparsed = embedded::FindPreparsed(path);
  } else {
    diags->Add(path, {}, "kravkatalogen saknas i programmet", "the requirement catalogue is missing");
    return {};
  }
  YamlFile f(path, content, diags, preparsed);
  std::vector<Requirement> out;
  if (!f.ok() || !f.CheckMapping(f.root(), "kravkatalogen", {"requirements"})) return out;
  const document::Node* list = f.Get(f.root(), "requirements", true);
  if (!list) return out;
  if (list->kind != document::Kind::kSequence) {
    f.Error(list->pos, "'requirements' ska vara en lista", "'requirements' must be a list");
    return out;
  }
  for (const document::Node& item : list->items) {
    if (!f.CheckMapping(item, "kravet", {"id", "group", "title"})) continue;
    auto id = f.String(item, "id", true);
    auto group = f.String(item, "group", true);
    auto title = f.Text(item, "title", true);
    if (title && (title->sv.empty() || title->en.empty())) {
      const document::Node* n = f.Get(item, "title", true);
      f.Error(n->pos, "kravets rubrik ska finnas på svenska och engelska (title: {sv, en})",
              "the requirement's title must be given in Swedish and English (title: {sv, en})");
      continue;
    }
    if (id && group && title) out.push_back({*id, *group, *title});
  }
  return out;
}

}  // namespace aktkoll::ruleset
