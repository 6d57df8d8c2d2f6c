#include "negotiation/signature.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cctype>

#include "core/digest.h"
#include "core/openssl_handles.h"

namespace canje::negotiation {
namespace {

OpensslBio MemoryBio(std::string_view text) {
  return OpensslBio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

// Never asks for a passphrase: an encrypted key simply fails to load.
int NoPassphrase(char* /*buffer*/, int /*size*/, int /*rwflag*/, void* /*user*/) { return -1; }

std::string AlgorithmName(const EVP_PKEY* key) {
  const char* name = EVP_PKEY_get0_type_name(key);
  return name != nullptr ? name : "an unknown algorithm";
}

// The raw bytes of the Ed25519 key that `read` (PEM_read_bio_PUBKEY or _PrivateKey) finds in
// `pem`, taken by `get_raw`. kInvalid when there is no such key (saying that a PEM `half` key,
// "public" or "private", as `written_by` writes it, was expected), when the key is of another
// algorithm (naming it), or when its bytes cannot be taken.
template <typename Raw>
Result<Raw> RawEd25519Key(std::string_view pem,
                          EVP_PKEY* (*read)(BIO*, EVP_PKEY**, pem_password_cb*, void*),
                          int (*get_raw)(const EVP_PKEY*, unsigned char*, size_t*),
                          const std::string& half, const std::string& written_by) {
  OpensslBio bio = MemoryBio(pem);
  OpensslKey key(read(bio.get(), nullptr, NoPassphrase, nullptr));
  ERR_clear_error();
  if (!key) {
    std::string begin = "-----BEGIN " + half + " KEY-----";
    std::transform(begin.begin(), begin.end(), begin.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return Status::Invalid("not a PEM " + half + " key (expected \"" + begin +
                           "\", as written by " + written_by + ")");
  }
  if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
    return Status::Invalid("the key is " + AlgorithmName(key.get()) +
                           ", not Ed25519; make one with openssl genpkey -algorithm ed25519");
  }
  Raw raw;
  size_t length = raw.size();
  if (get_raw(key.get(), raw.data(), &length) != 1 || length != raw.size()) {
    return Status::Invalid("the Ed25519 " + half + " key could not be read");
  }
  return raw;
}

}  // namespace

Result<ledger::Ed25519PublicKey> ParsePublicKeyPem(std::string_view pem) {
  if (pem.find("PRIVATE KEY-----") != std::string_view::npos) {
    return Status::Invalid(
        "this is a private key; enrol only the public half: openssl pkey -in key.pem -pubout "
        "-out public.pem");
  }
  return RawEd25519Key<ledger::Ed25519PublicKey>(
      pem, PEM_read_bio_PUBKEY, EVP_PKEY_get_raw_public_key, "public", "openssl pkey -pubout");
}

Result<ledger::Ed25519Seed> ParsePrivateKeyPem(std::string_view pem) {
  if (pem.find("ENCRYPTED PRIVATE KEY-----") != std::string_view::npos) {
    return Status::Invalid(
        "the private key is encrypted; canje sign reads unencrypted PKCS#8 keys only (decrypt a "
        "copy with openssl pkey -in key.pem -out plain.pem, on the signing machine)");
  }
  return RawEd25519Key<ledger::Ed25519Seed>(pem, PEM_read_bio_PrivateKey,
                                            EVP_PKEY_get_raw_private_key, "private",
                                            "openssl genpkey -algorithm ed25519");
}

std::string PublicKeyPem(const ledger::Ed25519PublicKey& key) {
  OpensslKey pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.data(), key.size()));
  OpensslBio bio(BIO_new(BIO_s_mem()));
  if (!pkey || !bio || PEM_write_bio_PUBKEY(bio.get(), pkey.get()) != 1) return "";
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(size));
}

std::string KeyId(const ledger::Ed25519PublicKey& key) {
  const Sha256Hash hash = Sha256(ByteView(key.data(), key.size()));
  return "ed25519:" + HexEncode(ByteView(hash.data(), 8));
}

Result<ledger::Ed25519Signature> SignDetached(std::string_view private_pem, ByteView message) {
  CANJE_ASSIGN_OR_RETURN(ledger::Ed25519Seed seed, ParsePrivateKeyPem(private_pem));
  return ledger::Ed25519Sign(seed, message);
}

Result<ledger::Ed25519Signature> ParseSignatureFile(ByteView content) {
  if (content.size() == 64) {
    ledger::Ed25519Signature signature;
    std::copy(content.begin(), content.end(), signature.begin());
    return signature;
  }
  std::string hint;
  const bool printable = std::all_of(content.begin(), content.end(), [](uint8_t byte) {
    return std::isprint(byte) != 0 || byte == '\n' || byte == '\r';
  });
  if (printable && !content.empty()) {
    hint =
        "; it looks like text (base64 or hex?): decode it to the raw bytes first, e.g. "
        "base64 -d manifest.sig.b64 > manifest.sig";
  }
  return Status::Invalid(
      "a signature file holds exactly the 64 raw bytes of an Ed25519 "
      "signature; this one has " +
      std::to_string(content.size()) + " bytes" + hint);
}

}  // namespace canje::negotiation
