#include "app/waivers.h"

#include "core/file_io.h"
#include "document/loader.h"

namespace aktkoll::app {
namespace {

using document::Kind;
using document::Node;

bool IsDate(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-';
}

}  // namespace

core::StatusOr<std::vector<Waiver>> LoadWaivers(const std::string& path) {
  auto content = core::ReadFile(path);
  if (!content.ok()) return content.status();
  std::vector<Waiver> out;
  std::string error;
  int docs = 0;
  document::LoadBuffer(path, *content, document::Format::kYaml, document::Limits{},
                       [&](document::LoadedDocument&& doc) {
    if (docs++ > 0 || !error.empty()) return;
    if (doc.has_error) {
      error = core::FormatLocation(path, doc.error.pos) + ": " + doc.error.message;
      return;
    }
    const Node* list = doc.root.Find("waivers");
    if (!list || list->kind != Kind::kSequence) {
      error = core::FormatLocation(path, doc.root.pos) + ": väntade en lista 'waivers:'";
      return;
    }
    for (const Node& item : list->items) {
      Waiver w;
      w.path = path;
      w.pos = item.pos;
      if (item.kind != Kind::kMapping) {
        error = core::FormatLocation(path, item.pos) + ": ett undantag ska ha fälten case, rule, reason, approver, expires";
        return;
      }
      for (const auto& e : item.entries) {
        std::string* field = e.key == "case" ? &w.case_id : e.key == "rule" ? &w.rule
                           : e.key == "reason" ? &w.reason : e.key == "approver" ? &w.approver
                           : e.key == "expires" ? &w.expires : nullptr;
        if (!field) {
          error = core::FormatLocation(path, e.key_pos) + ": okänt fält '" + e.key +
                  "' (tillåtna: case, rule, reason, approver, expires)";
          return;
        }
        if (e.value.kind != Kind::kString) {
          error = core::FormatLocation(path, e.value.pos) + ": '" + e.key + "' ska vara text";
          return;
        }
        *field = e.value.string;
      }
      for (auto [name, value] : {std::pair<const char*, std::string*>{"case", &w.case_id}, {"rule", &w.rule},
                                 {"reason", &w.reason}, {"approver", &w.approver}, {"expires", &w.expires}}) {
        if (value->empty()) {
          error = core::FormatLocation(path, item.pos) + ": undantaget saknar '" + name + "'";
          return;
        }
      }
      if (!IsDate(w.expires)) {
        error = core::FormatLocation(path, item.pos) + ": 'expires' ska vara ett datum ÅÅÅÅ-MM-DD";
        return;
      }
      out.push_back(std::move(w));
    }
  });
  if (!error.empty()) return core::Status::InvalidArgument(error);
  return out;
}

void ApplyWaivers(const std::vector<Waiver>& waivers, const std::string& as_of,
                  std::vector<core::Finding>* findings) {
  for (core::Finding& f : *findings) {
    for (const Waiver& w : waivers) {
      if (w.case_id != f.case_id || w.rule != f.rule || w.expires < as_of) continue;
      f.waived = true;
      f.waiver_reason = w.reason + " (" + w.approver + ", t.o.m. " + w.expires + ")";
      w.uses++;
      break;
    }
  }
}

std::vector<core::Finding> WaiverFindings(const std::vector<Waiver>& waivers, const std::string& as_of) {
  std::vector<core::Finding> out;
  for (const Waiver& w : waivers) {
    core::Finding f;
    f.path = w.path;
    f.pos = w.pos;
    f.case_id = w.case_id;
    if (w.expires < as_of) {
      f.rule = kRuleWaiverExpired;
      f.severity = core::Severity::kError;
      f.message = {"undantaget för " + w.rule + " gick ut " + w.expires + "; förnya det eller åtgärda bristen",
                   "the waiver for " + w.rule + " expired on " + w.expires + "; renew it or fix the finding"};
      f.due_date = w.expires;
      out.push_back(std::move(f));
    } else if (w.uses == 0) {
      f.rule = kRuleWaiverUnused;
      f.severity = core::Severity::kInfo;
      f.message = {"undantaget för " + w.rule + " används inte: ingen sådan anmärkning finns i ärendet",
                   "the waiver for " + w.rule + " is unused: the case has no such finding"};
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace aktkoll::app
