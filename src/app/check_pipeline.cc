#include "app/check_pipeline.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "core/file_io.h"
#include "app/check_assembled.h"
#include "core/sha256.h"
#include "document/loader.h"

namespace aktkoll::app {
namespace {

using core::Finding;
using core::Severity;

// A piece of one input file to check on its own.
struct Unit {
  size_t seq = 0;
  std::string path;
  std::string text;            // the chunk
  uint32_t first_line = 1;     // line of the chunk's first byte in the file
  bool first = true;           // first chunk of its file
  bool last = true;            // last chunk of its file
  document::Format format = document::Format::kAuto;
  std::string read_error;      // the file could not be read: the only thing to report
  std::string sha256;          // set on the last chunk
};

struct UnitResult {
  report::FileResult partial;  // document numbers relative to the chunk
  bool first = true, last = true;
  std::string sha256;
};

void ShiftLines(document::Node& n, uint32_t delta) {
  if (n.pos.line) n.pos.line += delta;
  for (auto& item : n.items) ShiftLines(item, delta);
  for (auto& e : n.entries) {
    if (e.key_pos.line) e.key_pos.line += delta;
    ShiftLines(e.value, delta);
  }
}

void AddInputError(report::FileResult* r, const std::string& path, int doc, const std::string& message,
                   core::Position pos, const std::string& english = "") {
  Finding f;
  f.rule = core::kRuleInputError;
  f.severity = Severity::kError;
  f.path = path;
  f.document = doc;
  f.pos = pos;
  f.message = {message, english.empty() ? message : english};
  r->findings.push_back(std::move(f));
  if (!r->input.has_error) {
    r->input.has_error = true;
    r->input.error = {message, pos};
  }
}

}  // namespace

std::string NotAMappingMessage(document::Kind kind, bool english) {
  const char* sv = "tomt";
  const char* en = "empty";
  switch (kind) {
    case document::Kind::kNull: break;
    case document::Kind::kBool: sv = "ett sanningsvärde (true/false)"; en = "a boolean (true/false)"; break;
    case document::Kind::kInt:
    case document::Kind::kDouble: sv = "ett tal"; en = "a number"; break;
    case document::Kind::kString: sv = "en sträng"; en = "a string"; break;
    case document::Kind::kSequence: sv = "en lista"; en = "a list"; break;
    case document::Kind::kMapping: sv = "en mappning"; en = "a mapping"; break;
  }
  return english ? std::string("a case record must be a mapping (key: value), but the document is ") + en
                 : std::string("ett ärende måste vara en mappning (nyckel: värde), men dokumentet är ") + sv;
}

report::CaseResult CheckCase(const document::Node& root, const std::string& path, int document,
                             const CheckContext& ctx, validate::SchemaChecker& schema, std::vector<Finding>* findings) {
  report::CaseResult c;
  c.document = document;
  c.pos = root.pos;
  c.case_id = document::StringAt(root, {"case_id"});
  c.unit = document::StringAt(root, {"unit"});
  c.intervention_type = document::StringAt(root, {"intervention", "type"});
  c.decision_date = document::StringAt(root, {"decision", "date"});
  if (ctx.options->show_personal_data) {
    c.person_name = document::StringAt(root, {"individual", "name"});
    c.person_id = document::StringAt(root, {"individual", "personnummer"});
  }
  Finding base;
  base.path = path;
  base.document = document;
  base.case_id = c.case_id;
  size_t before = findings->size();
  schema.Check(root, base, findings);
  c.applied.push_back(core::kRuleSchema);
  if (findings->size() > before) c.failed.push_back(core::kRuleSchema);
  engine::CaseEvidence evidence;
  ctx.engine->Check(root, base, ctx.as_of_days, findings, &evidence);
  c.applied.insert(c.applied.end(), evidence.applied.begin(), evidence.applied.end());
  c.failed.insert(c.failed.end(), evidence.failed.begin(), evidence.failed.end());
  return c;
}

namespace {

// Checks one unit: every document in it, with the thread's own schema checker.
UnitResult CheckUnit(const Unit& u, const CheckContext& ctx, validate::SchemaChecker& schema) {
  const CheckOptions& o = *ctx.options;
  UnitResult out;
  out.first = u.first;
  out.last = u.last;
  out.sha256 = u.sha256;
  report::FileResult& r = out.partial;
  r.input.path = u.path;
  if (!u.read_error.empty()) {
    AddInputError(&r, u.path, 0, u.read_error, {});
    return out;
  }
  const uint32_t delta = u.first_line - 1;
  document::LoadBuffer(u.path, u.text, u.format, o.limits, [&](document::LoadedDocument&& doc) {
    r.input.documents++;
    if (doc.has_error) {
      core::Position pos = doc.error.pos;
      if (pos.line) pos.line += delta;
      AddInputError(&r, u.path, doc.index, doc.error.message, pos);
      return;
    }
    if (delta) ShiftLines(doc.root, delta);
    if (ctx.mapping && !MapDocument(*ctx.mapping, u.path, doc.index, &doc.root, &r.findings)) return;
    // A case record is a mapping; anything else is one input error, and no rule runs on it.
    if (doc.root.kind != document::Kind::kMapping) {
      core::Position pos = doc.root.pos.line ? doc.root.pos : core::Position{u.first_line, 1};
      AddInputError(&r, u.path, doc.index, NotAMappingMessage(doc.root.kind, false), pos,
                    NotAMappingMessage(doc.root.kind, true));
      return;
    }
    r.cases.push_back(CheckCase(doc.root, u.path, doc.index, ctx, schema, &r.findings));
  });
  std::stable_sort(r.findings.begin(), r.findings.end(), core::FindingLess);
  return out;
}

// Reads the input files one chunk at a time, in order.
class Reader {
 public:
  Reader(const std::vector<std::string>& files, const document::Limits& limits) : files_(files), limits_(limits) {}
  ~Reader() { Close(); }

