#include "protect/sealed_opener.h"

namespace canje::protect {
namespace {

constexpr size_t kWrappedKeyIdBytes = 8;

// True when the first kWrappedKeyIdBytes of `wrapped` are the key id `hex` (16 lower-case hex digits).
bool WrappedBy(ByteView wrapped, const std::string& hex) {
  static constexpr char kHex[] = "0123456789abcdef";
  if (hex.size() != 2 * kWrappedKeyIdBytes) return false;
  for (size_t i = 0; i < kWrappedKeyIdBytes; ++i) {
    if (hex[2 * i] != kHex[wrapped[i] >> 4] || hex[2 * i + 1] != kHex[wrapped[i] & 0xF]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string DataKeyContext(std::string_view context) {
  return "canje data key\n" + std::string(context);
}

Status UnwrapDataKey(const MasterKeyFile& keys, Aead& aead, ByteView wrapped,
                     ByteView associated_data, Bytes& data_key) {
  const MasterKey* master = nullptr;
  const bool well_formed = wrapped.size() >= kWrappedKeyIdBytes + kSealOverhead;
  if (well_formed && WrappedBy(wrapped, keys.current.id)) master = &keys.current;
  if (well_formed && keys.previous && WrappedBy(wrapped, keys.previous->id)) {
    master = &*keys.previous;
  }
  const auto id = [&] { return well_formed ? HexEncode(wrapped.subspan(0, kWrappedKeyIdBytes)) : ""; };
  if (master == nullptr) {
    return Status::NotPermitted("this store's data was sealed with master key " + id() +
                                ", but the key file holds " + keys.current.id +
                                "; give the right key file with --master-key");
  }
  if (!aead.OpenInto(master->key, wrapped.subspan(kWrappedKeyIdBytes), associated_data, data_key).ok()) {
    return Status::NotPermitted("a data key does not open under master key " + id());
  }
  return Status::Ok();
}

SealedOpener::SealedOpener(const MasterKeyFile& keys, std::string_view key_context)
    : keys_(keys), key_context_(DataKeyContext(key_context)) {}

SealedOpener::~SealedOpener() = default;

Status SealedOpener::UnwrapKey(ByteView wrapped, Bytes& data_key) {
  return UnwrapDataKey(keys_, master_, wrapped, AsBytes(key_context_), data_key);
}

Status SealedOpener::Open(ByteView data_key, ByteView sealed, std::string_view context,
                          Bytes& plaintext) {
  return data_.OpenInto(data_key, sealed, AsBytes(context), plaintext);
}

}  // namespace canje::protect
