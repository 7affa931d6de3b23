// Loading and checking a mapping file. Every problem is collected with its position in the
// mapping file; one bad field does not hide the next.
#include <algorithm>
#include <cctype>
#include <functional>
#include <tuple>

#include "document/loader.h"
#include "expr/registry.h"
#include "mapping/mapping.h"

namespace aktkoll::mapping {
namespace {

using document::Kind;
using document::Node;

size_t Levenshtein(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Byte offset of a 1-based line and code-point column.
size_t OffsetOf(std::string_view text, core::Position pos) {
  size_t off = 0;
  for (uint32_t line = 1; line < pos.line && off < text.size(); ++line) {
    size_t nl = text.find('\n', off);
    if (nl == std::string_view::npos) return text.size();
    off = nl + 1;
  }
  for (uint32_t col = 1; col < pos.column && off < text.size() && text[off] != '\n'; ++col) {
    ++off;
    while (off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0) == 0x80) ++off;
  }
  return off;
}

class Loader {
 public:
  Loader(std::string path, const std::string& text) : path_(std::move(path)), text_(text) {
    auto registry = std::make_shared<expr::FunctionRegistry>();
    (void)expr::RegisterStandardFunctions(*registry);
    env_ = std::make_unique<expr::Env>(registry);
    (void)env_->Declare("d", expr::Type::Dyn());
  }

  std::shared_ptr<const Mapping> Run(std::string* diagnostics) {
    auto m = std::make_shared<Mapping>();
    m->path = path_;
    std::vector<document::LoadedDocument> docs;
    document::LoadBuffer(path_, text_, document::Format::kYaml, document::Limits{},
                         [&](document::LoadedDocument&& d) { docs.push_back(std::move(d)); });
    if (docs.size() != 1 || docs[0].has_error) {
      if (!docs.empty() && docs[0].has_error) Error(docs[0].error.pos, docs[0].error.message);
      else Error({1, 1}, "en mappningsfil ska innehålla exakt ett YAML-dokument");
    } else {
      Top(docs[0].root, m.get());
    }
    if (!issues_.empty()) {
      std::stable_sort(issues_.begin(), issues_.end(), [](const expr::Issue& a, const expr::Issue& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
      });
      *diagnostics = expr::FormatIssues(path_, text_, issues_) + "\n";
      return nullptr;
    }
    return m;
  }

 private:
  void Error(core::Position pos, std::string message) {
    if (!pos.known()) pos = {1, 1};
    expr::Issue issue;
    issue.line = static_cast<int>(pos.line);
    issue.column = static_cast<int>(pos.column);
    issue.offset = OffsetOf(text_, pos);
    issue.message = std::move(message);
    issues_.push_back(std::move(issue));
  }

  bool Keys(const Node& node, std::string_view what, const std::vector<std::string>& allowed) {
    if (node.kind != Kind::kMapping) {
      Error(node.pos, std::string(what) + " ska vara en mappning (nyckel: värde)");
      return false;
    }
    for (const auto& e : node.entries) {
      if (std::find(allowed.begin(), allowed.end(), e.key) != allowed.end() || e.key.rfind("x_", 0) == 0) continue;
      std::string best;
      size_t best_d = std::max<size_t>(2, e.key.size() / 3) + 1;
      for (const auto& a : allowed) {
        size_t d = Levenshtein(e.key, a);
        if (d < best_d) best_d = d, best = a;
      }
      Error(e.key_pos, "okänd nyckel '" + e.key + "' i " + std::string(what) +
                           (best.empty() ? "" : " (menade du '" + best + "'?)"));
    }
    return true;
  }

  std::optional<std::string> String(const Node& map, std::string_view key, bool required) {
    const Node* n = map.Find(key);
    if (!n) {
      if (required) Error(map.pos, "nyckeln '" + std::string(key) + "' saknas");
      return std::nullopt;
    }
    if (n->kind != Kind::kString) {
      Error(n->pos, "'" + std::string(key) + "' ska vara en sträng");
      return std::nullopt;
    }
    return n->string;
  }