  std::optional<Unit> Next() {
    while (true) {
      if (!current_ && !OpenNext()) return std::nullopt;
      Unit u;
      u.seq = seq_++;
      u.path = files_[file_];
      u.format = format_;
      u.first = first_;
      u.first_line = line_;
      first_ = false;
      if (!error_.empty()) {
        u.read_error = error_;
        u.last = true;
        Close();
        return u;
      }
      // Fill the buffer to a chunk (or the whole file when it may not be cut).
      const bool chunkable = format_ == document::Format::kJsonLines || format_ == document::Format::kYaml;
      while (!eof_ && (!chunkable || pending_.size() < kChunkBytes)) ReadBlock();
      if (!error_.empty()) {
        u.read_error = error_;
        u.last = true;
        Close();
        return u;
      }
      size_t cut = pending_.size();
      if (!eof_) {
        const bool yaml = format_ == document::Format::kYaml;
        cut = LastChunkBoundary(pending_, yaml);
        while (cut == 0 && !eof_ && error_.empty()) {  // one document larger than a chunk
          // Only the new block can hold a boundary (from a few bytes back, for a marker cut
          // in two by the block's start): the text before it has none, so scanning it again
          // would make a long document quadratic.
          size_t from = pending_.size() > 8 ? pending_.size() - 8 : 0;
          ReadBlock();
          cut = eof_ ? pending_.size() : LastChunkBoundary(pending_, yaml, from);
        }
        if (!error_.empty()) {
          u.read_error = error_;
          u.last = true;
          Close();
          return u;
        }
      }
      u.text = pending_.substr(0, cut);
      pending_.erase(0, cut);
      line_ += static_cast<uint32_t>(std::count(u.text.begin(), u.text.end(), '\n'));
      u.last = eof_ && pending_.empty();
      if (u.last) {
        u.sha256 = hash_->HexDigest();
        Close();
      }
      return u;
    }
  }

