#include "ruleset/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace aktkoll::ruleset {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

void Diagnostics::AddSource(const std::string& path, std::string text) {
  sources_[path] = std::move(text);
}

const std::string* Diagnostics::Source(const std::string& path) const {
  auto it = sources_.find(path);
  return it == sources_.end() ? nullptr : &it->second;
}

void Diagnostics::Add(const std::string& path, core::Position pos, std::string sv, std::string en) {
  list_.push_back(Diagnostic{path, pos, core::Text{std::move(sv), std::move(en)}});
}

void Diagnostics::AddWarning(const std::string& path, core::Position pos, std::string sv, std::string en) {
  warnings_.push_back(Diagnostic{path, pos, core::Text{std::move(sv), std::move(en)}, true});
}

namespace {

std::string FormatAll(const Diagnostics& diags, std::vector<Diagnostic> sorted, core::Lang lang) {
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.pos) < std::tie(b.path, b.pos);
  });
  std::string out;
  for (const Diagnostic& d : sorted) {
    out += FormatDiagnostic(d, diags.Source(d.path), lang);
    out += '\n';
  }
  return out;
}

}  // namespace

std::string Diagnostics::Format(core::Lang lang) const { return FormatAll(*this, list_, lang); }
std::string Diagnostics::FormatWarnings(core::Lang lang) const { return FormatAll(*this, warnings_, lang); }

std::string FormatDiagnostic(const Diagnostic& d, const std::string* source, core::Lang lang) {
  std::string out = core::FormatLocation(d.path, d.pos);
  if (d.warning) out += lang == core::Lang::kEn ? ": warning: " : ": varning: ";
  else out += lang == core::Lang::kEn ? ": error: " : ": fel: ";
  out += d.message.In(lang);
  if (source == nullptr || !d.pos.known()) return out;
  size_t start = OffsetOf(*source, core::Position{d.pos.line, 1});
  if (start >= source->size() && d.pos.line > 1) return out;
  size_t end = source->find('\n', start);
  if (end == std::string::npos) end = source->size();
  std::string_view line(source->data() + start, end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  out += "\n | ";
  out += line;
  out += "\n | ";
  uint32_t column = std::max<uint32_t>(d.pos.column, 1);
  out.append(column - 1, '.');
  out += '^';
  return out;
}

size_t OffsetOf(std::string_view text, core::Position pos) {
  size_t i = 0;
  for (uint32_t line = 1; line < pos.line; ++line) {
    size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) return text.size();
    i = nl + 1;
  }
  for (uint32_t col = 1; col < pos.column && i < text.size() && text[i] != '\n'; ++col) {
    ++i;
    while (i < text.size() && IsContinuation(text[i])) ++i;
  }
  return i;
}

core::Position PositionAt(std::string_view text, size_t offset) {
  core::Position pos{1, 1};
  offset = std::min(offset, text.size());
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if (!IsContinuation(text[i])) {
      ++pos.column;
    }
  }
  return pos;
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    // Levenshtein distance with two rows.
    std::vector<size_t> prev(c.size() + 1), cur(c.size() + 1);
    for (size_t j = 0; j <= c.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= word.size(); ++i) {
      cur[0] = i;
      for (size_t j = 1; j <= c.size(); ++j) {
        size_t sub = prev[j - 1] + (word[i - 1] == c[j - 1] ? 0 : 1);
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      }
      std::swap(prev, cur);
    }
    size_t distance = prev[c.size()];
    // A word that starts with a candidate (or the reverse) is close too: "integer" → "int".
    bool prefix = word.size() >= 3 && c.size() >= 3 &&
                  (word.substr(0, c.size()) == c || std::string_view(c).substr(0, word.size()) == word);
    if (prefix && distance >= best_distance) distance = best_distance - 1;
    if (distance < best_distance) {
      best_distance = distance;
      best = c;
    }
  }
  return best;
}

}  // namespace aktkoll::ruleset