  bool Bool(const Node& map, std::string_view key) {
    const Node* n = map.Find(key);
    if (!n) return false;
    if (n->kind != Kind::kBool) Error(n->pos, "'" + std::string(key) + "' ska vara true eller false");
    return n->kind == Kind::kBool && n->boolean;
  }

  std::optional<expr::Program> Expression(const Node& map, std::string_view key, std::optional<Path>* ref) {
    const Node* n = map.Find(key);
    if (!n) return std::nullopt;
    if (n->kind != Kind::kString) {
      Error(n->pos, "'" + std::string(key) + "' ska vara ett CEL-uttryck (en sträng)");
      return std::nullopt;
    }
    expr::CompileResult r = expr::Compile(n->string, *env_);
    if (!r.ok()) {
      for (const expr::Issue& i : r.issues) {
        core::Position pos = n->pos;
        if (i.line == 1) {
          size_t off = OffsetOf(text_, pos);
          bool quoted = off < text_.size() && (text_[off] == '"' || text_[off] == '\'');
          pos.column += static_cast<uint32_t>(i.column - 1) + (quoted ? 1 : 0);
        } else {
          pos.line += static_cast<uint32_t>(i.line - 1);
          pos.column = static_cast<uint32_t>(i.column);
        }
        Error(pos, "CEL: " + i.message);
      }
      return std::nullopt;
    }
    if (ref) *ref = FirstReference(n->string);
    return r.program;
  }

  // The first `d.A.B` the expression reads, as an export path (for positions).
  static std::optional<Path> FirstReference(const std::string& s) {
    auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); };
    for (size_t i = 0; i + 2 < s.size(); ++i) {
      if (s[i] != 'd' || s[i + 1] != '.' || (i > 0 && (ident(s[i - 1]) || s[i - 1] == '.'))) continue;
      size_t j = i + 2;
      while (j < s.size() && (ident(s[j]) || (s[j] == '.' && j + 1 < s.size() && ident(s[j + 1])))) ++j;
      Path p;
      if (j > i + 2 && ParsePath(std::string_view(s).substr(i + 2, j - i - 2), &p)) return p;
    }
    return std::nullopt;
  }

  std::optional<Path> PathAt(const Node& map, std::string_view key) {
    auto text = String(map, key, false);
    if (!text) return std::nullopt;
    Path p;
    if (!ParsePath(*text, &p)) {
      Error(map.Find(key)->pos, "ogiltig sökväg '" + *text + "' (skriv nycklar med punkt emellan och listelement som [0], t.ex. Beslut.Datum)");
      return std::nullopt;
    }
    return p;
  }