 private:
  bool OpenNext() {
    if (next_file_ >= files_.size()) return false;
    file_ = next_file_++;
    current_ = true;
    const std::string& path = files_[file_];
    pending_.clear();
    error_.clear();
    eof_ = false;
    first_ = true;
    line_ = 1;
    total_ = 0;
    hash_ = std::make_unique<core::Sha256>();
    format_ = document::FormatFromPath(path);
    if (path == "-") {
      fd_ = 0;
      owned_ = false;
      return true;
    }
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    owned_ = true;
    if (fd_ < 0) {
      error_ = errno == ENOENT ? "filen finns inte" : "kan inte öppna filen: " + core::ErrnoText(errno);
      owned_ = false;  // Next() reports the error and moves on
    }
    return true;
  }

  void ReadBlock() {
    char buf[1 << 16];
    ssize_t n;
    do {
      n = ::read(fd_, buf, sizeof buf);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      error_ = errno == EISDIR ? "är en katalog, inte en fil" : "kan inte läsa filen: " + core::ErrnoText(errno);
      return;
    }
    if (n == 0) {
      eof_ = true;
      return;
    }
    total_ += static_cast<size_t>(n);
    if (total_ > limits_.max_file_bytes) {
      error_ = "filen är större än gränsen " + std::to_string(limits_.max_file_bytes) + " byte (--max-file-size)";
      return;
    }
    hash_->Update(std::string_view(buf, static_cast<size_t>(n)));
    pending_.append(buf, static_cast<size_t>(n));
  }

  void Close() {
    if (owned_ && fd_ >= 0) ::close(fd_);
    fd_ = -1;
    owned_ = false;
    current_ = false;
  }

  const std::vector<std::string>& files_;
  const document::Limits& limits_;
  size_t file_ = 0;       // the current file
  size_t next_file_ = 0;  // the next file to open
  bool current_ = false;  // a file is open (or failed to open and awaits reporting)
  int fd_ = -1;
  bool owned_ = false;
  bool eof_ = false;
  bool first_ = true;
  uint32_t line_ = 1;
  size_t total_ = 0;
  size_t seq_ = 0;
  std::string pending_;
  std::string error_;
  document::Format format_ = document::Format::kAuto;
  std::unique_ptr<core::Sha256> hash_;
};

// Turns chunk results into the parts of a file's result, numbering documents from the
// file's start. Every chunk is handed on at once (report::FileResult::more), so a JSON
// Lines file of 100,000 cases is never held whole; the last part carries the file's
// totals: its documents, its first input error and its SHA-256.
class Merger {
 public:
  report::FileResult Add(UnitResult&& r) {
    if (r.first) {
      offset_ = 0;
      error_.reset();
    }
    report::FileResult part;
    part.input.path = r.partial.input.path;
    part.findings = std::move(r.partial.findings);
    part.cases = std::move(r.partial.cases);
    for (Finding& f : part.findings) f.document += offset_;
    for (report::CaseResult& c : part.cases) c.document += offset_;
    if (r.partial.input.has_error && !error_) error_ = r.partial.input.error;
    offset_ += r.partial.input.documents;
    part.more = !r.last;
    if (r.last) {
      part.input.documents = offset_;
      part.input.sha256 = r.sha256;
      part.input.has_error = error_.has_value();
      if (error_) part.input.error = *error_;
    }
    return part;
  }

