// Master key backups sealed under a passphrase.
//
// Format (text): "canje-key-backup v1", then "kdf scrypt N r p", "salt BASE64", "sealed BASE64":
// the master key file's text sealed with AES-256-GCM under a key derived from the passphrase
// with scrypt (OpenSSL 3). Both the current and, mid-rotation, the previous key are kept.
#pragma once

#include <string>

#include "core/status.h"
#include "protect/master_key.h"

namespace canje::protect {

struct ScryptCost {
  uint64_t n = uint64_t{1} << 17;  // 128 MiB of memory with r = 8
  uint64_t r = 8;
  uint64_t p = 1;
};

// kUsage for a passphrase shorter than 12 characters.
Result<std::string> SealKeyBackup(const MasterKeyFile& keys, const std::string& passphrase,
                                  ScryptCost cost = {});
// kNotPermitted for a wrong passphrase; kInvalid for a damaged or foreign file.
Result<MasterKeyFile> OpenKeyBackup(const std::string& backup, const std::string& passphrase);

}  // namespace canje::protect
