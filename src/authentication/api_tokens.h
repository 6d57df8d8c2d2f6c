// API tokens: what a client of `canje serve` shows to act as a user (Authorization: Bearer).
//
// A token is "canje_" followed by 32 random bytes in unpadded base64url (43 characters): 49
// characters in all. It is shown once, when created; the store keeps only its SHA-256
// (store/api_token_tables.h), so a token cannot be recovered from the store, only revoked.
// Creating and revoking are events in the log ("api_token.created", "api_token.revoked"),
// whose payloads name the token's id, user and expiry — never the token or its hash.
//
// Only a role that may manage users (Action::kManageUsers: the admin) creates, lists and
// revokes tokens. A token acts exactly as its user: the same role, party and need to know as
// `canje --as USER`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/digest.h"
#include "core/status.h"
#include "instance/instance.h"
#include "store/api_token_tables.h"

namespace canje::authentication {

inline constexpr std::string_view kTokenPrefix = "canje_";

// A fresh token text: kTokenPrefix + base64url(32 random bytes), no padding.
std::string GenerateTokenText();
// SHA-256 of the token text, as stored.
Sha256Hash HashToken(std::string_view token);
// True when `text` has a token's form (prefix, length, base64url alphabet). Checked before any
// lookup, so that garbage never reaches the store.
bool HasTokenForm(std::string_view text);

// The moment `days` days after `now` (RFC 3339 UTC, as core/clock.h writes it).
Result<std::string> AddDays(std::string_view now, int64_t days);

struct CreatedToken {
  int64_t id = 0;
  std::string user;
  std::string token;       // shown once, never stored
  std::string expires_at;  // empty: never
};

// Creates a token for `user`, expiring after `expires_days` days (1..3650) or never. kUsage for
// a bad number of days, kNotFound for an unknown user, kNotPermitted unless the acting user may
// manage users.
Result<CreatedToken> CreateApiToken(instance::Instance& instance, const std::string& user,
                                    std::optional<int64_t> expires_days);

// The tokens of `user` (empty: of everyone), by id. kNotPermitted as above.
Result<std::vector<store::ApiTokenRow>> ListApiTokens(instance::Instance& instance,
                                                      const std::string& user);

// Revokes token `id`. Returns false (and writes nothing) when it was already revoked.
// kNotFound for an unknown id; kNotPermitted as above.
Result<bool> RevokeApiToken(instance::Instance& instance, int64_t id);

// What a token says about its state at `now`.
enum class TokenState { kActive, kRevoked, kExpired };
TokenState StateAt(const store::ApiTokenRow& token, std::string_view now);
std::string_view TokenStateName(TokenState state);  // "active", "revoked", "expired"

// The user an active token acts as, looked up through `lookup` (an instance opened as the store's
// own admin: the token is not yet anyone's). kNotPermitted (the server answers 401) for a text that is
// not a token, an unknown token, a revoked or an expired one — the message says which, but
// never echoes the token; kUnavailable/kInternal when the store cannot be read.
Result<std::string> UserForToken(instance::Instance& lookup, std::string_view token,
                                 std::string_view now);

}  // namespace canje::authentication
