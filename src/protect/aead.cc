#include "protect/aead.h"

#include <openssl/evp.h>

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
  ~Context() {
    EVP_CIPHER_free(aes_gcm);
    EVP_CIPHER_CTX_free(cipher);
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
  bool ok = EVP_EncryptInit_ex2(ctx, context_->aes_gcm, key.data(), nonce.data(), nullptr) == 1 &&
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
  if (key.size() != kKeySize) return Status::Invalid("encryption key has the wrong size");
  if (sealed.size() < kSealOverhead || sealed[0] != kFormatVersion) {
    return Status::Invalid("sealed data is malformed or of an unknown format version");
  }
  size_t text_size = sealed.size() - kSealOverhead;
  Bytes out(text_size);
  EVP_CIPHER_CTX* ctx = context_->cipher;
  int length = 0;
  Bytes tag(sealed.end() - kTagSize, sealed.end());
  bool ok =
      EVP_DecryptInit_ex2(ctx, context_->aes_gcm, key.data(), sealed.data() + 1, nullptr) == 1 &&
      (associated_data.empty() ||
       EVP_DecryptUpdate(ctx, nullptr, &length, associated_data.data(),
                         static_cast<int>(associated_data.size())) == 1) &&
      EVP_DecryptUpdate(ctx, out.data(), &length, sealed.data() + 1 + kNonceSize,
                        static_cast<int>(text_size)) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
      EVP_DecryptFinal_ex(ctx, out.data() + length, &length) == 1;
  if (!ok) {
    return Status::Invalid("sealed data does not open: wrong key, wrong place or altered");
  }
  return out;
}

}  // namespace canje::protect
