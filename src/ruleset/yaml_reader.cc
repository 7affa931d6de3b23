#include "ruleset/yaml_reader.h"

#include <cstdio>

#include "document/loader.h"
#include "document/node_codec.h"

namespace aktkoll::ruleset {

using document::Kind;
using document::Node;

YamlFile::YamlFile(std::string path, std::string text, Diagnostics* diags,
                   std::optional<std::string_view> preparsed)
    : path_(std::move(path)), text_(std::move(text)), diags_(diags) {
  diags_->AddSource(path_, text_);
  if (preparsed) {
    if (auto node = document::DecodeNode(*preparsed)) {
      root_ = std::move(*node);
      ok_ = true;
      return;
    }
  }
  int count = 0;
  document::LoadBuffer(path_, text_, document::Format::kYaml, document::Limits{},
                       [&](document::LoadedDocument&& doc) {
    if (++count > 1) return;
    if (doc.has_error) {
      Error(doc.error.pos, doc.error.message, doc.error.message);
      return;
    }
    root_ = std::move(doc.root);
    ok_ = true;
  });
  if (count > 1) {
    Error(core::Position{1, 1}, "filen ska innehålla ett enda YAML-dokument",
          "the file must hold a single YAML document");
    ok_ = false;
  }
  if (count == 0) {
    Error(core::Position{1, 1}, "filen är tom", "the file is empty");
  }
}

void YamlFile::Error(core::Position pos, std::string sv, std::string en) {
  diags_->Add(path_, pos, std::move(sv), std::move(en));
}

bool YamlFile::CheckMapping(const Node& node, std::string_view what,
                            const std::vector<std::string>& allowed) {
  if (node.kind != Kind::kMapping) {
    Error(node.pos, std::string(what) + " ska vara en mappning (nyckel: värde)",
          std::string(what) + " must be a mapping (key: value)");
    return false;
  }
  for (const document::Entry& e : node.entries) {
    bool ok = e.key.rfind("x_", 0) == 0 || e.key.rfind("$", 0) == 0;
    for (const std::string& a : allowed) ok = ok || a == e.key;
    if (ok) continue;
    std::string near = ClosestMatch(e.key, allowed);
    std::string sv = "okänd nyckel '" + e.key + "' i " + std::string(what);
    std::string en = "unknown key '" + e.key + "' in " + std::string(what);
    if (!near.empty()) {
      sv += " (menade du '" + near + "'?)";
      en += " (did you mean '" + near + "'?)";
    } else {
      std::string keys;
      for (const std::string& a : allowed) keys += (keys.empty() ? "" : ", ") + a;
      sv += "; giltiga nycklar: " + keys;
      en += "; valid keys: " + keys;
    }
    Error(e.key_pos, sv, en);
  }
  return true;
}

const Node* YamlFile::Get(const Node& map, std::string_view key, bool required) {
  const Node* n = map.Find(key);
  if (n == nullptr && required)
    Error(map.pos, "nyckeln '" + std::string(key) + "' saknas", "missing key '" + std::string(key) + "'");
  return n;
}

std::optional<std::string> YamlFile::String(const Node& map, std::string_view key, bool required) {
  const Node* n = Get(map, key, required);
  if (n == nullptr) return std::nullopt;
  if (n->kind != Kind::kString) {
    Error(n->pos, "'" + std::string(key) + "' ska vara en sträng", "'" + std::string(key) + "' must be a string");
    return std::nullopt;
  }
  if (required && n->string.empty()) {
    Error(n->pos, "'" + std::string(key) + "' får inte vara tom", "'" + std::string(key) + "' must not be empty");
    return std::nullopt;
  }
  return n->string;
}

std::optional<SourceText> YamlFile::Expression(const Node& map, std::string_view key, bool required) {
  const Node* n = Get(map, key, required);
  if (n == nullptr) return std::nullopt;
  if (n->kind == Kind::kBool) return SourceText{n->boolean ? "true" : "false", n->pos, true};
  if (n->kind != Kind::kString) {
    Error(n->pos, "'" + std::string(key) + "' ska vara ett uttryck (en sträng)",
          "'" + std::string(key) + "' must be an expression (a string)");
    return std::nullopt;
  }
  return SourceText{n->string, n->pos, true};
}

std::optional<core::Text> YamlFile::Text(const Node& map, std::string_view key, bool required) {
  const Node* n = Get(map, key, required);
  if (n == nullptr) return std::nullopt;
  if (n->kind == Kind::kString) return core::Text{n->string, ""};
  std::string what = "'" + std::string(key) + "'";
  if (!CheckMapping(*n, what, {"sv", "en"})) return std::nullopt;
  auto sv = String(*n, "sv", true);
  auto en = String(*n, "en", false);
  if (!sv) return std::nullopt;
  return core::Text{*sv, en.value_or("")};
}

std::optional<std::vector<std::string>> YamlFile::StringList(const Node& map, std::string_view key,
                                                             bool required,
                                                             std::vector<core::Position>* positions) {
  const Node* n = Get(map, key, required);
  if (n == nullptr) return std::nullopt;
  if (n->kind != Kind::kSequence) {
    Error(n->pos, "'" + std::string(key) + "' ska vara en lista", "'" + std::string(key) + "' must be a list");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const Node& item : n->items) {
    if (item.kind != Kind::kString) {
      Error(item.pos, "'" + std::string(key) + "' ska bara innehålla strängar",
            "'" + std::string(key) + "' must hold strings only");
      return std::nullopt;
    }
    out.push_back(item.string);
    if (positions) positions->push_back(item.pos);
  }
  return out;
}

std::string ScalarText(const Node& node) {
  switch (node.kind) {
    case Kind::kNull: return "null";
    case Kind::kBool: return node.boolean ? "true" : "false";
    case Kind::kInt: return std::to_string(node.integer);
    case Kind::kDouble: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", node.number);
      return buf;
    }
    case Kind::kString: return node.string;
    case Kind::kSequence: {
      std::string out = "[";
      for (const Node& i : node.items) out += (out.size() > 1 ? ", " : "") + ScalarText(i);
      return out + "]";
    }
    case Kind::kMapping: return "{…}";
  }
  return "";
}

}  // namespace aktkoll::ruleset
