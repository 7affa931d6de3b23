// Keyword semantics, each as valijson 1.0's ValidationVisitor implements it with strict
// types (validation_visitor.hpp), restricted to validity:
//
//   type              the node's kind is one of the named types ("number" = integer or
//                     double, "integer" = integer only)
//   enum              (strings only) the node is a string equal to one of them
//   pattern           strings only: std::regex_search succeeds
//   minLength/max...  strings only: UTF-8 characters before the first NUL (utils::u8_strlen)
//   minimum/maximum   numbers only: !(value < minimum), !(value > maximum), as doubles
//   minItems/maxItems arrays only
//   required          objects only: every name is a key
//   properties, patternProperties, additionalProperties
//                     objects only: each member is checked against its property's schema
//                     and every pattern it matches; a member matched by neither goes to
//                     additionalProperties (absent/true: anything, false: invalid)
//   items (a schema)  arrays only: every item
//   $ref              local JSON Pointer ("#/definitions/x"); sibling keywords are ignored,
//                     as valijson's resolveThenPopulateSchema does
//   true / false      boolean schemas
//
// and the annotations title, description, $schema, $comment, examples, default and the
// definitions container, which do not constrain. Any other keyword (or a form of these not
// listed) makes Compile give up.
#include "validate/fast_schema.h"

#include <algorithm>
#include <map>

