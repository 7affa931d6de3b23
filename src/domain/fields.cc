// Field walks. A vocabulary has tens of codes and a case a few hundred values, so a walk
// is a plain recursion; with a literal vocabulary name its codes are parsed once, at
// compile time.
#include "domain/fields.h"

#include <string>
#include <utility>

#include "expr/civil_time.h"

namespace aktkoll::domain {

namespace {

using expr::CallContext;
using expr::ErrorCode;
using expr::FunctionImpl;
using expr::Result;
using expr::Type;
using expr::Value;
using Args = std::span<const Value>;

// A vocabulary's codes with their parsed paths, in vocabulary order.
struct FieldList {
  struct Field {
    Value code;  // the code as an owned string, shared by every hit
    std::vector<FieldStep> steps;
  };
  std::vector<Field> fields;
};

// RFC 6901: '~' -> '~0', '/' -> '~1'.
void AppendPointerToken(std::string* out, std::string_view key) {
  for (char ch : key) {
    if (ch == '~') *out += "~0";
    else if (ch == '/') *out += "~1";
    else *out += ch;
  }
}

// The walk keeps the list index taken at each `[]` step; the pointer and the path are
// written only for a hit (most dates are valid, so most walks write nothing).
class Walk {
 public:
  Walk(const std::vector<FieldStep>& steps, std::vector<FieldHit>* out)
      : steps_(steps), out_(out), index_(steps.size()) {}

  void Run(const Value& v, size_t step) {
    if (step == steps_.size()) {
      if (IsInvalidDate(v)) out_->push_back(Hit(v));
      return;
    }
    const FieldStep& s = steps_[step];
    if (s.each) {
      if (!v.is(expr::Kind::kList)) return;
      const expr::ListValue& list = v.list_value();
      for (size_t i = 0; i < list.size(); ++i) {
        index_[step] = i;
        Run(list.Get(i), step + 1);
      }
      return;
    }
    if (!v.is(expr::Kind::kMap)) return;
    std::optional<Value> child = v.map_value().FindFieldHashed(s.name, s.hash);
    if (!child) return;
    Run(*child, step + 1);
  }

 private:
  FieldHit Hit(const Value& v) const {
    FieldHit h;
    h.value = std::string(v.string_value());
    for (size_t k = 0; k < steps_.size(); ++k) {
      const FieldStep& s = steps_[k];
      if (s.each) {
        const std::string index = std::to_string(index_[k]);
        h.pointer += '/';
        h.pointer += index;
        h.path += '[';
        h.path += index;
        h.path += ']';
      } else {
        h.pointer += '/';
        AppendPointerToken(&h.pointer, s.name);
        if (!h.path.empty()) h.path += '.';
        h.path += s.name;
      }
    }
    return h;
  }

  // What the rules wrote as `x != '' && !is_date(x)` on a string field.
  static bool IsInvalidDate(const Value& v) {
    return v.is(expr::Kind::kString) && !v.string_value().empty() &&
           !expr::ParseIsoDate(v.string_value()).has_value();
  }

