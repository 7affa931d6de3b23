// Excel workbook for auditors, through libxlsxwriter: a summary sheet with compliance
// rates per rule, per unit and per intervention type, and a findings sheet with filters.
// libxlsxwriter writes only to files, so the workbook is built in a temporary file (in
// TMPDIR, never beside the inputs) in constant-memory mode and its bytes handed on at End.
#pragma once

#include <string>

#include "report/model.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace aktkoll::report {

class XlsxFormatter : public Formatter {
 public:
  ~XlsxFormatter() override;
  void Begin(const RunInfo& run, std::string* out) override;
  void AddFile(const FileResult& file, std::string* out) override;
  void End(const Summary& summary, std::string* out) override;

 private:
  RunInfo run_;
  std::string tmp_path_;
  lxw_workbook* book_ = nullptr;
  lxw_worksheet* summary_ = nullptr;
  lxw_worksheet* findings_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* percent_ = nullptr;
  unsigned row_ = 0;
};

}  // namespace aktkoll::report
