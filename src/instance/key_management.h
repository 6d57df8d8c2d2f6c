// Managing the master key: backup under a passphrase, restore, and rotation.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "core/encoding.h"
#include "core/status.h"
#include "instance/instance.h"
#include "protect/key_backup.h"

namespace canje::instance {

// A key the store keeps wrapped under the master key (the index key, the text key), unwrapped
// under `context`; kNotPermitted "the master key does not open <what>: ..." when the master key
// is not the one it was wrapped under.
Result<Bytes> UnwrapStoreKey(protect::Vault& vault, ByteView wrapped, std::string_view context,
                             std::string_view what);

// Writes the master key file's keys, sealed under a passphrase, to `out` (mode 0600; refuses to
// replace an existing file). Admin only: `passphrase` (which may prompt) is asked only after the
// acting user is found to be an admin.
Status BackupMasterKey(Instance& instance,
                       const std::function<Result<std::string>()>& passphrase,
                       const std::filesystem::path& out, protect::ScryptCost cost = {});

// The master key file of the store at `database` when none is named (--master-key,
// CANJE_MASTER_KEY_FILE): beside a SQLite file ("canje.db" -> "canje.db.key"); for a PostgreSQL
// database, which has no folder of its own, in the user's configuration folder
// ($XDG_CONFIG_HOME/canje, else ~/.config/canje, created mode 0700) under the server's and the
// database's names, never the user's or the password.
std::string DefaultMasterKeyFile(const std::string& database);

// Recreates the master key file at options.master_key_file from a backup, then opens the store
// with it as options.user to prove it is the right key (admin only); on any failure the new
// file is removed. kConflict if a key file already exists there.
Status RestoreMasterKey(const OpenOptions& options, const std::filesystem::path& backup,
                        const std::string& passphrase);

struct RotationReport {
  std::string old_key_id;
  std::string new_key_id;
  int64_t rewrapped = 0;  // wrapped keys moved to the new master key
  bool resumed = false;   // an interrupted rotation was completed
};

// Re-wraps every data key under a new master key. Safe to interrupt at any point and run again:
//   1. the key file gets the new key as current and the old one as previous (atomic rename);
//   2. one transaction re-wraps every key still under the previous key, and logs "key.rotated";
//   3. the key file drops the previous key.
// Run after an interruption, it resumes at the step it reached. Admin only.
Result<RotationReport> RotateMasterKey(Instance& instance,
                                       const std::filesystem::path& key_file);

}  // namespace canje::instance
