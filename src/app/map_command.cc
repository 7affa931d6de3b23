#include "app/map_command.h"

#include <filesystem>

#include "app/cli_text.h"
#include "embedded/embedded.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/check_assembled.h"
#include "core/file_io.h"
#include "document/loader.h"
#include "mapping/assemble.h"

namespace aktkoll::app {
namespace {

using document::Kind;
using document::Node;

struct MapOptions {
  std::string mapping;
  std::string format = "yaml";
  std::vector<std::string> paths;
};

nlohmann::ordered_json ToJson(const Node& n) {
  switch (n.kind) {
    case Kind::kNull: return nullptr;
    case Kind::kBool: return n.boolean;
    case Kind::kInt: return n.integer;
    case Kind::kDouble: return n.number;
    case Kind::kString: return n.string;
    case Kind::kSequence: {
      auto a = nlohmann::ordered_json::array();
      for (const Node& i : n.items) a.push_back(ToJson(i));
      return a;
    }
    case Kind::kMapping: {
      auto o = nlohmann::ordered_json::object();
      for (const auto& e : n.entries) o[e.key] = ToJson(e.value);
      return o;
    }
  }
  return nullptr;
}

// Block-style YAML; strings are written as JSON strings, which YAML reads unchanged.
void Yaml(const Node& n, int indent, std::string* out) {
  std::string pad(static_cast<size_t>(indent), ' ');
  auto scalar = [](const Node& s) { return ToJson(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); };
  if (n.kind == Kind::kMapping) {
    if (n.entries.empty()) *out += " {}\n";
    else if (indent >= 0) *out += "\n";
    for (const auto& e : n.entries) {
      *out += pad + nlohmann::json(e.key).dump() + ":";
      Yaml(e.value, indent + 2, out);
    }
  } else if (n.kind == Kind::kSequence) {
    if (n.items.empty()) *out += " []\n";
    else *out += "\n";
    for (const Node& i : n.items) {
      *out += pad + "-";
      if (i.kind == Kind::kMapping && !i.entries.empty()) {
        // First key on the dash's line.
        std::string inner;
        Yaml(i, indent + 2, &inner);
        *out += " " + inner.substr(static_cast<size_t>(indent) + 3);
      } else {
        Yaml(i, indent + 2, out);
      }
    }
  } else {
    *out += " " + scalar(n) + "\n";
  }
}

std::string Render(const Node& root, const std::string& format) {
  if (format == "json") return ToJson(root).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::string out = "---";
  std::string body;
  Yaml(root, 0, &body);
  return out + body.substr(0, 0) + (body.starts_with("\n") ? body : "\n" + body);
}

void Problem(const std::string& path, core::Position pos, const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", core::FormatLocation(path, pos).c_str(), message.c_str());
}

int RunMap(const MapOptions& o) {
  auto m = LoadChosenMapping(o.mapping);
  if (!m) return 2;
  bool problems = false, unreadable = false;
  mapping::Assembler assembler;
  document::Limits limits;
  for (const std::string& path : o.paths) {
    auto content = path == "-" ? core::ReadStdin() : core::ReadFile(path);
    if (!content.ok()) {
      std::fprintf(stderr, "aktkoll: %s: %s\n", path.c_str(), content.status().message().c_str());
      unreadable = true;
      continue;
    }
    document::LoadBuffer(path, *content, document::FormatFromPath(path), limits, [&](document::LoadedDocument&& doc) {
      if (doc.has_error) {
        Problem(path, doc.error.pos, doc.error.message);
        problems = true;
        return;
      }
      std::vector<core::Finding> findings;
      std::string type;
      bool ok = MapDocument(*m, path, doc.index, &doc.root, &findings, &type);
      for (const core::Finding& f : findings) Problem(path, f.pos, f.message.sv);
      problems = problems || !findings.empty();
      if (!ok) return;
      if (!m->assemble) {
        std::fputs(Render(doc.root, o.format).c_str(), stdout);
        return;
      }
      mapping::Piece piece;
      piece.root = std::move(doc.root);
      piece.type = type;
      piece.base = std::find(m->base_types.begin(), m->base_types.end(), type) != m->base_types.end();
      piece.source = {path, doc.index};
      assembler.Add(std::move(piece));
    });
  }
  if (m->assemble) {
    std::vector<mapping::AssembledCase> cases;
    std::vector<mapping::AssemblyProblem> list;
    assembler.Finish(&cases, &list);
    for (const auto& p : list) Problem(p.source.path, p.pos, p.message.sv);
    problems = problems || !list.empty();
    for (const auto& c : cases) std::fputs(Render(c.root, o.format).c_str(), stdout);
  }
  return unreadable ? 2 : problems ? 1 : 0;
}

}  // namespace

void AddMapCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<MapOptions>();
  CLI::App* cmd = app.add_subcommand("map", Ui("Visa de ärendeakter en mappning gör av exportfiler",
                                               "Show the case records a mapping makes of export files"));
  std::string builtin;
  for (const auto& f : embedded::List("rules/mappings/")) {
    std::string name = std::filesystem::path(std::string(f.path)).stem().string();
    builtin += (builtin.empty() ? "" : ", ") + name;
  }
  cmd->footer(std::string(Ui("\nInbyggda mappningar: ", "\nBuilt-in mappings: ")) + builtin +
              Ui(".\nEn egen mappning är en YAML-fil; formatet står i aktkoll-rules(5), MAPPINGS.",
                 ".\nA mapping of your own is a YAML file; its format is in aktkoll-rules(5), MAPPINGS."));
  cmd->add_option("--mapping,-m", o->mapping, Ui("Mappning: inbyggt namn (se nedan) eller YAML-fil",
                                                 "Mapping: built-in name (see below) or YAML file"))
      ->type_name(Ui("NAMN|FIL", "NAME|FILE"))->required();
  cmd->add_option("--format,-f", o->format, Ui("Utdata: yaml eller json (standard: yaml)", "Output: yaml or json (default: yaml)"))
      ->type_name("FMT")->check(OneOf({"yaml", "json"}));
  cmd->add_option("paths", o->paths, Ui("Exportfiler, '-' för stdin", "Export files, '-' for stdin"))
      ->type_name(Ui("FIL", "FILE"))->required();
  cmd->callback([o, exit_code] { *exit_code = RunMap(*o); });
}

}  // namespace aktkoll::app
