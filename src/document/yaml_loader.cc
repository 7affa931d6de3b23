// YAML streams: split into documents (yaml_stream.h), refuse absurd nesting up front, then
// let yaml-cpp's event parser drive YamlTreeBuilder, one chunk per document, so a broken
// document costs only itself. yaml-cpp's English errors become short Swedish ones.
#include <istream>
#include <new>
#include <streambuf>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "document/internal.h"
#include "document/yaml_stream.h"
#include "document/yaml_tree_builder.h"

namespace aktkoll::document::internal {
namespace {

// yaml-cpp gives up at about 500 nested nodes with a misleading message; stay below.
constexpr size_t kYamlCppDepthCap = 450;

// An istream over memory we already hold, so yaml-cpp reads without a copy.
class MemoryBuffer : public std::streambuf {
 public:
  MemoryBuffer(const char* data, size_t size) {
    char* p = const_cast<char*>(data);  // never written: the get area only
    setg(p, p, p + size);
  }
};

struct Translation {
  const char* english;  // yaml-cpp's message, or its prefix when `prefix`
  bool prefix;
  const char* swedish;
};

// yaml-cpp's parser messages (yaml-cpp/exceptions.h, ErrorMsg). Messages that append
// source text ("unknown escape character: q") are matched by prefix and the text dropped.
constexpr Translation kTranslations[] = {
    {"end of map not found", false, "slutet på mappningen saknas"},
    {"end of map flow not found", false, "slutet på mappningen saknas ('}' saknas)"},
    {"end of sequence not found", false, "slutet på listan saknas"},
    {"end of sequence flow not found", false, "slutet på listan saknas (']' saknas)"},
    {"illegal map value", false,
     "ogiltigt värde i mappning (saknas ett kolon eller är indraget fel?)"},
    {"illegal map key", false, "ogiltig nyckel i mappning"},
    {"illegal block entry", false, "ogiltigt listelement ('-' på fel plats eller fel indrag?)"},
    {"illegal flow end", false, "oväntat ']' eller '}'"},
    {"illegal tab when looking for indentation", false,
     "tabb i indraget; YAML tillåter bara mellanslag"},
    {"illegal EOF in scalar", false,
     "oväntat slut på dokumentet inuti en sträng (saknas ett avslutande citattecken?)"},
    {"illegal character in scalar", false, "otillåtet tecken i sträng"},
    {"illegal document indicator in scalar", false,
     "dokumentmarkering ('---' eller '...') inuti en sträng"},
    {"invalid character in single-quoted string", false,
     "otillåtet tecken i sträng med enkla citattecken"},
    {"unknown escape character: ", true, "okänd escape-sekvens i sträng"},
    {"invalid unicode: ", true, "ogiltig \\u-escape i sträng"},
    {"bad character found while scanning hex number", false, "ogiltig hex-escape i sträng"},
    {"unknown token", false, "okänt tecken"},
    {"the referenced anchor is not defined", false, "aliaset pekar på ett ankare som inte finns"},
    {"alias not found after *", false, "aliasnamn saknas efter '*'"},
    {"anchor not found after &", false, "ankarnamn saknas efter '&'"},
    {"illegal character found while scanning alias", false, "otillåtet tecken i aliasnamn"},
    {"illegal character found while scanning anchor", false, "otillåtet tecken i ankarnamn"},
    {"cannot assign multiple tags to the same node", false, "flera taggar på samma värde"},
    {"cannot assign multiple anchors to the same node", false, "flera ankare på samma värde"},
    {"cannot assign multiple aliases to the same node", false, "flera alias på samma värde"},
    {"aliases can't have any content, *including* tags", false,
     "ett alias kan inte ha eget innehåll eller tagg"},
    {"cannot assign the same alias to multiple nodes", false, "tvetydigt ankare"},
    {"unexpected character in block scalar", false,
     "oväntat tecken efter '|' eller '>' (blocksträng)"},
    {"cannot set zero indentation for a block scalar", false,
     "en blocksträng kan inte ha indrag 0"},
    {"illegal character found while scanning tag handle", false, "ogiltig tagg"},
    {"tag handle with no suffix", false, "ogiltig tagg"},
    {"end of verbatim tag not found", false, "ogiltig tagg ('>' saknas)"},
    {"YAML directives must have exactly one argument", false, "ogiltigt %YAML-direktiv"},
    {"bad YAML version: ", true, "ogiltigt %YAML-direktiv"},
    {"YAML major version too large", false, "YAML-versionen stöds inte"},
    {"repeated YAML directive", false, "upprepat %YAML-direktiv"},
    {"TAG directives must have exactly two arguments", false, "ogiltigt %TAG-direktiv"},
    {"repeated TAG directive", false, "upprepat %TAG-direktiv"},
};

std::string Translate(const std::string& english) {
  for (const Translation& t : kTranslations) {
    if (t.prefix ? english.rfind(t.english, 0) == 0 : english == t.english) return t.swedish;
  }
  // Unknown: keep yaml-cpp's words for the curious, minus anything after ": " that might
  // be source text.
  std::string shown = english.substr(0, english.find(": "));
  return "ogiltig YAML (" + shown + ")";
}

// yaml-cpp reports tab indentation as whatever it tripped over next; when the failing line
// or the one before starts with a tab in its indentation, that tab is the real problem.
std::optional<Position> TabIndentation(std::string_view text, const YamlChunk& chunk,
                                       uint32_t error_line) {
  uint32_t line_no = chunk.first_line + 1;
  for (size_t pos = chunk.begin; pos < chunk.end && line_no <= error_line; ++line_no) {
    size_t newline = text.find('\n', pos);
    size_t end = newline == std::string_view::npos || newline > chunk.end ? chunk.end : newline;
    if (line_no + 1 >= error_line) {
      size_t i = pos;
      while (i < end && text[i] == ' ') ++i;
      if (i < end && text[i] == '\t') {
        size_t j = i;
        while (j < end && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
        if (j < end && text[j] != '#') return Position{line_no, CodePointColumn(text, pos, i)};
      }
    }
    pos = end + 1;
  }
  return std::nullopt;
}

}  // namespace

void LoadYaml(const std::string& path, std::string_view text, const Limits& limits,
              const Sink& sink) {
  std::vector<YamlChunk> chunks = SplitYamlStream(text);
  if (chunks.empty()) {
    EmitError(path, 0, "filen innehåller inget YAML-dokument (bara kommentarer)", Position{}, sink);
    return;
  }
  size_t max_depth = std::min(limits.max_depth, kYamlCppDepthCap);
  YamlTreeBuilder builder(text, limits, max_depth);
  int index = 0;
  for (const YamlChunk& chunk : chunks) {
    Position chunk_pos{chunk.first_line + 1, 1};
    if (chunk.end - chunk.begin > limits.max_document_bytes) {
      EmitError(path, index++, DocumentSizeMessage(limits.max_document_bytes), chunk_pos, sink);
      continue;
    }
    if (std::optional<InputError> deep = PrescanYamlDepth(text, chunk, max_depth)) {
      EmitError(path, index++, std::move(deep->message), deep->pos, sink);
      continue;
    }
    builder.SetChunk(chunk);
    // A chunk's documents are delivered only once the chunk parsed: yaml-cpp may report a
    // bogus empty document before it fails (see YamlTreeBuilder::OnDocumentStart).
    std::vector<LoadedDocument> parsed;
    int first_index = index;
    std::optional<InputError> failure;
    try {
      MemoryBuffer buffer(text.data() + chunk.begin, chunk.end - chunk.begin);
      std::istream in(&buffer);
      YAML::Parser parser(in);
      while (parser.HandleNextDocument(builder)) {
        LoadedDocument& doc = parsed.emplace_back();
        doc.path = path;
        doc.index = index++;
        doc.root = builder.TakeRoot();
      }
    } catch (const LoadFailure& f) {
      failure = f.error;
    } catch (const YAML::DeepRecursion& e) {
      failure = InputError{DepthMessage(max_depth), builder.PositionOf(e.mark)};
    } catch (const YAML::ParserException& e) {
      Position pos = builder.PositionOf(e.mark);
      if (std::optional<Position> tab = TabIndentation(text, chunk, pos.line))
        failure = InputError{"tabb i indraget; YAML tillåter bara mellanslag", *tab};
      else
        failure = InputError{Translate(e.msg), pos};
    } catch (const YAML::Exception& e) {
      failure = InputError{Translate(e.msg), builder.PositionOf(e.mark)};
    } catch (const std::bad_alloc&) {
      failure = InputError{"slut på minne när dokumentet lästes", chunk_pos};
    } catch (const std::exception&) {
      failure = InputError{"internt fel i YAML-läsaren", chunk_pos};
    }
    if (failure) {
      parsed.clear();
      index = first_index;
      EmitError(path, index++, std::move(failure->message), failure->pos, sink);
      continue;
    }
    for (LoadedDocument& doc : parsed) sink(std::move(doc));
  }
}

}  // namespace aktkoll::document::internal
