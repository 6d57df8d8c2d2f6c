#include "ledger/ed25519.h"

#include <openssl/evp.h>

#include "core/digest.h"
#include "core/openssl_handles.h"

namespace canje::ledger {
namespace {

OpensslKey PrivateKey(const Ed25519Seed& seed) {
  return OpensslKey(
      EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size()));
}

}  // namespace

Ed25519Seed GenerateEd25519Seed() {
  const Bytes random = RandomBytes(32);
  Ed25519Seed seed;
  std::copy(random.begin(), random.end(), seed.begin());
  return seed;
}

Result<Ed25519PublicKey> Ed25519PublicKeyOf(const Ed25519Seed& seed) {
  OpensslKey key = PrivateKey(seed);
  Ed25519PublicKey public_key;
  size_t length = public_key.size();
  if (!key || EVP_PKEY_get_raw_public_key(key.get(), public_key.data(), &length) != 1 ||
      length != public_key.size()) {
    return Status::Internal("OpenSSL could not derive an Ed25519 public key");
  }
  return public_key;
}

Result<Ed25519Signature> Ed25519Sign(const Ed25519Seed& seed, ByteView message) {
  OpensslKey key = PrivateKey(seed);
  OpensslDigestContext context(EVP_MD_CTX_new());
  Ed25519Signature signature;
  size_t length = signature.size();
  if (!key || !context ||
      EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(context.get(), signature.data(), &length, message.data(), message.size()) !=
          1 ||
      length != signature.size()) {
    return Status::Internal("OpenSSL could not make an Ed25519 signature");
  }
  return signature;
}

bool Ed25519Verify(const Ed25519PublicKey& public_key, ByteView message, ByteView signature) {
  if (signature.size() != 64) return false;
  OpensslKey key(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, public_key.data(), public_key.size()));
  OpensslDigestContext context(EVP_MD_CTX_new());
  if (!key || !context ||
      EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
    return false;
  }
  return EVP_DigestVerify(context.get(), signature.data(), signature.size(), message.data(),
                          message.size()) == 1;
}

}  // namespace canje::ledger
