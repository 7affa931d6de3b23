// A Finding is one thing the user should fix in a case record: a schema violation, a rule
// that failed, an input that could not be read, or a rule that could not be evaluated.
// Findings are produced by the validator and the engine and read by every report format.
// A finding never holds personal data: messages are written by rule authors and may only
// interpolate dates, counts and codes; the case is identified by its case id.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/source_location.h"

namespace aktkoll::core {

enum class Lang { kSv, kEn };

enum class Severity : uint8_t { kInfo = 0, kWarning = 1, kError = 2 };

const char* SeverityName(Severity s);                  // "error", "warning", "info"
const char* SeverityLabel(Severity s, Lang lang);      // "fel"/"varning"/"info" or English
bool ParseSeverity(const std::string& text, Severity* out);

// How binding a cited source is, so no report shows guidance or a municipality's own
// guideline as law: law and regulations, Socialstyrelsen's binding provisions included
// ("Lag"); national guidance and general advice such as Kunskapsguiden, BBIC or an allmänt
// råd ("Vägledning"); a municipality's or region's guideline ("Riktlinje").
enum class SourceKind : uint8_t { kLaw = 0, kGuidance = 1, kGuideline = 2 };

const char* SourceKindName(SourceKind k);              // "law", "guidance", "guideline"
const char* SourceKindLabel(SourceKind k, Lang lang);  // "Lag"/"Vägledning"/"Riktlinje" or English
bool ParseSourceKind(const std::string& text, SourceKind* out);

// One source a finding rests on, e.g. {"SoL (2025:400) 14 kap. 3 §", kLaw}.
struct Citation {
  std::string ref;
  SourceKind kind = SourceKind::kLaw;
  bool operator==(const Citation&) const = default;
};

// "Lag: A; B · Riktlinje: C": the citations grouped by kind, law first, each group in
// citation order. Empty when there are none.
std::string FormatCitations(const std::vector<Citation>& law, Lang lang);

// A text in Swedish and English. Swedish is always present; English falls back to it.
struct Text {
  std::string sv;
  std::string en;
  const std::string& In(Lang lang) const { return lang == Lang::kEn && !en.empty() ? en : sv; }
};

// Rule ids that are not rules of a pack.
inline constexpr const char* kRuleSchema = "schema";          // violates case.schema.json
inline constexpr const char* kRuleInputError = "input-error";  // file or document unreadable
inline constexpr const char* kRuleRuleError = "rule-error";    // a rule failed to evaluate
inline constexpr const char* kRuleWaiverExpired = "waiver-expired";  // a waiver has expired
inline constexpr const char* kRuleWaiverUnused = "waiver-unused";    // a waiver matches nothing

struct Finding {
  std::string rule;
  Severity severity = Severity::kError;
  std::string case_id;     // empty when the document has none (or could not be read)
  std::string path;        // input file as given, "-" for stdin
  int document = 0;        // index of the document within the file
  Position pos;            // of the offending or missing value
  std::string pointer;     // JSON Pointer within the document ("" = whole document)
  Text message;
  std::vector<Citation> law;              // sources in force, e.g. {"SoF (2001:937) 5 kap. 1 a §", kLaw}
  std::vector<std::string> requirements;  // requirement ids, e.g. "GP-5"
  std::string due_date;    // YYYY-MM-DD where the rule has a deadline, else empty
  // Set by a waiver: the finding is still reported, as waived, but never fails the run.
  bool waived = false;
  std::string waiver_reason;
  // Set by --baseline: the finding was already recorded, so it does not fail the run.
  bool baseline = false;
};

// Whether a finding counts towards the exit code.
inline bool Counts(const Finding& f) { return !f.waived && !f.baseline; }

// Deterministic order: file, document, position, rule id, pointer, message.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace aktkoll::core
