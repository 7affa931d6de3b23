#include <cctype>

#include "mapping/mapping.h"

namespace aktkoll::mapping {

bool ParsePath(std::string_view text, Path* out) {
  out->text = std::string(text);
  out->steps.clear();
  if (text == ".") return true;
  size_t i = 0;
  bool need_key = true;  // at the start and after '.'
  while (i < text.size()) {
    if (text[i] == '[') {
      size_t close = text.find(']', i);
      if (close == std::string_view::npos || close == i + 1 || need_key) return false;
      int n = 0;
      for (size_t j = i + 1; j < close; ++j) {
        if (!std::isdigit(static_cast<unsigned char>(text[j])) || n > 100000) return false;
        n = n * 10 + (text[j] - '0');
      }
      out->steps.push_back({"", n});
      i = close + 1;
      need_key = false;
      if (i < text.size() && text[i] != '.' && text[i] != '[') return false;
      continue;
    }
    if (text[i] == '.') {
      if (need_key) return false;
      need_key = true;
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && text[end] != '.' && text[end] != '[') ++end;
    if (!need_key) return false;
    out->steps.push_back({std::string(text.substr(i, end - i)), -1});
    need_key = false;
    i = end;
  }
  return !need_key;
}

const document::Node* FindPath(const document::Node& root, const Path& path, const document::Node** nearest) {
  const document::Node* n = &root;
  if (nearest) *nearest = n;
  for (const PathStep& s : path.steps) {
    const document::Node* next = nullptr;
    if (s.index >= 0) {
      if (n->kind == document::Kind::kSequence && static_cast<size_t>(s.index) < n->items.size())
        next = &n->items[static_cast<size_t>(s.index)];
    } else {
      next = n->Find(s.key);
    }
    if (next == nullptr) return nullptr;
    n = next;
    if (nearest) *nearest = n;
  }
  return n;
}

}  // namespace aktkoll::mapping