  bool Pointer(const std::string& text, core::Position pos, bool allow_append, std::vector<std::string>* tokens,
               bool* append) {
    tokens->clear();
    *append = false;
    if (text.empty() || text[0] != '/') {
      Error(pos, "'" + text + "' är ingen JSON Pointer (den ska börja med '/', t.ex. /decision/date)");
      return false;
    }
    size_t start = 1;
    while (true) {
      size_t slash = text.find('/', start);
      std::string raw = text.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      std::string token;
      for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '~') {
          token += raw[i];
        } else if (i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
          token += raw[++i] == '0' ? '~' : '/';
        } else {
          Error(pos, "ogiltig JSON Pointer '" + text + "': '~' ska följas av 0 eller 1");
          return false;
        }
      }
      if (token.empty()) {
        Error(pos, "ogiltig JSON Pointer '" + text + "': tom del");
        return false;
      }
      tokens->push_back(token);
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    for (size_t i = 0; i + 1 < tokens->size(); ++i)
      if ((*tokens)[i] == "-") {
        Error(pos, "ogiltig JSON Pointer '" + text + "': '-' (lägg till sist i listan) får bara stå sist");
        return false;
      }
    if (tokens->back() == "-") {
      if (!allow_append) {
        Error(pos, "'-' (lägg till sist i listan) går inte här");
        return false;
      }
      *append = true;
      tokens->pop_back();
    }
    return true;
  }

  std::vector<std::string> DateFormats(const Node& node) {
    std::vector<std::string> out;
    if (node.kind == Kind::kString) {
      out.push_back(node.string);
    } else if (node.kind == Kind::kSequence) {
      for (const Node& i : node.items) {
        if (i.kind != Kind::kString) Error(i.pos, "ett datumformat ska vara en sträng, t.ex. \"%Y%m%d\"");
        else out.push_back(i.string);
      }
    } else {
      Error(node.pos, "date_formats ska vara en lista av datumformat, t.ex. [\"%Y%m%d\"]");
    }
    for (size_t k = 0; k < out.size(); ++k) {
      std::string why;
      const Node& at = node.kind == Kind::kSequence ? node.items[k] : node;
      if (!CheckDateFormat(out[k], &why)) Error(at.pos, why);
    }
    if (node.kind == Kind::kSequence && out.empty()) Error(node.pos, "date_formats är tom");
    return out;
  }

  void Fields(const Node& list, std::vector<Field>* out, bool nested) {
    if (list.kind != Kind::kSequence) {
      Error(list.pos, "fields ska vara en lista av fält");
      return;
    }
    for (const Node& n : list.items) {
      if (!Keys(n, "ett fält", {"to", "from", "expr", "value", "required", "date", "date_formats", "codes", "each", "description"}))
        continue;
      Field f;
      f.pos = n.pos;
      if (auto to = String(n, "to", true)) {
        f.to = *to;
        Pointer(*to, n.Find("to")->pos, true, &f.to_tokens, &f.append);
      }
      f.from = PathAt(n, "from");
      f.expr = Expression(n, "expr", &f.expr_ref);
      if (const Node* v = n.Find("value")) f.value = *v;
      int sources = (n.Find("from") != nullptr) + (n.Find("expr") != nullptr) + (n.Find("value") != nullptr);
      if (sources != 1) Error(n.pos, "ett fält ska ha precis en av from, expr och value");
      f.required = Bool(n, "required");
      f.date = Bool(n, "date");
      if (const Node* df = n.Find("date_formats")) {
        f.date_formats = DateFormats(*df);
        f.date = true;
      }
      if (auto c = String(n, "codes", false)) {
        f.codes = *c;
        if (!codes_ || !codes_->Find(*c)) Error(n.Find("codes")->pos, "kodtabellen '" + *c + "' finns inte under codes");
      }
      if (const Node* each = n.Find("each")) {
        if (!n.Find("from")) Error(each->pos, "each kräver from (listan i exporten att gå igenom)");
        if (f.date || !f.codes.empty()) Error(each->pos, "each kan inte kombineras med date eller codes");
        Fields(*each, &f.each, true);
      }
      if (f.required && !n.Find("from")) Error(n.Find("required")->pos, "required gäller bara fält med from");
      (void)nested;
      out->push_back(std::move(f));
    }
  }

  void Top(const Node& root, Mapping* m) {
    if (!Keys(root, "mappningen", {"name", "description", "recognise", "document_type", "types", "fields",
                                   "date_formats", "codes", "defaults", "assemble"}))
      return;
    if (auto name = String(root, "name", true)) m->name = *name;
    (void)String(root, "description", false);
    m->recognise = Expression(root, "recognise", nullptr);
    m->date_formats = {"%Y-%m-%d"};
    if (const Node* df = root.Find("date_formats")) m->date_formats = DateFormats(*df);
    codes_ = root.Find("codes");
    if (codes_) {
      if (codes_->kind != Kind::kMapping) Error(codes_->pos, "codes ska vara en mappning: tabellnamn → {värde: kod}");
      for (const auto& t : codes_->entries) {
        if (t.value.kind != Kind::kMapping) {
          Error(t.value.pos, "kodtabellen '" + t.key + "' ska vara en mappning {värde i exporten: kod}");
          continue;
        }
        auto& table = m->codes[t.key];
        for (const auto& e : t.value.entries) {
          if (!e.value.is_scalar() || e.value.kind == Kind::kNull) Error(e.value.pos, "en kod ska vara en sträng");
          else table[e.key] = e.value.kind == Kind::kString ? e.value.string : std::to_string(e.value.integer);
        }
      }
    }
    if (const Node* defaults = root.Find("defaults")) {
      if (defaults->kind != Kind::kMapping) {
        Error(defaults->pos, "defaults ska vara en mappning: JSON Pointer → värde");
      } else {
        for (const auto& e : defaults->entries) {
          std::vector<std::string> tokens;
          bool append = false;
          if (Pointer(e.key, e.key_pos, false, &tokens, &append)) m->defaults.emplace_back(tokens, e.value);
        }
      }
    }
    const Node* dt = root.Find("document_type");
    const Node* types = root.Find("types");
    const Node* fields = root.Find("fields");
    if (dt) {
      if (Keys(*dt, "document_type", {"from", "expr"})) {
        m->type_from = PathAt(*dt, "from");
        m->type_expr = Expression(*dt, "expr", nullptr);
        if ((dt->Find("from") != nullptr) == (dt->Find("expr") != nullptr))
          Error(dt->pos, "document_type ska ha precis en av from och expr");
      }
      if (!types) Error(dt->pos, "document_type kräver types (fälten per dokumenttyp)");
    }
    if (types && !dt) Error(types->pos, "types kräver document_type (hur dokumenttypen läses)");
    if (types && fields) Error(fields->pos, "ange antingen fields (en dokumenttyp) eller types, inte båda");
    if (!types && !fields) Error(root.pos, "mappningen saknar fields (eller document_type och types)");
    if (types && types->kind != Kind::kMapping) Error(types->pos, "types ska vara en mappning: dokumenttyp → {fields: [...]}");
    if (types && types->kind == Kind::kMapping) {
      for (const auto& t : types->entries) {
        DocumentType type;
        type.name = t.key;
        if (Keys(t.value, "dokumenttypen " + t.key, {"fields", "description"})) {
          if (const Node* f = t.value.Find("fields")) Fields(*f, &type.fields, false);
          else Error(t.value.pos, "dokumenttypen '" + t.key + "' saknar fields");
        }
        m->types.push_back(std::move(type));
      }
    } else if (fields) {
      m->types.emplace_back();
      Fields(*fields, &m->types.back().fields, false);
    }
    if (const Node* a = root.Find("assemble")) {
      if (Keys(*a, "assemble", {"base"})) {
        m->assemble = true;
        const Node* base = a->Find("base");
        if (!base || base->kind != Kind::kSequence || base->items.empty()) {
          Error(base ? base->pos : a->pos, "assemble.base ska lista de dokumenttyper som startar ett ärende");
        } else {
          for (const Node& b : base->items) {
            if (b.kind != Kind::kString || !m->FindType(b.string) || b.string.empty())
              Error(b.pos, "assemble.base: dokumenttypen finns inte under types");
            else m->base_types.push_back(b.string);
          }
        }
      }
    }
    m->uses_expressions = m->recognise.has_value() || m->type_expr.has_value();
    std::function<void(const std::vector<Field>&)> scan = [&](const std::vector<Field>& fs) {
      for (const Field& f : fs) {
        if (f.expr) m->uses_expressions = true;
        scan(f.each);
      }
    };
    for (const auto& t : m->types) scan(t.fields);
  }

  std::string path_;
  const std::string& text_;
  std::unique_ptr<expr::Env> env_;
  const Node* codes_ = nullptr;
  std::vector<expr::Issue> issues_;
};

}  // namespace

const DocumentType* Mapping::FindType(std::string_view name) const {
  for (const DocumentType& t : types)
    if (t.name == name) return &t;
  return nullptr;
}

std::shared_ptr<const Mapping> LoadMapping(const std::string& path, const std::string& text,
                                           std::string* diagnostics) {
  return Loader(path, text).Run(diagnostics);
}

}  // namespace aktkoll::mapping
