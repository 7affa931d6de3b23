// The language of the command line itself (help, parse errors) and the help formatter.
// The language is chosen once, before the options are defined: `--lang sv|en` anywhere on
// the command line, else LC_ALL, LC_MESSAGES or LANG ("en…" gives English, anything else
// Swedish). Reports follow the same choice unless --lang is given.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/finding.h"

namespace aktkoll::app {

// Reads the language from argv and the environment; called once by main.
core::Lang DetectUiLang(int argc, const char* const* argv);
void SetUiLang(core::Lang lang);
core::Lang UiLang();
// "sv" or "en": the default of every --lang option.
std::string UiLangCode();
// The text in the command line's language.
const char* Ui(const char* sv, const char* en);

// Sets up `app` for hand-written help in the UI language: the labels, group names and
// help flag text; call before any option or subcommand is added.
void SetUpHelp(CLI::App& app);

// Validators whose rule the help text states in words: CLI11's own descriptions
// ("INT in [0 - 256]", "{sv,en}") are left out of the help.
CLI::Validator OneOf(std::vector<std::string> values);
CLI::Validator Between(int64_t low, int64_t high);

// The parse error as aktkoll says it: "aktkoll: " and the message in the UI language.
std::string ParseErrorText(const CLI::ParseError& e);

// The closest of `names` to `word` by edit distance, or "" when none is close (a typo
// at most a third of the word's length away).
std::string DidYouMean(const std::string& word, const std::vector<std::string>& names);

}  // namespace aktkoll::app
