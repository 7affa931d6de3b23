// Messages and helpers shared by the loaders (see internal.h).
#include "document/internal.h"

#include <algorithm>

namespace aktkoll::document::internal {

void EmitError(const std::string& path, int index, std::string message, Position pos,
               const Sink& sink) {
  LoadedDocument doc;
  doc.path = path;
  doc.index = index;
  doc.has_error = true;
  doc.error = InputError{std::move(message), pos};
  sink(std::move(doc));
}

std::string QuotedKey(std::string_view key) {
  if (key.empty() || key.size() > 40) return "";
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!alpha(key[0]) && key[0] != '$' && key[0] != '@') return "";
  for (char c : key)
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.' && c != '$' && c != '@')
      return "";
  return "'" + std::string(key) + "' ";
}

std::string DuplicateKeyMessage(std::string_view key, uint32_t first_line) {
  return "dubblettnyckel " + QuotedKey(key) + "(först på rad " + std::to_string(first_line) + ")";
}

std::string KeyTypeClashMessage(std::string_view key, uint32_t first_line) {
  return "nyckeln " + QuotedKey(key) + "finns redan (rad " + std::to_string(first_line) +
         ") som en annan typ: i YAML är till exempel 1 och \"1\" olika nycklar, men aktkoll läser "
         "nycklar som text och kan inte skilja dem åt";
}

std::string DepthMessage(size_t limit) {
  return "för djup nästling (gräns " + std::to_string(limit) + ")";
}

std::string NodesMessage(size_t limit) {
  return "för många värden i dokumentet (gräns " + std::to_string(limit) + ")";
}

std::string DocumentSizeMessage(size_t limit) {
  return "dokumentet är större än gränsen " + std::to_string(limit) + " byte";
}

bool DecimalOverflows(std::string_view s) {
  size_t i = 0, n = s.size();
  if (i < n && (s[i] == '-' || s[i] == '+')) ++i;
  bool nonzero = false;
  long power = 0;  // power of ten of the first significant digit
  for (; i < n && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (nonzero) ++power;
    else if (s[i] != '0') nonzero = true;
  }
  if (i < n && s[i] == '.') {
    long zeros = 0;
    for (++i; i < n && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (nonzero) continue;
      if (s[i] == '0') ++zeros;
      else nonzero = true, power = -(zeros + 1);
    }
  }
  long exponent = 0;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    bool negative = ++i < n && s[i] == '-';
    if (i < n && (s[i] == '-' || s[i] == '+')) ++i;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; ++i)
      exponent = std::min(exponent * 10 + (s[i] - '0'), 1'000'000L);
    if (negative) exponent = -exponent;
  }
  return nonzero && power + exponent > 0;
}

long KeyIndex::Find(std::string_view key) {
  const std::vector<Entry>& e = *entries_;
  if (!indexed_) {
    if (e.size() < kLinearLimit) {
      for (size_t i = 0; i < e.size(); ++i)
        if (e[i].key == key) return static_cast<long>(i);
      return -1;
    }
    set_.reserve(e.size() * 2);
    for (size_t i = 0; i < e.size(); ++i) set_.insert(i);
    indexed_ = true;
  }
  auto it = set_.find(key);
  return it == set_.end() ? -1 : static_cast<long>(*it);
}

}  // namespace aktkoll::document::internal
