// JSON and JSON Lines documents: a top-level array gives one document per element (each
// delivered as soon as it is parsed, so a large export is never held whole as a tree);
// JSON Lines gives one document per non-blank line, and a broken line fails only itself.
#include <new>

#include "document/json_parser.h"

namespace aktkoll::document::internal {
namespace {

constexpr const char* kOutOfMemory = "slut på minne när dokumentet lästes";

LoadedDocument NewDocument(const std::string& path, int index) {
  LoadedDocument doc;
  doc.path = path;
  doc.index = index;
  return doc;
}

bool IsBlank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

}  // namespace

void LoadJson(const std::string& path, std::string_view text, const Limits& limits,
              const Sink& sink) {
  JsonParser parser(text, 0, text.size(), 1, 0, limits, /*in_line=*/false);
  int index = 0;
  std::optional<InputError> failure;
  try {
    if (parser.AtEnd()) {
      EmitError(path, 0, kEmptyFile, Position{}, sink);
      return;
    }
    if (parser.Peek() == '[') {
      parser.BeginArray();
      while (parser.NextElement()) {
        size_t start = parser.Offset();
        Position start_pos = parser.Here();
        LoadedDocument doc = NewDocument(path, index);
        parser.ParseValue(&doc.root);
        if (parser.Offset() - start > limits.max_document_bytes)
          Fail(DocumentSizeMessage(limits.max_document_bytes), start_pos);
        sink(std::move(doc));
        ++index;
      }
      parser.ExpectEnd();
      return;
    }
    if (text.size() > limits.max_document_bytes)
      Fail(DocumentSizeMessage(limits.max_document_bytes), parser.Here());
    LoadedDocument doc = NewDocument(path, 0);
    parser.ParseValue(&doc.root);
    parser.ExpectEnd();
    sink(std::move(doc));
    return;
  } catch (const LoadFailure& f) {
    failure = f.error;
  } catch (const std::bad_alloc&) {
    failure = InputError{kOutOfMemory, Position{}};
  }
  EmitError(path, index, std::move(failure->message), failure->pos, sink);
}

void LoadJsonLines(const std::string& path, std::string_view text, const Limits& limits,
                   const Sink& sink) {
  int index = 0;
  uint32_t line = 1;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t newline = text.find('\n', pos);
    size_t end = newline == std::string_view::npos ? text.size() : newline;
    // A CRLF line ends before its '\r': an error at the line's end is at the column after
    // its last character, as in an LF file.
    if (end > pos && text[end - 1] == '\r') --end;
    std::string_view content = text.substr(pos, end - pos);
    if (!IsBlank(content)) {
      std::optional<InputError> failure;
      LoadedDocument doc = NewDocument(path, index);
      if (content.size() > limits.max_document_bytes) {
        failure = InputError{DocumentSizeMessage(limits.max_document_bytes), Position{line, 1}};
      } else {
        try {
          JsonParser parser(text, pos, end, line, pos, limits, /*in_line=*/true);
          parser.ParseValue(&doc.root);
          parser.ExpectEnd();
        } catch (const LoadFailure& f) {
          failure = f.error;
        } catch (const std::bad_alloc&) {
          failure = InputError{kOutOfMemory, Position{line, 1}};
        }
      }
      if (failure) {
        doc.root = Node();
        doc.has_error = true;
        doc.error = std::move(*failure);
      }
      sink(std::move(doc));
      ++index;
    }
    if (newline == std::string_view::npos) break;
    pos = newline + 1;
    ++line;
  }
}

}  // namespace aktkoll::document::internal
