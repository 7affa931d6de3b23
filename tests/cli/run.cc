#include "run.h"

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace aktkoll::testing {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteText(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

RunResult Run(const std::string& command, const std::string& cwd) {
  namespace fs = std::filesystem;
  static int counter = 0;
  fs::path tmp = fs::temp_directory_path() / ("aktkoll-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::create_directories(tmp);
  std::string bin_dir = fs::path(AKTKOLL_BIN).parent_path().string();
  std::string full = "cd '" + cwd + "' && export PATH='" + bin_dir + "':\"$PATH\" ROOT='" AKTKOLL_SOURCE_DIR "' LC_ALL=C.UTF-8 && unset LANG LC_MESSAGES && (" +
                     command + ") > '" + (tmp / "out").string() + "' 2> '" + (tmp / "err").string() + "' < /dev/null";
  std::string shell = "bash -c " + std::string("'");
  for (char c : full) shell += c == '\'' ? std::string("'\\''") : std::string(1, c);
  shell += "'";
  int status = std::system(shell.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadText((tmp / "out").string());
  r.err = ReadText((tmp / "err").string());
  fs::remove_all(tmp);
  return r;
}

}  // namespace aktkoll::testing