  const std::vector<FieldStep>& steps_;
  std::vector<FieldHit>* out_;
  std::vector<size_t> index_;  // per `[]` step: the element being walked
};

Result<const Vocabulary*> FindVocabulary(const Catalogues& c, std::string_view name, const CallContext& ctx) {
  auto it = c.vocabularies.find(name);
  if (it == c.vocabularies.end())
    return ctx.MakeError(ErrorCode::kInvalidArgument, "okänd vokabulär '" + std::string(name) + "'",
                         "unknown vocabulary '" + std::string(name) + "'");
  return &it->second;
}

Result<FieldList> ParseVocabulary(const Catalogues& c, std::string_view name, const CallContext& ctx) {
  Result<const Vocabulary*> vocab = FindVocabulary(c, name, ctx);
  if (!vocab.ok()) return vocab.error();
  FieldList list;
  for (const std::string& code : (*vocab)->codes) {
    std::optional<std::vector<FieldStep>> steps = ParseFieldPath(code);
    if (!steps)
      return ctx.MakeError(
          ErrorCode::kInvalidArgument,
          "koden '" + code + "' i vokabulären '" + std::string(name) +
              "' är ingen fältsökväg (namn åtskilda av '.', [] för varje listnivå, t.ex. follow_ups[].date)",
          "code '" + code + "' in vocabulary '" + std::string(name) +
              "' is not a field path (names separated by '.', [] for each list level, e.g. follow_ups[].date)");
    list.fields.push_back({Value::String(code), std::move(*steps)});
  }
  return list;
}

Value InvalidDates(const Value& root, const FieldList& fields) {
  static const Value kField = Value::String("field"), kPointer = Value::String("pointer"),
                     kPath = Value::String("path"), kValue = Value::String("value");
  std::vector<Value> out;
  std::vector<FieldHit> hits;
  for (const FieldList::Field& f : fields.fields) {
    hits.clear();
    Walk(f.steps, &hits).Run(root, 0);
    for (FieldHit& h : hits)
      out.push_back(expr::MakeMap({{kField, f.code},
                                   {kPointer, Value::String(std::move(h.pointer))},
                                   {kPath, Value::String(std::move(h.path))},
                                   {kValue, Value::String(std::move(h.value))}}));
  }
  return expr::MakeList(std::move(out));
}

}  // namespace

std::optional<std::vector<FieldStep>> ParseFieldPath(std::string_view code) {
  std::vector<FieldStep> steps;
  size_t i = 0;
  while (true) {
    // A name, then any number of `[]`, then '.' or the end.
    const size_t start = i;
    while (i < code.size() && code[i] != '.' && code[i] != '[' && code[i] != ']') ++i;
    if (i == start) return std::nullopt;
    const std::string_view name = code.substr(start, i - start);
    steps.push_back({false, std::string(name), expr::FieldHash(name)});
    while (i + 1 < code.size() && code[i] == '[' && code[i + 1] == ']') {
      steps.push_back({true, {}});
      i += 2;
    }
    if (i == code.size()) return steps;
    if (code[i] != '.') return std::nullopt;
    ++i;
  }
}

std::vector<FieldHit> InvalidDatesAt(const Value& root, const std::vector<FieldStep>& steps) {
  std::vector<FieldHit> hits;
  Walk(steps, &hits).Run(root, 0);
  return hits;
}

expr::Result<void> RegisterFieldFunctions(expr::FunctionRegistry& r, std::shared_ptr<const Catalogues> catalogues) {
  if (!catalogues) catalogues = std::make_shared<const Catalogues>();
  const Type result = Type::List(Type::Map(Type::String(), Type::String()));

  auto invalid_dates = [catalogues](Args a, const CallContext& ctx) -> Result<Value> {
    Result<FieldList> fields = ParseVocabulary(*catalogues, a[1].string_value(), ctx);
    if (!fields.ok()) return fields.error();
    return InvalidDates(a[0], *fields);
  };
  // With a literal vocabulary name: parse its codes once, and reject an unknown name or a
  // code that is no field path at compile time.
  auto prepare = [catalogues](std::span<const std::optional<Value>> k,
                              const CallContext& ctx) -> Result<FunctionImpl> {
    if (k.size() != 2 || !k[1] || !k[1]->is(expr::Kind::kString)) return FunctionImpl();
    Result<FieldList> fields = ParseVocabulary(*catalogues, k[1]->string_value(), ctx);
    if (!fields.ok()) return fields.error();
    auto parsed = std::make_shared<const FieldList>(std::move(*fields));
    return FunctionImpl([parsed](Args a, const CallContext&) -> Result<Value> {
      return InvalidDates(a[0], *parsed);
    });
  };
  return r.Add("invalid_dates", expr::CallStyle::kGlobal,
               expr::Overload{"invalid_dates_dyn_string", {Type::Dyn(), Type::String()}, result, invalid_dates,
                              prepare});
}

}  // namespace aktkoll::domain
