// Sessions this server found open in the store a moment ago, so that a burst of requests with
// one cookie reads the session's row once rather than on every request (docs/security.md,
// "Sessions checked a moment ago").
//
// Only what the store said is kept — the row of an open session, keyed by the SHA-256 of the
// cookie's secret, with the moment it was read — and only for `max_age`. Everything else is
// still decided per request from the cookie and the clock: the cookie's MAC, the idle limit,
// the session's latest end. So:
//  - on this server, every change (any request other than GET and HEAD: signing out, an admin
//    ending a session, a password set, ...) calls ForgetAll() once it is done, and the next
//    request reads the store again: it takes effect at once;
//  - a session ended by another process sharing the store (another server, the command line)
//    is seen here at most `max_age` later.
// A row read before a ForgetAll() and offered to Remember() after it is not kept (a generation
// count taken before the read tells), so a read racing a change cannot bring back what it ended.
// Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>

#include "core/encoding.h"
#include "store/sign_in_tables.h"

namespace canje::authentication {

class RecentSessions {
 public:
  using Clock = std::chrono::steady_clock;
  // `max_age` zero: nothing is kept (every request reads the store). At most `max_entries`
  // sessions are kept; one more empties the table.
  explicit RecentSessions(std::chrono::milliseconds max_age, size_t max_entries = 4096)
      : max_age_(max_age), max_entries_(max_entries) {}

  struct Found {
    std::optional<store::SessionRow> row;  // the session read at most max_age ago, if any
    uint64_t generation = 0;               // to give Remember() after reading the store
  };
  Found Find(ByteView secret_sha256) const;
  // Keeps `row` (an open session just read) unless ForgetAll() ran since `generation`.
  void Remember(ByteView secret_sha256, const store::SessionRow& row, uint64_t generation);
  // Drops every session kept: the next request of each reads the store.
  void ForgetAll();

 private:
  struct Entry {
    store::SessionRow row;
    Clock::time_point read_at;
  };
  const std::chrono::milliseconds max_age_;
  const size_t max_entries_;
  mutable std::mutex mutex_;
  std::map<Bytes, Entry> entries_;
  uint64_t generation_ = 0;
};

}  // namespace canje::authentication
