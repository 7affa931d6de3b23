// See yaml_stream.h.
#include "document/yaml_stream.h"

#include <string>

#include "document/internal.h"

namespace aktkoll::document::internal {
namespace {

// One line of the text, without its line break (and without a trailing '\r').
struct Line {
  std::string_view text;
  size_t begin;  // offset of the line in the whole text
  size_t next;   // offset of the following line
};

Line LineAt(std::string_view text, size_t pos, size_t limit) {
  size_t newline = text.find('\n', pos);
  size_t end = newline == std::string_view::npos || newline >= limit ? limit : newline;
  size_t next = end < limit ? end + 1 : limit;
  std::string_view line = text.substr(pos, end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return Line{line, pos, next};
}

bool IsMarker(std::string_view line, std::string_view marker) {
  return line.substr(0, 3) == marker &&
         (line.size() == 3 || line[3] == ' ' || line[3] == '\t');
}

bool IsBlankOrComment(std::string_view line) {
  for (char c : line) {
    if (c == '#') return true;
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::vector<YamlChunk> SplitYamlStream(std::string_view text) {
  std::vector<YamlChunk> chunks;
  size_t start = 0;
  uint32_t start_line = 0;
  bool has_document = false;  // the current chunk holds content or a `---`
  uint32_t line_no = 0;
  auto close = [&](size_t end) {
    if (has_document) chunks.push_back(YamlChunk{start, end, start_line});
  };
  for (size_t pos = 0; pos < text.size(); ++line_no) {
    Line line = LineAt(text, pos, text.size());
    if (IsMarker(line.text, "---")) {
      if (has_document) {
        close(line.begin);
        start = line.begin;
        start_line = line_no;
      }
      has_document = true;
    } else if (IsMarker(line.text, "...")) {
      close(line.next);
      start = line.next;
      start_line = line_no + 1;
      has_document = false;
    } else if (!has_document && !IsBlankOrComment(line.text) && line.text[0] != '%') {
      has_document = true;
    }
    pos = line.next;
  }
  close(text.size());
  return chunks;
}

std::optional<InputError> PrescanYamlDepth(std::string_view text, const YamlChunk& chunk,
                                           size_t max_depth) {
  std::vector<size_t> indents;  // indentation of the enclosing structural block lines
  size_t base = 0;              // depth contributed by enclosing block lines
  size_t line_depth = 0;        // collections opened by this line's `- `, `? `, `key:`
  size_t flow = 0;              // open flow collections ([ or {)
  char quote = 0;               // an open quoted scalar continuing over lines
  long block_scalar_indent = -1;  // inside a block scalar's content below this indentation
  bool node_start = true;       // a node may start here (so [ { " ' are indicators)
  uint32_t line_no = chunk.first_line;
  std::optional<InputError> error;

  for (size_t pos = chunk.begin; pos < chunk.end; ++line_no) {
    Line line = LineAt(text, pos, chunk.end);
    pos = line.next;
    std::string_view s = line.text;
    size_t indent = 0;
    while (indent < s.size() && s[indent] == ' ') ++indent;
    bool blank = true;
    for (size_t k = indent; k < s.size(); ++k)
      if (!IsSpace(s[k])) {
        blank = false;
        break;
      }
    if (block_scalar_indent >= 0) {
      if (blank || static_cast<long>(indent) > block_scalar_indent) continue;
      block_scalar_indent = -1;
    }
    size_t i = indent;
    bool key_on_line = false;
    bool structural = false;
    size_t token_start = i;
    if (quote == 0 && flow == 0) {
      if (blank || s[indent] == '#') continue;
      if (IsMarker(s, "---") || IsMarker(s, "...")) {
        indents.clear();
        i = 3;
      } else {
        while (!indents.empty() && indents.back() >= indent) indents.pop_back();
      }
      base = indents.size();
      line_depth = 0;
      node_start = true;
    }
    auto exceeded = [&](size_t at) {
      if (base + line_depth + flow <= max_depth) return false;
      error = InputError{DepthMessage(max_depth),
                         Position{line_no + 1, CodePointColumn(text, line.begin, line.begin + at)}};
      return true;
    };
    while (i < s.size()) {
      char c = s[i];
      if (quote != 0) {
        if (quote == '"' && c == '\\') {
          i += 2;
        } else if (c == quote) {
          if (quote == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
            i += 2;
          } else {
            quote = 0;
            ++i;
          }
        } else {
          ++i;
        }
        continue;
      }
      if (IsSpace(c)) {
        ++i;
        continue;
      }
      if (c == '#' && (i == 0 || IsSpace(s[i - 1]))) break;
      bool spaced = i + 1 >= s.size() || IsSpace(s[i + 1]);
      if (flow == 0) {
        if (node_start && (c == '-' || c == '?') && spaced) {
          ++line_depth;
          structural = true;
          if (exceeded(i)) return error;
          ++i;
          continue;
        }
        if (c == ':' && spaced) {
          if (!key_on_line) {
            key_on_line = true;
            structural = true;
            ++line_depth;
            if (exceeded(token_start)) return error;
          }
          node_start = true;
          ++i;
          continue;
        }
      } else {
        if (c == '[' || c == '{') {
          ++flow;
          if (exceeded(i)) return error;
          node_start = true;
          ++i;
          continue;
        }
        if (c == ']' || c == '}') {
          --flow;
          node_start = false;
          ++i;
          continue;
        }
        if (c == ',' || c == ':') {
          node_start = true;
          ++i;
          continue;
        }
      }
      if (!node_start) {
        ++i;
        continue;
      }
      token_start = i;
      if (c == '[' || c == '{') {
        ++flow;
        if (exceeded(i)) return error;
        ++i;
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        node_start = false;
        ++i;
        continue;
      }
      if (flow == 0 && (c == '|' || c == '>')) {
        block_scalar_indent = static_cast<long>(indent);
        break;
      }
      if (c == '&' || c == '!' || c == '*') {
        while (i < s.size() && !IsSpace(s[i]) && s[i] != ',' && s[i] != ']' && s[i] != '}') ++i;
        if (c == '*') node_start = false;
        continue;
      }
      node_start = false;
      ++i;
    }
    if (structural && flow == 0 && quote == 0) indents.push_back(indent);
  }
  return std::nullopt;
}

}  // namespace aktkoll::document::internal
