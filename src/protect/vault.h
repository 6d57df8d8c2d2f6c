// The vault: data keys wrapped by the master key, personal data sealed under data keys, and
// keyed hashes for exact look-ups. See docs/security.md for the whole scheme.
//
// Every person (and every raw list record) has its own random 32-byte data key. The store keeps
// only the wrapped form: WrapKey's output is the 8-byte id of the master key that wrapped it
// followed by the AES-256-GCM sealing of the data key. Destroying the wrapped key makes the
// sealed data unreadable for good, which is how erasure works.
//
// A Vault is not thread-safe (it reuses one cipher context).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/encoding.h"
#include "core/status.h"
#include "protect/aead.h"
#include "protect/master_key.h"
#include "protect/sealing_contexts.h"

namespace canje::protect {

class Vault {
 public:
  explicit Vault(MasterKeyFile keys);

  const MasterKeyFile& keys() const { return keys_; }

  Bytes NewDataKey() const;
  // `context` names the owner ("person 17"); the same context must be given to unwrap.
  Bytes WrapKey(ByteView data_key, std::string_view context);
  // kNotPermitted when the key was wrapped by a master key this vault does not hold.
  Result<Bytes> UnwrapKey(ByteView wrapped, std::string_view context);
  // True when `wrapped` was wrapped by the current master key (false: needs re-wrapping).
  bool IsWrappedByCurrentKey(ByteView wrapped) const;
  // The master key id (16 hex digits) that wrapped `wrapped`, or "" when malformed.
  static std::string WrappingKeyId(ByteView wrapped);

  Bytes Seal(ByteView data_key, ByteView plaintext, std::string_view context);
  Result<Bytes> Open(ByteView data_key, ByteView sealed, std::string_view context);

  // Keyed hashes for exact look-ups (document numbers): HMAC-SHA-256 under the instance's index
  // key, truncated to 16 bytes, domain-separated by `kind`. SetIndexKey must be called first.
  void SetIndexKey(Bytes index_key) { index_key_ = std::move(index_key); }
  const Bytes& IndexKey() const { return index_key_; }
  Bytes IndexHash(std::string_view kind, std::string_view value) const;

  // The instance's text key: a data key (wrapped by the master key in meta 'text_key') under
  // which free texts that are no one person's are sealed (instance/sealed_texts.h).
  void SetTextKey(Bytes text_key) { text_key_ = std::move(text_key); }
  const Bytes& TextKey() const { return text_key_; }

 private:
  MasterKeyFile keys_;
  Aead aead_;
  Bytes index_key_;
  Bytes text_key_;
};

}  // namespace canje::protect
