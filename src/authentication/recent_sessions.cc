#include "authentication/recent_sessions.h"

namespace canje::authentication {

RecentSessions::Found RecentSessions::Find(ByteView secret_sha256) const {
  std::lock_guard lock(mutex_);
  Found found;
  found.generation = generation_;
  if (max_age_.count() <= 0) return found;
  auto entry = entries_.find(Bytes(secret_sha256.begin(), secret_sha256.end()));
  if (entry != entries_.end() && Clock::now() - entry->second.read_at < max_age_) {
    found.row = entry->second.row;
  }
  return found;
}

void RecentSessions::Remember(ByteView secret_sha256, const store::SessionRow& row,
                              uint64_t generation) {
  if (max_age_.count() <= 0 || !row.ended_at.empty()) return;
  const Clock::time_point now = Clock::now();
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;  // a change was made since the row was read
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_.insert_or_assign(Bytes(secret_sha256.begin(), secret_sha256.end()), Entry{row, now});
}

void RecentSessions::ForgetAll() {
  std::lock_guard lock(mutex_);
  ++generation_;
  entries_.clear();
}

}  // namespace canje::authentication
