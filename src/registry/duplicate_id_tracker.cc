#include "registry/duplicate_id_tracker.h"

#include <functional>
#include <stdexcept>

namespace canje::registry {
namespace {

uint64_t HashOf(std::string_view id) { return std::hash<std::string_view>{}(id); }

}  // namespace

std::string_view DuplicateIdTracker::IdOf(const Entry& entry) const {
  return std::string_view(ids_).substr(entry.offset_and_length >> 24,
                                       entry.offset_and_length & 0xFFFFFF);
}

void DuplicateIdTracker::Grow() {
  const size_t capacity = slots_.empty() ? 1024 : slots_.size() * 2;
  std::vector<uint64_t> slots(capacity, 0);
  const size_t mask = capacity - 1;
  for (size_t index = 0; index < entries_.size(); ++index) {
    const uint64_t hash = HashOf(IdOf(entries_[index]));
    size_t slot = hash & mask;
    while (slots[slot] != 0) slot = (slot + 1) & mask;
    slots[slot] = (hash >> 32 << 32) | (index + 1);
  }
  slots_.swap(slots);
}

std::optional<int64_t> DuplicateIdTracker::Add(std::string_view id, int64_t line) {
  if (id.size() >= (size_t{1} << 24)) throw std::length_error("record id too long to track");
  if ((entries_.size() + 1) * 4 > slots_.size() * 3) Grow();
  const uint64_t hash = HashOf(id);
  const uint64_t fragment = hash >> 32 << 32;
  const size_t mask = slots_.size() - 1;
  size_t slot = hash & mask;
  while (slots_[slot] != 0) {
    if ((slots_[slot] & 0xFFFFFFFF00000000ULL) == fragment) {
      const Entry& entry = entries_[(slots_[slot] & 0xFFFFFFFFULL) - 1];
      if (IdOf(entry) == id) return entry.line;
    }
    slot = (slot + 1) & mask;
  }
  if (entries_.size() >= 0xFFFFFFFFULL) throw std::length_error("too many record ids to track");
  entries_.push_back({static_cast<uint64_t>(ids_.size()) << 24 | id.size(), line});
  ids_.append(id);
  slots_[slot] = fragment | entries_.size();
  return std::nullopt;
}

std::string DuplicateIdTracker::DuplicateReason(std::string_view id, int64_t line,
                                                int64_t first_line) {
  return "record id '" + std::string(id) + "' on line " + std::to_string(line) +
         " is already used on line " + std::to_string(first_line) +
         "; every row needs its own id (or leave record_id empty)";
}

size_t DuplicateIdTracker::MemoryUsageBytes() const {
  return ids_.capacity() + entries_.capacity() * sizeof(Entry) +
         slots_.capacity() * sizeof(uint64_t);
}

}  // namespace canje::registry
