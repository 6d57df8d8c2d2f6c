// The Idempotency-Key header of the HTTP API (docs/api.md, "Retries"): the server's side of
// instance/idempotent_requests.h.
#pragma once

#include "server/api_call.h"

namespace canje::server {

// Runs `handler` for `call`, honouring the request's Idempotency-Key header on a POST (the
// method of every change that creates or records; DELETE is idempotent by itself):
//  - the same request sent again with the same key gets the first answer again, with the
//    header "Idempotency-Replayed: true", and changes nothing;
//  - a key sent before with another request: 422, type urn:canje:problem:idempotency_key_reused;
//  - a key whose request made its change but whose answer was not kept: 409, type
//    urn:canje:problem:idempotent_answer_lost, with the log's size after that change;
//  - a malformed key: 400 naming the header.
// Without the header, or for another method, simply runs `handler`.
Result<Reply> RunWithIdempotencyKey(ApiCall& call, const Handler& handler);

}  // namespace canje::server
