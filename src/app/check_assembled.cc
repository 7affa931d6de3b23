#include "app/check_assembled.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "core/file_io.h"
#include "core/sha256.h"
#include "document/loader.h"
#include "embedded/embedded.h"
#include "mapping/assemble.h"

namespace aktkoll::app {
namespace {

using core::Finding;

Finding MappingFinding(const std::string& path, int document, core::Position pos, core::Text message) {
  Finding f;
  f.rule = core::kRuleInputError;
  f.severity = core::Severity::kError;
  f.path = path;
  f.document = document;
  f.pos = pos;
  f.message = std::move(message);
  return f;
}

}  // namespace

std::shared_ptr<const mapping::Mapping> LoadChosenMapping(const std::string& name_or_file) {
  std::string text, path = name_or_file;
  std::error_code ec;
  bool on_disk = std::filesystem::is_regular_file(name_or_file, ec) || name_or_file.find('/') != std::string::npos ||
                 name_or_file.ends_with(".yaml") || name_or_file.ends_with(".yml");
  if (on_disk) {
    auto content = core::ReadFile(name_or_file);
    if (!content.ok()) {
      std::fprintf(stderr, "aktkoll: --mapping %s: %s\n", name_or_file.c_str(), content.status().message().c_str());
      return nullptr;
    }
    text = std::move(*content);
  } else {
    path = "rules/mappings/" + name_or_file + ".yaml";
    auto builtin = embedded::Find(path);
    if (!builtin) {
      std::string names;
      for (const auto& f : embedded::List("rules/mappings/")) {
        std::string_view n = f.path.substr(15);
        if (n.ends_with(".yaml")) names += (names.empty() ? "" : ", ") + std::string(n.substr(0, n.size() - 5));
      }
      std::fprintf(stderr, "aktkoll: --mapping %s: ingen sådan fil och ingen inbyggd mappning med det namnet (inbyggda: %s)\n",
                   name_or_file.c_str(), names.empty() ? "inga" : names.c_str());
      return nullptr;
    }
    text = std::string(*builtin);
  }
  std::string diagnostics;
  auto m = mapping::LoadMapping(path, text, &diagnostics);
  if (!m) std::fputs(diagnostics.c_str(), stderr);
  return m;
}

bool MapDocument(const mapping::Mapping& m, const std::string& path, int document, document::Node* root,
                 std::vector<Finding>* findings, std::string* type) {
  mapping::MapResult r = mapping::Apply(m, *root);
  for (mapping::MapError& e : r.errors) findings->push_back(MappingFinding(path, document, e.pos, std::move(e.message)));
  if (!r.recognised) return false;
  *root = std::move(r.root);
  if (type) *type = std::move(r.type);
  return true;
}

bool CheckAssembled(const std::vector<std::string>& files, const CheckContext& ctx,
                    const std::function<bool(report::FileResult&&)>& emit) {
  const CheckOptions& o = *ctx.options;
  const mapping::Mapping& m = *ctx.mapping;
  std::vector<report::FileResult> results(files.size());
  std::map<std::string, size_t> index_of;
  mapping::Assembler assembler;
  for (size_t i = 0; i < files.size(); ++i) {
    report::FileResult& r = results[i];
    r.input.path = files[i];
    index_of.emplace(files[i], i);
    auto content = files[i] == "-" ? core::ReadStdin(o.limits.max_file_bytes) : core::ReadFile(files[i], o.limits.max_file_bytes);
    if (!content.ok()) {
      r.input.has_error = true;
      r.input.error.message = content.status().message();
      r.findings.push_back(MappingFinding(files[i], 0, {}, {content.status().message(), content.status().message()}));
      continue;
    }
    r.input.sha256 = core::Sha256Hex(*content);
    document::LoadBuffer(files[i], *content, document::FormatFromPath(files[i]), o.limits, [&](document::LoadedDocument&& doc) {
      r.input.documents++;
      if (doc.has_error) {
        r.findings.push_back(MappingFinding(files[i], doc.index, doc.error.pos, {doc.error.message, doc.error.message}));
        if (!r.input.has_error) r.input.has_error = true, r.input.error = {doc.error.message, doc.error.pos};
        return;
      }
      mapping::Piece piece;
      piece.root = std::move(doc.root);
      if (!MapDocument(m, files[i], doc.index, &piece.root, &r.findings, &piece.type)) return;
      piece.base = std::find(m.base_types.begin(), m.base_types.end(), piece.type) != m.base_types.end();
      piece.source = {files[i], doc.index};
      assembler.Add(std::move(piece));
    });
  }
  std::vector<mapping::AssembledCase> cases;
  std::vector<mapping::AssemblyProblem> problems;
  assembler.Finish(&cases, &problems);
  for (mapping::AssemblyProblem& p : problems)
    results[index_of.at(p.source.path)].findings.push_back(
        MappingFinding(p.source.path, p.source.document, p.pos, std::move(p.message)));

  validate::SchemaChecker schema(ctx.schema);
  for (const mapping::AssembledCase& c : cases) {
    const mapping::Source& home = c.sources.front();
    std::vector<Finding> found;
    report::CaseResult cr = CheckCase(c.root, home.path, home.document, ctx, schema, &found);
    for (Finding& f : found) {
      const mapping::Source& s = c.sources[document::ResolveNearest(c.root, f.pointer).source];
      f.path = s.path;
      f.document = s.document;
      results[index_of.at(s.path)].findings.push_back(std::move(f));
    }
    results[index_of.at(home.path)].cases.push_back(std::move(cr));
  }
  for (report::FileResult& r : results) {
    std::stable_sort(r.findings.begin(), r.findings.end(), core::FindingLess);
    if (!emit(std::move(r))) return false;
  }
  return true;
}

}  // namespace aktkoll::app
