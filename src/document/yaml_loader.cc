// YAML streams: split into documents (yaml_stream.h), refuse absurd nesting up front, then
// let a YAML event parser drive YamlTreeBuilder, one chunk per document, so a broken
// document costs only itself.
//
// Two parsers, one tree builder. libyaml (the C reference parser) reads a document about
// eight times faster than yaml-cpp, so every chunk goes to it first. A chunk it cannot
// take cleanly (a syntax error, an undefined alias, anything the builder refuses) is read
// again by yaml-cpp, whose problems this loader has long translated into short Swedish
// messages at well-tested positions: bad input gets exactly the diagnostics it always
// got, and only good input takes the fast road.
#include <istream>
#include <new>
#include <streambuf>

#include <yaml.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "document/internal.h"
#include "document/yaml_stream.h"
#include "document/yaml_scalar.h"
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

// Feeds yaml-cpp's events to the builder, turning its marks (byte offset and byte column
// in the chunk) into file positions.
class YamlCppEvents : public YAML::EventHandler {
 public:
  YamlCppEvents(std::string_view text, const YamlChunk& chunk, YamlTreeBuilder& builder)
      : text_(text), builder_(builder), chunk_(chunk) {}

  Position PositionOf(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 || mark.pos < 0 || mark.column < 0 || mark.column > mark.pos)
      return Position{chunk_.first_line + 1, 1};
    size_t offset = std::min(chunk_.begin + static_cast<size_t>(mark.pos), text_.size());
    size_t line_start = offset - std::min(offset, static_cast<size_t>(mark.column));
    if (line_start == column_line_start_ && offset >= column_offset_) {
      column_ += CodePointColumn(text_, column_offset_, offset) - 1;
    } else {
      column_ = CodePointColumn(text_, line_start, offset);
      column_line_start_ = line_start;
    }
    column_offset_ = offset;
    return Position{chunk_.first_line + static_cast<uint32_t>(mark.line) + 1, column_};
  }

  void OnDocumentStart(const YAML::Mark& mark) override { builder_.OnDocumentStart(MarkOf(mark)); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { builder_.OnNull(MarkOf(mark), anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override { builder_.OnAlias(MarkOf(mark), anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    builder_.OnScalar(MarkOf(mark), tag, anchor, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    builder_.OnSequenceStart(MarkOf(mark), tag, anchor, style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { builder_.OnSequenceEnd(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    builder_.OnMapStart(MarkOf(mark), tag, anchor, style == YAML::EmitterStyle::Flow);
  }
  void OnMapEnd() override { builder_.OnMapEnd(); }

 private:
  YamlMark MarkOf(const YAML::Mark& mark) const {
    size_t offset = mark.pos < 0 ? chunk_.begin : std::min(chunk_.begin + static_cast<size_t>(mark.pos), chunk_.end);
    return YamlMark{PositionOf(mark), offset};
  }

  std::string_view text_;
  YamlTreeBuilder& builder_;
  YamlChunk chunk_;
  // The last column computed, so that the many nodes of one long line (a flow collection
  // on one line) cost a scan of the line once, not once per node.
  mutable size_t column_line_start_ = SIZE_MAX;
  mutable size_t column_offset_ = 0;
  mutable uint32_t column_ = 1;
};

// Whether libyaml and yaml-cpp count this chunk's lines alike: both break lines at '\n'
// and "\r\n", but libyaml also at a lone '\r' and at U+0085, U+2028 and U+2029. Chunks with
// those (or a byte-order mark) go straight to yaml-cpp.
bool SameLineBreaks(std::string_view text, const YamlChunk& chunk) {
  for (size_t i = chunk.begin; i < chunk.end; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\r' && (i + 1 >= chunk.end || text[i + 1] != '\n')) return false;
    if (c == 0xC2 && i + 1 < chunk.end && static_cast<unsigned char>(text[i + 1]) == 0x85) return false;
    if (c == 0xE2 && i + 2 < chunk.end && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9))
      return false;
    if (c == 0xEF && i + 2 < chunk.end && static_cast<unsigned char>(text[i + 1]) == 0xBB &&
        static_cast<unsigned char>(text[i + 2]) == 0xBF)
      return false;
  }
  return true;
}

// Reads one chunk with libyaml into `docs`. Returns false, with `docs` unspecified, when
// the chunk is not plain sailing: a parse error, an alias to an undefined anchor, no
// document at all, or a problem the builder throws.
class LibyamlChunkReader {
 public:
  LibyamlChunkReader(std::string_view text, const YamlChunk& chunk, YamlTreeBuilder& builder)
      : text_(text), chunk_(chunk), builder_(builder), bytes_(chunk.begin) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data() + chunk.begin),
                                 chunk.end - chunk.begin);
  }
  ~LibyamlChunkReader() { yaml_parser_delete(&parser_); }
  LibyamlChunkReader(const LibyamlChunkReader&) = delete;
  LibyamlChunkReader& operator=(const LibyamlChunkReader&) = delete;

  bool Read(std::vector<Node>* docs) {
    builder_.SetChunk(chunk_);
    try {
      while (true) {
        Event event;
        if (!yaml_parser_parse(&parser_, &event.e)) return false;
        event.parsed = true;
        if (!Handle(event.e, docs)) break;
      }
    } catch (const LoadFailure&) {
      return false;
    }
    return ok_ && !docs->empty();
  }

 private:
  // An event owns strings until deleted, also when the builder throws while handling it.
  struct Event {
    yaml_event_t e;
    bool parsed = false;
    Event() = default;
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;
    ~Event() {
      if (parsed) yaml_event_delete(&e);
    }
  };

  // Handles one event; false at the end of the stream or on a problem (ok_ = false).
  bool Handle(const yaml_event_t& e, std::vector<Node>* docs) {
    switch (e.type) {
      case YAML_STREAM_END_EVENT: return false;
      case YAML_DOCUMENT_START_EVENT:
        anchors_.clear();
        builder_.OnDocumentStart(MarkOf(e.start_mark));
        return true;
      case YAML_DOCUMENT_END_EVENT: docs->push_back(builder_.TakeRoot()); return true;
      case YAML_ALIAS_EVENT: {
        AnchorId id = FindAnchor(reinterpret_cast<const char*>(e.data.alias.anchor));
        if (id == 0) return ok_ = false;
        builder_.OnAlias(MarkOf(e.start_mark), id);
        return true;
      }
      case YAML_SCALAR_EVENT: {
        const auto& s = e.data.scalar;
        AnchorId anchor = DefineAnchor(s.anchor);
        std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
        bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
        if (s.tag == nullptr && plain && IsCoreNull(value)) {
          builder_.OnNull(MarkOf(e.start_mark), anchor, value.empty());
        } else {
          builder_.OnScalar(MarkOf(e.start_mark), TagOf(s.tag, plain ? "?" : "!"), anchor, value);
        }
        return true;
      }
      case YAML_SEQUENCE_START_EVENT: {
        const auto& q = e.data.sequence_start;
        AnchorId anchor = DefineAnchor(q.anchor);
        builder_.OnSequenceStart(MarkOf(e.start_mark), TagOf(q.tag, "?"), anchor,
                                 q.style == YAML_FLOW_SEQUENCE_STYLE);
        return true;
      }
      case YAML_SEQUENCE_END_EVENT: builder_.OnSequenceEnd(); return true;
      case YAML_MAPPING_START_EVENT: {
        const auto& m = e.data.mapping_start;
        AnchorId anchor = DefineAnchor(m.anchor);
        builder_.OnMapStart(MarkOf(e.start_mark), TagOf(m.tag, "?"), anchor, m.style == YAML_FLOW_MAPPING_STYLE);
        return true;
      }
      case YAML_MAPPING_END_EVENT: builder_.OnMapEnd(); return true;
      default: return true;  // stream start, nothing
    }
  }

  static std::string_view TagOf(const yaml_char_t* tag, std::string_view untagged) {
    return tag ? std::string_view(reinterpret_cast<const char*>(tag)) : untagged;
  }

  AnchorId DefineAnchor(const yaml_char_t* name) {
    if (!name) return 0;
    anchors_.emplace_back(reinterpret_cast<const char*>(name));
    return anchors_.size();
  }
  AnchorId FindAnchor(const char* name) const {
    for (size_t i = anchors_.size(); i > 0; --i)
      if (anchors_[i - 1] == name) return i;
    return 0;
  }

  // libyaml counts characters (code points), not bytes, in both its index and its column.
  YamlMark MarkOf(const yaml_mark_t& mark) {
    while (chars_ < mark.index && bytes_ < chunk_.end) {
      ++bytes_;
      while (bytes_ < chunk_.end && (static_cast<unsigned char>(text_[bytes_]) & 0xC0) == 0x80) ++bytes_;
      ++chars_;
    }
    if (chars_ > mark.index) {  // marks run forward; start again if one ever does not
      chars_ = 0;
      bytes_ = chunk_.begin;
      return MarkOf(mark);
    }
    return YamlMark{Position{chunk_.first_line + static_cast<uint32_t>(mark.line) + 1,
                             static_cast<uint32_t>(mark.column) + 1},
                    bytes_};
  }

  std::string_view text_;
  YamlChunk chunk_;
  YamlTreeBuilder& builder_;
  yaml_parser_t parser_;
  size_t bytes_;
  std::vector<std::string> anchors_;
  size_t chars_ = 0;
  bool ok_ = true;
};

// Reads one chunk with yaml-cpp into `roots`; the problem, with its Swedish message and
// position, when the chunk cannot be read.
std::optional<InputError> ReadWithYamlCpp(std::string_view text, const YamlChunk& chunk, size_t max_depth,
                                          YamlTreeBuilder& builder, std::vector<Node>* roots) {
  const Position chunk_pos{chunk.first_line + 1, 1};
  builder.SetChunk(chunk);
  YamlCppEvents events(text, chunk, builder);
  try {
    MemoryBuffer buffer(text.data() + chunk.begin, chunk.end - chunk.begin);
    std::istream in(&buffer);
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(events)) roots->push_back(builder.TakeRoot());
  } catch (const LoadFailure& f) {
    return f.error;
  } catch (const YAML::DeepRecursion& e) {
    return InputError{DepthMessage(max_depth), events.PositionOf(e.mark)};
  } catch (const YAML::ParserException& e) {
    Position pos = events.PositionOf(e.mark);
    if (std::optional<Position> tab = TabIndentation(text, chunk, pos.line))
      return InputError{"tabb i indraget; YAML tillåter bara mellanslag", *tab};
    return InputError{Translate(e.msg), pos};
  } catch (const YAML::Exception& e) {
    return InputError{Translate(e.msg), events.PositionOf(e.mark)};
  } catch (const std::bad_alloc&) {
    return InputError{"slut på minne när dokumentet lästes", chunk_pos};
  } catch (const std::exception&) {
    return InputError{"internt fel i YAML-läsaren", chunk_pos};
  }
  return std::nullopt;
}

}  // namespace

void LoadYaml(const std::string& path, std::string_view text, const Limits& limits,
              const Sink& sink, YamlParsers parsers) {
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
    // Each road fills `roots` with the chunk's documents; they are delivered only once the
    // whole chunk parsed (yaml-cpp may report a bogus empty document before it fails, see
    // YamlTreeBuilder::OnDocumentStart).
    std::vector<Node> roots;
    bool read = false;
    if (parsers == YamlParsers::kLibyamlOnly ||
        (parsers == YamlParsers::kLibyamlFirst && SameLineBreaks(text, chunk))) {
      try {
        read = LibyamlChunkReader(text, chunk, builder).Read(&roots);
      } catch (const std::bad_alloc&) {
        read = false;  // yaml-cpp says what it says
      }
      if (!read && parsers == YamlParsers::kLibyamlOnly) {
        EmitError(path, index++, "libyaml: kunde inte läsa dokumentet", chunk_pos, sink);
        continue;
      }
    }
    if (!read) {
      roots.clear();
      if (std::optional<InputError> failure = ReadWithYamlCpp(text, chunk, max_depth, builder, &roots)) {
        EmitError(path, index++, std::move(failure->message), failure->pos, sink);
        continue;
      }
    }
    for (Node& root : roots) {
      LoadedDocument doc;
      doc.path = path;
      doc.index = index++;
      doc.root = std::move(root);
      sink(std::move(doc));
    }
  }
}

}  // namespace aktkoll::document::internal
