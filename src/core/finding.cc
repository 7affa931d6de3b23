#include "core/finding.h"

#include <tuple>

namespace aktkoll::core {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "error";
}

const char* SeverityLabel(Severity s, Lang lang) {
  if (lang == Lang::kEn) return SeverityName(s);
  switch (s) {
    case Severity::kError: return "fel";
    case Severity::kWarning: return "varning";
    case Severity::kInfo: return "info";
  }
  return "fel";
}

bool ParseSeverity(const std::string& text, Severity* out) {
  if (text == "error") *out = Severity::kError;
  else if (text == "warning") *out = Severity::kWarning;
  else if (text == "info") *out = Severity::kInfo;
  else return false;
  return true;
}

const char* SourceKindName(SourceKind k) {
  switch (k) {
    case SourceKind::kLaw: return "law";
    case SourceKind::kGuidance: return "guidance";
    case SourceKind::kGuideline: return "guideline";
  }
  return "law";
}

const char* SourceKindLabel(SourceKind k, Lang lang) {
  const bool en = lang == Lang::kEn;
  switch (k) {
    case SourceKind::kLaw: return en ? "Law" : "Lag";
    case SourceKind::kGuidance: return en ? "Guidance" : "Vägledning";
    case SourceKind::kGuideline: return en ? "Guideline" : "Riktlinje";
  }
  return en ? "Law" : "Lag";
}

bool ParseSourceKind(const std::string& text, SourceKind* out) {
  if (text == "law") *out = SourceKind::kLaw;
  else if (text == "guidance") *out = SourceKind::kGuidance;
  else if (text == "guideline") *out = SourceKind::kGuideline;
  else return false;
  return true;
}

std::string FormatCitations(const std::vector<Citation>& law, Lang lang) {
  std::string out;
  for (SourceKind k : {SourceKind::kLaw, SourceKind::kGuidance, SourceKind::kGuideline}) {
    std::string group;
    for (const Citation& c : law) {
      if (c.kind != k) continue;
      if (!group.empty()) group += "; ";
      group += c.ref;
    }
    if (group.empty()) continue;
    if (!out.empty()) out += " · ";
    out += SourceKindLabel(k, lang);
    out += ": ";
    out += group;
  }
  return out;
}

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.path, a.document, a.pos, a.rule, a.pointer, a.message.sv) <
         std::tie(b.path, b.document, b.pos, b.rule, b.pointer, b.message.sv);
}

}  // namespace aktkoll::core
