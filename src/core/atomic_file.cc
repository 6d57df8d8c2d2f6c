#include "core/atomic_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <streambuf>

#include "core/digest.h"
#include "core/encoding.h"

namespace canje {
namespace {

std::string SystemReason(int error) { return std::strerror(error); }

// Renames `from` to `to`, refusing to replace `to` when `replace` is false. Returns 0 or errno.
int RenameInto(const std::filesystem::path& from, const std::filesystem::path& to, bool replace) {
  if (replace) return ::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return errno;
  // A file system without RENAME_NOREPLACE: a hard link is made only where no file is.
  if (::link(from.c_str(), to.c_str()) != 0) return errno;
  ::unlink(from.c_str());
  return 0;
}

// Best effort (see the header): the rename is done whatever this says.
void SyncFolderOf(const std::filesystem::path& target) {
  const std::filesystem::path folder = target.parent_path();
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

// An output buffer over a file descriptor that remembers the first write error.
class AtomicFileWriter::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd) { setp(data_.data(), data_.data() + data_.size()); }
  ~Buffer() override { Close(); }

  // Writes what is buffered; false (with error() set) when the system refused.
  bool Flush() {
    const char* next = pbase();
    while (next < pptr() && error_ == 0) {
      const ssize_t written = ::write(fd_, next, static_cast<size_t>(pptr() - next));
      if (written < 0) {
        if (errno != EINTR) error_ = errno;
      } else if (written == 0) {
        error_ = EIO;
      } else {
        next += written;
      }
    }
    setp(data_.data(), data_.data() + data_.size());
    return error_ == 0;
  }
  // Flushes and fsyncs; false (with error() set) on failure.
  bool Sync() {
    if (!Flush()) return false;
    if (::fsync(fd_) != 0) error_ = errno;
    return error_ == 0;
  }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Flush()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return Flush() ? 0 : -1; }

 private:
  int fd_;
  int error_ = 0;
  std::array<char, 64 * 1024> data_;
};

AtomicFileWriter::AtomicFileWriter(std::filesystem::path target, AtomicFileOptions options)
    : target_(std::move(target)), options_(std::move(options)) {
  if (options_.label.empty()) options_.label = target_.string();
}

AtomicFileWriter::~AtomicFileWriter() { Abandon(); }

Status AtomicFileWriter::Open() {
  Abandon();
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 8; ++attempt) {
    temporary_ = target_;
    temporary_ += ".tmp-" + HexEncode(RandomBytes(6));
    fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, options_.mode);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    const int error = errno;
    temporary_.clear();
    return Status::CannotWrite("cannot write " + options_.label +
                               ": cannot create a file beside it: " + SystemReason(error));
  }
  buffer_ = std::make_unique<Buffer>(fd);
  stream_ = std::make_unique<std::ostream>(buffer_.get());
  return Status::Ok();
}

bool AtomicFileWriter::is_open() const { return buffer_ != nullptr; }

std::ostream& AtomicFileWriter::stream() { return *stream_; }

Status AtomicFileWriter::Commit() {
  if (!is_open()) return Status::Internal("AtomicFileWriter::Commit without Open");
  stream_->flush();
  if (!buffer_->Sync()) {
    const int error = buffer_->error();
    Abandon();
    return Status::CannotWrite("cannot write " + options_.label + ": " + SystemReason(error));
  }
  buffer_->Close();
  if (const int error = RenameInto(temporary_, target_, options_.replace); error != 0) {
    Abandon();
    if (error == EEXIST && !options_.replace) {
      return Status::Conflict(options_.label + " already exists");
    }
    return Status::CannotWrite("cannot write " + options_.label +
                               ": cannot rename into place: " + SystemReason(error));
  }
  temporary_.clear();
  stream_.reset();
  buffer_.reset();
  SyncFolderOf(target_);
  return Status::Ok();
}

void AtomicFileWriter::Abandon() {
  stream_.reset();
  buffer_.reset();  // closes the file
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  temporary_.clear();
}

Status WriteFileAtomically(const std::filesystem::path& target, std::string_view content,
                           const AtomicFileOptions& options) {
  AtomicFileWriter writer(target, options);
  CANJE_RETURN_IF_ERROR(writer.Open());
  writer.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  return writer.Commit();
}

}  // namespace canje
