// SHA-256, HMAC-SHA-256 and secure random bytes (OpenSSL 3).
#pragma once

#include <array>
#include <cstdint>
#include <istream>

#include "core/encoding.h"
#include "core/openssl_handles.h"
#include "core/status.h"

namespace canje {

using Sha256Hash = std::array<uint8_t, 32>;

Sha256Hash Sha256(ByteView data);
// SHA-256 of `salt` followed by `data`, without copying them together.
Sha256Hash Sha256Salted(ByteView salt, ByteView data);

// Incremental SHA-256 for streams (a whole list file while it is parsed).
class Sha256Hasher {
 public:
  Sha256Hasher();
  void Update(ByteView data);
  Sha256Hash Finish();

 private:
  OpensslDigestContext context_;
};

Sha256Hash HmacSha256(ByteView key, ByteView data);

// Cryptographically secure random bytes (OpenSSL DRBG, drawn in 4 KiB blocks per thread);
// aborts if the generator fails. Not for use across fork() after the first draw.
Bytes RandomBytes(size_t count);

}  // namespace canje
