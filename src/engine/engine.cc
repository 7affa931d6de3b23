#include "engine/engine.h"

#include <functional>
#include <optional>
#include <tuple>

#include <algorithm>
#include <cstdio>

#include "engine/doc_view.h"
#include "expr/civil_time.h"

namespace aktkoll::engine {

using core::Finding;
using expr::Value;
using ruleset::Rule;

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The record's free text: every string scalar that is not code-like (IsCodeLike), e.g. a
// name or a sentence typed into a field. Without --show-personal-data no message value
// may quote it; a value the rule composes itself ("Uppföljningen (2026-08-27)") may.
class FreeText {
 public:
  // The record's texts are gathered when a value first needs them: most values a message
  // quotes are codes or dates, which never do.
  FreeText(const document::Node& root, const std::unordered_set<std::string>& known) : root_(root), known_(known) {}

  // Whether `s` quotes the record's free text: `s` is not code-like, and it is part of a
  // free-text string of the record or holds one (of three characters or more) as a word.
  bool Quotes(std::string_view s) const {
    if (IsCodeLike(s) || known_.count(std::string(s))) return false;
    if (!collected_) {
      Collect(root_);
      collected_ = true;
    }
    for (std::string_view t : texts_) {
      if (t.find(s) != std::string_view::npos) return true;
      if (t.size() < 3) continue;
      for (size_t at = s.find(t); at != std::string_view::npos; at = s.find(t, at + 1)) {
        const bool start = at == 0 || !WordByte(s[at - 1]);
        const bool end = at + t.size() == s.size() || !WordByte(s[at + t.size()]);
        if (start && end) return true;
      }
    }
    return false;
  }

  // Whether a value holds a string that quotes free text (lists and maps are searched).
  bool In(const Value& v) const {
    switch (v.kind()) {
      case expr::Kind::kString: return Quotes(v.string_value());
      case expr::Kind::kList:
        for (size_t i = 0; i < v.list_value().size(); ++i)
          if (In(v.list_value().Get(i))) return true;
        return false;
      case expr::Kind::kMap:
        for (size_t i = 0; i < v.map_value().size(); ++i)
          if (In(v.map_value().KeyAt(i)) || In(v.map_value().ValueAt(i))) return true;
        return false;
      default: return false;
    }
  }

 private:
  static bool WordByte(char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
  }
  void Collect(const document::Node& n) const {
    if (n.kind == document::Kind::kString && !IsCodeLike(n.string) && !known_.count(n.string))
      texts_.push_back(n.string);
    for (const document::Node& item : n.items) Collect(item);
    for (const document::Entry& e : n.entries) Collect(e.value);
  }
  const document::Node& root_;
  const std::unordered_set<std::string>& known_;
  mutable bool collected_ = false;
  mutable std::vector<std::string_view> texts_;
};

// Text of a value interpolated into a message; `hide` (when not null) says which values
// quote the record's free text, and those are replaced by HiddenFreeText.
// Keys of for_each maps (pointer tokens) are shown raw: no `hide`.
std::string ValueText(const Value& v, core::Lang lang, const FreeText* hide = nullptr) {
  if (hide && hide->In(v)) return HiddenFreeText(lang);
  switch (v.kind()) {
    case expr::Kind::kNull: return lang == core::Lang::kEn ? "none" : "inget";
    case expr::Kind::kBool: return v.bool_value() ? (lang == core::Lang::kEn ? "yes" : "ja")
                                                  : (lang == core::Lang::kEn ? "no" : "nej");
    case expr::Kind::kInt: return std::to_string(v.int_value());
    case expr::Kind::kDouble: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", v.double_value());
      return buf;
    }
    case expr::Kind::kString: return std::string(v.string_value());
    case expr::Kind::kDate: return expr::FormatIsoDate(v.date_days());
    case expr::Kind::kTimestamp: return expr::FormatTimestamp(v.timestamp_seconds(), v.timestamp_nanos());
    case expr::Kind::kDuration: return expr::FormatDuration(v.duration_nanos());
    default: return expr::DebugString(v);
  }
}

