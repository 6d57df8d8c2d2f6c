// Finds record ids used twice in one list file.
//
// Memory grows with the number of distinct ids only: about 24 bytes per id plus the id's own
// bytes (ids are stored once, back to back, in one buffer; an open-addressing table of 8-byte
// slots points into it). 1,000,000 ids of 10 bytes take about 45 MB at the worst moment of a
// table growth, 35 MB otherwise. Comparisons are exact (a hash match is confirmed on the bytes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace canje::registry {

class DuplicateIdTracker {
 public:
  // Notes that `id` (non-empty, under 16 MiB) is used on `line`. When it was already used,
  // returns the line of its first use and keeps that one.
  std::optional<int64_t> Add(std::string_view id, int64_t line);

  // "record id 'A-17' on line 40 is already used on line 12; every row needs its own id"
  static std::string DuplicateReason(std::string_view id, int64_t line, int64_t first_line);

  size_t size() const { return entries_.size(); }
  // Bytes held by the tracker's buffers (their capacity).
  size_t MemoryUsageBytes() const;

 private:
  struct Entry {
    uint64_t offset_and_length;  // offset in ids_ << 24 | length
    int64_t line;
  };
  std::string_view IdOf(const Entry& entry) const;
  void Grow();

  std::string ids_;
  std::vector<Entry> entries_;
  // Each slot: upper 32 bits a fragment of the hash, lower 32 bits 1 + index into entries_, or
  // 0 when empty. The size is a power of two (or 0).
  std::vector<uint64_t> slots_;
};

}  // namespace canje::registry
