// Node helpers: kind names and JSON Pointer (RFC 6901) resolution.
#include "document/node.h"

#include <charconv>

namespace aktkoll::document {
namespace {

// Unescapes one reference token ("~1" -> "/", "~0" -> "~").
std::string Unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
      out += raw[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += raw[i];
    }
  }
  return out;
}

// Walks `pointer` from `root`; returns the last node reached and whether every step
// existed. A pointer that does not start with '/' (other than "") reaches nothing.
std::pair<const Node*, bool> Walk(const Node& root, std::string_view pointer);

// An array index per RFC 6901: "0" or digits without a leading zero.
bool ParseIndex(const std::string& token, size_t* index) {
  if (token.empty() || (token.size() > 1 && token[0] == '0')) return false;
  auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), *index);
  return ec == std::errc() && ptr == token.data() + token.size();
}

const Node* Step(const Node& node, const std::string& token) {
  if (node.kind == Kind::kMapping) return node.Find(token);
  if (node.kind == Kind::kSequence) {
    size_t i = 0;
    if (!ParseIndex(token, &i) || i >= node.items.size()) return nullptr;
    return &node.items[i];
  }
  return nullptr;
}

}  // namespace

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kNull: return "null";
    case Kind::kBool: return "boolean";
    case Kind::kInt: return "integer";
    case Kind::kDouble: return "number";
    case Kind::kString: return "string";
    case Kind::kSequence: return "array";
    case Kind::kMapping: return "object";
  }
  return "unknown";
}

std::string EscapePointerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

const Node* ResolvePointer(const Node& root, std::string_view pointer) {
  auto [node, complete] = Walk(root, pointer);
  return complete ? node : nullptr;
}

std::string StringAt(const Node& root, std::initializer_list<const char*> path) {
  const Node* n = &root;
  for (const char* key : path) {
    n = n->Find(key);
    if (!n) return "";
  }
  return n->kind == Kind::kString ? n->string : "";
}

const Node& ResolveNearest(const Node& root, std::string_view pointer) {
  return *Walk(root, pointer).first;
}

namespace {

std::pair<const Node*, bool> Walk(const Node& root, std::string_view pointer) {
  if (pointer.empty()) return {&root, true};
  if (pointer[0] != '/') return {&root, false};
  const Node* node = &root;
  size_t pos = 1;
  for (;;) {
    size_t slash = pointer.find('/', pos);
    std::string token = Unescape(pointer.substr(pos, slash == std::string_view::npos ? slash : slash - pos));
    const Node* next = Step(*node, token);
    if (next == nullptr) return {node, false};
    node = next;
    if (slash == std::string_view::npos) return {node, true};
    pos = slash + 1;
  }
}

}  // namespace

}  // namespace aktkoll::document
