// People signing in to `canje serve` (schema version 8): each user's password hash and
// second factor, and the sessions signing in opens.
//
// Plain rows and SQL only; the rules (who may set what, how a sign-in is checked, when a user
// is locked, the events) live in src/authentication/sign_in.h. Stored:
//   - user_credentials: the scrypt hash of the password (protect/password_hash.h, never the
//     password); the TOTP secret sealed under a key derived from the store's index key (never
//     in the clear); the last TOTP step accepted (a code is accepted once); the count of failed
//     sign-ins since the last success and when the user is locked until.
//   - sessions: the SHA-256 of the session's secret and of its CSRF token (never the tokens
//     themselves), its user, when it started, when it ends at the latest, and when and why it
//     was ended (empty while open).
// Times are RFC 3339 UTC (core/clock.h); empty means "never" / "not yet".
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

struct CredentialsRow {
  std::string user;
  std::string password_hash;  // empty: no password set
  std::string password_set_at;
  Bytes totp_secret_sealed;  // empty: no second factor enrolled
  std::string totp_enrolled_at;
  int64_t totp_last_step = 0;  // the last time step whose code was accepted
  int64_t failed_sign_ins = 0;
  std::string last_failure_at;
  std::string locked_until;
};

// The credentials of `user`, if any row exists.
Result<std::optional<CredentialsRow>> FindCredentials(Store& store, std::string_view user);
// Inserts or replaces the row of `row.user`.
Status PutCredentials(WriteTransaction& transaction, const CredentialsRow& row);

struct SessionRow {
  int64_t id = 0;
  std::string user;
  Bytes token_sha256;
  Bytes csrf_sha256;
  std::string created_at;
  std::string expires_at;  // the latest it can last, however active
  std::string ended_at;    // empty: open
  std::string ended_by;
  std::string end_reason;  // "signed out", "ended by an administrator: ...", ...
  int64_t event_seq = 0;   // the "session.started" event
};

// Inserts a session (id the next free one, created_at now); returns its id.
Result<int64_t> AddSession(WriteTransaction& transaction, const SessionRow& session);
// Ends session `id` now by the transaction's actor with `reason`. kNotFound for an unknown id.
Status EndSession(WriteTransaction& transaction, int64_t id, std::string_view reason);
Result<std::optional<SessionRow>> FindSessionByHash(Store& store, ByteView token_sha256);
Result<std::optional<SessionRow>> FindSession(Store& store, int64_t id);
// The sessions of `user` (empty: of everyone), newest first; `open_at`, when not empty, keeps
// only those neither ended nor expired at that time.
Result<std::vector<SessionRow>> Sessions(Store& store, std::string_view user,
                                         std::string_view open_at);

}  // namespace canje::store
