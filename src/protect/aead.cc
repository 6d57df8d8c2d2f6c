#include "protect/aead.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <cstdlib>

#include "core/digest.h"

namespace canje::protect {
namespace {
constexpr uint8_t kFormatVersion = 1;
constexpr size_t kNonceSize = 12;
constexpr size_t kTagSize = 16;
}  // namespace

struct Aead::Context {
  EVP_CIPHER_CTX* cipher = EVP_CIPHER_CTX_new();
  EVP_CIPHER* aes_gcm = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
  std::array<uint8_t, kKeySize> key{};  // the key `cipher` holds the schedule of, when keyed
  bool keyed = false;
  ~Context() {
    OPENSSL_cleanse(key.data(), key.size());
    EVP_CIPHER_free(aes_gcm);
    EVP_CIPHER_CTX_free(cipher);
  }

  // Starts a message under `key_bytes` (kKeySize) and `nonce`. The key schedule (and GCM's hash
  // key) is set only when the key differs from the last one: a new nonce is all that changes.
  bool Start(bool encrypt, const uint8_t* key_bytes, const uint8_t* nonce) {
    const bool same = keyed && CRYPTO_memcmp(key.data(), key_bytes, kKeySize) == 0;
    const int ok = encrypt ? EVP_EncryptInit_ex2(cipher, same ? nullptr : aes_gcm,
                                                 same ? nullptr : key_bytes, nonce, nullptr)
                           : EVP_DecryptInit_ex2(cipher, same ? nullptr : aes_gcm,
                                                 same ? nullptr : key_bytes, nonce, nullptr);
    if (ok != 1) {
      keyed = false;
      return false;
    }
    if (!same) {
      std::copy(key_bytes, key_bytes + kKeySize, key.begin());
      keyed = true;
    }
    return true;
  }
};

Aead::Aead() : context_(std::make_unique<Context>()) {
  if (context_->cipher == nullptr || context_->aes_gcm == nullptr) std::abort();
}
Aead::~Aead() = default;

Bytes Aead::Seal(ByteView key, ByteView plaintext, ByteView associated_data) {
  if (key.size() != kKeySize) std::abort();
  Bytes out(kSealOverhead + plaintext.size());
  out[0] = kFormatVersion;
  Bytes nonce = RandomBytes(kNonceSize);
  std::copy(nonce.begin(), nonce.end(), out.begin() + 1);
  EVP_CIPHER_CTX* ctx = context_->cipher;
  int length = 0;
  bool ok = context_->Start(true, key.data(), nonce.data()) &&
            (associated_data.empty() ||
             EVP_EncryptUpdate(ctx, nullptr, &length, associated_data.data(),
                               static_cast<int>(associated_data.size())) == 1) &&
            EVP_EncryptUpdate(ctx, out.data() + 1 + kNonceSize, &length, plaintext.data(),
                              static_cast<int>(plaintext.size())) == 1 &&
            EVP_EncryptFinal_ex(ctx, out.data() + 1 + kNonceSize + length, &length) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, kTagSize,
                                out.data() + out.size() - kTagSize) == 1;
  if (!ok) std::abort();  // only on a broken OpenSSL
  return out;
}

Result<Bytes> Aead::Open(ByteView key, ByteView sealed, ByteView associated_data) {
  Bytes out;
  CANJE_RETURN_IF_ERROR(OpenInto(key, sealed, associated_data, out));
  return out;
}

Status Aead::OpenInto(ByteView key, ByteView sealed, ByteView associated_data, Bytes& out) {
  if (key.size() != kKeySize) return Status::Invalid("encryption key has the wrong size");
  if (sealed.size() < kSealOverhead || sealed[0] != kFormatVersion) {
    return Status::Invalid("sealed data is malformed or of an unknown format version");
  }
  size_t text_size = sealed.size() - kSealOverhead;
  out.resize(text_size);
  EVP_CIPHER_CTX* ctx = context_->cipher;
  int length = 0;
  // OpenSSL copies the expected tag; it does not write through the pointer.
  void* tag = const_cast<uint8_t*>(sealed.data() + sealed.size() - kTagSize);
  bool ok = context_->Start(false, key.data(), sealed.data() + 1) &&
            (associated_data.empty() ||
             EVP_DecryptUpdate(ctx, nullptr, &length, associated_data.data(),
                               static_cast<int>(associated_data.size())) == 1) &&
            EVP_DecryptUpdate(ctx, out.data(), &length, sealed.data() + 1 + kNonceSize,
                              static_cast<int>(text_size)) == 1 &&
            EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, kTagSize, tag) == 1 &&
            EVP_DecryptFinal_ex(ctx, out.data() + length, &length) == 1;
  if (!ok) {
    context_->keyed = false;  // set the key afresh next time, whatever state this left
    OPENSSL_cleanse(out.data(), out.size());
    out.clear();
    return Status::Invalid("sealed data does not open: wrong key, wrong place or altered");
  }
  return Status::Ok();
}

}  // namespace canje::protect
