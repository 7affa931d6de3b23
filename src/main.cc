// aktkoll: the command-line entry point. CLI11 wiring only; each command lives in src/app/.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "app/check.h"
#include "app/completion.h"
#include "app/due.h"
#include "app/map_command.h"
#include "app/process.h"
#include "app/rules_command.h"
#include "app/version.h"

namespace {

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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "aktkoll granskar ärendeakter om öppenvårdsinsatser mot SoL, SoF och kommunala riktlinjer.\n"
      "aktkoll checks social-services case records against Swedish law and municipal guidelines.\n",
      "aktkoll"};
  app.set_version_flag("--version", std::string("aktkoll ") + aktkoll::app::kVersion);
  app.require_subcommand(1);
  app.footer(
      "\nSlutstatus: 0 inga anmärkningar på eller över --fail-on, 1 anmärkningar, 2 användnings- eller "
      "internt fel.\nExit codes: 0 clean, 1 findings, 2 usage or internal error.");
  int exit_code = 0;
  for (const Command& c : kCommands) c.add(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "aktkoll: internt fel: %s\n", e.what());
    return 2;
  }
  return aktkoll::app::FinishProcess(exit_code);
}
