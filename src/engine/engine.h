// The rule engine: runs a compiled rule pack over one case at a time and turns failed
// assertions into Findings. Schema validation is not its business (validate/ does that).
//
// An Engine is immutable after construction and shares its Pack, so one Engine may check
// cases from several threads at once. Nothing here reads the clock: dates are measured
// against the as-of date the caller passes.
//
// Per rule and case: `when` decides whether the rule applies (evidence: applied); then
// `assert` is evaluated once, or once per element of `for_each` with the element bound to
// the rule's `as` variable; each false gives a finding at `pointer`. An expression that
// fails to evaluate gives a `rule-error` finding naming the rule; never a crash, never a
// silent pass.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/finding.h"
#include "document/node.h"
#include "expr/program.h"
#include "ruleset/pack.h"

namespace aktkoll::engine {

struct EngineOptions {
  // Rule ids or groups to run ("GP" or "GP-" selects GP-001, GP-002...); empty = all.
  std::vector<std::string> select;
  // Rule ids or prefixes to leave out; applied after select.
  std::vector<std::string> ignore;
  // Select only the ids named, not their groups or variants ("TOLK-002" but not
  // "TOLK-002-ANHORIG"): what a rule's fixtures are run with.
  bool exact_select = false;
  // Language of evaluation-error texts inside rule-error findings. Default Swedish.
  core::Lang lang = core::Lang::kSv;
  // Cost limits per evaluation (see expr::EvalOptions for the defaults).
  expr::EvalOptions eval;
  // Whether a message may quote free text from the record (--show-personal-data). By
  // default a string value that is not code-like (see IsCodeLike) is not interpolated:
  // a name typed into a coded field would otherwise reach every report.
  bool show_free_text = false;
};

// Whether a string from a record may be quoted in a message without --show-personal-data:
// a code, date, id or number ("foraldrastod", "2026-02-30", "KAL-2025-0318", "DOK-5"):
// at most 64 ASCII letters, digits and _ . : / + -, and no capital followed by a small
// letter (the shape of a name); and the empty string. Everything else counts as free text.
bool IsCodeLike(std::string_view s);

// What a message shows instead of free text: "(fritext, visas inte)" / "(free text, not shown)".
const char* HiddenFreeText(core::Lang lang);

// Which rules applied to a case and which of them failed (including rule errors).
struct CaseEvidence {
  std::vector<std::string> applied;
  std::vector<std::string> failed;
};

// Whether `id` matches a --select/--ignore entry: equal, or the entry is the id's group
// ("GP" and "GP-" match "GP-001"; "G" and "GP-00" do not).
bool MatchesRuleSelector(const std::string& id, const std::string& selector);

// An obligation a rule says is still pending on a case, from its `deadline` expression.
struct Deadline {
  std::string rule;
  core::Text title;
  int64_t day = 0;          // days since 1970-01-01
  std::string pointer;      // what it concerns, as for a finding
  core::Position pos;
  std::vector<std::string> requirements;
};

class Engine {
 public:
  explicit Engine(std::shared_ptr<const ruleset::Pack> pack, EngineOptions options = {});

  const ruleset::Pack& pack() const { return *pack_; }
  // The rules this engine runs, in id order.
  const std::vector<const ruleset::Rule*>& rules() const { return rules_; }

  // Checks one case document. `base` supplies path, document and case_id for every
  // finding; `as_of` is days since 1970-01-01. Appends findings (sorted) and, when
  // `evidence` is given, the rules that applied and failed.
  void Check(const document::Node& root, const core::Finding& base, int64_t as_of,
             std::vector<core::Finding>* out, CaseEvidence* evidence = nullptr) const;

  // The pending deadlines of the rules that apply to a case (rules with a `deadline`),
  // sorted by date then rule id. A deadline expression that fails to evaluate gives a
  // rule-error finding in `errors`.
  void Deadlines(const document::Node& root, const core::Finding& base, int64_t as_of,
                 std::vector<Deadline>* out, std::vector<core::Finding>* errors) const;

 private:
  std::shared_ptr<const ruleset::Pack> pack_;
  EngineOptions options_;
  std::vector<const ruleset::Rule*> rules_;

 public:
  // Every text of the pack's catalogues (labels, descriptions): not free text when a
  // record repeats one ("Kontaktperson"), so messages may quote it.
  const std::unordered_set<std::string>& catalogue_texts() const { return catalogue_texts_; }
  // The Env of the selected rule with the most variables (null without rules): every
  // rule's Env starts with the same variables (case, as-of date, pack parameters and
  // definitions), so one activation of this size serves all rules of a case.
  const expr::Env* widest_env() const { return widest_env_.get(); }

 private:
  std::unordered_set<std::string> catalogue_texts_;
  std::shared_ptr<const expr::Env> widest_env_;
};

// Replaces every digit of anything that looks like a personnummer or samordningsnummer
// (YYMMDD-NNNN, YYYYMMDDNNNN, with or without '-'/'+') by '*'. The second guard behind the
// load-time check that message values never read personal fields.
std::string MaskPersonalNumbers(std::string text);

}  // namespace aktkoll::engine
