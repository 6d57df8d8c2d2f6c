// The HTTP API's idempotency keys (schema version 12, table idempotency_keys): for each key a
// user sent with a request that changed the store, the SHA-256 of that request and, once it
// was answered, the answer (sealed by the caller under the instance's text key: answers can
// name persons). instance/idempotent_requests.h says what they are for.
//
// Plain rows and SQL only.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/encoding.h"
#include "core/status.h"
#include "store/store.h"

namespace canje::store {

struct IdempotencyKeyRow {
  std::string user_name;   // the acting user (filled from the transaction when added)
  std::string key;         // as the client sent it
  Bytes request_sha256;    // over the method, the target and the body
  int64_t log_size = 0;    // the log's size after the change the request made
  std::string created_at;  // filled from the transaction when added
  Bytes answer_sealed;     // empty until the answer is kept
};

// Adds the key in the transaction of the change its request made, and forgets every key (of any
// user) created before `forget_before` (a time as the transaction's now() writes it). kConflict
// when the user's key is there already (a request with it was answered first, or is being
// answered).
Status AddIdempotencyKey(WriteTransaction& transaction, const IdempotencyKeyRow& row,
                         std::string_view forget_before);
// The user's key, or nullopt.
Result<std::optional<IdempotencyKeyRow>> FindIdempotencyKey(Store& store,
                                                            std::string_view user_name,
                                                            std::string_view key);
// Keeps the sealed answer of the user's key. Bookkeeping of the API rather than a change of the
// negotiation, so it is one statement outside any change's transaction and appends no event.
Status SetIdempotentAnswer(Store& store, std::string_view user_name, std::string_view key,
                           ByteView answer_sealed);

// A user's key held by the request that sent it, from before it looks for an earlier request
// with the key until its answer is kept: a second request with the same key waits (up to the
// store's lock timeout, then kUnavailable) and then finds the first one's answer, instead of
// finding its change without an answer (taken for one whose answer was lost). On PostgreSQL a
// session-level advisory lock on a hash of the user and the key (the two-integer form, apart
// from the write lock's key), so a request on another server waits too, and a server that
// dies releases what it held with its connection; on SQLite (one server per store) a lock
// within this process. Released when destroyed; two keys whose hashes meet merely wait for
// each other.
class IdempotencyKeyHold {
 public:
  virtual ~IdempotencyKeyHold() = default;
};
Result<std::unique_ptr<IdempotencyKeyHold>> HoldIdempotencyKey(Store& store,
                                                               std::string_view user_name,
                                                               std::string_view key);

}  // namespace canje::store
