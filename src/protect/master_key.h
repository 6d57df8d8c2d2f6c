// The instance master key and the file that holds it, outside the database.
//
// File format (text, mode 0600, docs/security.md):
//   canje-master-key v1
//   current <KEY_ID> <BASE64 32 bytes>
//   previous <KEY_ID> <BASE64 32 bytes>      (only while a rotation is under way)
// KEY_ID is 16 hex digits: the first 8 bytes of SHA-256("canje-master-key-id\n" || key).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/encoding.h"
#include "core/status.h"

namespace canje::protect {

struct MasterKey {
  std::string id;  // 16 hex digits
  Bytes key;       // 32 bytes
};

struct MasterKeyFile {
  MasterKey current;
  std::optional<MasterKey> previous;  // set between the start and the end of a rotation
};

MasterKey GenerateMasterKey();
std::string MasterKeyId(ByteView key);

// kNotPermitted when the file is missing, unreadable or readable by others than its owner;
// kInvalid when it is malformed. Messages name the path and say how to fix it.
Result<MasterKeyFile> ReadMasterKeyFile(const std::filesystem::path& path);

// Writes atomically (temporary file, fsync, rename, fsync of the folder) with mode 0600.
// With `must_not_exist`, refuses (kConflict) to replace an existing file.
Status WriteMasterKeyFile(const std::filesystem::path& path, const MasterKeyFile& file,
                          bool must_not_exist);

}  // namespace canje::protect
