// A POSIX ustar archive of a few files held in memory, for the HTTP API to serve a folder that a
// command writes (`canje log bundle --out DIR`, as GET /v1/log/bundle): the same files, the same
// bytes, one download. Deterministic: every file is mode 0644 and every folder 0755, owned by
// uid and gid 0, dated 0 (1970-01-01), so the same files make the same archive.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace canje::wire {

struct ArchivedFile {
  std::string path;  // relative, '/'-separated, such as "entries/3.leaf"; at most 99 bytes
  std::string bytes;
};

// The archive: a folder entry for each folder the paths name (before its first file), then each
// file, in order; ends with the two empty blocks. kInvalid for a path that is empty, absolute,
// has "." or ".." as a part, or is longer than 99 bytes.
Result<std::string> TarArchive(const std::vector<ArchivedFile>& files);

}  // namespace canje::wire
