// YAML streams: libfyaml's event parser drives YamlTreeBuilder. One parser, and it
// conforms: libfyaml passes the whole YAML test suite (tests/conformance), so what YAML 1.2
// accepts is accepted and nothing else; there is no second parser to fall back on.
//
// A stream is read by one parser from its start. When a document is broken, its error is
// delivered and a new parser starts at the next document marker after the error (a `---`
// line, or the line after a `...` line): the markers end even a block scalar, so the rest
// of the stream reads as it would have. Every byte is parsed about once, so the cost is
// linear in the input, and a refused document is refused once.
//
// Positions: libfyaml gives byte offsets for events and 1-based line and code-point column
// for errors; LineTracker turns offsets into lines and code-point columns, moving forward.
#include <libfyaml.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include "document/internal.h"
#include "document/yaml_scalar.h"
#include "document/yaml_tree_builder.h"

namespace aktkoll::document::internal {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// libfyaml's parser messages, matched as substrings in this order; "%s" parts in its
// format strings ("double-quoted scalar without closing quote") are why not by prefix.
struct Translation {
  const char* english;
  const char* swedish;
};

constexpr Translation kTranslations[] = {
    {"scalar without closing quote", "oväntat slut på dokumentet inuti en sträng (saknas ett avslutande citattecken?)"},
    {"invalid comma in the beginning", "oväntat ',' i början av en lista eller mappning"},
    {"flow sequence with invalid", "oväntat ',' i listan (två kommatecken i rad?)"},
    {"with invalid extra closing", "oväntat ']' eller '}'"},
    {"flow sequence without a closing bracket", "slutet på listan saknas (']' saknas)"},
    {"flow mapping without a closing", "slutet på mappningen saknas ('}' saknas)"},
    {"missing comma in flow", "ett ',' saknas mellan värdena i en lista eller mappning"},
    {"could not find expected ':'", "förväntade ':' efter nyckeln"},
    {"did not find expected key", "förväntade en nyckel (fel indrag?)"},
    {"did not find expected '-' indicator", "förväntade '-' (fel indrag i listan?)"},
    {"did not find expected node content", "förväntade ett värde här"},
    {"missing mapping value", "värdet saknas i mappningen"},
    {"tab", "tabb i indraget; YAML tillåter bara mellanslag"},
    {"wrongly indented", "fel indrag inuti en sträng med citattecken (saknas ett avslutande citattecken?)"},
    {"invalid value after mapping", "förväntade ':' efter nyckeln (eller fel indrag)"},
    {"invalid escape", "okänd escape-sekvens i sträng"},
    {"invalid hex escape", "ogiltig hex-escape i sträng"},
    {"invalid UTF8 escape", "ogiltig \\u-escape i sträng"},
    {"surrogate", "ogiltig \\u-escape i sträng"},
    {"invalid combination of anchor plus alias", "ett alias kan inte ha eget ankare eller egen tagg"},
    {"cannot set anchor", "flera ankare på samma värde"},
    {"alias", "ogiltigt alias"},
    {"anchor", "ogiltigt ankare"},
    {"invalid content after document end marker", "oväntat innehåll efter dokumentslutet ('...')"},
    {"indicator in a flow", "dokumentmarkering ('---' eller '...') inuti en lista eller mappning"},
    {"marker in", "dokumentmarkering ('---' eller '...') inuti en sträng"},
    {"missing explicit document end marker before directive", "'...' saknas före direktivet (ett dokument måste avslutas före nästa direktiv)"},
    {"directive(s) without a document", "direktiv utan dokument"},
    {"stream with directives without content", "direktiv utan dokument"},
    {"duplicate version directive", "upprepat %YAML-direktiv"},
    {"duplicate tag directive", "upprepat %TAG-direktiv"},
    {"version", "ogiltigt %YAML-direktiv"},
    {"Missing tag directive", "taggens förkortning är inte definierad (inget %TAG-direktiv)"},
    {"tag", "ogiltig tagg"},
    {"comment without whitespace after block scalar", "oväntat tecken efter '|' eller '>' (blocksträng)"},
    {"comment without whitespace", "'#' måste föregås av ett mellanslag för att inleda en kommentar"},
    {"invalid comment", "kommentar på otillåten plats"},
    {"invalid trailing content after", "oväntat innehåll efter strängen"},
    {"multiline plain key", "ogiltigt värde i mappning (saknas ett kolon eller är indraget fel?)"},
    {"multiline", "en nyckel utan '?' måste stå på en rad"},
    {"block sequence entries not allowed", "ogiltigt listelement ('-' på fel plats eller fel indrag?)"},
    {"illegal block entry", "ogiltigt listelement ('-' på fel plats eller fel indrag?)"},
    {"illegal block sequence on the same line", "en lista kan inte börja på samma rad som ett ankare eller en tagg"},
    {"invalid scalar at the end of block sequence", "oväntat värde i slutet av listan (fel indrag?)"},
    {"indent for mapping", "fel indrag i mappningen"},
    {"indentation in mapping", "fel indrag i mappningen"},
    {"indent for sequence", "fel indrag i listan"},
    {"mapping", "ogiltig nyckel i mappning (fel indrag eller ett kolon för mycket?)"},
    {"':' indicator", "kolon på otillåten plats"},
    {"plain scalar cannot start with", "ett värde utan citattecken kan inte börja med det här tecknet"},
    {"bad start of block scalar", "oväntat tecken efter '|' eller '>' (blocksträng)"},
    {"control character", "otillåtet styrtecken"},
    {"unicode space character", "otillåtet blanksteg"},
    {"invalid character", "otillåtet tecken"},
    {"missing document start", "'---' saknas före dokumentet"},
    {"bare document", "direktiv eller dokumentmarkering på otillåten plats"},
};

std::string Translate(std::string_view english) {
  for (const Translation& t : kTranslations)
    if (english.find(t.english) != std::string_view::npos) return t.swedish;
  // Unknown: keep libfyaml's words for the curious, minus anything quoted or in brackets,
  // which might be source text.
  std::string shown(english.substr(0, english.find_first_of("'(\"`")));
  while (!shown.empty() && shown.back() == ' ') shown.pop_back();
  return "ogiltig YAML (" + shown + ")";
}

// Turns byte offsets into file positions: lines break at "\n", "\r\n" and a lone "\r" (the
// YAML 1.2 line breaks); columns count code points, and a byte-order mark at a line's
// start (a later document's) is not a column. Moves forward; a step back starts again
// from the beginning.
class LineTracker {
 public:
  explicit LineTracker(std::string_view text) : text_(text) {}

