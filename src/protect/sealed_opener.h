// Opening many sealed blobs on several threads: each thread gets its own SealedOpener over one
// vault's master keys (a Vault reuses one cipher context and is not thread-safe).
//
// An opener unwraps data keys (Vault::WrapKey's output) for one context and opens what they
// sealed, with the same results and messages as Vault::UnwrapKey and Vault::Open. It keeps one
// cipher context per role, so the master key's schedule is set once and only the nonce changes
// from one unwrap to the next; its buffers are the caller's, reused from call to call.
#pragma once

#include <string>
#include <string_view>

#include "core/encoding.h"
#include "core/status.h"
#include "protect/aead.h"
#include "protect/master_key.h"

namespace canje::protect {

// Unwraps `wrapped` with `aead` under whichever master key of `keys` wrapped it, into `data_key`;
// `associated_data` is DataKeyContext(context). kNotPermitted, naming the master key's id, when
// `keys` does not hold that key or the wrapped key does not open under it. Vault::UnwrapKey is
// this function.
Status UnwrapDataKey(const MasterKeyFile& keys, Aead& aead, ByteView wrapped,
                     ByteView associated_data, Bytes& data_key);

// The associated data that binds a wrapped data key to its owner ("person 17").
std::string DataKeyContext(std::string_view context);

// One thread's opener; `keys` must outlive it.
class SealedOpener {
 public:
  SealedOpener(const MasterKeyFile& keys, std::string_view key_context);
  ~SealedOpener();
  SealedOpener(const SealedOpener&) = delete;
  SealedOpener& operator=(const SealedOpener&) = delete;

  // Vault::UnwrapKey(wrapped, key_context), into `data_key`.
  Status UnwrapKey(ByteView wrapped, Bytes& data_key);
  // Vault::Open(data_key, sealed, context), into `plaintext`.
  Status Open(ByteView data_key, ByteView sealed, std::string_view context, Bytes& plaintext);

 private:
  const MasterKeyFile& keys_;
  std::string key_context_;
  Aead master_;  // only ever keyed with a master key
  Aead data_;    // keyed with each data key in turn
};

}  // namespace canje::protect
