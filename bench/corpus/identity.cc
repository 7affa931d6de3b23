#include "corpus/identity.h"

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace aktkoll::bench {

bool IdentityPool::ReadFile(const std::string& path, Buckets& out, size_t& count,
                            std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    bool digits = line.size() == 12;
    for (char c : line) digits = digits && c >= '0' && c <= '9';
    if (!digits) {
      *error = path + ":" + std::to_string(line_no) + ": not a 12-digit number";
      return false;
    }
    out[std::atoi(line.substr(0, 4).c_str())].push_back(line);
    ++count;
  }
  if (count == 0) {
    *error = path + ": no numbers";
    return false;
  }
  return true;
}

bool IdentityPool::Load(const std::string& dir, std::string* error) {
  return ReadFile(dir + "/testpersonnummer.txt", pnr_, pnr_count_, error) &&
         ReadFile(dir + "/testsamordningsnummer.txt", snr_, snr_count_, error);
}

const std::string& IdentityPool::PickFrom(const Buckets& b, Rng& rng, int year) {
  // Nearest year at or around `year` that has numbers; ties go to the earlier year.
  auto it = b.lower_bound(year);
  if (it == b.end()) {
    it = std::prev(b.end());
  } else if (it->first != year && it != b.begin()) {
    auto before = std::prev(it);
    if (year - before->first <= it->first - year) it = before;
  }
  return rng.Pick(it->second);
}

const std::string& IdentityPool::Pick(Rng& rng, int year, bool samordning) const {
  return PickFrom(samordning ? snr_ : pnr_, rng, year);
}

}  // namespace aktkoll::bench
