// SHA-256 of a byte string as lowercase hex, through Nettle (Debian's nettle-dev; OpenSSL's
// libcrypto cost every run 1.7 ms of start-up). Reports use it to pin the exact inputs and
// rule pack they were produced from.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace aktkoll::core {

std::string Sha256Hex(std::string_view data);

// Incremental form, for hashing several files as one (a rule pack).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view data);
  std::string HexDigest();  // finishes the hash

 private:
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
};

}  // namespace aktkoll::core
