#include "app/check.h"

#include <algorithm>
#include <optional>
#include <tuple>
#include <thread>
#include <ctime>
#include <cstdio>
#include <unistd.h>

#include "app/cli_text.h"
#include "app/output.h"
#include "app/project_config.h"
#include "app/baseline.h"
#include "app/check_assembled.h"
#include "app/check_pipeline.h"
#include "app/process.h"
#include "app/rule_pack.h"
#include "app/waivers.h"
#include "app/version.h"
#include "core/file_io.h"
#include "core/sha256.h"
#include "embedded/embedded.h"
#include "engine/engine.h"
#include "expr/civil_time.h"
#include "report/model.h"
#include "validate/schema_validator.h"

namespace aktkoll::app {
namespace {

using core::Finding;
using core::Severity;


bool ProgressWanted(const CheckOptions& o) {
  return !o.no_progress && !o.quiet && ::isatty(2) && std::getenv("CI") == nullptr;
}

// --color auto|always|never; auto: on a terminal, unless NO_COLOR is set (no-color.org).
bool ColorWanted(const std::string& color) {
  if (color == "always") return true;
  if (color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(1) && !(no_color && *no_color);
}

int FailThreshold(const std::string& fail_on) {
  if (fail_on == "never") return 3;
  Severity s = Severity::kError;
  core::ParseSeverity(fail_on, &s);
  return static_cast<int>(s);
}

// Every --select/--ignore entry must name a rule or group of the pack: a typo would
// otherwise silently check nothing (or everything).
bool CheckSelectors(const ruleset::Pack& pack, const std::vector<std::string>& selectors, const char* option) {
  for (const std::string& s : selectors) {
    bool found = false;
    for (const ruleset::Rule& r : pack.rules) found = found || engine::MatchesRuleSelector(r.id, s);
    if (!found) {
      std::fprintf(stderr, "aktkoll: %s %s: ingen regel i paketet har det id:t eller den gruppen\n", option, s.c_str());
      return false;
    }
  }
  return true;
}

report::RuleInfo RuleInfoOf(const ruleset::Rule& r) {
  report::RuleInfo info;
  info.id = r.id;
  info.severity = r.severity;
  info.title = r.title;
  info.help.sv = r.doc.checks.sv + (r.doc.why.sv.empty() ? "" : "\n\n" + r.doc.why.sv);
  info.help.en = r.doc.checks.en.empty() ? "" : r.doc.checks.en + (r.doc.why.en.empty() ? "" : "\n\n" + r.doc.why.en);
  for (const ruleset::LawRef& l : r.law) info.law.push_back({l.ref, l.kind});
  info.requirements = r.requirements;
  return info;
}

// A waived rule is not failed: when every finding of a rule on a case is waived, the
// case's evidence lists the rule as waived instead.
void MarkWaivedRules(report::FileResult* file) {
  const report::FileIndex index(*file);
  for (report::CaseResult& c : file->cases) {
    std::vector<std::string> still_failed;
    for (const std::string& rule : c.failed) {
      bool any = false, all_waived = true;
      for (const Finding* f : index.FindingsOf(c.document))
        if (f->rule == rule) {
          any = true;
          all_waived = all_waived && f->waived;
        }
      if (any && all_waived) c.waived.push_back(rule);
      else still_failed.push_back(rule);
    }
    c.failed = std::move(still_failed);
  }
}

}  // namespace

std::string Today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool IsIsoDate(const std::string& s) {
  int y, m, d;
  char tail;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

int RunCheck(const CheckOptions& options) {
  CheckOptions o = options;
  if (o.paths.empty()) o.paths.push_back(".");
  if (o.formats.empty()) o.formats.push_back("text");
  if (o.as_of.empty()) o.as_of = Today();
  if (!IsIsoDate(o.as_of)) {
    std::fprintf(stderr, "aktkoll: --as-of %s: väntade ett datum ÅÅÅÅ-MM-DD\n", o.as_of.c_str());
    return 2;
  }

  auto schema_text = embedded::Find("schemas/case.schema.json");
  if (!schema_text) {
    std::fprintf(stderr, "aktkoll: internt fel: fallschemat saknas i programmet\n");
    return 2;
  }
  auto schema = validate::CaseSchema::Parse(*schema_text);
  if (!schema.ok()) {
    std::fprintf(stderr, "aktkoll: internt fel: %s\n", schema.status().message().c_str());
    return 2;
  }

  core::Lang lang = o.lang == "en" ? core::Lang::kEn : core::Lang::kSv;
  auto pack = LoadChosenPack(PackChoice{o.rules, o.profile}, lang);
  if (!pack) return 2;  // the diagnostics are on stderr; a broken pack checks nothing
  if (!CheckSelectors(*pack, o.select, "--select") || !CheckSelectors(*pack, o.ignore, "--ignore")) return 2;
  std::shared_ptr<const mapping::Mapping> export_mapping;
  if (!o.mapping.empty() && !(export_mapping = LoadChosenMapping(o.mapping))) return 2;
  engine::EngineOptions engine_options;
  engine_options.select = o.select;
  engine_options.ignore = o.ignore;
  engine_options.lang = lang;
  engine_options.eval.max_steps = o.max_eval_steps;
  engine_options.show_free_text = o.show_personal_data;
  auto engine = std::make_shared<engine::Engine>(pack, engine_options);
  const engine::Engine& rules = *engine;
  // Freed by the operating system at exit, not by us (app/process.h).
  KeepUntilExit(pack);
  KeepUntilExit(*schema);
  KeepUntilExit(engine);
  int64_t as_of_days = *expr::ParseIsoDate(o.as_of);

  report::RunInfo run;
  run.pack = {pack->name, pack->version, pack->sha256, pack->profile};
  for (const ruleset::Rule* r : rules.rules()) run.rules.push_back(RuleInfoOf(*r));
  if (auto v = pack->vocabularies.find("intervention_types"); v != pack->vocabularies.end()) {
    for (const document::Node& entry : v->second.entries) {
      const document::Node* code = entry.Find("code");
      const document::Node* label = entry.Find("label");
      if (!code || code->kind != document::Kind::kString || !label) continue;
      const document::Node* sv = label->Find("sv");
      const document::Node* en = label->Find("en");
      run.type_labels[code->string] = {sv && sv->kind == document::Kind::kString ? sv->string : "",
                                       en && en->kind == document::Kind::kString ? en->string : ""};
    }
  }
  run.tool_version = kVersion;
  run.tool_information_uri = kInformationUri;
  run.as_of = o.as_of;
  run.lang = o.lang == "en" ? core::Lang::kEn : core::Lang::kSv;
  run.show_personal_data = o.show_personal_data;
  run.statistics = o.statistics;
  run.has_baseline = !o.baseline.empty();

  // Every destination is checked before anything is written: at most one format on
  // stdout (two would interleave into something neither consumer can parse), no file
  // named twice, no binary workbook on a terminal.
  std::vector<FormatSpec> specs;
  for (const auto& spec_text : o.formats) {
    auto spec = ParseFormatSpec(spec_text, report::FormatNames());
    if (!spec.ok()) {
      std::fprintf(stderr, "aktkoll: %s\n", spec.status().message().c_str());
      return 2;
    }
    specs.push_back(*spec);
  }
  core::Status destinations = CheckDestinations(specs, ::isatty(1) != 0);
  if (!destinations.ok()) {
    std::fprintf(stderr, "aktkoll: %s\n", destinations.message().c_str());
    return 2;
  }

  // When every report goes to a file, stdout is free: it gets the statistics and the
  // summary line, and then which files were written (not with --quiet).
  const bool stdout_free = std::none_of(specs.begin(), specs.end(), ToStdout);
  std::vector<std::string> written;
  for (const FormatSpec& spec : specs) written.push_back(spec.file);
  if (stdout_free && !o.quiet) specs.push_back(FormatSpec{"summary", ""});

  std::vector<std::unique_ptr<Output>> outputs;
  for (const FormatSpec& one : specs) {
    const FormatSpec* spec = &one;
    auto out = Output::Open(*spec, spec->format == "summary" ? report::MakeSummaryFormatter()
                                                             : report::MakeFormatter(spec->format));
    if (!out.ok()) {
      std::fprintf(stderr, "aktkoll: %s\n", out.status().message().c_str());
      return 2;
    }
    report::RunInfo r = run;
    r.color = spec->file.empty() && spec->format == "text" && ColorWanted(o.color);
    (*out)->formatter().Begin(r, &(*out)->buffer());
    outputs.push_back(std::move(*out));
  }

  std::vector<Waiver> waivers;
  if (!o.waivers.empty()) {
    auto w = LoadWaivers(o.waivers);
    if (!w.ok()) {
      std::fprintf(stderr, "aktkoll: --waivers %s\n", w.status().message().c_str());
      return 2;
    }
    waivers = std::move(*w);
  }
  std::optional<Baseline> baseline;
  if (!o.baseline.empty()) {
    auto b = Baseline::Load(o.baseline);
    if (!b.ok()) {
      std::fprintf(stderr, "aktkoll: --baseline %s\n", b.status().message().c_str());
      return 2;
    }
    baseline = std::move(*b);
  }
  BaselineWriter baseline_writer;

  std::vector<std::string> missing;
  std::vector<std::string> files = document::ExpandPaths(o.paths, &missing, o.force_exclude);
  // Nothing to check is an error, not a pass: an empty folder (or a folder named x.yaml)
  // would otherwise give "0 filer" and exit 0.
  if (files.empty() && missing.empty() && !o.allow_empty) {
    std::string where;
    for (const std::string& p : o.paths) where += (where.empty() ? "" : ", ") + p;
    if (where.empty()) where = ".";
    if (o.lang == "en")
      std::fprintf(stderr, "aktkoll: no case files (.yaml, .yml, .json, .jsonl, .ndjson) found in %s\n", where.c_str());
    else
      std::fprintf(stderr, "aktkoll: inga ärendefiler (.yaml, .yml, .json, .jsonl, .ndjson) hittades i %s\n",
                   where.c_str());
    return 2;
  }
  report::Summary summary;
  size_t files_done = 0;
  const bool progress = ProgressWanted(o) && files.size() > 1;
  auto emit = [&](report::FileResult&& file) -> bool {
    if (!o.stdin_filename.empty() && file.input.path == "-") {  // --stdin-filename names stdin
      file.input.path = o.stdin_filename;
      for (Finding& f : file.findings)
        if (f.path == "-") f.path = o.stdin_filename;
    }
    ApplyWaivers(waivers, o.as_of, &file.findings);
    if (baseline) baseline->Apply(&file.findings);
    if (!o.write_baseline.empty()) baseline_writer.Add(file.findings);
    MarkWaivedRules(&file);
    if (progress && !file.more && (++files_done % 16 == 0 || files_done == files.size()))
      std::fprintf(stderr, "\r%zu/%zu filer", files_done, files.size());
    report::AddToSummary(file, &summary);
    for (auto& out : outputs) {
      out->formatter().AddFile(file, &out->buffer());
      core::Status s = out->Flush(false);
      if (!s.ok()) {
        std::fprintf(stderr, "aktkoll: %s\n", s.message().c_str());
        return false;
      }
    }
    return true;
  };
  for (const auto& path : missing) {
    report::FileResult r;
    r.input.path = path;
    r.input.has_error = true;
    r.input.error.message = "sökvägen finns inte";
    Finding f;
    f.rule = core::kRuleInputError;
    f.path = path;
    f.message = {"sökvägen finns inte", "the path does not exist"};
    r.findings.push_back(f);
    if (!emit(std::move(r))) return 2;
  }
  CheckContext ctx;
  ctx.options = &o;
  ctx.schema = *schema;
  ctx.engine = &rules;
  ctx.as_of_days = as_of_days;
  ctx.mapping = export_mapping.get();
  int jobs = o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (export_mapping && export_mapping->assemble ? !CheckAssembled(files, ctx, emit) : !CheckFiles(files, ctx, jobs, emit))
    return 2;
  if (progress) std::fprintf(stderr, "\r\033[K");
  if (!waivers.empty()) {
    report::FileResult w;
    w.input.path = o.waivers;
    w.auxiliary = true;
    w.findings = WaiverFindings(waivers, o.as_of);
    if (!w.findings.empty() && !emit(std::move(w))) return 2;
  }
  if (!o.write_baseline.empty()) {
    core::Status s = baseline_writer.Write(o.write_baseline);
    if (!s.ok()) {
      std::fprintf(stderr, "aktkoll: --write-baseline %s\n", s.message().c_str());
      return 2;
    }
  }

  for (auto& out : outputs) {
    out->formatter().End(summary, &out->buffer());
    core::Status s = out->Commit();
    if (!s.ok()) {
      std::fprintf(stderr, "aktkoll: %s\n", s.message().c_str());
      return 2;
    }
  }
  if (stdout_free && !o.quiet) {
    std::string line = lang == core::Lang::kSv ? "Skrev " : "Wrote ";
    for (size_t i = 0; i < written.size(); ++i) line += (i ? ", " : "") + written[i];
    std::printf("%s.\n", line.c_str());
  }
  int threshold = FailThreshold(o.fail_on);
  for (int sev = threshold; sev <= 2; ++sev)
    if (summary.counted.by_severity[sev] > 0) return 1;
  return 0;
}

void AddCheckCommand(CLI::App& app, int* exit_code) {
  auto o = std::make_shared<CheckOptions>();
  o->lang = UiLangCode();
  CLI::App* cmd = app.add_subcommand("check", Ui("Granska ärendeakter mot regelpaketet", "Check case records against the rule pack"));
  cmd->footer(Ui("\nSlutstatus: 0 inga anmärkningar på eller över --fail-on, 1 anmärkningar (indatafel räknas som fel),\n"
                 "2 användningsfel, trasigt regelpaket, rapport som inte kunde skrivas eller internt fel.",
                 "\nExit status: 0 nothing at or above --fail-on, 1 findings (input errors count as errors),\n"
                 "2 a usage error, a broken rule pack, a report that could not be written or an internal error."));
  cmd->add_option("paths", o->paths,
                  Ui("Filer eller kataloger (.yaml .yml .json .jsonl .ndjson), '-' för stdin; standard: .",
                     "Files or folders (.yaml .yml .json .jsonl .ndjson), '-' for stdin; default: ."))
      ->type_name(Ui("FIL", "PATH"));
  cmd->add_option("--format,-f", o->formats,
                  Ui("Rapportformat, kan upprepas: text, json, sarif, junit, github, csv, xlsx, html, md; utan :FIL till "
                     "stdout (högst ett format; standard: text)",
                     "Report format, may be repeated: text, json, sarif, junit, github, csv, xlsx, html, md; without "
                     ":FILE to stdout (one format at most; default: text)"))
      ->type_name(Ui("FMT[:FIL]", "FMT[:FILE]"));
  cmd->add_option("--as-of", o->as_of,
                  Ui("Granskningsdatum ÅÅÅÅ-MM-DD som alla datumregler mäts mot (standard: i dag)",
                     "The date YYYY-MM-DD all date rules are measured against (default: today)"))
      ->type_name(Ui("DATUM", "DATE"));
  cmd->add_option("--fail-on", o->fail_on,
                  Ui("Lägsta allvarlighetsgrad som ger slutstatus 1: error, warning, info eller never (standard: error)",
                     "Lowest severity that gives exit status 1: error, warning, info or never (default: error)"))
      ->type_name(Ui("GRAD", "SEVERITY"))->check(OneOf({"error", "warning", "info", "never"}));
  cmd->add_option("--lang", o->lang,
                  Ui("Språk: sv eller en (standard: sv, eller en när LANG säger engelska)",
                     "Language: sv or en (default: sv, or en when LANG says English)"))
      ->type_name("sv|en")->check(OneOf({"sv", "en"}));
  cmd->add_flag("--show-personal-data", o->show_personal_data,
                Ui("Visa namn, personnummer och fritext ur akten i rapporten (annars visas bara ärende-id)",
                   "Show names, identity numbers and free text from the record (otherwise only the case id)"));
  cmd->add_flag("--statistics", o->statistics,
                Ui("Antal anmärkningar per regel, enhet, insatstyp och beslutsmånad",
                   "Finding counts per rule, unit, intervention type and decision month"));
  cmd->add_flag("--no-progress", o->no_progress,
                Ui("Visa aldrig förlopp (visas annars bara i en terminal)", "Never show progress (otherwise only on a terminal)"));
  cmd->add_flag("--quiet,-q", o->quiet,
                Ui("Inget förlopp och ingen sammanfattning på stdout när alla rapporter skrivs till filer",
                   "No progress, and no summary on stdout when every report goes to a file"));
  cmd->add_option("--color", o->color,
                  Ui("Färg i textrapporten: auto (i en terminal, om inte NO_COLOR är satt), always eller never",
                     "Colour in the text report: auto (on a terminal unless NO_COLOR is set), always or never"))
      ->type_name("auto|always|never")->check(OneOf({"auto", "always", "never"}));
  cmd->add_option("--stdin-filename", o->stdin_filename,
                  Ui("Filnamnet som rapporterna visar för '-' (stdin)", "The file name the reports show for '-' (stdin)"))
      ->type_name(Ui("FIL", "FILE"));
  cmd->add_option("--rules", o->rules,
                  Ui("Regelpaket eller kommunprofil på disk (pack.yaml, profile.yaml); standard: det inbyggda nationella paketet",
                     "Rule pack or municipal profile on disk (pack.yaml, profile.yaml); default: the built-in national pack"))
      ->type_name(Ui("FIL", "FILE"));
  cmd->add_option("--profile", o->profile, Ui("Inbyggd kommunprofil: kalix, stockholm eller gotland",
                                              "Built-in municipal profile: kalix, stockholm or gotland"))
      ->type_name(Ui("NAMN", "NAME"));
  cmd->add_option("--select", o->select,
                  Ui("Kör bara dessa regler eller grupper (t.ex. GP,UPF-001); kan upprepas",
                     "Run only these rules or groups (e.g. GP,UPF-001); may be repeated"))
      ->type_name(Ui("REGLER", "RULES"))->delimiter(',')->expected(1)->allow_extra_args(false)->take_all();
  cmd->add_option("--ignore", o->ignore,
                  Ui("Hoppa över dessa regler eller grupper; kan upprepas", "Leave out these rules or groups; may be repeated"))
      ->type_name(Ui("REGLER", "RULES"))->delimiter(',')->expected(1)->allow_extra_args(false)->take_all();
  cmd->add_option("--mapping", o->mapping,
                  Ui("Mappning för export från verksamhetssystem: inbyggt namn eller YAML-fil (se aktkoll map --help)",
                     "Mapping for exports from case-management systems: built-in name or YAML file (see aktkoll map --help)"))
      ->type_name(Ui("NAMN|FIL", "NAME|FILE"));
  cmd->add_option("--waivers", o->waivers,
                  Ui("Undantagsfil (YAML): ärende, regel, skäl, beslutsfattare, giltig t.o.m.",
                     "Waiver file (YAML): case, rule, reason, approver, expiry"))
      ->type_name(Ui("FIL", "FILE"));
  cmd->add_option("--baseline", o->baseline,
                  Ui("Baslinje från --write-baseline: bara nya anmärkningar ger slutstatus 1",
                     "Baseline from --write-baseline: only new findings give exit status 1"))
      ->type_name(Ui("FIL", "FILE"));
  cmd->add_option("--write-baseline", o->write_baseline,
                  Ui("Spara körningens anmärkningar som baslinje", "Save the run's findings as a baseline"))
      ->type_name(Ui("FIL", "FILE"));
  cmd->add_option("--jobs,-j", o->jobs,
                  Ui("Antal trådar, 0–256 (standard: alla kärnor); rapporterna blir desamma oavsett antal",
                     "Threads, 0–256 (default: all cores); the reports are the same whatever the number"))
      ->type_name("N")->check(Between(0, 256));
  cmd->add_flag("--allow-empty", o->allow_empty,
                Ui("Avsluta med 0 även när inga ärendefiler hittas (annars är det ett fel, slutstatus 2)",
                   "Exit 0 also when no case files are found (otherwise that is an error, exit status 2)"));
  cmd->add_flag("--force-exclude", o->force_exclude,
                Ui("Hoppa även över namngivna filer i en mapp med .aktkoll-ignore (för pre-commit)",
                   "Skip named files too when a folder above them holds .aktkoll-ignore (for pre-commit)"));
  cmd->add_option("--max-depth", o->limits.max_depth,
                  Ui("Största nästlingsdjup i ett dokument (standard: 200)", "Deepest nesting in a document (default: 200)"))
      ->type_name("N");
  cmd->add_option("--max-file-size", o->limits.max_file_bytes,
                  Ui("Största filstorlek i byte (standard: 256 MiB)", "Largest file in bytes (default: 256 MiB)"))
      ->type_name("BYTE");
  cmd->add_option("--max-eval-steps", o->max_eval_steps,
                  Ui("Största antal beräkningssteg per regeluttryck och ärende, minst 1000 (standard: 1000000)",
                     "Most evaluation steps per rule expression and case, at least 1000 (default: 1000000)"))
      ->type_name("N")->check(Between(1000, int64_t{1} << 40));
  cmd->add_option("--max-aliases", o->limits.max_alias_expansions,
                  Ui("Största antal YAML-aliasexpansioner per dokument (standard: 10000)",
                     "Most YAML alias expansions per document (default: 10000)"))
      ->type_name("N");
  cmd->add_flag("--no-config", o->no_config,
                Ui("Läs ingen .aktkoll.yaml (annars gäller den närmaste från arbetskatalogen uppåt)",
                   "Read no .aktkoll.yaml (otherwise the nearest from the working directory upward applies)"));
  cmd->callback([o, cmd, exit_code] {
    CheckOptions options = *o;
    if (!options.no_config) {
      auto config = FindProjectConfig(".");
      if (!config.ok()) {
        std::fprintf(stderr, "aktkoll: %s\n", config.status().message().c_str());
        *exit_code = 2;
        return;
      }
      if (*config) {
        // The command line wins over the file, option by option.
        const ProjectConfig& c = **config;
        auto given = [cmd](const char* name) { return cmd->count(name) > 0; };
        const bool pack_given = given("--profile") || given("--rules");
        if (c.profile && !pack_given) options.profile = *c.profile;
        if (c.rules && !pack_given) options.rules = *c.rules;
        if (c.fail_on && !given("--fail-on")) options.fail_on = *c.fail_on;
        if (c.lang && !given("--lang")) options.lang = *c.lang;
        if (c.formats && !given("--format")) options.formats = *c.formats;
        if (c.baseline && !given("--baseline")) options.baseline = *c.baseline;
        if (c.waivers && !given("--waivers")) options.waivers = *c.waivers;
        for (const auto& [value, allowed, key] :
             {std::tuple{options.fail_on, "error, warning, info, never", "fail_on"},
              std::tuple{options.lang, "sv, en", "lang"}}) {
          if (std::string(", ") .append(allowed).append(",").find(", " + value + ",") == std::string::npos) {
            std::fprintf(stderr, "aktkoll: %s: %s: '%s' är inget av %s\n", c.path.c_str(), key, value.c_str(), allowed);
            *exit_code = 2;
            return;
          }
        }
      }
    }
    *exit_code = RunCheck(options);
  });
}

}  // namespace aktkoll::app
