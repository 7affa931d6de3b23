// Env, Activation, Compile and issue formatting: the glue between the public API and the
// lexer/parser/checker/evaluator.
#include "expr/program.h"

#include <atomic>
#include <mutex>

#include "expr/checker.h"
#include "expr/evaluator.h"
#include "expr/lexer.h"
#include "expr/messages.h"
#include "expr/operators.h"
#include "expr/parser.h"

namespace aktkoll::expr {

struct Env::Variables {
  std::vector<std::string> names;
  std::vector<Type> types;
  int Find(std::string_view name) const {  // the slot, or -1; the last declared wins
    for (size_t i = names.size(); i-- > 0;)
      if (names[i] == name) return static_cast<int>(i);
    return -1;
  }
};

namespace {

bool ValidVariableName(std::string_view name) {
  if (name.empty()) return false;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    std::string_view part = name.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part.empty()) return false;
    if (!((part[0] >= 'a' && part[0] <= 'z') || (part[0] >= 'A' && part[0] <= 'Z') || part[0] == '_'))
      return false;
    for (char c : part)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
        return false;
    if (internal::IsReservedWord(part) || part == "true" || part == "false" || part == "null" ||
        part == "in")
      return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

// 1-based line and column (in code points) of a byte offset.
void LineColumn(std::string_view source, size_t offset, int* line, int* column, size_t* line_start) {
  *line = 1;
  *line_start = 0;
  if (offset > source.size()) offset = source.size();
  for (size_t i = 0; i < offset; ++i) {
    if (source[i] == '\n') {
      ++*line;
      *line_start = i + 1;
    }
  }
  int col = 1;
  for (size_t i = *line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++col;
  *column = col;
}

// Field names are hashed once here, not on every lookup (MapValue::FindFieldHashed).
void HashFieldNames(internal::Node& n) {
  if (n.kind == internal::NodeKind::kSelect) n.name_hash = FieldHash(n.name);
  for (auto& a : n.args) HashFieldNames(*a);
}

// A list or map literal whose elements are all constants becomes a constant, built once
// here instead of on every evaluation (rule messages look their texts up in such maps).
// A map literal that would fail (a key that cannot be one, a key twice) is left to fail
// when evaluated. Innermost first, so nested literals fold too.
void FoldLiterals(internal::Node& n) {
  using internal::NodeKind;
  for (auto& a : n.args) FoldLiterals(*a);
  if (n.kind != NodeKind::kList && n.kind != NodeKind::kMap) return;
  for (const auto& a : n.args)
    if (a->kind != NodeKind::kConst) return;
  if (n.kind == NodeKind::kList) {
    std::vector<Value> items;
    items.reserve(n.args.size());
    for (const auto& a : n.args) items.push_back(a->constant);
    n.constant = MakeList(std::move(items));
  } else {
    std::vector<std::pair<Value, Value>> entries;
    entries.reserve(n.args.size() / 2);
    for (size_t i = 0; i + 1 < n.args.size(); i += 2) {
      const Value& k = n.args[i]->constant;
      if (!internal::IsValidMapKey(k)) return;
      for (const auto& e : entries)
        if (ValuesEqual(e.first, k)) return;
      entries.emplace_back(k, n.args[i + 1]->constant);
    }
    n.constant = MakeMap(std::move(entries));
  }
  n.kind = NodeKind::kConst;
  n.args.clear();
}

Issue MakeIssue(std::string_view source, size_t offset, std::string message) {
  Issue issue;
  size_t line_start;
  LineColumn(source, offset, &issue.line, &issue.column, &line_start);
  issue.offset = offset;
  issue.message = std::move(message);
  return issue;
}

}  // namespace

Env::Env(std::shared_ptr<const FunctionRegistry> registry)
    : registry_(std::move(registry)), vars_(std::make_shared<Variables>()) {
  if (!registry_) registry_ = std::make_shared<FunctionRegistry>();
}

Result<int> Env::Declare(std::string_view name, Type type, bool shadow) {
  if (!ValidVariableName(name))
    return Error(ErrorCode::kInvalidArgument, "invalid variable name '" + std::string(name) + "'");
  if (!shadow && FindVariable(name) >= 0)
    return Error(ErrorCode::kInvalidArgument, "variable '" + std::string(name) + "' declared twice");
  auto copy = std::make_shared<Variables>(*vars_);  // copy-on-write: Activations share the old one
  copy->names.emplace_back(name);
  copy->types.push_back(std::move(type));
  vars_ = std::move(copy);
  return static_cast<int>(vars_->names.size()) - 1;
}

int Env::FindVariable(std::string_view name) const { return vars_->Find(name); }

size_t Env::variable_count() const { return vars_->names.size(); }
const std::string& Env::variable_name(int slot) const { return vars_->names[static_cast<size_t>(slot)]; }
const Type& Env::variable_type(int slot) const { return vars_->types[static_cast<size_t>(slot)]; }

Activation::Activation(const Env& env)
    : vars_(env.shared_variables()), values_(vars_->names.size()), bound_(vars_->names.size()) {}

Activation::Activation(const Program& program)
    : vars_(program.vars()), values_(vars_->names.size()), bound_(vars_->names.size()) {}

void Activation::Set(int slot, Value value) {
  if (slot < 0 || static_cast<size_t>(slot) >= values_.size()) return;
  values_[static_cast<size_t>(slot)] = std::move(value);
  bound_[static_cast<size_t>(slot)] = true;
  if (static_cast<size_t>(slot) >= bound_end_) bound_end_ = static_cast<size_t>(slot) + 1;
}

void Activation::SetLazy(int first, int end, LazyValues* source) {
  for (LazyRange& r : lazy_) {
    if (r.source == nullptr || (r.first == first && r.end == end)) {
      r = LazyRange{first, end, source};
      return;
    }
  }
  lazy_[1] = LazyRange{first, end, source};
}

bool Activation::Bind(std::string_view name, Value value) {
  const int slot = vars_->Find(name);
  if (slot < 0) return false;
  Set(slot, std::move(value));
  return true;
}

void Activation::Clear() {
  for (size_t i = 0; i < values_.size(); ++i) {
    values_[i] = Value();
    bound_[i] = false;
  }
  bound_end_ = 0;
}

void Activation::ResetFrom(int first) {
  const size_t from = first < 0 ? 0 : static_cast<size_t>(first);
  for (size_t i = from; i < bound_end_; ++i) {
    if (!bound_[i]) continue;
    values_[i] = Value();
    bound_[i] = false;
  }
  if (bound_end_ > from) bound_end_ = from;
  for (LazyRange& r : lazy_)
    if (r.source && r.first >= first) r = LazyRange{};
}

struct Program::Deferred {
  Deferred(std::string s, const Env& e, const CompileOptions& o) : source(std::move(s)), env(e), options(o) {}
  std::string source;
  Env env;
  CompileOptions options;
  std::once_flag once;
  std::atomic<bool> done{false};  // compiled, or failed to: `impl` and `error` are set
  std::shared_ptr<const internal::ProgramImpl> impl;  // null when the compile failed
  std::string error;  // the compile's first issue, when it failed
};

const internal::ProgramImpl* Program::impl() const {
  if (!deferred_) return impl_.get();
  Deferred& d = *deferred_;
  if (!d.done.load(std::memory_order_acquire)) {
    std::call_once(d.once, [&d] {
      CompileResult r = Compile(d.source, d.env, d.options);
      if (r.ok()) d.impl = std::move(r.program->impl_);
      else if (!r.issues.empty()) d.error = r.issues.front().message;
      d.done.store(true, std::memory_order_release);
    });
  }
  return d.impl.get();
}

const std::shared_ptr<const Env::Variables>& Program::vars() const {
  return deferred_ ? deferred_->env.shared_variables() : impl_->vars;
}

Result<Value> Program::Evaluate(const Activation& activation, const EvalOptions& options) const {
  if (activation.size() < vars()->names.size())
    return Error(ErrorCode::kInvalidArgument,
                 internal::Msg(options.lang, "aktiveringen hör inte till programmet",
                               "the activation does not belong to this program"));
  const internal::ProgramImpl* p = impl();
  if (!p)
    return Error(ErrorCode::kInternal,
                 internal::Msg(options.lang, "uttrycket kan inte kompileras: ", "the expression does not compile: ") +
                     deferred_->error);
  return internal::Evaluate(*p, activation, options);
}

const Type& Program::result_type() const {
  static const Type kDyn = Type::Dyn();
  const internal::ProgramImpl* p = impl();
  return p ? p->root->type : kDyn;
}

bool Program::compiled() const {
  return !deferred_ || deferred_->done.load(std::memory_order_acquire);
}

const std::string& Program::source() const { return deferred_ ? deferred_->source : impl_->source; }

int Program::FindVariable(std::string_view name) const { return vars()->Find(name); }

Program CompileLater(std::string source, const Env& env, const CompileOptions& options) {
  Program program(nullptr);
  program.deferred_ = std::make_shared<Program::Deferred>(std::move(source), env, options);
  return program;
}

CompileResult Compile(std::string_view source, const Env& env, const CompileOptions& options) {
  using internal::Msg;
  CompileResult result;
  const Lang lang = options.lang;
  if (source.size() > options.max_source_bytes) {
    result.issues.push_back(MakeIssue(
        source, 0,
        Msg(lang, "uttrycket är för långt (", "expression is too long (") + std::to_string(source.size()) +
            Msg(lang, " byte, högst ", " bytes, at most ") + std::to_string(options.max_source_bytes) + ")"));
    return result;
  }
  size_t bad;
  if (!internal::ValidUtf8(source, &bad)) {
    result.issues.push_back(MakeIssue(source, bad, Msg(lang, "ogiltig UTF-8", "invalid UTF-8")));
    return result;
  }
  internal::ParseResult parsed = internal::Parse(source, options.max_depth, lang);
  if (!parsed.root) {
    result.issues.push_back(MakeIssue(source, parsed.error.offset, parsed.error.message));
    return result;
  }
  internal::CheckResult checked = internal::Check(*parsed.root, env, options.check, lang);
  for (auto& e : checked.issues) result.issues.push_back(MakeIssue(source, e.offset, std::move(e.message)));
  if (!result.issues.empty()) return result;

  HashFieldNames(*parsed.root);
  FoldLiterals(*parsed.root);
  auto impl = std::make_shared<internal::ProgramImpl>();
  impl->source = std::string(source);
  impl->root = std::move(parsed.root);
  impl->local_count = checked.local_count;
  impl->registry = env.shared_registry();
  impl->vars = env.shared_variables();
  result.program.emplace(std::move(impl));
  return result;
}

std::string FormatIssue(std::string_view name, std::string_view source, const Issue& issue, Lang lang) {
  size_t line_start = 0;
  int line, column;
  LineColumn(source, issue.offset, &line, &column, &line_start);
  size_t line_end = source.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = source.size();
  std::string_view text = source.substr(line_start, line_end - line_start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  std::string out(name);
  out += ':' + std::to_string(issue.line) + ':' + std::to_string(issue.column) + ": " +
         internal::Msg(lang, "fel", "error") + ": " + issue.message + "\n | ";
  out += text;
  out += "\n | ";
  out.append(static_cast<size_t>(column - 1), '.');
  out += '^';
  return out;
}

std::string FormatIssues(std::string_view name, std::string_view source,
                         const std::vector<Issue>& issues, Lang lang) {
  std::string out;
  for (size_t i = 0; i < issues.size(); ++i) {
    if (i) out += '\n';
    out += FormatIssue(name, source, issues[i], lang);
  }
  return out;
}

}  // namespace aktkoll::expr
