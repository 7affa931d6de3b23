// Skatteverket's test personnummer and samordningsnummer, read from shared/testdata at
// generation time and bucketed by birth year, so a fictional person of a given age gets a
// number reserved for testing. The generator never makes up a number that passes the
// check digit; the only altered numbers are deliberate check-digit errors.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "corpus/rng.h"

namespace aktkoll::bench {

class IdentityPool {
 public:
  // Reads testpersonnummer.txt and testsamordningsnummer.txt from `dir`. On failure returns
  // false and sets *error.
  bool Load(const std::string& dir, std::string* error);

  // A 12-digit number (YYYYMMDDNNNC) for someone born in `year`, or the nearest year that
  // has numbers. `samordning` picks a samordningsnummer.
  const std::string& Pick(Rng& rng, int year, bool samordning) const;

  size_t personnummer_count() const { return pnr_count_; }
  size_t samordningsnummer_count() const { return snr_count_; }

 private:
  using Buckets = std::map<int, std::vector<std::string>>;
  static bool ReadFile(const std::string& path, Buckets& out, size_t& count,
                       std::string* error);
  static const std::string& PickFrom(const Buckets& b, Rng& rng, int year);

  Buckets pnr_, snr_;
  size_t pnr_count_ = 0, snr_count_ = 0;
};

// Sex from a personnummer (the second-to-last digit: odd for men, even for women).
inline bool IsMale(const std::string& nr12) { return (nr12[10] - '0') % 2 == 1; }

// The check digit replaced by the next digit: always fails the Luhn check.
inline std::string WithBadCheckDigit(std::string nr) {
  char& c = nr.back();
  c = static_cast<char>('0' + (c - '0' + 1) % 10);
  return nr;
}

}  // namespace aktkoll::bench
