// aktkoll: the command-line entry point. CLI11 wiring only; each command lives in src/app/.
#include <cstdio>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/check.h"
#include "app/cli_text.h"
#include "app/completion.h"
#include "app/due.h"
#include "app/map_command.h"
#include "app/process.h"
#include "app/rules_command.h"
#include "app/version.h"

namespace {

using aktkoll::app::Ui;

struct Command {
  void (*add)(CLI::App&, int*);
};

const Command kCommands[] = {
    {aktkoll::app::AddCheckCommand},
    {aktkoll::app::AddRulesCommand},
    {aktkoll::app::AddDueCommand},
    {aktkoll::app::AddMapCommand},
    {aktkoll::app::AddCompletionCommand},
};

// A word where a subcommand belongs that names none ("aktkoll chek", "aktkoll rules lst"):
// says so with the closest name. Returns whether it did.
bool UnknownSubcommand(const CLI::App& app, int argc, char** argv, int at) {
  if (at >= argc) return false;
  const std::string word = argv[at];
  if (word.empty() || word[0] == '-') return false;
  std::vector<std::string> names;
  const CLI::App* found = nullptr;
  for (const CLI::App* sub : app.get_subcommands({})) {
    names.push_back(sub->get_name());
    if (sub->get_name() == word) found = sub;
  }
  if (names.empty()) return false;
  if (found) return found->get_subcommands({}).empty() ? false : UnknownSubcommand(*found, argc, argv, at + 1);
  const std::string close = aktkoll::app::DidYouMean(word, names);
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  std::fprintf(stderr, Ui("aktkoll: okänt kommando '%s'%s%s%s; kommandona är %s\n",
                          "aktkoll: unknown command '%s'%s%s%s; the commands are %s\n"),
               word.c_str(), close.empty() ? "" : Ui(" (menade du '", " (did you mean '"), close.c_str(),
               close.empty() ? "" : "'?)", list.c_str());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  aktkoll::app::SetUiLang(aktkoll::app::DetectUiLang(argc, argv));
  CLI::App app{Ui("aktkoll granskar ärendeakter om öppenvårdsinsatser mot SoL, SoF och kommunala riktlinjer.\n",
                  "aktkoll checks social-services case records against Swedish law and municipal guidelines.\n"),
               "aktkoll"};
  aktkoll::app::SetUpHelp(app);
  app.set_version_flag("--version", std::string("aktkoll ") + aktkoll::app::kVersion,
                       Ui("Visa versionen", "Show the version"));
  app.require_subcommand(1);
  // `aktkoll --lang en COMMAND`: read by DetectUiLang above, and the default of every
  // command's own --lang.
  std::string lang;
  app.add_option("--lang", lang, Ui("Språk för hjälp, meddelanden och rapporter: sv eller en",
                                    "Language of help, messages and reports: sv or en"))
      ->type_name("sv|en")->check(aktkoll::app::OneOf({"sv", "en"}));
  app.footer(Ui("\nKör 'aktkoll KOMMANDO --help' för kommandots flaggor; se även aktkoll(1).",
                "\nRun 'aktkoll COMMAND --help' for a command's options; see also aktkoll(1)."));
  int exit_code = 0;
  for (const Command& c : kCommands) c.add(app, &exit_code);
  // The group names and help flags of every command in the UI language.
  std::function<void(CLI::App*)> groups = [&](CLI::App* a) {
    if (a->get_help_ptr()) a->get_help_ptr()->group(Ui("Flaggor", "Options"));
    for (CLI::App* sub : a->get_subcommands({})) {
      sub->group(Ui("Kommandon", "Commands"));
      groups(sub);
    }
  };
  groups(&app);
  if (UnknownSubcommand(app, argc, argv, 1)) return 2;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fputs(aktkoll::app::ParseErrorText(e).c_str(), stderr);
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, Ui("aktkoll: internt fel: %s\n", "aktkoll: internal error: %s\n"), e.what());
    return 2;
  }
  return aktkoll::app::FinishProcess(exit_code);
}
