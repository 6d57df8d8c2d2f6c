#include "registry/input_buffer.h"

#include <cstring>

namespace canje::registry {

InputBuffer::InputBuffer(std::istream& in, size_t block_size)
    : in_(&in), block_size_(block_size), data_(block_size) {}

size_t InputBuffer::ReadInto(size_t offset) {
  if (!*in_) return 0;
  in_->read(data_.data() + offset, static_cast<std::streamsize>(data_.size() - offset));
  return static_cast<size_t>(in_->gcount());
}

bool InputBuffer::Fill() {
  if (position_ < end_) return true;
  consumed_before_ += position_;
  position_ = 0;
  end_ = 0;
  if (data_.size() < block_size_) data_.resize(block_size_);
  end_ = ReadInto(0);
  return end_ > 0;
}

bool InputBuffer::FillMore() {
  const size_t unread = end_ - position_;
  if (position_ > 0) {
    std::memmove(data_.data(), data_.data() + position_, unread);
    consumed_before_ += position_;
    position_ = 0;
    end_ = unread;
  }
  if (data_.size() - end_ < block_size_) data_.resize(end_ + block_size_);
  const size_t got = ReadInto(end_);
  end_ += got;
  return got > 0;
}

}  // namespace canje::registry
