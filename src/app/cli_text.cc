#include "app/cli_text.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <regex>

namespace aktkoll::app {
namespace {

core::Lang g_lang = core::Lang::kSv;

}  // namespace

core::Lang DetectUiLang(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--") break;
    if (a == "--lang" && i + 1 < argc) return std::string(argv[i + 1]) == "en" ? core::Lang::kEn : core::Lang::kSv;
    if (a.rfind("--lang=", 0) == 0) return a.substr(7) == "en" ? core::Lang::kEn : core::Lang::kSv;
  }
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::strncmp(v, "en", 2) == 0 ? core::Lang::kEn : core::Lang::kSv;
  }
  return core::Lang::kSv;
}

void SetUiLang(core::Lang lang) { g_lang = lang; }
core::Lang UiLang() { return g_lang; }
std::string UiLangCode() { return g_lang == core::Lang::kEn ? "en" : "sv"; }
const char* Ui(const char* sv, const char* en) { return g_lang == core::Lang::kEn ? en : sv; }

void SetUpHelp(CLI::App& app) {
  auto f = std::make_shared<CLI::Formatter>();
  const bool sv = g_lang == core::Lang::kSv;
  f->label("Usage", sv ? "Användning" : "Usage");
  f->label("OPTIONS", sv ? "FLAGGOR" : "OPTIONS");
  f->label("SUBCOMMAND", sv ? "KOMMANDO" : "COMMAND");
  f->label("SUBCOMMANDS", sv ? "KOMMANDON" : "COMMANDS");
  f->label("Positionals", sv ? "Argument" : "Arguments");
  f->label("REQUIRED", sv ? "(krävs)" : "(required)");
  f->label("Needs", sv ? "Kräver" : "Needs");
  f->label("Excludes", sv ? "Utesluter" : "Excludes");
  f->column_width(32);
  app.formatter(f);
  app.option_defaults()->group(sv ? "Flaggor" : "Options");
  app.set_help_flag("-h,--help", sv ? "Visa den här hjälpen" : "Show this help");
}

CLI::Validator OneOf(std::vector<std::string> values) {
  CLI::Validator v = CLI::IsMember(std::move(values));
  v.description("");
  return v;
}

CLI::Validator Between(int64_t low, int64_t high) {
  CLI::Validator v = CLI::Range(low, high);
  v.description("");
  return v;
}

std::string ParseErrorText(const CLI::ParseError& e) {
  std::string msg = e.what();
  if (g_lang == core::Lang::kSv) {
    static const std::pair<const char*, const char*> kSv[] = {
        {"^A subcommand is required$", "ett kommando krävs (check, rules, due, map eller completion)"},
        {"^(.*) is required$", "$1 krävs"},
        {"^The following arguments? (was|were) not expected: (.*)$", "okänt argument: $2"},
        {"^(.*): Value (.*) not in range (.*) to (.*)$", "$1: $2 ligger utanför $3–$4"},
        {"^(.*): (.*) not in \\{(.*)\\}$", "$1: '$2' är inget av $3"},
        {"^Could not convert: (.*) = (.*)$", "$1: '$2' är inget giltigt värde"},
        {"^The value (.*) is not an allowed value for (.*)$", "$2: '$1' är inget tillåtet värde"},
        {"^(.*): (\\d+) required (.*) missing$", "$1: värde saknas"},
        {"^(.*): too many inputs for a flag$", "$1: en flagga tar inget värde"},
        {"^Expected exactly (\\d+) arguments? to (.*), got (\\d+)$", "$2: väntade $1 värde, fick $3"},
    };
    for (const auto& [en, sv] : kSv) {
      std::regex re(en);
      if (std::regex_match(msg, re)) {
        msg = std::regex_replace(msg, re, sv);
        break;
      }
    }
  } else if (msg == "A subcommand is required") {
    msg = "a command is required (check, rules, due, map or completion)";
  }
  return "aktkoll: " + msg + "\n" +
         (g_lang == core::Lang::kSv ? "Se aktkoll --help." : "See aktkoll --help.") + "\n";
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& names) {
  std::string best;
  size_t best_d = std::max<size_t>(1, word.size() / 3) + 1;
  for (const std::string& n : names) {
    std::vector<size_t> prev(n.size() + 1), cur(n.size() + 1);
    for (size_t j = 0; j <= n.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= word.size(); ++i) {
      cur[0] = i;
      for (size_t j = 1; j <= n.size(); ++j)
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (word[i - 1] == n[j - 1] ? 0 : 1)});
      std::swap(prev, cur);
    }
    if (prev[n.size()] < best_d) {
      best_d = prev[n.size()];
      best = n;
    }
  }
  return best;
}

}  // namespace aktkoll::app