struct Placeholders {
  std::vector<std::pair<std::string, Value>> values;
  std::string index, key;
  bool has_item = false;
};

std::string Interpolate(const std::string& text, const Placeholders& p, core::Lang lang, const FreeText* hide) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string::npos) {
        std::string name = text.substr(i + 1, close - i - 1);
        bool done = false;
        for (const auto& [n, v] : p.values) {
          if (n == name) {
            out += ValueText(v, lang, hide);
            done = true;
            break;
          }
        }
        if (!done && p.has_item && name == "index") { out += p.index; done = true; }
        if (!done && p.has_item && name == "key") { out += p.key; done = true; }
        if (done) {
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return MaskPersonalNumbers(std::move(out));
}

// A code or field name ("age", "relatives_contact", "DOK-5"): what a {key} may show when
// the for_each list is computed from personal data. Names have capitals, spaces or åäö.
bool LooksLikeCode(const std::string& s) {
  if (s.empty() || s.size() > 40) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
  return s;
}

enum class LazyState : uint8_t { kNone, kBusy, kDone, kFailed };

// The pack's definitions for one case: each evaluated the first time an expression reads
// it, then kept (its error too) for every later rule.
class DefinitionCache final : public expr::LazyValues {
 public:
  DefinitionCache(const ruleset::Pack& pack, const Value& root, const Value& as_of, const expr::EvalOptions& options)
      : pack_(pack), options_(options), act_(*pack.definitions_env), values_(pack.definitions.size()),
        errors_(pack.definitions.size()), state_(pack.definitions.size(), LazyState::kNone) {
    act_.Set(ruleset::kCaseSlot, root);
    act_.Set(ruleset::kAsOfSlot, as_of);
    for (size_t i = 0; i < pack.params.size(); ++i)
      act_.Set(ruleset::kFirstPackParamSlot + static_cast<int>(i), pack.params[i].value);
    Attach(act_);
  }

  // Makes the definitions readable from `act` (an activation of a rule of this pack).
  void Attach(expr::Activation& act) {
    const int first = pack_.first_definition_slot;
    act.SetLazy(first, first + static_cast<int>(pack_.definitions.size()), this);
  }

  const Value* Resolve(int slot, std::optional<expr::Error>* error) override {
    const size_t i = static_cast<size_t>(slot - pack_.first_definition_slot);
    switch (state_[i]) {
      case LazyState::kDone: return &values_[i];
      case LazyState::kFailed: *error = errors_[i]; return nullptr;
      case LazyState::kBusy:
        *error = expr::Error(expr::ErrorCode::kInternal,
                             Msg("definitionen '", "the definition '") + pack_.definitions[i].name +
                                 Msg("' läser sig själv", "' reads itself"));
        return nullptr;
      case LazyState::kNone: break;
    }
    state_[i] = LazyState::kBusy;
    const ruleset::Definition& d = pack_.definitions[i];
    auto r = d.program->Evaluate(act_, options_);
    if (!r.ok()) {
      errors_[i] = expr::Error(r.error().code(), Msg("i definitionen '", "in the definition '") + d.name + "': " +
                                                     r.error().message());
      state_[i] = LazyState::kFailed;
      *error = errors_[i];
      return nullptr;
    }
    values_[i] = std::move(*r);
    state_[i] = LazyState::kDone;
    return &values_[i];
  }

 private:
  std::string Msg(const char* sv, const char* en) const { return options_.lang == expr::Lang::kEn ? en : sv; }

  const ruleset::Pack& pack_;
  const expr::EvalOptions& options_;
  expr::Activation act_;
  std::vector<Value> values_;
  std::vector<std::optional<expr::Error>> errors_;
  std::vector<LazyState> state_;
};

// A rule's lets for one case: evaluated against the rule's own activation when first
// read; those that read the for_each element are forgotten before the next element.
// One per case, started again for each rule: its arrays keep their capacity.
class LetCache final : public expr::LazyValues {
 public:
  LetCache(expr::Activation& act, const expr::EvalOptions& options) : act_(act), options_(options) {}

  // Forgets the previous rule's lets and makes `rule`'s readable from the activation.
  void Start(const Rule& rule) {
    rule_ = &rule;
    const size_t n = rule.lets.size();
    values_.clear();
    values_.resize(n);
    errors_.clear();
    errors_.resize(n);
    state_.assign(n, LazyState::kNone);
    if (n) {
      const int first = rule.lets.front().slot;
      act_.SetLazy(first, first + static_cast<int>(n), this);
    }
  }

  void NextItem() {
    for (size_t i = 0; i < rule_->lets.size(); ++i)
      if (rule_->lets[i].per_item) state_[i] = LazyState::kNone;
  }

  const Value* Resolve(int slot, std::optional<expr::Error>* error) override {
    const size_t i = static_cast<size_t>(slot - rule_->lets.front().slot);
    switch (state_[i]) {
      case LazyState::kDone: return &values_[i];
      case LazyState::kFailed: *error = errors_[i]; return nullptr;
      case LazyState::kBusy:  // the loader lets a let read only earlier ones
        *error = expr::Error(expr::ErrorCode::kInternal, "let " + rule_->lets[i].name);
        return nullptr;
      case LazyState::kNone: break;
    }
    state_[i] = LazyState::kBusy;
    const ruleset::Let& let = rule_->lets[i];
    auto r = let.program.Evaluate(act_, options_);
    if (!r.ok()) {
      errors_[i] = expr::Error(r.error().code(),
                               std::string(options_.lang == expr::Lang::kEn ? "in the let '" : "i let-värdet '") +
                                   let.name + "': " + r.error().message());
      state_[i] = LazyState::kFailed;
      *error = errors_[i];
      return nullptr;
    }
    values_[i] = std::move(*r);
    state_[i] = LazyState::kDone;
    return &values_[i];
  }

  // The value of the let named `name`, or an error.
  expr::Result<Value> Get(const std::string& name) {
    for (const ruleset::Let& l : rule_->lets) {
      if (l.name != name) continue;
      std::optional<expr::Error> error;
      const Value* v = Resolve(l.slot, &error);
      if (!v) return error ? *error : expr::Error(expr::ErrorCode::kInternal, name);
      return *v;
    }
    return expr::Error(expr::ErrorCode::kInternal, name);
  }

 private:
  const Rule* rule_ = nullptr;
  expr::Activation& act_;
  const expr::EvalOptions& options_;
  std::vector<Value> values_;
  std::vector<std::optional<expr::Error>> errors_;
  std::vector<LazyState> state_;
};

// The state of one Check call.
class CaseRun {
 public:
  CaseRun(const Engine& engine, const EngineOptions& options, const document::Node& root, const Finding& base,
          int64_t as_of, std::vector<Finding>* out)
      : options_(options), root_(root), catalogue_texts_(engine.catalogue_texts()), view_(root), base_(base),
        as_of_(Value::Date(static_cast<int32_t>(as_of))), decision_day_(as_of), out_(out),
        definitions_(engine.pack(), view_.root(), as_of_, options_.eval) {
    const ruleset::Pack& pack = engine.pack();
    pack_ = &pack;
    if (const expr::Env* env = engine.widest_env()) {
      act_.emplace(*env);
      act_->Set(ruleset::kCaseSlot, view_.root());
      act_->Set(ruleset::kAsOfSlot, as_of_);
      for (size_t i = 0; i < pack.params.size(); ++i)
        act_->Set(ruleset::kFirstPackParamSlot + static_cast<int>(i), pack.params[i].value);
      definitions_.Attach(*act_);
      let_cache_.emplace(*act_, options_.eval);
    }
    if (pack.decision_date) {
      expr::Activation act(*pack.env);
      act.Set(ruleset::kCaseSlot, view_.root());
      act.Set(ruleset::kAsOfSlot, as_of_);
      auto r = pack.decision_date->Evaluate(act, options_.eval);
      if (r.ok() && r->is(expr::Kind::kDate)) decision_day_ = r->date_days();
      if (r.ok() && r->is(expr::Kind::kString)) {
        if (auto day = expr::ParseIsoDate(r->string_value())) decision_day_ = *day;
      }
    }
  }

  // Collects the pending deadlines of one rule.
  void Deadlines(const Rule& rule, std::vector<Deadline>* out) {
    if (!rule.deadline) return;
    expr::Activation& act = Bind(rule);
    LetCache& lets = *let_cache_;
    if (rule.when) {
      auto r = rule.when->Evaluate(act, options_.eval);
      if (!r.ok()) {
        RuleError(rule, "when", r.error().message());
        return;
      }
      if (!r->is(expr::Kind::kBool) || !r->bool_value()) return;
    }
    auto one = [&](std::string pointer) {
      for (const std::string& name : rule.pointer_lets) {
        auto v = lets.Get(name);
        if (v.ok() && v->is(expr::Kind::kString))
          pointer = ReplaceAll(pointer, "{" + name + "}", std::string(v->string_value()));
      }
      auto d = rule.deadline->Evaluate(act, options_.eval);
      if (!d.ok()) {
        RuleError(rule, "deadline", d.error().message());
        return;
      }
      std::optional<int64_t> day;
      if (d->is(expr::Kind::kDate)) day = d->date_days();
      else if (d->is(expr::Kind::kString)) day = expr::ParseIsoDate(d->string_value());
      else if (!d->is_null()) {
        RuleError(rule, "deadline", std::string("väntade ett datum, fick ") + expr::KindName(d->kind()));
        return;
      }
      if (!day) return;
      Deadline dl;
      dl.rule = rule.id;
      dl.title = rule.title;
      dl.day = *day;
      dl.pointer = pointer;
      dl.pos = document::ResolveNearest(root_, pointer).pos;
      dl.requirements = rule.requirements;
      out->push_back(std::move(dl));
    };
    if (!rule.for_each) {
      one(rule.pointer);
      return;
    }
    auto list = rule.for_each->Evaluate(act, options_.eval);
    if (!list.ok()) {
      RuleError(rule, "for_each", list.error().message());
      return;
    }
    auto pointer_for = [&](const std::string& index, const std::string& key) {
      return ReplaceAll(ReplaceAll(rule.pointer, "{index}", index), "{key}", document::EscapePointerToken(key));
    };
    if (list->is(expr::Kind::kList)) {
      const expr::ListValue& l = list->list_value();
      for (size_t i = 0; i < l.size(); ++i) {
        Value v = l.Get(i);
        act.Set(rule.item_slot, v);
        lets.NextItem();
        std::string index = std::to_string(i);
        std::string key = v.is(expr::Kind::kString) || v.is(expr::Kind::kInt) ? ValueText(v, core::Lang::kSv) : index;
        if (rule.key_from_personal && !LooksLikeCode(key)) key = index;
        one(pointer_for(index, key));
      }
    } else if (list->is(expr::Kind::kMap)) {
      const expr::MapValue& m = list->map_value();
      for (size_t i = 0; i < m.size(); ++i) {
        Value k = m.KeyAt(i);
        act.Set(rule.item_slot, k);
        lets.NextItem();
        std::string key = ValueText(k, core::Lang::kSv);
        if (rule.key_from_personal && !LooksLikeCode(key)) key = std::to_string(i);
        one(pointer_for(std::to_string(i), key));
      }
    }
  }

  // Runs one rule; returns (applied, failed).
  std::pair<bool, bool> Run(const Rule& rule) {
    expr::Activation& act = Bind(rule);
    LetCache& lets = *let_cache_;
    lets_ = &lets;
    if (rule.when) {
      auto r = rule.when->Evaluate(act, options_.eval);
      if (!r.ok()) return {true, RuleError(rule, "when", r.error().message())};
      if (!r->is(expr::Kind::kBool)) return {true, RuleError(rule, "when", NotBool(*r))};
      if (!r->bool_value()) return {false, false};
    }
    if (!rule.for_each) return {true, Assert(rule, act, nullptr)};
    auto list = rule.for_each->Evaluate(act, options_.eval);
    if (!list.ok()) return {true, RuleError(rule, "for_each", list.error().message())};
    bool failed = false;
    Placeholders item;
    item.has_item = true;
    if (list->is(expr::Kind::kList)) {
      const expr::ListValue& l = list->list_value();
      for (size_t i = 0; i < l.size(); ++i) {
        Value v = l.Get(i);
        item.index = std::to_string(i);
        item.key = v.is(expr::Kind::kString) || v.is(expr::Kind::kInt) ? ValueText(v, core::Lang::kSv) : item.index;
        if (rule.key_from_personal && !LooksLikeCode(item.key)) item.key = item.index;
        act.Set(rule.item_slot, v);
        lets.NextItem();
        if (Assert(rule, act, &item, &v)) failed = true;
        if (failed && errored_) break;
      }
    } else if (list->is(expr::Kind::kMap)) {
      const expr::MapValue& m = list->map_value();
      for (size_t i = 0; i < m.size(); ++i) {
        Value k = m.KeyAt(i);
        item.index = std::to_string(i);
        item.key = ValueText(k, core::Lang::kSv);
        if (rule.key_from_personal && !LooksLikeCode(item.key)) item.key = item.index;
        act.Set(rule.item_slot, k);
        lets.NextItem();
        Value element = m.ValueAt(i);
        if (Assert(rule, act, &item, &element)) failed = true;
        if (failed && errored_) break;
      }
    } else {
      std::string what = std::string("väntade en lista eller map, fick ") + expr::KindName(list->kind());
      return {true, RuleError(rule, "for_each", what)};
    }
    return {true, failed};
  }

 private:
  // The case's activation, made ready for `rule`: the case, the as-of date, the pack's
  // parameters and definitions stay bound from the case's start; the slots after them
  // (the previous rule's parameters, lets and for_each element) are cleared, the rule's
  // own parameters bound, and the let cache started on the rule's lets.
  expr::Activation& Bind(const Rule& rule) {
    expr::Activation& act = *act_;
    act.ResetFrom(rule.first_param_slot);
    for (size_t i = 0; i < rule.params.size(); ++i)
      act.Set(rule.first_param_slot + static_cast<int>(i), rule.params[i].value);
    let_cache_->Start(rule);
    return act;
  }

  // The requirement ids the finding breaks: the rule's `requirement`, else all of them.
  bool Requirements(const Rule& rule, expr::Activation& act, std::vector<std::string>* out) {
    if (!rule.requirement) {
      *out = rule.requirements;
      return true;
    }
    auto r = rule.requirement->Evaluate(act, options_.eval);
    if (!r.ok()) return !RuleError(rule, "requirement", r.error().message());
    std::vector<Value> ids;
    if (r->is(expr::Kind::kString)) {
      ids.push_back(*r);
    } else if (r->is(expr::Kind::kList)) {
      for (size_t i = 0; i < r->list_value().size(); ++i) ids.push_back(r->list_value().Get(i));
    } else {
      return !RuleError(rule, "requirement", std::string("väntade ett krav-id, fick ") + expr::KindName(r->kind()));
    }
    for (const Value& id : ids) {
      std::string s = id.is(expr::Kind::kString) ? std::string(id.string_value()) : expr::DebugString(id);
      if (!id.is(expr::Kind::kString) ||
          std::find(rule.requirements.begin(), rule.requirements.end(), s) == rule.requirements.end())
        return !RuleError(rule, "requirement", "kravet " + s + " står inte i regelns requirements");
      if (std::find(out->begin(), out->end(), s) == out->end()) out->push_back(s);
    }
    if (out->empty()) return !RuleError(rule, "requirement", "inget krav-id");
    return true;
  }

  static std::string NotBool(const Value& v) { return std::string("väntade bool, fick ") + expr::KindName(v.kind()); }

  // Evaluates the assertion; on false adds the finding. Returns whether the rule failed.
  bool Assert(const Rule& rule, expr::Activation& act, Placeholders* item, const Value* element = nullptr) {
    errored_ = false;
    auto r = rule.assertion->Evaluate(act, options_.eval);
    if (!r.ok()) return RuleError(rule, "assert", r.error().message());
    if (!r->is(expr::Kind::kBool)) return RuleError(rule, "assert", NotBool(*r));
    if (r->bool_value()) return false;

    Placeholders p = item ? *item : Placeholders{};
    for (const ruleset::NamedProgram& v : rule.values) {
      auto value = v.program.Evaluate(act, options_.eval);
      if (!value.ok()) return RuleError(rule, "values." + v.name, value.error().message());
      p.values.push_back({v.name, std::move(*value)});
    }
    Finding f = base_;
    f.rule = rule.id;
    f.severity = rule.severity;
    if (rule.due) {
      auto due = rule.due->Evaluate(act, options_.eval);
      if (!due.ok()) return RuleError(rule, "due", due.error().message());
      if (due->is(expr::Kind::kDate)) {
        f.due_date = expr::FormatIsoDate(due->date_days());
      } else if (due->is(expr::Kind::kString) && expr::ParseIsoDate(due->string_value())) {
        f.due_date = std::string(due->string_value());
      } else if (!due->is_null()) {
        return RuleError(rule, "due", std::string("väntade ett datum, fick ") + expr::KindName(due->kind()));
      }
    }
    std::string pointer = rule.pointer;
    if (item) {
      pointer = ReplaceAll(pointer, "{index}", item->index);
      pointer = ReplaceAll(pointer, "{key}", document::EscapePointerToken(item->key));
      if (pointer.empty() && element) pointer = DocView::PointerOf(*element).value_or("");
    }
    for (const std::string& name : rule.pointer_lets) {
      auto v = lets_->Get(name);
      if (!v.ok()) return RuleError(rule, "pointer", v.error().message());
      if (!v->is(expr::Kind::kString))
        return RuleError(rule, "pointer", "{" + name + "}: väntade en sträng, fick " + expr::KindName(v->kind()));
      pointer = ReplaceAll(pointer, "{" + name + "}", std::string(v->string_value()));
    }
    std::vector<std::string> requirements;
    if (!Requirements(rule, act, &requirements)) return true;
    f.pointer = pointer;
    f.pos = document::ResolveNearest(root_, pointer).pos;
    const FreeText* hide = nullptr;
    if (!options_.show_free_text) {
      if (!free_text_) free_text_.emplace(root_, catalogue_texts_);
      hide = &*free_text_;
    }
    f.message.sv = Interpolate(rule.message.sv, p, core::Lang::kSv, hide);
    f.message.en = rule.message.en.empty() ? "" : Interpolate(rule.message.en, p, core::Lang::kEn, hide);
    for (const ruleset::LawRef& law : rule.law)
      if (law.InForce(decision_day_)) f.law.push_back({law.ref, law.kind});
    f.requirements = std::move(requirements);
    out_->push_back(std::move(f));
    return true;
  }

  bool RuleError(const Rule& rule, const std::string& where, const std::string& error) {
    errored_ = true;
    Finding f = base_;
    f.rule = core::kRuleRuleError;
    f.severity = core::Severity::kError;
    f.pos = root_.pos;
    std::string detail = MaskPersonalNumbers(error);
    f.message.sv = "regeln " + rule.id + " kunde inte utvärderas på dokumentet (" + where + "): " + detail;
    f.message.en = "rule " + rule.id + " could not be evaluated on the document (" + where + "): " + detail;
    f.requirements = rule.requirements;
    out_->push_back(std::move(f));
    return true;
  }

  const EngineOptions& options_;
  const document::Node& root_;
  const std::unordered_set<std::string>& catalogue_texts_;
  std::optional<FreeText> free_text_;  // built on the case's first finding
  DocView view_;
  const Finding& base_;
  Value as_of_;
  int64_t decision_day_;
  std::vector<Finding>* out_;
  bool errored_ = false;
  const ruleset::Pack* pack_ = nullptr;
  DefinitionCache definitions_;
  std::optional<expr::Activation> act_;  // shared by the case's rules, see Bind
  std::optional<LetCache> let_cache_;    // the same
  LetCache* lets_ = nullptr;  // the running rule's
};

}  // namespace

