// The HTTP API's idempotency keys (schema version 12, table idempotency_keys): for each key a
// user sent with a request that changed the store, the SHA-256 of that request and, once it
// was answered, the answer (sealed by the caller under the instance's text key: answers can
// name persons). instance/idempotent_requests.h says what they are for.
//
// Plain rows and SQL only.
#pragma once

#include <cstdint>
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

}  // namespace canje::store
