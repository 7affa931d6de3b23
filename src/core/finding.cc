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

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.path, a.document, a.pos, a.rule, a.pointer, a.message.sv) <
         std::tie(b.path, b.document, b.pos, b.rule, b.pointer, b.message.sv);
}

}  // namespace aktkoll::core