namespace aktkoll::validate {

using document::Kind;
using document::Node;
using nlohmann::json;

namespace {

uint8_t Bit(Kind k) { return static_cast<uint8_t>(1u << static_cast<unsigned>(k)); }

// valijson::utils::u8_strlen: characters up to the first NUL byte.
uint64_t U8Length(const std::string& s) {
  uint64_t count = 0;
  for (char c : s) {
    if (c == '\0') break;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool Unsigned(const json& j, uint64_t* out) {
  if (j.is_number_unsigned()) {
    *out = j.get<uint64_t>();
    return true;
  }
  if (j.is_number_integer() && j.get<int64_t>() >= 0) {
    *out = static_cast<uint64_t>(j.get<int64_t>());
    return true;
  }
  return false;
}

}  // namespace

bool FastSchema::Regex::Search(const std::string& s) const {
  if (fast) return fast->Search(s);
  return std::regex_search(s, *slow);
}

class FastSchemaCompiler {
 public:
  FastSchemaCompiler(const json& root, FastSchema* out) : root_(root), out_(out) {}

  bool Run() {
    Compile(root_, 0);
    return ok_;
  }

 private:
  int Fail() {
    ok_ = false;
    return 0;
  }

  int AddRegex(const json& j) {
    if (!j.is_string()) return Fail();
    const std::string& text = j.get_ref<const std::string&>();
    auto it = regex_index_.find(text);
    if (it != regex_index_.end()) return it->second;
    FastSchema::Regex r;
    r.fast = Pattern::Compile(text);
    if (!r.fast) {
      try {
        r.slow = std::make_unique<std::regex>(text);
      } catch (const std::exception&) {
        return Fail();  // valijson would throw while validating: leave it to valijson
      }
    }
    out_->regexes_.push_back(std::move(r));
    int index = static_cast<int>(out_->regexes_.size()) - 1;
    regex_index_.emplace(text, index);
    return index;
  }

  const json* Resolve(const json& ref) {
    if (!ref.is_string()) return nullptr;
    const std::string& s = ref.get_ref<const std::string&>();
    if (s.empty() || s[0] != '#' || s.find('%') != std::string::npos) return nullptr;
    try {
      json::json_pointer pointer(s.substr(1));
      if (!root_.contains(pointer)) return nullptr;
      return &root_.at(pointer);
    } catch (const std::exception&) {
      return nullptr;
    }
  }

  int Compile(const json& node, int depth) {
    if (!ok_) return 0;
    if (depth > 100) return Fail();  // a chain of $refs that never ends
    if (node.is_object()) {
      auto ref = node.find("$ref");
      if (ref != node.end()) {
        const json* target = Resolve(*ref);
        if (!target) return Fail();
        return Compile(*target, depth + 1);
      }
    }
    auto memo = memo_.find(&node);
    if (memo != memo_.end()) return memo->second;
    const int index = static_cast<int>(out_->subs_.size());
    out_->subs_.emplace_back();
    memo_[&node] = index;
    FastSchema::Sub s;
    if (node.is_boolean()) {
      s.always_invalid = !node.get<bool>();
      out_->subs_[static_cast<size_t>(index)] = std::move(s);
      return index;
    }
    if (!node.is_object()) return Fail();
    for (auto it = node.begin(); it != node.end() && ok_; ++it) {
      const std::string& key = it.key();
      const json& v = it.value();
      if (key == "title" || key == "description" || key == "$schema" || key == "$comment" || key == "examples" ||
          key == "default" || key == "definitions") {
        continue;
      } else if (key == "type") {
        std::vector<const json*> names;
        if (v.is_string()) names.push_back(&v);
        else if (v.is_array()) for (const json& n : v) names.push_back(&n);
        else return Fail();
        for (const json* n : names) {
          if (!n->is_string()) return Fail();
          const std::string& t = n->get_ref<const std::string&>();
          if (t == "array") s.types |= Bit(Kind::kSequence);
          else if (t == "boolean") s.types |= Bit(Kind::kBool);
          else if (t == "integer") s.types |= Bit(Kind::kInt);
          else if (t == "null") s.types |= Bit(Kind::kNull);
          else if (t == "number") s.types |= Bit(Kind::kInt) | Bit(Kind::kDouble);
          else if (t == "object") s.types |= Bit(Kind::kMapping);
          else if (t == "string") s.types |= Bit(Kind::kString);
          else return Fail();
        }
        if (s.types == 0) return Fail();  // "type": [] — leave it to valijson
      } else if (key == "enum") {
        if (!v.is_array()) return Fail();
        s.has_enum = true;
        for (const json& e : v) {
          if (!e.is_string()) return Fail();
          s.enum_strings.push_back(e.get<std::string>());
        }
      } else if (key == "pattern") {
        s.patterns.push_back(AddRegex(v));
      } else if (key == "minLength") {
        if (!Unsigned(v, &s.min_length)) return Fail();
        s.has_min_length = true;
      } else if (key == "maxLength") {
        if (!Unsigned(v, &s.max_length)) return Fail();
        s.has_max_length = true;
      } else if (key == "minItems") {
        if (!Unsigned(v, &s.min_items)) return Fail();
        s.has_min_items = true;
      } else if (key == "maxItems") {
        if (!Unsigned(v, &s.max_items)) return Fail();
        s.has_max_items = true;
      } else if (key == "minimum") {
        if (!v.is_number()) return Fail();
        s.minimum = v.get<double>();
        s.has_minimum = true;
      } else if (key == "maximum") {
        if (!v.is_number()) return Fail();
        s.maximum = v.get<double>();
        s.has_maximum = true;
      } else if (key == "required") {
        if (!v.is_array()) return Fail();
        for (const json& r : v) {
          if (!r.is_string()) return Fail();
          const std::string& name = r.get_ref<const std::string&>();
          if (name.find('\0') != std::string::npos) return Fail();
          s.required.push_back(name);
        }
      } else if (key == "properties") {
        if (!v.is_object()) return Fail();
        s.has_properties = true;
        for (auto p = v.begin(); p != v.end() && ok_; ++p) {
          if (p.key().find('\0') != std::string::npos) return Fail();
          s.properties.emplace_back(p.key(), Compile(p.value(), depth + 1));
        }
        std::sort(s.properties.begin(), s.properties.end());
      } else if (key == "patternProperties") {
        if (!v.is_object()) return Fail();
        s.has_properties = true;
        for (auto p = v.begin(); p != v.end() && ok_; ++p) {
          int regex = AddRegex(json(p.key()));
          s.pattern_properties.emplace_back(regex, Compile(p.value(), depth + 1));
        }
      } else if (key == "additionalProperties") {
        s.has_properties = true;
        if (v.is_boolean()) s.additional = v.get<bool>() ? -1 : -2;
        else if (v.is_object()) s.additional = Compile(v, depth + 1);
        else return Fail();
      } else if (key == "items") {
        if (!v.is_object()) return Fail();
        s.items = Compile(v, depth + 1);
      } else {
        return Fail();
      }
    }
    out_->subs_[static_cast<size_t>(index)] = std::move(s);
    return index;
  }

  const json& root_;
  FastSchema* out_;
  std::map<const json*, int> memo_;
  std::map<std::string, int> regex_index_;
  bool ok_ = true;
};

std::unique_ptr<FastSchema> FastSchema::Compile(const json& schema) {
  std::unique_ptr<FastSchema> out(new FastSchema());
  if (!FastSchemaCompiler(schema, out.get()).Run()) return nullptr;
  return out;
}

bool FastSchema::Valid(int index, const Node& node) const {
  const Sub& s = subs_[static_cast<size_t>(index)];
  if (s.always_invalid) return false;
  if (s.types != 0 && (s.types & Bit(node.kind)) == 0) return false;
  if (s.has_enum) {
    if (node.kind != Kind::kString) return false;
    if (std::find(s.enum_strings.begin(), s.enum_strings.end(), node.string) == s.enum_strings.end()) return false;
  }
  switch (node.kind) {
    case Kind::kString: {
      for (int r : s.patterns)
        if (!regexes_[static_cast<size_t>(r)].Search(node.string)) return false;
      if (s.has_min_length || s.has_max_length) {
        const uint64_t len = U8Length(node.string);
        if (s.has_min_length && len < s.min_length) return false;
        if (s.has_max_length && len > s.max_length) return false;
      }
      return true;
    }
    case Kind::kInt: case Kind::kDouble: {
      const double v = node.kind == Kind::kInt ? static_cast<double>(node.integer) : node.number;
      if (s.has_minimum && v < s.minimum) return false;
      if (s.has_maximum && v > s.maximum) return false;
      return true;
    }
    case Kind::kSequence: {
      if (s.has_min_items && node.items.size() < s.min_items) return false;
      if (s.has_max_items && node.items.size() > s.max_items) return false;
      if (s.items >= 0)
        for (const Node& item : node.items)
          if (!Valid(s.items, item)) return false;
      return true;
    }
    case Kind::kMapping: {
      for (const std::string& name : s.required)
        if (node.Find(name) == nullptr) return false;
      if (!s.has_properties) return true;
      for (const document::Entry& e : node.entries) {
        bool matched = false;
        auto p = std::lower_bound(s.properties.begin(), s.properties.end(), e.key,
                                  [](const std::pair<std::string, int>& a, const std::string& k) { return a.first < k; });
        if (p != s.properties.end() && p->first == e.key) {
          matched = true;
          if (!Valid(p->second, e.value)) return false;
        }
        for (const auto& [regex, sub] : s.pattern_properties) {
          if (regexes_[static_cast<size_t>(regex)].Search(e.key)) {
            matched = true;
            if (!Valid(sub, e.value)) return false;
          }
        }
        if (!matched) {
          if (s.additional == -2) return false;
          if (s.additional >= 0 && !Valid(s.additional, e.value)) return false;
        }
      }
      return true;
    }
    case Kind::kNull: case Kind::kBool:
      return true;
  }
  return true;
}

}  // namespace aktkoll::validate