bool MatchesRuleSelector(const std::string& id, const std::string& selector) {
  if (selector.empty()) return false;
  if (id == selector) return true;
  if (id.size() <= selector.size() || id.compare(0, selector.size(), selector) != 0) return false;
  return selector.back() == '-' || id[selector.size()] == '-';
}

Engine::Engine(std::shared_ptr<const ruleset::Pack> pack, EngineOptions options)
    : pack_(std::move(pack)), options_(std::move(options)) {
  options_.eval.lang = options_.lang == core::Lang::kEn ? expr::Lang::kEn : expr::Lang::kSv;
  std::function<void(const document::Node&)> texts = [&](const document::Node& n) {
    if (n.kind == document::Kind::kString) catalogue_texts_.insert(n.string);
    for (const document::Node& item : n.items) texts(item);
    for (const document::Entry& e : n.entries) texts(e.value);
  };
  for (const auto& [name, vocabulary] : pack_->vocabularies)
    for (const document::Node& entry : vocabulary.entries) texts(entry);
  for (const Rule& r : pack_->rules) {
    auto matches = [&](const std::vector<std::string>& list) {
      return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return MatchesRuleSelector(r.id, s); });
    };
    auto named = [&](const std::vector<std::string>& list) {
      return std::find(list.begin(), list.end(), r.id) != list.end();
    };
    if (!options_.select.empty() && !(options_.exact_select ? named(options_.select) : matches(options_.select))) continue;
    if (matches(options_.ignore)) continue;
    rules_.push_back(&r);
    if (r.env && (!widest_env_ || r.env->variable_count() > widest_env_->variable_count())) widest_env_ = r.env;
  }
}

