#include "validate/error_text.h"

#include <algorithm>
#include <cctype>

namespace aktkoll::validate {
namespace {

using document::Kind;
using document::Node;
using nlohmann::json;

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Follows a local "$ref" ("#/definitions/x") once or more; other refs are left alone.
const json* Deref(const json& root, const json* s) {
  for (int guard = 0; s && s->is_object() && s->contains("$ref") && guard < 16; ++guard) {
    const json& ref = (*s)["$ref"];
    if (!ref.is_string()) break;
    std::string r = ref.get<std::string>();
    if (r.rfind("#/", 0) != 0) break;
    try {
      s = &root.at(json::json_pointer(r.substr(1)));
    } catch (...) {
      return nullptr;
    }
  }
  return s;
}

// The subschema for an object property or array item, when the schema says it plainly.
const json* Child(const json& root, const json* s, const std::string& token, bool index) {
  s = Deref(root, s);
  if (!s || !s->is_object()) return nullptr;
  if (index) {
    auto it = s->find("items");
    return it != s->end() && it->is_object() ? Deref(root, &*it) : nullptr;
  }
  auto props = s->find("properties");
  if (props != s->end() && props->contains(token)) return Deref(root, &(*props)[token]);
  auto extra = s->find("additionalProperties");
  if (extra != s->end() && extra->is_object()) return Deref(root, &*extra);
  return nullptr;
}

std::string Title(const json* s, const std::string& fallback) {
  if (s && s->is_object()) {
    auto t = s->find("title");
    if (t != s->end() && t->is_string()) return t->get<std::string>();
  }
  return fallback;
}

// A key or name safe to show: schema-like identifiers only (keys could hold anything).
std::string Shown(const std::string& key) {
  if (key.empty() || key.size() > 40) return "";
  for (unsigned char c : key)
    if (!std::isalnum(c) && c != '_' && c != '-' && c != '$') return "";
  return key;
}

std::string TypeWord(const std::string& t, core::Lang lang) {
  bool sv = lang == core::Lang::kSv;
  if (t == "string") return sv ? "text" : "a string";
  if (t == "integer") return sv ? "heltal" : "an integer";
  if (t == "number") return sv ? "tal" : "a number";
  if (t == "boolean") return sv ? "sant/falskt (true/false)" : "true/false";
  if (t == "object") return sv ? "objekt (fält med värden)" : "an object";
  if (t == "array") return sv ? "lista" : "a list";
  if (t == "null") return "null";
  return t;
}

std::string ActualWord(Kind k, core::Lang lang) {
  switch (k) {
    case Kind::kString: return TypeWord("string", lang);
    case Kind::kInt: return TypeWord("integer", lang);
    case Kind::kDouble: return TypeWord("number", lang);
    case Kind::kBool: return TypeWord("boolean", lang);
    case Kind::kMapping: return TypeWord("object", lang);
    case Kind::kSequence: return TypeWord("array", lang);
    case Kind::kNull: return "null";
  }
  return "";
}

std::string ExpectedTypes(const json* s, core::Lang lang) {
  if (!s || !s->is_object() || !s->contains("type")) return "";
  const json& t = (*s)["type"];
  std::vector<std::string> words;
  if (t.is_string()) words.push_back(TypeWord(t.get<std::string>(), lang));
  if (t.is_array())
    for (const auto& x : t)
      if (x.is_string()) words.push_back(TypeWord(x.get<std::string>(), lang));
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += (i + 1 == words.size()) ? (lang == core::Lang::kSv ? " eller " : " or ") : ", ";
    out += words[i];
  }
  return out;
}

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

// The text between the last pair of single quotes in valijson's description.
std::string QuotedName(const std::string& description) {
  size_t end = description.rfind('\'');
  if (end == std::string::npos || end == 0) return "";
  size_t begin = description.rfind('\'', end - 1);
  if (begin == std::string::npos) return "";
  return description.substr(begin + 1, end - begin - 1);
}

std::vector<std::string> PropertyNames(const json* s) {
  std::vector<std::string> out;
  if (s && s->is_object() && s->contains("properties") && (*s)["properties"].is_object())
    for (auto& item : (*s)["properties"].items()) out.push_back(item.key());
  return out;
}

size_t EditDistance(const std::string& a, const std::string& b) {
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

std::string LeadingNumber(const std::string& description) {
  size_t i = description.find_first_of("0123456789");
  if (i == std::string::npos) return "";
  size_t j = description.find_first_not_of("0123456789", i);
  return description.substr(i, j == std::string::npos ? std::string::npos : j - i);
}

}  // namespace

std::string ClosestName(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::max<size_t>(2, word.size() / 4) + 1;
  for (const auto& c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::optional<DescribedError> DescribeSchemaError(const Node& root, const json& schema,
                                                  const std::vector<std::string>& context,
                                                  const std::string& description) {
  if (StartsWith(description, "Failed to validate against schema associated with") ||
      StartsWith(description, "Failed to validate item #") ||
      StartsWith(description, "Failed to validate against child schema") ||
      StartsWith(description, "Failed to validate against additional properties") ||
      StartsWith(description, "Cannot validate item #")) {
    return std::nullopt;
  }

  DescribedError out;
  const Node* node = &root;
  const json* sub = Deref(schema, &schema);
  std::string field;  // last key on the path
  for (const std::string& raw : context) {
    if (raw == "<root>" || raw.size() < 2) continue;
    std::string token = raw.substr(1, raw.size() - 2);
    bool index = node && node->kind == Kind::kSequence;
    sub = Child(schema, sub, token, index);
    out.pointer += "/" + document::EscapePointerToken(token);
    if (!index) field = token;
    if (!node) continue;
    if (index) {
      size_t i = std::strtoul(token.c_str(), nullptr, 10);
      node = i < node->items.size() ? &node->items[i] : nullptr;
    } else {
      node = node->Find(token);
    }
  }
  const Node& at = node ? *node : document::ResolveNearest(root, out.pointer);
  out.pos = at.pos;
  std::string title = Title(sub, Shown(field).empty() ? "dokumentet" : field);
  std::string title_en = Title(sub, Shown(field).empty() ? "the document" : field);

  if (StartsWith(description, "Missing required property")) {
    std::string name = QuotedName(description);
    const json* child = Child(schema, sub, name, false);
    out.pointer += "/" + document::EscapePointerToken(name);
    std::string child_title = Title(child, name);
    out.message = {"obligatoriskt fält saknas: " + Quoted(name) +
                       (child_title != name ? " (" + child_title + ")" : "") + " i " + title,
                   "required field missing: " + Quoted(name) + " in " + title_en};
    return out;
  }
  if (StartsWith(description, "Object contains a property that could not be validated")) {
    std::string name = QuotedName(description);
    std::string shown = Shown(name);
    out.pointer += "/" + document::EscapePointerToken(name);
    for (const auto& e : at.entries)
      if (e.key == name) out.pos = e.key_pos;
    std::string guess = shown.empty() ? "" : ClosestName(name, PropertyNames(sub));
    std::string sv = shown.empty() ? "okänt fält i " + title : "okänt fält " + Quoted(shown) + " i " + title;
    std::string en = shown.empty() ? "unknown field in " + title_en : "unknown field " + Quoted(shown) + " in " + title_en;
    if (!guess.empty()) {
      sv += "; menade du " + Quoted(guess) + "?";
      en += "; did you mean " + Quoted(guess) + "?";
    }
    out.message = {sv, en};
    return out;
  }
  if (StartsWith(description, "Value type not permitted")) {
    std::string exp_sv = ExpectedTypes(sub, core::Lang::kSv);
    std::string exp_en = ExpectedTypes(sub, core::Lang::kEn);
    out.message = {"fel typ för " + title + ": väntade " + exp_sv + ", fick " + ActualWord(at.kind, core::Lang::kSv),
                   "wrong type for " + title_en + ": expected " + exp_en + ", got " + ActualWord(at.kind, core::Lang::kEn)};
    return out;
  }
  if (StartsWith(description, "Failed to match regex")) {
    std::string pattern = sub && sub->contains("pattern") && (*sub)["pattern"].is_string()
                              ? (*sub)["pattern"].get<std::string>() : "";
    std::string hint_sv, hint_en;
    if (pattern.find("\\d{4}-\\d{2}-\\d{2}") != std::string::npos) {
      hint_sv = "; väntade ett datum ÅÅÅÅ-MM-DD";
      hint_en = "; expected a date YYYY-MM-DD";
    }
    out.message = {title + " har fel format" + hint_sv, title_en + " has the wrong format" + hint_en};
    return out;
  }
  if (StartsWith(description, "Failed to match against any enum values")) {
    std::string allowed;
    if (sub && sub->contains("enum") && (*sub)["enum"].is_array())
      for (const auto& v : (*sub)["enum"]) allowed += (allowed.empty() ? "" : ", ") + v.dump();
    out.message = {title + " har ett otillåtet värde; tillåtna: " + allowed,
                   title_en + " has a value that is not allowed; allowed: " + allowed};
    return out;
  }
  if (StartsWith(description, "String should be no fewer than")) {
    std::string n = LeadingNumber(description);
    out.message = {title + " är tom eller för kort (minst " + n + " tecken)",
                   title_en + " is empty or too short (at least " + n + " characters)"};
    return out;
  }
  if (StartsWith(description, "Array should contain no fewer than")) {
    std::string n = LeadingNumber(description);
    out.message = {title + " ska ha minst " + n + " poster", title_en + " needs at least " + n + " entries"};
    return out;
  }
  out.message = {title + " följer inte schemat (" + description + ")",
                 title_en + " does not follow the schema (" + description + ")"};
  return out;
}

}  // namespace aktkoll::validate
