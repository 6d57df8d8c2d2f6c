// API tokens in the store (schema version 7): the credentials `canje serve` accepts in
// `Authorization: Bearer <token>`.
//
// Plain rows and SQL only: creating, checking and revoking tokens (their form, who may do it,
// the events) live in src/server/api_tokens.h. The token itself is never stored: only its
// SHA-256, so a copy of the store does not hand out working credentials. A token is never
// deleted; revoking sets revoked_at, so the list shows what existed and when it stopped.
// Times are RFC 3339 UTC (core/clock.h); an empty expires_at or revoked_at means "never" and
// "not revoked".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "store/store.h"

namespace canje::store {

struct ApiTokenRow {
  int64_t id = 0;
  std::string user;    // users.name: the token acts as this user
  Bytes token_sha256;  // SHA-256 of the whole token text ("canje_...")
  std::string created_at;
  std::string created_by;
  std::string expires_at;  // empty: never expires
  std::string revoked_at;  // empty: not revoked
  std::string revoked_by;
  int64_t event_seq = 0;  // the "api_token.created" event
};

// Inserts a token row (created_at and created_by from the transaction, id the next free one);
// returns its id. kConflict if the hash is already stored.
Result<int64_t> AddApiToken(WriteTransaction& transaction, const ApiTokenRow& token);
// Marks token `id` revoked now by the transaction's actor. kNotFound for an unknown id.
Status RevokeApiToken(WriteTransaction& transaction, int64_t id);
// The token whose SHA-256 is `sha256`, if any (revoked and expired ones included).
Result<std::optional<ApiTokenRow>> FindApiTokenByHash(Store& store, ByteView sha256);
Result<std::optional<ApiTokenRow>> FindApiToken(Store& store, int64_t id);
// The tokens of `user` (empty: of everyone), by id.
Result<std::vector<ApiTokenRow>> ApiTokens(Store& store, std::string_view user);

}  // namespace canje::store
