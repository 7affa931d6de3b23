// `aktkoll due [PATH...]`: what falls due per case in the coming period, sorted by date —
// follow-ups, plan deadlines, the three-month execution limit, reports to IVO — from the
// `deadline` expressions of the rules that apply (overdue ones included and marked).
// `--ivo` lists the decisions to report to IVO this quarter (SoL 2025:400 34 kap. 1 §,
// earlier 16 kap. 6 f § SoL 2001:453): favourable decisions not executed within three
// months of the decision date, and executions interrupted and not resumed within three
// months, with the reason for the delay as recorded and whether a report is recorded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace aktkoll::app {

void AddDueCommand(CLI::App& app, int* exit_code);

// "30d", "6w", "3m" (calendar months) → the last day of the period starting at `as_of`
// (days since 1970-01-01); nullopt when the text is not a period.
std::optional<int64_t> PeriodEnd(const std::string& text, int64_t as_of);

}  // namespace aktkoll::app
