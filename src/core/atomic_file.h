// Writing a file so that a reader, or a crash, finds either its old content or the whole new one.
//
// The contract, for WriteFileAtomically and AtomicFileWriter alike:
//  - The content goes first to a temporary file beside the target (same folder, so the rename
//    stays on one file system), named "<target>.tmp-<random hex>" and created new (O_EXCL) with
//    `mode` less the process's umask, as open(2) would create the target itself.
//  - It is written whole, fsynced, closed and renamed over the target; then the folder is
//    fsynced so that the rename survives a crash (where the system lets the folder be opened and
//    synced: the content is in place by then, so that last step cannot fail the write).
//  - On any failure the temporary is removed and the target is left as it was: absent, or with
//    its old content (or, when it is a folder, untouched). The Status is kCannotWrite naming the
//    target (as `label`, when given) and what failed, with the system's reason.
//  - With `replace` false an existing target is never replaced, also when it appears meanwhile
//    (the rename refuses it): kConflict "... already exists".
// Writing a file already open elsewhere is safe: readers keep the old inode. The target's own
// permissions are not carried over; it gets `mode` as a new file would.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "core/status.h"

namespace canje {

struct AtomicFileOptions {
  // Permissions of the new file, less the umask: 0600 for keys, 0644 for what others may read,
  // 0666 for what the user's umask decides (as std::ofstream creates files).
  mode_t mode = 0600;
  // False: fail with kConflict rather than replace an existing target.
  bool replace = true;
  // How messages name the target, e.g. "master key file /srv/canje.key"; the path when empty.
  std::string label;
};

// Writes `content` as the whole of `target`, by the contract above.
Status WriteFileAtomically(const std::filesystem::path& target, std::string_view content,
                           const AtomicFileOptions& options);

// The same for a file written piece by piece: Open, write to stream(), then Commit. Destroying
// the writer (or Abandon) before a successful Commit removes the temporary and leaves the target
// as it was. A write that fails (a full disk) makes Commit fail; the stream's state says so
// earlier to whoever checks.
class AtomicFileWriter {
 public:
  AtomicFileWriter(std::filesystem::path target, AtomicFileOptions options);
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  // Creates the temporary file. kCannotWrite when it cannot (the folder does not exist, or may
  // not be written).
  Status Open();
  // True between a successful Open and Commit or Abandon.
  bool is_open() const;
  // Where the content goes (valid while open).
  std::ostream& stream();
  // Flushes, fsyncs and renames the temporary over the target, then fsyncs the folder.
  Status Commit();
  // Removes the temporary; the target stays as it was.
  void Abandon();

 private:
  class Buffer;
  std::filesystem::path target_;
  AtomicFileOptions options_;
  std::filesystem::path temporary_;
  std::unique_ptr<Buffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
};

}  // namespace canje
