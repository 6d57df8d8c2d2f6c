#include "core/digest.h"

#include <openssl/evp.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>

namespace canje {

namespace {

// SHA-256 fetched once from the default provider: EVP_sha256() and HMAC() look the algorithm up
// again on every call in OpenSSL 3, which costs more than hashing a short message (a session
// cookie's check did three such lookups per request). Never freed: it lives as long as the process.
const EVP_MD* Sha256Md() {
  static const EVP_MD* md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (fetched == nullptr) std::abort();  // OpenSSL without SHA-256: nothing here can work
    return fetched;
  }();
  return md;
}

// A digest context per thread, reused by the one-shot functions below.
EVP_MD_CTX* ThreadDigestContext() {
  thread_local const OpensslDigestContext context(EVP_MD_CTX_new());
  if (context == nullptr) std::abort();
  return context.get();
}

// SHA-256 of the concatenation of `parts`.
Sha256Hash Sha256Of(std::initializer_list<ByteView> parts) {
  EVP_MD_CTX* context = ThreadDigestContext();
  EVP_DigestInit_ex2(context, Sha256Md(), nullptr);
  for (ByteView part : parts) EVP_DigestUpdate(context, part.data(), part.size());
  Sha256Hash out;
  unsigned int length = 0;
  EVP_DigestFinal_ex(context, out.data(), &length);
  return out;
}

}  // namespace

Sha256Hash Sha256(ByteView data) { return Sha256Of({data}); }

Sha256Hash Sha256Salted(ByteView salt, ByteView data) { return Sha256Of({salt, data}); }

Sha256Hasher::Sha256Hasher() : context_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex2(context_.get(), Sha256Md(), nullptr);
}

void Sha256Hasher::Update(ByteView data) {
  EVP_DigestUpdate(context_.get(), data.data(), data.size());
}

Sha256Hash Sha256Hasher::Finish() {
  Sha256Hash out;
  unsigned int length = 0;
  EVP_DigestFinal_ex(context_.get(), out.data(), &length);
  return out;
}

// HMAC as RFC 2104 defines it, over the fetched SHA-256: H((K ^ opad) || H((K ^ ipad) || data)),
// K the key (hashed first when longer than the 64-byte block) padded with zeros.
Sha256Hash HmacSha256(ByteView key, ByteView data) {
  constexpr size_t kBlock = 64;
  std::array<uint8_t, kBlock> inner{};
  std::array<uint8_t, kBlock> outer{};
  if (key.size() > kBlock) {
    Sha256Hash hashed = Sha256(key);
    std::copy(hashed.begin(), hashed.end(), inner.begin());
  } else {
    std::copy(key.begin(), key.end(), inner.begin());
  }
  outer = inner;
  for (size_t i = 0; i < kBlock; ++i) {
    inner[i] ^= 0x36;
    outer[i] ^= 0x5c;
  }
  Sha256Hash inner_hash = Sha256Of({ByteView(inner.data(), inner.size()), data});
  Sha256Hash out = Sha256Of({ByteView(outer.data(), outer.size()),
                             ByteView(inner_hash.data(), inner_hash.size())});
  OPENSSL_cleanse(inner.data(), inner.size());
  OPENSSL_cleanse(outer.data(), outer.size());
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
