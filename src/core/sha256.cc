#include "core/sha256.h"

#include <cstdint>

#include <nettle/sha2.h>
#include <nettle/version.h>

namespace aktkoll::core {
namespace {

std::string Hex(const uint8_t* d, unsigned n) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (unsigned i = 0; i < n; ++i) {
    out += kDigits[d[i] >> 4];
    out += kDigits[d[i] & 15];
  }
  return out;
}

}  // namespace

struct Sha256::Ctx {
  sha256_ctx ctx;
};

Sha256::Sha256() : ctx_(std::make_unique<Ctx>()) { sha256_init(&ctx_->ctx); }

Sha256::~Sha256() = default;

void Sha256::Update(std::string_view data) {
  sha256_update(&ctx_->ctx, data.size(), reinterpret_cast<const uint8_t*>(data.data()));
}

std::string Sha256::HexDigest() {
  uint8_t digest[SHA256_DIGEST_SIZE];
#if NETTLE_VERSION_MAJOR >= 4
  sha256_digest(&ctx_->ctx, digest);  // Nettle 4 dropped the length argument
#else
  sha256_digest(&ctx_->ctx, SHA256_DIGEST_SIZE, digest);
#endif
  return Hex(digest, SHA256_DIGEST_SIZE);
}

std::string Sha256Hex(std::string_view data) {
  Sha256 h;
  h.Update(data);
  return h.HexDigest();
}

}  // namespace aktkoll::core
