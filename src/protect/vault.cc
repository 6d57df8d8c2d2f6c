#include "protect/vault.h"

#include <cstdlib>

#include "core/digest.h"
#include "protect/sealed_opener.h"

namespace canje::protect {
namespace {
constexpr size_t kKeyIdBytes = 8;
}  // namespace

Vault::Vault(MasterKeyFile keys) : keys_(std::move(keys)) {}

Bytes Vault::NewDataKey() const { return RandomBytes(kKeySize); }

Bytes Vault::WrapKey(ByteView data_key, std::string_view context) {
  Bytes out = *HexDecode(keys_.current.id);
  Bytes sealed = aead_.Seal(keys_.current.key, data_key, AsBytes(DataKeyContext(context)));
  out.insert(out.end(), sealed.begin(), sealed.end());
  return out;
}

std::string Vault::WrappingKeyId(ByteView wrapped) {
  if (wrapped.size() < kKeyIdBytes + kSealOverhead) return "";
  return HexEncode(wrapped.subspan(0, kKeyIdBytes));
}

bool Vault::IsWrappedByCurrentKey(ByteView wrapped) const {
  return WrappingKeyId(wrapped) == keys_.current.id;
}

Result<Bytes> Vault::UnwrapKey(ByteView wrapped, std::string_view context) {
  Bytes key;
  CANJE_RETURN_IF_ERROR(
      UnwrapDataKey(keys_, aead_, wrapped, AsBytes(DataKeyContext(context)), key));
  return key;
}

Bytes Vault::Seal(ByteView data_key, ByteView plaintext, std::string_view context) {
  return aead_.Seal(data_key, plaintext, AsBytes(context));
}

Result<Bytes> Vault::Open(ByteView data_key, ByteView sealed, std::string_view context) {
  return aead_.Open(data_key, sealed, AsBytes(context));
}

Bytes Vault::IndexHash(std::string_view kind, std::string_view value) const {
  if (index_key_.empty()) std::abort();  // a programming error: SetIndexKey was not called
  std::string message = std::string(kind) + '\n' + std::string(value);
  Sha256Hash hash = HmacSha256(index_key_, AsBytes(message));
  return Bytes(hash.begin(), hash.begin() + 16);
}

}  // namespace canje::protect