 private:
  int offset_ = 0;
  std::optional<report::InputError> error_;
};

}  // namespace

namespace {

bool IsYamlMarker(std::string_view text, size_t at, std::string_view marker) {
  return text.substr(at, 3) == marker &&
         (at + 3 == text.size() || text[at + 3] == '\n' || text[at + 3] == '\r' || text[at + 3] == ' ' ||
          text[at + 3] == '\t');
}

// Whether the line before the one starting at `line_start` (just after a '\n') is a
// directive: then the `---` belongs with it and is no place to cut.
bool AfterDirective(std::string_view text, size_t line_start) {
  if (line_start < 2) return false;
  size_t prev = text.rfind('\n', line_start - 2);
  prev = prev == std::string_view::npos ? 0 : prev + 1;
  return text[prev] == '%';
}

}  // namespace

size_t LastChunkBoundary(std::string_view text, bool yaml, size_t from) {
  size_t end = text.size();
  // Newlines before from - 1 start no line at or after `from`: the search never looks at
  // them, so a long line is not scanned again for every block.
  const size_t low = from > 0 ? from - 1 : 0;
  while (end > from) {
    size_t nl = text.substr(low, end - low).rfind('\n');
    if (nl == std::string_view::npos) return 0;
    nl += low;
    if (nl + 1 < from) return 0;
    size_t next = nl + 1;
    if (!yaml) {
      if (next < text.size()) return next;  // after a newline, before more text
    } else if (next < text.size()) {
      // A `---` line (after a byte-order mark too, as `cat a.yaml b.yaml` gives), or the
      // line after a `...` line.
      size_t at = text.substr(next, 3) == "\xEF\xBB\xBF" ? next + 3 : next;
      if (IsYamlMarker(text, at, "---") && !AfterDirective(text, next)) return next;
      if (nl > 0) {
        size_t prev = text.rfind('\n', nl - 1);
        prev = prev == std::string_view::npos ? 0 : prev + 1;
        size_t pat = text.substr(prev, 3) == "\xEF\xBB\xBF" ? prev + 3 : prev;
        if (prev >= from && IsYamlMarker(text, pat, "...")) return next;
      }
    }
    end = nl;
  }
  return 0;
}

bool CheckFiles(const std::vector<std::string>& files, const CheckContext& ctx, int jobs,
                const std::function<bool(report::FileResult&&)>& emit) {
  Reader reader(files, ctx.options->limits);
  Merger merger;
  if (jobs <= 1) {
    validate::SchemaChecker schema(ctx.schema);
    while (std::optional<Unit> u = reader.Next()) {
      if (!emit(merger.Add(CheckUnit(*u, ctx, schema)))) return false;
    }
    return true;
  }

  // jobs - 1 workers, and this thread as the last one: it reads ahead and emits in order,
  // and whenever the next result is not ready yet it checks the oldest waiting unit
  // itself. So exactly `jobs` threads check and nothing else competes with them for the
  // cores (a separate reader/writer thread cost a tenth of the speed-up on two cores).
  std::mutex mu;
  std::condition_variable work_ready, result_ready;
  std::deque<Unit> queue;
  std::map<size_t, UnitResult> results;
  bool closed = false;
  std::vector<std::thread> workers;
  for (int i = 1; i < jobs; ++i) {
    workers.emplace_back([&] {
      validate::SchemaChecker schema(ctx.schema);
      while (true) {
        Unit u;
        {
          std::unique_lock<std::mutex> lock(mu);
          work_ready.wait(lock, [&] { return closed || !queue.empty(); });
          if (queue.empty()) return;
          u = std::move(queue.front());
          queue.pop_front();
        }
        UnitResult r = CheckUnit(u, ctx, schema);
        {
          std::lock_guard<std::mutex> lock(mu);
          results.emplace(u.seq, std::move(r));
        }
        result_ready.notify_one();
      }
    });
  }
  auto stop = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      closed = true;
      queue.clear();
    }
    work_ready.notify_all();
    for (auto& t : workers) t.join();
  };

  validate::SchemaChecker schema(ctx.schema);
  const size_t window = static_cast<size_t>(jobs) * 8;  // units read ahead of emission
  size_t produced = 0, next = 0;
  bool input_done = false;
  while (true) {
    while (!input_done && produced - next < window) {
      std::optional<Unit> u = reader.Next();
      if (!u) {
        input_done = true;
        break;
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        queue.push_back(std::move(*u));
      }
      produced++;
      work_ready.notify_one();
    }
    if (next == produced && input_done) break;
    UnitResult r;
    {
      std::unique_lock<std::mutex> lock(mu);
      if (!results.count(next) && !queue.empty()) {
        Unit u = std::move(queue.front());
        queue.pop_front();
        lock.unlock();
        UnitResult mine = CheckUnit(u, ctx, schema);
        lock.lock();
        results.emplace(u.seq, std::move(mine));
        continue;
      }
      result_ready.wait(lock, [&] { return results.count(next) > 0; });
      auto it = results.find(next);
      r = std::move(it->second);
      results.erase(it);
    }
    next++;
    if (!emit(merger.Add(std::move(r)))) {
      stop();
      return false;
    }
  }
  stop();
  return true;
}

}  // namespace aktkoll::app
