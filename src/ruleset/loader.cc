#include "ruleset/loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/sha256.h"
#include "embedded/embedded.h"
#include "ruleset/functions.h"
#include "ruleset/loader_internal.h"

namespace aktkoll::ruleset {

using namespace internal;  // NOLINT: the loader's own intermediate forms

namespace {

constexpr int kMaxChain = 16;

struct Resolved {
  const FileSource* source = nullptr;
  std::string path;
  bool is_profile = false;
};

bool IsPathSpec(const std::string& spec) {
  auto ends = [&](const char* s) {
    std::string_view x(s);
    return spec.size() >= x.size() && spec.compare(spec.size() - x.size(), x.size(), x) == 0;
  };
  return spec.find('/') != std::string::npos || ends(".yaml") || ends(".yml") || spec == "." || spec == "..";
}

std::string Basename(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Dirname(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

std::optional<Resolved> Resolve(const std::string& spec, const FileSource* from, const std::string& from_dir) {
  if (!IsPathSpec(spec)) {
    const FileSource& emb = EmbeddedSource();
    if (emb.Read("rules/" + spec + "/pack.yaml")) return Resolved{&emb, "rules/" + spec + "/pack.yaml", false};
    std::string profile = "rules/profiles/" + spec + "/profile.yaml";
    if (emb.Read(profile)) return Resolved{&emb, profile, true};
    return std::nullopt;
  }
  const FileSource* source = from ? from : &DiskSource();
  std::string path = spec;
  if (!path.empty() && path[0] != '/' && !from_dir.empty()) path = from_dir + path;
  path = std::filesystem::path(path).lexically_normal().generic_string();
  if (source->IsDirectory(path)) {
    std::string dir = path.back() == '/' ? path : path + "/";
    if (source->Read(dir + "profile.yaml")) path = dir + "profile.yaml";
    else path = dir + "pack.yaml";
  }
  return Resolved{source, path, Basename(path) == "profile.yaml"};
}

std::string BuiltinList() {
  std::string out;
  for (const std::string& n : BuiltinPackNames()) out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool IsFixture(const std::string& name) {
  bool prefix = name.rfind("pass-", 0) == 0 || name.rfind("fail-", 0) == 0;
  auto ends = [&](std::string_view s) {
    return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
  };
  return prefix && (ends(".yaml") || ends(".yml") || ends(".json"));
}

class Loader {
 public:
  Loader(const LoadOptions& options, Diagnostics* diags) : options_(options), diags_(diags) {}

  std::shared_ptr<const Pack> Load(const std::string& spec) {
    if (!ReadChain(spec)) return nullptr;
    auto pack = std::make_shared<Pack>();
    Assemble(pack.get());
    if (!diags_->empty()) return nullptr;
    return pack;
  }

 private:
  // Reads a pack file (recording it for the pack's hash) and parses it, from the tree the
  // build parsed for embedded files; nullptr when the file cannot be read.
  std::unique_ptr<YamlFile> Open(const FileSource* source, const std::string& path) {
    auto text = source->Read(path);
    if (!text) return nullptr;
    files_[path] = *text;
    return std::make_unique<YamlFile>(path, std::move(*text), diags_, source->Preparsed(path));
  }

  bool ReadChain(const std::string& spec) {
    auto resolved = Resolve(spec, nullptr, "");
    if (!resolved) {
      diags_->Add(spec, {},
                  "okänt regelpaket '" + spec + "': ange ett inbyggt paket eller en profil (" + BuiltinList() +
                      ") eller en sökväg till pack.yaml/profile.yaml",
                  "unknown rule pack '" + spec + "': give a built-in pack or profile (" + BuiltinList() +
                      ") or a path to pack.yaml/profile.yaml");
      return false;
    }
    std::vector<std::string> seen;
    while (resolved) {
      auto file = Open(resolved->source, resolved->path);
      if (!file) {
        diags_->Add(resolved->path, {}, "filen finns inte eller kan inte läsas",
                    "the file does not exist or cannot be read");
        return false;
      }
      auto p = std::make_unique<PackSpec>();
      p->source = resolved->source;
      p->dir = Dirname(resolved->path);
      p->is_profile = resolved->is_profile;
      p->file = std::move(file);
      seen.push_back(resolved->path);
      if (!ParsePackFile(p.get())) return false;
      std::optional<Resolved> next;
      if (p->extends) {
        const Located& ext = *p->extends;
        next = Resolve(ext.value, p->source, p->dir);
        if (!next) {
          p->file->Error(ext.pos, "okänt paket '" + ext.value + "' i 'extends': inbyggda är " + BuiltinList() +
                                      "; en sökväg är relativ till den här filen",
                         "unknown pack '" + ext.value + "' in 'extends': the built-in ones are " + BuiltinList() +
                             "; a path is relative to this file");
          return false;
        }
        if (std::find(seen.begin(), seen.end(), next->path) != seen.end() || seen.size() >= kMaxChain) {
          std::string cycle;
          for (const std::string& s : seen) cycle += s + " → ";
          cycle += next->path;
          p->file->Error(ext.pos, "'extends' bildar en cykel: " + cycle, "'extends' forms a cycle: " + cycle);
          return false;
        }
      }
      chain_.push_back(std::move(p));
      resolved = next;
    }
    std::reverse(chain_.begin(), chain_.end());  // base first
    return diags_->empty();
  }

  void ReadRules() {
    std::map<std::string, std::pair<std::string, core::Position>> ids;
    // A built-in rule was compiled and checked when aktkoll was built, against its own
    // pack's personal_paths and the standard functions. A chain with a file from disk may
    // add personal paths (or the caller its own functions), so then every rule is checked.
    for (auto& p : chain_) {
      std::vector<std::string> files = p->source->List(p->dir);
      // A folder below this one with its own pack.yaml or profile.yaml is another pack.
      std::vector<std::string> nested;
      for (const std::string& path : files) {
        std::string base = Basename(path);
        std::string dir = Dirname(path);
        if ((base == "pack.yaml" || base == "profile.yaml") && dir != p->dir) nested.push_back(dir);
      }
      for (const std::string& path : files) {
        if (Basename(path) != "rule.yaml") continue;
        bool foreign = false;
        for (const std::string& n : nested) foreign = foreign || path.rfind(n, 0) == 0;
        if (foreign) continue;
        auto file = Open(p->source, path);
        if (!file) continue;
        auto spec = std::make_unique<RuleSpec>();
        spec->file = std::move(file);
        spec->rule.pack = p->name;
        spec->trusted = trusted_;
        if (!ParseRuleFile(spec.get())) continue;
        const std::string& id = spec->rule.id;
        if (!id.empty()) {
          auto [it, inserted] = ids.insert({id, {path, spec->id_pos}});
          if (!inserted) {
            std::string where = core::FormatLocation(it->second.first, it->second.second);
            spec->file->Error(spec->id_pos, "regel-id '" + id + "' används redan i " + where,
                              "rule id '" + id + "' is already used in " + where);
          }
        }
        std::string dir = Dirname(path);
        for (const std::string& other : p->source->List(dir)) {
          if (Dirname(other) != dir || !IsFixture(Basename(other))) continue;
          spec->rule.fixtures.push_back(Fixture{other, Basename(other).rfind("pass-", 0) == 0, p->source});
        }
        rules_.push_back(std::move(spec));
      }
    }
  }

  RuleSpec* FindRule(const std::string& id) {
    for (auto& r : rules_)
      if (r->rule.id == id) return r.get();
    return nullptr;
  }

  void ReportUnknownRule(YamlFile* f, const Located& ref, const char* where) {
    std::vector<std::string> ids;
    for (auto& r : rules_) ids.push_back(r->rule.id);
    std::string near = ClosestMatch(ref.value, ids);
    f->Error(ref.pos,
             "okänd regel '" + ref.value + "' i '" + where + "'" + (near.empty() ? "" : " (menade du '" + near + "'?)"),
             "unknown rule '" + ref.value + "' in '" + where + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)"));
  }

  void ApplyOverrides(const Pack& pack, std::set<std::string>* disabled) {
    for (auto& p : chain_) {
      YamlFile* f = p->file.get();
      for (const RuleOverride& o : p->overrides) {
        RuleSpec* spec = FindRule(o.rule);
        if (!spec) {
          ReportUnknownRule(f, Located{o.rule, o.pos}, "overrides");
          continue;
        }
        if (o.severity) spec->rule.severity = *o.severity;
        if (o.law) spec->rule.law = *o.law;
        spec->rule.law.insert(spec->rule.law.end(), o.add_law.begin(), o.add_law.end());
        for (const ParamOverride& po : o.params) {
          Param* param = nullptr;
          std::vector<std::string> names;
          for (Param& q : spec->rule.params) {
            names.push_back(q.name);
            if (q.name == po.name) param = &q;
          }
          if (!param && pack.FindParam(po.name)) {
            f->Error(po.pos,
                     "regeln " + o.rule + " har ingen egen parameter '" + po.name +
                         "': den gäller hela paketet; ge den ett nytt värde under profilens 'params:'",
                     "rule " + o.rule + " has no parameter '" + po.name +
                         "' of its own: it is the whole pack's; give it a new value under the profile's 'params:'");
            continue;
          }
          if (!param) {
            std::string near = ClosestMatch(po.name, names);
            std::string pack_near;
            std::vector<std::string> pack_names;
            for (const Param& q : pack.params) pack_names.push_back(q.name);
            if (near.empty()) pack_near = ClosestMatch(po.name, pack_names);
            if (!pack_near.empty()) {
              f->Error(po.pos,
                       "regeln " + o.rule + " har ingen parameter '" + po.name + "' (menade du paketets parameter '" +
                           pack_near + "', under profilens 'params:'?)",
                       "rule " + o.rule + " has no parameter '" + po.name + "' (did you mean the pack's parameter '" +
                           pack_near + "', under the profile's 'params:'?)");
              continue;
            }
            f->Error(po.pos,
                     "regeln " + o.rule + " har ingen parameter '" + po.name + "'" +
                         (near.empty() ? "" : " (menade du '" + near + "'?)"),
                     "rule " + o.rule + " has no parameter '" + po.name + "'" +
                         (near.empty() ? "" : " (did you mean '" + near + "'?)"));
            continue;
          }
          ParseParamValue(f, param->type, *po.value, &param->value, &param->value_text);
        }
      }
      for (auto& r : rules_) r->rule.law.insert(r->rule.law.end(), p->add_law.begin(), p->add_law.end());
      for (const Located& d : p->disable) {
        if (!FindRule(d.value)) ReportUnknownRule(f, d, "disable");
        else disabled->insert(d.value);
      }
    }
  }

  void CheckRequirements(const std::vector<Requirement>& reqs) {
    std::vector<std::string> ids;
    for (const Requirement& r : reqs) ids.push_back(r.id);
    auto check = [&](YamlFile* f, const std::string& id, core::Position pos) {
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) return;
      std::string near = ClosestMatch(id, ids);
      f->Error(pos,
               "okänt krav-id '" + id + "'" + (near.empty() ? "" : " (menade du '" + near + "'?)") +
                   "; kraven finns i rules/requirements.yaml",
               "unknown requirement id '" + id + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                   "; the requirements are in rules/requirements.yaml");
    };
    for (auto& r : rules_)
      for (size_t i = 0; i < r->rule.requirements.size() && i < r->requirement_pos.size(); ++i)
        check(r->file.get(), r->rule.requirements[i], r->requirement_pos[i]);
    for (auto& p : chain_)
      for (const auto& [nc, pos] : p->not_checkable) check(p->file.get(), nc.requirement, pos);
  }

  void ReadCatalogues(Pack* pack) {
    for (auto& p : chain_) {
      for (const Located& c : p->catalogues) {
        std::string path = std::filesystem::path(p->dir + c.value).lexically_normal().generic_string();
        auto file = Open(p->source, path);
        if (!file) {
          p->file->Error(c.pos, "katalogen '" + c.value + "' finns inte (sökvägen är relativ till den här filen)",
                         "catalogue '" + c.value + "' does not exist (the path is relative to this file)");
          continue;
        }
        catalogues_.push_back(std::move(file));
        MergeCatalogue(catalogues_.back().get(), &pack->vocabularies);
      }
    }
  }

  // The pack parameters along the chain: declared by the base pack or a profile, given a
  // new value by a later profile.
  void AssembleParams(Pack* pack) {
    for (auto& p : chain_) {
      YamlFile* f = p->file.get();
      for (size_t i = 0; i < p->params.size(); ++i) {
        const Param& param = p->params[i];
        if (pack->FindParam(param.name)) {
          f->Error(p->param_pos[i],
                   "parametern '" + param.name + "' finns redan i paketet som profilen bygger på; ge den ett nytt värde med '" +
                       param.name + ": <värde>'",
                   "parameter '" + param.name + "' already exists in the pack the profile extends; give it a new value with '" +
                       param.name + ": <value>'");
          continue;
        }
        pack->params.push_back(param);
      }
      for (const ParamOverride& po : p->param_values) {
        Param* param = nullptr;
        std::vector<std::string> names;
        for (Param& q : pack->params) {
          names.push_back(q.name);
          if (q.name == po.name) param = &q;
        }
        if (!param) {
          std::string near = ClosestMatch(po.name, names);
          f->Error(po.pos,
                   "paketet har ingen parameter '" + po.name + "'" + (near.empty() ? "" : " (menade du '" + near + "'?)") +
                       "; en ny parameter deklareras med type och default",
                   "the pack has no parameter '" + po.name + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                       "; a new parameter is declared with type and default");
          continue;
        }
        ParseParamValue(f, param->type, *po.value, &param->value, &param->value_text);
      }
    }
  }

  void Assemble(Pack* pack) {
    const PackSpec& base = *chain_.front();
    const PackSpec& outer = *chain_.back();
    pack->name = base.name;
    pack->version = base.version;
    pack->profile = chain_.size() > 1 ? outer.name : "";
    pack->title = outer.title.sv.empty() ? base.title : outer.title;
    std::vector<std::string> personal;
    const SourceText* decision_date = nullptr;
    const PackSpec* decision_owner = nullptr;
    for (auto& p : chain_) {
      pack->chain.push_back(p->name);
      if (p->personal_paths)
        for (const std::string& s : *p->personal_paths)
          if (std::find(personal.begin(), personal.end(), s) == personal.end()) personal.push_back(s);
      if (p->decision_date) {
        decision_date = &*p->decision_date;
        decision_owner = p.get();
      }
      for (const auto& [nc, pos] : p->not_checkable) pack->not_checkable.push_back(nc);
    }
    pack->personal_paths = personal;
    AssembleParams(pack);
    // A built-in rule was compiled and checked when aktkoll was built, against its own
    // pack's personal_paths and the standard functions. A chain with a file from disk may
    // add personal paths (or the caller its own functions), so then every rule is checked.
    trusted_ = !options_.check_builtin && !options_.register_functions;
    for (const auto& p : chain_) trusted_ = trusted_ && p->source == &EmbeddedSource();

    ReadRules();
    ReadCatalogues(pack);
    std::set<std::string> disabled;
    ApplyOverrides(*pack, &disabled);
    CheckRequirements(LoadRequirements(options_.requirements_yaml, diags_));

    auto registry = std::make_shared<expr::FunctionRegistry>();
    auto std_ok = expr::RegisterStandardFunctions(*registry);
    if (!std_ok.ok()) diags_->Add("", {}, std_ok.error().message(), std_ok.error().message());
    RegisterFunctions extra = options_.register_functions ? options_.register_functions : DefaultFunctions();
    auto extra_ok = extra(*registry, *pack);
    if (!extra_ok.ok()) diags_->Add("", {}, extra_ok.error().message(), extra_ok.error().message());
    std::shared_ptr<const expr::FunctionRegistry> shared = registry;

    auto env = std::make_shared<expr::Env>(shared);
    (void)env->Declare("c", expr::Type::Dyn());
    (void)env->Declare("as_of", expr::Type::Date());
    pack->env = env;
    if (decision_date) {
      YamlFile* f = decision_owner->file.get();
      pack->decision_date = CompileAt(f, *decision_date, *env, options_.lang, "decision_date");
    }

    AssembleDefinitions(chain_, shared, personal, options_.lang, trusted_, pack);
    std::vector<RuleSpec*> specs;
    for (auto& r : rules_) specs.push_back(r.get());
    if (!diags_->empty()) return;
    CompileRules(*pack, personal, options_.lang, &specs);
    if (!diags_->empty()) return;
    if (!trusted_) WarnUnusedDefinitions(*pack, specs, diags_);

    for (auto& r : rules_) {
      if (disabled.count(r->rule.id)) pack->disabled.push_back(r->rule.id);
      else pack->rules.push_back(std::move(r->rule));
    }
    std::sort(pack->rules.begin(), pack->rules.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
    std::sort(pack->disabled.begin(), pack->disabled.end());

    core::Sha256 hash;
    for (const auto& [path, text] : files_) {
      pack->files.push_back(path);
      hash.Update(path);
      hash.Update(std::string_view("\0", 1));
      hash.Update(text);
      hash.Update(std::string_view("\0", 1));
    }
    pack->sha256 = hash.HexDigest();
  }

  const LoadOptions& options_;
  Diagnostics* diags_;
  std::vector<std::unique_ptr<PackSpec>> chain_;
  std::vector<std::unique_ptr<RuleSpec>> rules_;
  std::vector<std::unique_ptr<YamlFile>> catalogues_;
  std::map<std::string, std::string> files_;  // every file read, by path (sorted)
  bool trusted_ = false;  // every file is built in: compile on first use
};

}  // namespace

LoadResult LoadPack(const std::string& spec, const LoadOptions& options) {
  LoadResult result;
  Loader loader(options, &result.diagnostics);
  result.pack = loader.Load(spec);
  if (!result.diagnostics.empty()) result.pack = nullptr;
  return result;
}

std::vector<std::string> BuiltinPackNames() {
  std::vector<std::string> packs, profiles;
  for (const embedded::File& f : embedded::List("rules/")) {
    std::string path(f.path);
    if (path.size() > 10 && Basename(path) == "pack.yaml" &&
        std::count(path.begin(), path.end(), '/') == 2)
      packs.push_back(path.substr(6, path.size() - 6 - 10));
    const std::string prefix = "rules/profiles/";
    if (path.rfind(prefix, 0) == 0 && Basename(path) == "profile.yaml" &&
        std::count(path.begin(), path.end(), '/') == 3)
      profiles.push_back(path.substr(prefix.size(), path.size() - prefix.size() - 13));
  }
  packs.insert(packs.end(), profiles.begin(), profiles.end());
  return packs;
}

}  // namespace aktkoll::ruleset