  Position At(size_t offset) {
    if (offset > text_.size()) offset = text_.size();
    if (offset < pos_) {
      // Back within the line: count its columns again; further back (rare): from the start.
      if (offset >= line_start_) {
        pos_ = line_start_;
        column_ = 1;
      } else {
        *this = LineTracker(text_);
      }
    }
    // The common case, a stretch of printable ASCII with no line break: one column a byte.
    // Checked eight bytes at a time (every byte in 0x20..0x7F: no high bit, and no byte
    // below 0x20), so that most events cost a few word loads, not a loop per byte.
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    while (pos_ < offset) {
      if (offset - pos_ >= 8) {
        uint64_t w;
        std::memcpy(&w, text_.data() + pos_, 8);
        if (((w | (w - kOnes * 0x20)) & kHigh) == 0) {  // no byte >= 0x80 and none < 0x20
          pos_ += 8;
          column_ += 8;
          continue;
        }
      }
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c >= 0x20 && c < 0x80) {  // the common case: printable ASCII, one column each
        ++column_;
        ++pos_;
        continue;
      }
      if (c == '\n' || (c == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n'))) {
        ++line_;
        column_ = 1;
        line_start_ = ++pos_;
      } else {
        if ((c & 0xC0) != 0x80 && !(pos_ == line_start_ && text_.substr(pos_, 3) == kBom)) ++column_;
        ++pos_;
      }
    }
    return Position{line_, column_};
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t line_start_ = 0;
  uint32_t line_ = 1;
  uint32_t column_ = 1;
};

size_t LineEnd(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') ++pos;
  return pos;
}
size_t NextLine(std::string_view text, size_t pos) {
  pos = LineEnd(text, pos);
  if (pos < text.size() && text[pos] == '\r') ++pos;
  if (pos < text.size() && text[pos] == '\n') ++pos;
  return pos;
}

bool IsMarkerAt(std::string_view text, size_t pos, std::string_view marker) {
  if (text.substr(pos, 3) != marker) return false;
  if (pos + 3 == text.size()) return true;
  char c = text[pos + 3];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Where parsing resumes after a broken document: the first `---` line at or after the line
// starting at `from`, or the line after a `...` line; a byte-order mark before the marker is
// skipped. npos when the stream holds no further document.
size_t NextDocumentStart(std::string_view text, size_t from) {
  for (size_t pos = from; pos < text.size(); pos = NextLine(text, pos)) {
    size_t p = text.substr(pos, 3) == kBom ? pos + 3 : pos;
    if (IsMarkerAt(text, p, "---")) return p;
    if (IsMarkerAt(text, p, "...")) return NextLine(text, p);
  }
  return std::string_view::npos;
}

// A byte-order mark at the start of a line before a `---` (what `cat a.yaml b.yaml` gives)
// starts a new document; YAML allows one there, libfyaml does not. The parser therefore
// stops before it and a new one starts after it. Returns the BOM's offset or text.size().
size_t NextBomMarker(std::string_view text, size_t from) {
  for (size_t pos = text.find(kBom, from); pos != std::string_view::npos; pos = text.find(kBom, pos + 1)) {
    if ((pos == 0 || text[pos - 1] == '\n' || text[pos - 1] == '\r') && IsMarkerAt(text, pos + 3, "---"))
      return pos;
  }
  return text.size();
}

struct ParserDeleter {
  void operator()(fy_parser* p) const { fy_parser_destroy(p); }
};
struct DiagDeleter {
  void operator()(fy_diag* d) const {
    // libfyaml 0.7.12 does not free the errors a diag collected when it is destroyed;
    // turning collection off does.
    fy_diag_set_collect_errors(d, false);
    fy_diag_unref(d);
  }
};

void Discard(fy_diag*, void*, const char*, size_t) {}

// libfyaml 0.7.12 crashes in fy_parser_destroy after it stopped at this error (found by
// fuzzing: "? -:\t-"). Such a parser is never destroyed: it is kept, reachable, in a
// quarantine of about 3.4 KB each. The quarantine is bounded: a file stops being read after
// kQuarantinePerFile of them, and every such file after kQuarantineTotal in the process.
constexpr std::string_view kDestroyCrashes = "cannot use tab for indentation of block entry";
constexpr int kQuarantinePerFile = 64;
constexpr size_t kQuarantineTotal = 4096;
constexpr const char* kQuarantineFull =
    "resten av filen läses inte: för många dokument med en tabb efter '-' (YAML-läsaren "
    "libfyaml 0.7.12 kan inte städa upp efter dem)";

std::mutex quarantine_mutex;
std::vector<fy_parser*>* quarantine = nullptr;  // never freed: that is the point

// Keeps `p`; false once the quarantine is full (then `p` is kept all the same).
bool Quarantine(fy_parser* p) {
  std::lock_guard<std::mutex> lock(quarantine_mutex);
  if (quarantine == nullptr) quarantine = new std::vector<fy_parser*>();
  quarantine->push_back(p);
  return quarantine->size() < kQuarantineTotal;
}

// One run of libfyaml over text[begin, end), feeding the builder and delivering documents
// as they end.
class StreamReader {
 public:
  StreamReader(std::string_view text, size_t begin, size_t end, const Limits& limits,
               YamlTreeBuilder& builder, LineTracker& lines)
      : text_(text), begin_(begin), end_(end), limits_(limits), builder_(builder), lines_(lines),
        doc_start_(begin) {}

  // Reads until the end of the range or the first problem. Documents go to `deliver`;
  // returns the problem, with `*offset` where it was found.
  template <typename Deliver>
  std::optional<InputError> Read(const Deliver& deliver, size_t* offset, bool* any_document) {
    fy_diag_cfg dcfg;
    fy_diag_cfg_default(&dcfg);
    dcfg.fp = nullptr;
    dcfg.output_fn = Discard;
    dcfg.colorize = false;
    std::unique_ptr<fy_diag, DiagDeleter> diag(fy_diag_create(&dcfg));
    if (!diag) throw std::bad_alloc();
    fy_diag_set_collect_errors(diag.get(), true);
    fy_parse_cfg cfg{};
    cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_COLLECT_DIAG | FYPCF_DEFAULT_VERSION_1_2 |
                                                FYPCF_JSON_NONE | FYPCF_DISABLE_DEPTH_LIMIT);
    cfg.diag = diag.get();
    std::unique_ptr<fy_parser, ParserDeleter> parser(fy_parser_create(&cfg));
    if (!parser || fy_parser_set_string(parser.get(), text_.data() + begin_, end_ - begin_) != 0)
      throw std::bad_alloc();
    auto free_event = [&](fy_event* e) { fy_parser_event_free(parser.get(), e); };
    last_ = begin_;
    const Position base = lines_.At(begin_);
    try {
      while (true) {
        std::unique_ptr<fy_event, decltype(free_event)> e(fy_parser_parse(parser.get()), free_event);
        if (!e) break;
        if (e->type == FYET_DOCUMENT_END) {
          *any_document = true;
          deliver(builder_.TakeRoot());
          continue;
        }
        Handle(e.get());
        if (const fy_mark* m = fy_event_end_mark(e.get())) prev_end_ = begin_ + m->input_pos;
      }
    } catch (const LoadFailure& f) {
      *offset = last_;
      return f.error;
    }
    if (!fy_parser_get_stream_error(parser.get())) return std::nullopt;
    // The first error collected; libfyaml's line and column are 1-based, columns in code
    // points, counted from the range's start.
    void* iter = nullptr;
    const fy_diag_error* err = fy_diag_errors_iterate(diag.get(), &iter);
    if (err != nullptr && err->msg != nullptr && std::string_view(err->msg).find(kDestroyCrashes) != std::string_view::npos) {
      quarantined_ = true;
      quarantine_full_ = !Quarantine(parser.release());
    }
    if (err == nullptr || err->line <= 0) {
      *offset = last_;
      return InputError{"ogiltig YAML", lines_.At(last_)};
    }
    uint32_t line = base.line + static_cast<uint32_t>(err->line - 1);
    uint32_t column = static_cast<uint32_t>(std::max(err->column, 1));
    if (err->line == 1) column += base.column - 1;
    // The offset of the error's line, for resuming after it.
    size_t at = begin_;
    for (int l = 1; l < err->line && at < text_.size(); ++l) at = NextLine(text_, at);
    *offset = at;
    std::string_view english = err->msg ? err->msg : "";
    // A flow collection still open when the document ends (at the next document marker or
    // the end of the input): libfyaml expects a comma there, but what is missing is the
    // closing bracket.
    if (err->column == 1 && english.find("flow") != std::string_view::npos &&
        (at >= end_ || IsMarkerAt(text_, at, "---") || IsMarkerAt(text_, at, "...")))
      return InputError{"dokumentet tar slut inuti en lista eller mappning (']' eller '}' saknas)", Position{line, column}};
    std::string message = Translate(english);
    // Point at the tab itself, and at the quote that never closes.
    size_t byte = ByteOfColumn(at, err->line == 1 ? column - (base.column - 1) : column);
    if (english.find("expected node content") != std::string_view::npos && byte < end_ && text_[byte] == ',') {
      message = "oväntat ',' utanför en lista eller mappning";
    } else if (message.rfind("tabb", 0) == 0) {
      for (size_t i = at; i < end_ && (text_[i] == ' ' || text_[i] == '\t'); ++i)
        if (text_[i] == '\t') {
          column = lines_.At(i).column;
          break;
        }
    } else if (english.find("without closing quote") != std::string_view::npos && byte > at &&
               (text_[byte - 1] == '"' || text_[byte - 1] == '\'') && column > 1) {
      --column;
    }
    return InputError{std::move(message), Position{line, column}};
  }

 private:
  YamlMark MarkOf(const fy_mark* m) {
    size_t offset = m ? begin_ + m->input_pos : last_;
    if (offset > end_) offset = end_;
    if (offset > last_) last_ = offset;
    if (offset > doc_start_ && offset - doc_start_ > limits_.max_document_bytes)
      Fail(DocumentSizeMessage(limits_.max_document_bytes), lines_.At(doc_start_));
    return YamlMark{lines_.At(offset), offset};
  }

  // The byte offset of 1-based code-point `column` on the line starting at `line_start`.
  size_t ByteOfColumn(size_t line_start, uint32_t column) const {
    size_t i = line_start;
    for (uint32_t c = 1; c < column && i < end_; ++c) {
      ++i;
      while (i < end_ && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
  }

  // libfyaml marks an anchor, an alias and a quoted scalar after its first character
  // ('&', '*', the quote); positions here point at that character.
  size_t Before(size_t input_pos, char c) const {
    return input_pos > 0 && begin_ + input_pos <= end_ && text_[begin_ + input_pos - 1] == c ? input_pos - 1
                                                                                           : input_pos;
  }

  // A node starts at its properties (anchor, tag) when it has any, as libyaml counted it.
  YamlMark NodeMark(fy_event* e, fy_token* anchor, fy_token* tag, char quote = 0,
                    size_t start_at = std::string_view::npos) {
    const fy_mark* m = fy_event_start_mark(e);
    if (!m) return MarkOf(nullptr);
    fy_mark start = *m;
    if (quote) start.input_pos = Before(start.input_pos, quote);
    if (start_at != std::string_view::npos && start_at >= begin_ && start_at - begin_ < start.input_pos)
      start.input_pos = start_at - begin_;
    if (const fy_mark* tm = tag ? fy_token_start_mark(tag) : nullptr; tm && tm->input_pos < start.input_pos)
      start = *tm;
    if (const fy_mark* am = anchor ? fy_token_start_mark(anchor) : nullptr) {
      fy_mark a = *am;
      a.input_pos = Before(a.input_pos, '&');
      if (a.input_pos < start.input_pos) start = a;
    }
    return MarkOf(&start);
  }

  static std::string_view Text(fy_token* t) {
    if (t == nullptr) return {};
    size_t len = 0;
    const char* s = fy_token_get_text(t, &len);
    return s ? std::string_view(s, len) : std::string_view();
  }

  AnchorId DefineAnchor(fy_token* t) {
    if (t == nullptr) return 0;
    AnchorId id = ++anchor_count_;
    anchors_[std::string(Text(t))] = id;
    return id;
  }

  void Handle(fy_event* e) {
    switch (e->type) {
      case FYET_DOCUMENT_START: {
        const fy_mark* m = fy_event_start_mark(e);
        doc_start_ = m ? begin_ + m->input_pos : last_;
        anchors_.clear();
        anchor_count_ = 0;
        builder_.OnDocumentStart(MarkOf(m));
        return;
      }
      case FYET_ALIAS: {
        auto it = anchors_.find(std::string(Text(e->alias.anchor)));
        const fy_mark* m = fy_event_start_mark(e);
        fy_mark star = m ? *m : fy_mark{};
        if (m) star.input_pos = Before(star.input_pos, '*');
        YamlMark mark = MarkOf(m ? &star : nullptr);
        if (it == anchors_.end()) Fail("aliaset pekar på ett ankare som inte finns", mark.pos);
        builder_.OnAlias(mark, it->second);
        return;
      }
      case FYET_SCALAR: {
        const fy_scalar_style style = fy_token_scalar_style(e->scalar.value);
        size_t indicator = std::string_view::npos;
        if (const fy_mark* m = fy_event_start_mark(e); m && (style == FYSS_LITERAL || style == FYSS_FOLDED)) {
          // libfyaml marks a block scalar at its content; it starts at its '|' or '>', the
          // first one after the previous event (only properties and spaces lie between).
          size_t content = std::min(begin_ + m->input_pos, end_);
          indicator = text_.substr(0, content).find_first_of("|>", std::max(prev_end_, begin_));
        }
        YamlMark mark = NodeMark(e, e->scalar.anchor, e->scalar.tag,
                                 style == FYSS_SINGLE_QUOTED ? '\'' : style == FYSS_DOUBLE_QUOTED ? '"' : 0,
                                 indicator);
        AnchorId anchor = DefineAnchor(e->scalar.anchor);
        std::string_view value = Text(e->scalar.value);
        bool plain = style == FYSS_PLAIN;
        if (e->scalar.tag == nullptr && plain && IsCoreNull(value)) {
          builder_.OnNull(mark, anchor, value.empty());
        } else {
          std::string_view tag = e->scalar.tag ? Text(e->scalar.tag) : (plain ? "?" : "!");
          builder_.OnScalar(mark, tag, anchor, value);
        }
        return;
      }
      case FYET_SEQUENCE_START: {
        YamlMark mark = NodeMark(e, e->sequence_start.anchor, e->sequence_start.tag);
        AnchorId anchor = DefineAnchor(e->sequence_start.anchor);
        std::string_view tag = e->sequence_start.tag ? Text(e->sequence_start.tag) : "?";
        builder_.OnSequenceStart(mark, tag, anchor, fy_event_get_node_style(e) == FYNS_FLOW);
        return;
      }
      case FYET_MAPPING_START: {
        YamlMark mark = NodeMark(e, e->mapping_start.anchor, e->mapping_start.tag);
        AnchorId anchor = DefineAnchor(e->mapping_start.anchor);
        std::string_view tag = e->mapping_start.tag ? Text(e->mapping_start.tag) : "?";
        builder_.OnMapStart(mark, tag, anchor, fy_event_get_node_style(e) == FYNS_FLOW);
        return;
      }
      case FYET_SEQUENCE_END: MarkOf(fy_event_start_mark(e)); builder_.OnSequenceEnd(); return;
      case FYET_MAPPING_END: MarkOf(fy_event_start_mark(e)); builder_.OnMapEnd(); return;
      default: return;  // stream start and end
    }
  }

  std::string_view text_;
  size_t begin_, end_;
  const Limits& limits_;
  YamlTreeBuilder& builder_;
  LineTracker& lines_;
  size_t doc_start_;      // where the current document started
  size_t last_ = 0;       // the furthest offset an event started at
  size_t prev_end_ = 0;   // where the previous event ended
  std::unordered_map<std::string, AnchorId> anchors_;  // name → latest definition
 public:
  bool quarantined_ = false;      // the parser went to the quarantine
  bool quarantine_full_ = false;  // and the quarantine is full
 private:
  AnchorId anchor_count_ = 0;
};

// libfyaml holds every token of a line in memory while a flow collection on that line might
// still turn out to be a key (`[[0, 0, ...]]`, or `{a: 0, ...}` at a document's root): about
// 420 bytes per token, 200 MB for a 4 MB line, where libyaml gives up on a key after 1024
// characters. No real record has such a line, so a file with one is refused before parsing:
// a line may hold at most kMaxNestedFlowCommas commas inside such a collection (about
// 100 MB). A flow collection that is a key's value (`lista: [0, 0, ...]`) is not one, but
// what is nested in it is. The scan follows brackets and quotes roughly; it can only
// overcount, so it never lets such a line through.
constexpr size_t kMaxNestedFlowCommas = 250'000;

std::optional<InputError> CheckNestedFlowLines(std::string_view text) {
  // Such a line is longer than kMaxNestedFlowCommas bytes: most files have none, and
  // finding that out is a memchr per line.
  bool long_line = false;
  for (size_t pos = 0; pos < text.size() && !long_line;) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    long_line = end - pos > kMaxNestedFlowCommas;
    pos = end + 1;
  }
  if (!long_line) return std::nullopt;
  size_t commas = 0;
  uint32_t line = 1;
  size_t depth = 0;
  size_t count_from = 2;  // the depth from which a line's commas count
  char quote = 0;
  char prev = '\n';  // the last character that is not a space
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      commas = 0;
      ++line;
      prev = '\n';
      if (quote == '\'' && depth == 0) quote = 0;
      continue;
    }
    if (quote) {
      if (quote == '"' && c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == ' ' || c == '\t') {
      continue;
    }
    if (c == '#' && (prev == '\n' || text[i - 1] == ' ' || text[i - 1] == '\t')) {
      while (i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r') ++i;
      continue;
    }
    if (depth == 0 && (c == '&' || c == '!') && (prev == ':' || prev == '-' || prev == '\n')) {
      // An anchor or a tag before a value: skip it, the value's position is what counts.
      while (i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '\t' && text[i + 1] != '\n' &&
             text[i + 1] != '\r')
        ++i;
      continue;
    }
    if (depth > 0 && (c == '"' || c == '\'') &&
        (prev == '[' || prev == '{' || prev == ',' || prev == ':' || prev == '\n')) {
      quote = c;
    } else if (c == '[' || c == '{') {
      // A flow collection after "key:" is a value; anywhere else (a document's root, a
      // list entry) it might be a key, and libfyaml keeps its whole line too.
      if (depth++ == 0) count_from = prev == ':' ? 2 : 1;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',' && depth >= count_from && ++commas > kMaxNestedFlowCommas) {
      return InputError{"rad " + std::to_string(line) + " har fler än " + std::to_string(kMaxNestedFlowCommas) +
                            " värden i en lista eller mappning i flödesstil ([...] eller {...}) som kan vara en "
                            "nyckel, på en och samma rad; dela upp dem på flera rader",
                        Position{line, 1}};
    }
    prev = c;
  }
  return std::nullopt;
}

}  // namespace

void LoadYaml(const std::string& path, std::string_view text, const Limits& limits, const Sink& sink) {
  if (std::optional<InputError> wide = CheckNestedFlowLines(text)) {
    EmitError(path, 0, std::move(wide->message), wide->pos, sink);
    return;
  }
  YamlTreeBuilder builder(limits, limits.max_depth);
  LineTracker lines(text);
  int index = 0;
  int quarantined = 0;
  bool any_document = false;
  size_t start = 0;
  size_t bom = NextBomMarker(text, 0);
  while (start < text.size()) {
    if (bom < start) bom = NextBomMarker(text, start);
    size_t end = bom;
    size_t offset = start;
    std::optional<InputError> problem;
    StreamReader reader(text, start, end, limits, builder, lines);
    try {
      problem = reader.Read([&](Node&& root) {
                      LoadedDocument doc;
                      doc.path = path;
                      doc.index = index++;
                      doc.root = std::move(root);
                      sink(std::move(doc));
                    }, &offset, &any_document);
    } catch (const std::bad_alloc&) {
      problem = InputError{"slut på minne när dokumentet lästes", lines.At(start)};
      offset = start;
    }
    if (!problem) {
      start = end == text.size() ? end : end + kBom.size();
      continue;
    }
    any_document = true;
    const Position pos = problem->pos;
    EmitError(path, index++, std::move(problem->message), pos, sink);
    if (reader.quarantined_ && (++quarantined > kQuarantinePerFile || reader.quarantine_full_)) {
      EmitError(path, index++, kQuarantineFull, pos, sink);
      break;
    }
    // Resume at the next document marker after the problem's line (and after the line the
    // run started on, so that every run moves on).
    size_t from = std::max(offset, NextLine(text, start));
    size_t line_start = from;
    while (line_start > 0 && text[line_start - 1] != '\n' && text[line_start - 1] != '\r') --line_start;
    if (line_start <= start) line_start = NextLine(text, start);
    size_t next = NextDocumentStart(text, line_start);
    if (next == std::string_view::npos) break;
    start = next;
  }
  if (!any_document)
    EmitError(path, 0, "filen innehåller inget YAML-dokument (bara kommentarer)", Position{}, sink);
}

}  // namespace aktkoll::document::internal