void Engine::Check(const document::Node& root, const Finding& base, int64_t as_of, std::vector<Finding>* out,
                   CaseEvidence* evidence) const {
  size_t before = out->size();
  CaseRun run(*this, options_, root, base, as_of, out);
  for (const Rule* rule : rules_) {
    auto [applied, failed] = run.Run(*rule);
    if (evidence && applied) evidence->applied.push_back(rule->id);
    if (evidence && failed) evidence->failed.push_back(rule->id);
  }
  std::stable_sort(out->begin() + static_cast<long>(before), out->end(), core::FindingLess);
}

void Engine::Deadlines(const document::Node& root, const Finding& base, int64_t as_of, std::vector<Deadline>* out,
                       std::vector<Finding>* errors) const {
  CaseRun run(*this, options_, root, base, as_of, errors);
  size_t before = out->size();
  for (const Rule* rule : rules_) run.Deadlines(*rule, out);
  std::stable_sort(out->begin() + static_cast<long>(before), out->end(),
                   [](const Deadline& a, const Deadline& b) { return std::tie(a.day, a.rule, a.pointer) < std::tie(b.day, b.rule, b.pointer); });
}

bool IsCodeLike(std::string_view s) {
  if (s.empty()) return true;  // nothing to hide
  if (s.size() > 64) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool upper = c >= 'A' && c <= 'Z';
    const bool ok = upper || (c >= 'a' && c <= 'z') || IsDigit(c) || c == '_' || c == '.' || c == ':' ||
                    c == '/' || c == '+' || c == '-';
    if (!ok) return false;
    if (upper && i + 1 < s.size() && s[i + 1] >= 'a' && s[i + 1] <= 'z') return false;
  }
  return true;
}

const char* HiddenFreeText(core::Lang lang) {
  return lang == core::Lang::kEn ? "(free text, not shown)" : "(fritext, visas inte)";
}

std::string MaskPersonalNumbers(std::string text) {
  size_t i = 0;
  while (i < text.size()) {
    if (!IsDigit(text[i]) || (i > 0 && IsDigit(text[i - 1]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsDigit(text[j])) ++j;
    size_t run = j - i;
    size_t end = 0;
    if (run == 10 || run == 12) {
      end = j;
    } else if ((run == 6 || run == 8) && j + 5 <= text.size() && (text[j] == '-' || text[j] == '+')) {
      size_t k = j + 1;
      while (k < text.size() && IsDigit(text[k])) ++k;
      if (k - (j + 1) == 4) end = k;
    }
    if (end) {
      for (size_t k = i; k < end; ++k)
        if (IsDigit(text[k])) text[k] = '*';
      i = end;
    } else {
      i = j;
    }
  }
  return text;
}

}  // namespace aktkoll::engine
