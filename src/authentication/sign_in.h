// People signing in to `canje serve` with a name, a password and a code from an authenticator
// app, and the sessions that follow. API tokens (authentication/api_tokens.h) stay for scripts.
//
// An admin prepares a user: SetPassword (stored as an scrypt hash: protect/password_hash.h)
// and EnrolTotp (a TOTP secret, shown once as an otpauth:// URI: protect/totp.h). The user then
// signs in (SignIn) as themselves and gets a session:
//   - a cookie value "SECRET.LAST_ACTIVE.MAC": 32 random bytes, the Unix time of the session's
//     last request, and an HMAC over both under a key derived from the store's index key (so
//     every server of one store accepts it, and nothing is written per request). The store
//     keeps only the SHA-256 of SECRET. A session ends after `idle_seconds` without a request,
//     after `lifetime_seconds` in any case, on signing out, or when an admin ends it;
//   - a CSRF token the browser sends back in `X-CSRF-Token` with every change (the store keeps
//     its SHA-256).
// Signing in, signing out, ending a session, failures and lock-outs are events in the log
// (`session.started`, `session.ended`, `sign_in.failed`, `sign_in.locked`, `user.unlocked`),
// never with the password, the code or a token. Failures in a row slow a user's next attempt
// down (after `free_failures`, each further attempt must wait twice as long as the last, up
// to a minute) and lock the user after `lock_after` (for `lock_seconds`, or until an admin
// unlocks them). A code is accepted once: the step of the last accepted code is kept.
//
// A name that is not a user, and a user without a password or second factor yet, are answered
// exactly as a wrong password (the same message, after the same scrypt work), so that sign-in
// does not say who has an account; nothing is logged for them (there is no credential to
// count failures against).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"
#include "authentication/recent_sessions.h"
#include "instance/instance.h"
#include "protect/password_hash.h"
#include "store/sign_in_tables.h"

namespace canje::authentication {

struct SignInPolicy {
  int64_t idle_seconds = 30 * 60;
  int64_t lifetime_seconds = 12 * 3600;
  int64_t free_failures = 3;   // failures in a row before a wait is required
  int64_t lock_after = 10;     // failures in a row that lock the user
  int64_t lock_seconds = 15 * 60;
  int64_t renew_after_seconds = 60;  // a request this long after the last renews the cookie
};

// --- An admin's (Action::kManageUsers) ---

// Sets `user`'s password (CheckPasswordRules: at least 12 characters). Event
// "user.password_set"; every session of the user still open ends in the same change (one
// "session.ended" each: a password reset after a suspected theft must not leave the thief
// signed in). kNotFound for an unknown user. `cost` is scrypt's (the default outside
// tests).
Status SetPassword(instance::Instance& admin, const std::string& user, std::string_view password,
                   protect::PasswordCost cost = {});

struct TotpEnrolment {
  std::string user;
  std::string uri;            // otpauth://totp/canje:USER?secret=...
  std::string secret_base32;  // the same secret, for typing into an app by hand
};
// Gives `user` a new TOTP secret (the old one stops working). Event "user.totp_enrolled";
// the user's open sessions end, as for SetPassword.
Result<TotpEnrolment> EnrolTotp(instance::Instance& admin, const std::string& user);

// Clears `user`'s failed sign-ins and lock. Event "user.unlocked" with `reason`. Returns false
// (writing nothing) when the user was neither locked nor had failures.
Result<bool> Unlock(instance::Instance& admin, const std::string& user, std::string_view reason);

// The sessions of `user` (empty: everyone's), newest first; `open_only` keeps the open ones.
Result<std::vector<store::SessionRow>> ListSessions(instance::Instance& admin,
                                                    const std::string& user, bool open_only);
// A listed session's state at `now` (RFC 3339, as NowRfc3339): "ended" once ended, "expired"
// once past its latest end, "open" otherwise.
std::string_view SessionStateAt(const store::SessionRow& session, std::string_view now);

// Ends session `id` (event "session.ended" with `reason`). False when it had already ended.
// kNotFound for an unknown id.
Result<bool> EndSessionByAdmin(instance::Instance& admin, int64_t id, std::string_view reason);

// What a user's credentials say, for `canje user list` and the console.
struct CredentialState {
  bool has_password = false;
  bool has_second_factor = false;
  int64_t failed_sign_ins = 0;
  std::string locked_until;  // empty: not locked
};
Result<CredentialState> ReadCredentialState(instance::Instance& admin, const std::string& user);

// --- The user's own ---

struct SignedIn {
  int64_t session_id = 0;
  std::string cookie;      // the session cookie's value
  std::string csrf_token;  // shown once; sent back in X-CSRF-Token
  std::string expires_at;  // the latest the session can last
};

struct SignInRefused {
  enum class Kind {
    kWrong,   // the name, password or code is not right (never which)
    kWait,    // too many failures in a row: wait retry_after_seconds
    kLocked,  // locked until retry_after_seconds from now, or an admin unlocks
  } kind = Kind::kWrong;
  int64_t retry_after_seconds = 0;
  std::string message;  // for the person signing in
};

using SignInOutcome = std::variant<SignedIn, SignInRefused>;

// Signs in as the user `as_user` acts as, at `now_unix`. A refusal is a value; a Status only
// for a store that cannot be read or written.
Result<SignInOutcome> SignIn(instance::Instance& as_user, std::string_view password,
                             std::string_view code, int64_t now_unix,
                             const SignInPolicy& policy = {});

// Whether `name` is a user of the store, asked through `lookup` (an instance opened as the
// store's own admin: the person signing in is not yet anyone). Answer an unknown name with
// RefuseUnknownName, never with a different message.
Result<bool> IsUser(instance::Instance& lookup, std::string_view name);

// The answer to a name that is not a user: the same refusal as a wrong password, after the
// same work.
SignInRefused RefuseUnknownName(std::string_view password);

// A request's session, from its cookie.
struct ActiveSession {
  int64_t id = 0;
  std::string user;
  store::SessionRow row;
  std::string renewed_cookie;  // not empty: send this cookie back (the last activity moved)
};
// kNotPermitted (401) saying why — not a session cookie, an unknown or ended session, idle too
// long, past its lifetime — never echoing the cookie. `lookup` is an instance opened as the
// store's own admin (the cookie is not yet anyone's). With `recent`, a session found open in the
// store less than its max_age ago is not read again (authentication/recent_sessions.h); the
// cookie, the idle limit and the lifetime are checked all the same.
Result<ActiveSession> ResolveSession(instance::Instance& lookup,
                                     std::string_view cookie, int64_t now_unix,
                                     const SignInPolicy& policy = {},
                                     RecentSessions* recent = nullptr);

// True when `csrf_token` is the session's CSRF token.
bool CsrfTokenMatches(const ActiveSession& session, std::string_view csrf_token);

// Ends the acting user's own session `id` ("session.ended", reason "signed out"). kNotFound
// unless it is theirs and open.
Status SignOut(instance::Instance& as_user, int64_t session_id);

}  // namespace canje::authentication
