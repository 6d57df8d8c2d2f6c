#include "core/digest.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cstdlib>

namespace canje {

Sha256Hash Sha256(ByteView data) {
  Sha256Hash out;
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), out.data(), &length, EVP_sha256(), nullptr);
  return out;
}

Sha256Hash Sha256Salted(ByteView salt, ByteView data) {
  Sha256Hasher hasher;
  hasher.Update(salt);
  hasher.Update(data);
  return hasher.Finish();
}

Sha256Hasher::Sha256Hasher() : context_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(context_), EVP_sha256(), nullptr);
}

Sha256Hasher::~Sha256Hasher() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(context_)); }

void Sha256Hasher::Update(ByteView data) {
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(context_), data.data(), data.size());
}

Sha256Hash Sha256Hasher::Finish() {
  Sha256Hash out;
  unsigned int length = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(context_), out.data(), &length);
  return out;
}

Sha256Hash HmacSha256(ByteView key, ByteView data) {
  Sha256Hash out;
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), data.data(), data.size(),
       out.data(), &length);
  return out;
}

Bytes RandomBytes(size_t count) {
  // Small requests are served from a per-thread buffer filled by one RAND_bytes call, because
  // an import draws several keys, nonces and salts per row and each RAND_bytes call costs far
  // more than the bytes. The buffer never serves the same bytes twice.
  constexpr size_t kBufferSize = 4096;
  thread_local uint8_t buffer[kBufferSize];
  thread_local size_t available = 0;
  Bytes out(count);
  if (count > kBufferSize / 4) {
    if (RAND_bytes(out.data(), static_cast<int>(count)) != 1) std::abort();
    return out;
  }
  if (available < count) {
    if (RAND_bytes(buffer, static_cast<int>(kBufferSize)) != 1) std::abort();
    available = kBufferSize;
  }
  uint8_t* start = buffer + (kBufferSize - available);
  std::copy(start, start + count, out.begin());
  OPENSSL_cleanse(start, count);
  available -= count;
  return out;
}

}  // namespace canje
