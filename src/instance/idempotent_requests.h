// Requests a client may send again without their change being made twice: the HTTP API's
// Idempotency-Key (docs/api.md, "Retries").
//
// A verifier's tablet on a bad line sends "record this handover"; the answer is lost; the tablet
// sends it again. With the same key, the second request must not record a second handover, and
// must get the first one's answer. So:
//  - the key is recorded in the same write transaction as the change the first request makes
//    (Instance::WithNextChange): if the change rolls back, so does the key, and the retry
//    simply runs; if it commits, the key commits with it and no retry can run the change again;
//  - the answer is kept after it is sent for, sealed under the instance's text key (answers can
//    name persons), and given back to a retry with the same key and the same request;
//  - a key sent again with a different request (another body, another target) is refused: it is
//    the client's bug, and running the request could make a change the client did not mean.
// Keys belong to the user who sent them and are forgotten 24 hours after their change; a
// request that changed nothing (a refusal, a read) leaves no key. A person's erasure forgets
// every kept answer (WriteTransaction::ErasePerson): a retry then learns only that its change
// was made.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "store/idempotency_tables.h"

namespace canje::instance {

// How long a key is remembered after its change.
inline constexpr int64_t kIdempotencyKeySeconds = 24 * 60 * 60;

// What a request with a key said: the key, and its method, target and body.
struct IdempotentRequest {
  std::string key;
  std::string method;
  std::string target;
  std::string body;
};

// An answer as it was given: its status, content type and body, and the headers that say what
// it made (Location, ETag), so that a retry learns the same.
struct KeptAnswer {
  int status = 0;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // name, value: no line breaks
};

// A kept answer as the text that is sealed:
//   "a2 <status>\n<content type>\n<header count>\n<name>: <value>\n...<body>"
// the body as it was sent, byte for byte. DecodeKeptAnswer also reads answers kept before
// headers were ("<status>\n<content type>\n<body>", the status three digits), without headers;
// kInvalid ("the store is damaged") for anything else.
std::string EncodeKeptAnswer(const KeptAnswer& answer);
Result<KeptAnswer> DecodeKeptAnswer(const std::string& text);

// What became of an earlier request with the same key.
struct EarlierRequest {
  enum class Kind {
    kNone,        // no request with this key changed the store (in the last 24 hours)
    kAnswered,    // it did, and `answer` is what it was answered
    kUnanswered,  // it did, but its answer was not kept (the server stopped first, or an
                  // erasure forgot it); `log_size` says where its change ends in the log
  };
  Kind kind = Kind::kNone;
  KeptAnswer answer;
  int64_t log_size = 0;
};

// kUsage for a key that is empty, longer than 255 characters, or not printable ASCII.
Status CheckIdempotencyKey(std::string_view key);

// Holds `request.key` for the acting user until the hold is destroyed: taken before
// FindEarlierRequest and kept until the answer is kept (KeepAnswer), so that a second request
// with the key — at the same moment, on this server or another on the same store — waits for
// the first one's answer and is given it (store::HoldIdempotencyKey). kUsage for a bad key
// (CheckIdempotencyKey); kUnavailable when the key stays held longer than the store's lock
// timeout.
Result<std::unique_ptr<store::IdempotencyKeyHold>> HoldKey(Instance& instance,
                                                           const IdempotentRequest& request);

// What an earlier request with `request.key` by the acting user left. kConflict when that
// request was a different one (the key reused for another method, target or body).
Result<EarlierRequest> FindEarlierRequest(Instance& instance, const IdempotentRequest& request);

// A key armed for the next change: once a change records it, `log_size` is the log's size
// after that change (0 until then).
struct ArmedKey {
  std::shared_ptr<int64_t> log_size = std::make_shared<int64_t>(0);
};

// Arms `instance` so that the next change it makes records the key, in its own transaction.
// Call Disarm once the request is handled, whatever happened.
ArmedKey RecordKeyWithNextChange(Instance& instance, const IdempotentRequest& request);
// Forgets the armed key if no change took it.
void Disarm(Instance& instance);

// Keeps `answer` for retries when this request's change recorded `armed` (otherwise does
// nothing: a request that changed nothing is simply run again, and a request refused because
// another one with its key made the change first must not replace that one's answer).
Status KeepAnswer(Instance& instance, const IdempotentRequest& request, const ArmedKey& armed,
                  const KeptAnswer& answer);

}  // namespace canje::instance
