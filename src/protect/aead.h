// Authenticated encryption of small blobs: AES-256-GCM (OpenSSL 3).
//
// Sealed format (docs/security.md): 0x01 (format version) || nonce (12 random bytes) ||
// ciphertext || tag (16 bytes). The associated data binds a sealed blob to where it belongs
// ("person P17 fields"), so a blob copied to another row fails to open.
#pragma once

#include <memory>

#include "core/encoding.h"
#include "core/status.h"

namespace canje::protect {

inline constexpr size_t kKeySize = 32;
inline constexpr size_t kSealOverhead = 1 + 12 + 16;

// Reuses one cipher context, and the last key's schedule when the same key comes again (only the
// nonce is set then); not thread-safe. Keys are 32 bytes.
class Aead {
 public:
  Aead();
  ~Aead();
  Aead(const Aead&) = delete;
  Aead& operator=(const Aead&) = delete;

  Bytes Seal(ByteView key, ByteView plaintext, ByteView associated_data);
  // kInvalid when the blob is malformed, was sealed under another key or associated data, or
  // was altered.
  Result<Bytes> Open(ByteView key, ByteView sealed, ByteView associated_data);
  // Open into `out` (resized; its capacity reused). On failure `out` is wiped and empty.
  Status OpenInto(ByteView key, ByteView sealed, ByteView associated_data, Bytes& out);

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace canje::protect
