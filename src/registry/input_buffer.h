// A read buffer over a std::istream for the list readers: input is read in large blocks and
// scanned through pointers, so there is no virtual call per character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <vector>

namespace canje::registry {

class InputBuffer {
 public:
  explicit InputBuffer(std::istream& in, size_t block_size = size_t{1} << 16);

  // Makes sure at least one unread byte is available, reading a block if needed. False at the
  // end of input or on a read error (see read_failed()).
  bool Fill();
  // Reads one more block after the unread bytes, keeping them (the buffer grows if needed), to
  // look further ahead. False when nothing more could be read.
  bool FillMore();

  // The unread bytes are [begin(), end()).
  const char* begin() const { return data_.data() + position_; }
  const char* end() const { return data_.data() + end_; }
  // Marks bytes up to `p` (within [begin(), end()]) as read.
  void ConsumeTo(const char* p) { position_ = static_cast<size_t>(p - data_.data()); }
  void Consume(size_t count) { position_ += count; }

  // Bytes of input read so far (for progress reports).
  uint64_t bytes_consumed() const { return consumed_before_ + position_; }
  // True when the stream reported an I/O error (not a mere end of file).
  bool read_failed() const { return in_->bad(); }

 private:
  size_t ReadInto(size_t offset);

  std::istream* in_;
  size_t block_size_;
  std::vector<char> data_;
  size_t position_ = 0;
  size_t end_ = 0;
  uint64_t consumed_before_ = 0;  // bytes dropped from the front of data_
};

}  // namespace canje::registry
