#include "protect/vault.h"

#include <cstdlib>

#include "core/digest.h"

namespace canje::protect {
namespace {
constexpr size_t kKeyIdBytes = 8;

std::string KeyContext(std::string_view context) { return "canje data key\n" + std::string(context); }
}  // namespace

Vault::Vault(MasterKeyFile keys) : keys_(std::move(keys)) {}

Bytes Vault::NewDataKey() const { return RandomBytes(kKeySize); }

Bytes Vault::WrapKey(ByteView data_key, std::string_view context) {
  Bytes out = *HexDecode(keys_.current.id);
  Bytes sealed = aead_.Seal(keys_.current.key, data_key, AsBytes(KeyContext(context)));
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
  std::string id = WrappingKeyId(wrapped);
  const MasterKey* master = nullptr;
  if (id == keys_.current.id) master = &keys_.current;
  if (keys_.previous && id == keys_.previous->id) master = &*keys_.previous;
  if (master == nullptr) {
    return Status::NotPermitted("this store's data was sealed with master key " + id +
                                ", but the key file holds " + keys_.current.id +
                                "; give the right key file with --master-key");
  }
  Result<Bytes> key =
      aead_.Open(master->key, wrapped.subspan(kKeyIdBytes), AsBytes(KeyContext(context)));
  if (!key.ok()) return Status::NotPermitted("a data key does not open under master key " + id);
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
