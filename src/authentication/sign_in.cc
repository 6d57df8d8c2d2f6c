#include "authentication/sign_in.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/digest.h"
#include "core/encoding.h"
#include "core/utf8.h"
#include "instance/event_types.h"
#include "protect/password_hash.h"
#include "protect/sealing_contexts.h"
#include "protect/totp.h"

namespace canje::authentication {
namespace {

using instance::Instance;
using instance::Recorder;

constexpr size_t kSecretBytes = 32;
constexpr size_t kCookieMacBytes = 16;
constexpr std::string_view kIssuer = "canje";
constexpr std::string_view kWrongMessage =
    "the name, password or code is not right; check them and try again (codes change every 30 "
    "seconds)";

// Keys derived from the store's index key, each for one purpose: the index key never changes
// (key rotation re-wraps it), and every server of a store holds it.
Bytes DerivedKey(const protect::Vault& vault, std::string_view purpose) {
  Sha256Hash key = HmacSha256(vault.IndexKey(), AsBytes(purpose));
  return Bytes(key.begin(), key.end());
}

Bytes HashOf(std::string_view text) {
  Sha256Hash hash = Sha256(AsBytes(text));
  return Bytes(hash.begin(), hash.end());
}

std::string CookieMac(const protect::Vault& vault, std::string_view secret, int64_t last_active) {
  Sha256Hash mac = HmacSha256(DerivedKey(vault, "canje session cookie v1"),
                              AsBytes(std::string(secret) + "." + std::to_string(last_active)));
  return Base64UrlEncode(ByteView(mac.data(), kCookieMacBytes));
}

std::string MakeCookie(const protect::Vault& vault, std::string_view secret, int64_t last_active) {
  return std::string(secret) + "." + std::to_string(last_active) + "." +
         CookieMac(vault, secret, last_active);
}

Status AuthorizeAdmin(const Instance& instance) {
  return instance.Authorize(instance::Action::kManageUsers);
}

Result<store::UserRow> ExistingUser(Instance& instance, const std::string& user) {
  CANJE_ASSIGN_OR_RETURN(auto found, instance.store().FindUser(user));
  if (!found) return Status::NotFound("no user named '" + user + "'; see `canje user list`");
  return *found;
}

Result<store::CredentialsRow> CredentialsOf(store::Store& store, const std::string& user) {
  CANJE_ASSIGN_OR_RETURN(auto row, store::FindCredentials(store, user));
  if (row) return *row;
  store::CredentialsRow fresh;
  fresh.user = user;
  return fresh;
}

// How long a user with `failures` failures in a row, the last at `last_failure`, must wait
// before the next attempt; 0 when they need not.
int64_t WaitBeforeNextAttempt(const store::CredentialsRow& row, int64_t now_unix,
                              const SignInPolicy& policy) {
  if (row.failed_sign_ins < policy.free_failures || row.last_failure_at.empty()) return 0;
  const int64_t excess = row.failed_sign_ins - policy.free_failures;
  const int64_t wait = std::min<int64_t>(int64_t{1} << std::min<int64_t>(excess, 6), 60);
  const int64_t last = UnixFromRfc3339(row.last_failure_at).value_or(0);
  return std::max<int64_t>(0, last + wait - now_unix);
}

int64_t LockedFor(const store::CredentialsRow& row, int64_t now_unix) {
  if (row.locked_until.empty()) return 0;
  return std::max<int64_t>(0, UnixFromRfc3339(row.locked_until).value_or(0) - now_unix);
}

// Records `event` (a credential of `user` replaced by an admin) and ends every session of the
// user still open now, each with its own "session.ended" event saying `reason`: a credential
// replaced must not leave open what the old one opened.
Status RecordCredentialReplaced(Recorder& recorder, std::string_view event,
                                const store::UserRow& user, std::string_view reason) {
  CANJE_RETURN_IF_ERROR(
      recorder.Record(event, {user.party, "user:" + user.name}, {{"user", user.name}}).status());
  store::WriteTransaction& transaction = recorder.transaction();
  CANJE_ASSIGN_OR_RETURN(auto open, store::Sessions(transaction.store(), user.name,
                                                    transaction.now()));
  for (const store::SessionRow& session : open) {
    CANJE_RETURN_IF_ERROR(store::EndSession(transaction, session.id, reason));
    CANJE_RETURN_IF_ERROR(recorder
                              .Record(events::kSessionEnded,
                                      {user.party, "session:" + std::to_string(session.id)},
                                      {{"session", session.id},
                                       {"user", user.name},
                                       {"reason", std::string(reason)}})
                              .status());
  }
  return Status::Ok();
}

SignInRefused Refusal(SignInRefused::Kind kind, int64_t retry_after, std::string message) {
  SignInRefused refused;
  refused.kind = kind;
  refused.retry_after_seconds = retry_after;
  refused.message = std::move(message);
  return refused;
}

}  // namespace

Status SetPassword(Instance& admin, const std::string& user, std::string_view password,
                   protect::PasswordCost cost) {
  CANJE_RETURN_IF_ERROR(AuthorizeAdmin(admin));
  CANJE_ASSIGN_OR_RETURN(store::UserRow found, ExistingUser(admin, user));
  CANJE_ASSIGN_OR_RETURN(std::string hash, protect::HashPassword(password, cost));
  return admin.Change([&](Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(store::CredentialsRow row,
                           CredentialsOf(recorder.transaction().store(), user));
    row.password_hash = hash;
    row.password_set_at = recorder.transaction().now();
    CANJE_RETURN_IF_ERROR(store::PutCredentials(recorder.transaction(), row));
    return RecordCredentialReplaced(recorder, events::kUserPasswordSet, found,
                                    "password set by " + admin.actor().user);
  });
}

Result<TotpEnrolment> EnrolTotp(Instance& admin, const std::string& user) {
  CANJE_RETURN_IF_ERROR(AuthorizeAdmin(admin));
  CANJE_ASSIGN_OR_RETURN(store::UserRow found, ExistingUser(admin, user));
  Bytes secret = protect::NewTotpSecret();
  Bytes sealed = admin.vault().Seal(DerivedKey(admin.vault(), protect::kTotpKeyPurpose), secret,
                                    protect::TotpSecretContext(user));
  CANJE_RETURN_IF_ERROR(admin.Change([&](Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(store::CredentialsRow row,
                           CredentialsOf(recorder.transaction().store(), user));
    row.totp_secret_sealed = sealed;
    row.totp_enrolled_at = recorder.transaction().now();
    row.totp_last_step = 0;
    CANJE_RETURN_IF_ERROR(store::PutCredentials(recorder.transaction(), row));
    return RecordCredentialReplaced(recorder, events::kUserTotpEnrolled, found,
                                    "second factor enrolled again by " + admin.actor().user);
  }));
  return TotpEnrolment{user, protect::TotpUri(kIssuer, user, secret),
                       protect::Base32Encode(secret)};
}

Result<bool> Unlock(Instance& admin, const std::string& user, std::string_view reason) {
  CANJE_RETURN_IF_ERROR(AuthorizeAdmin(admin));
  CANJE_ASSIGN_OR_RETURN(store::UserRow found, ExistingUser(admin, user));
  if (reason.empty()) return Status::Usage("say why the user is unlocked (--reason)");
  bool changed = false;
  CANJE_RETURN_IF_ERROR(admin.Change([&](Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(store::CredentialsRow row,
                           CredentialsOf(recorder.transaction().store(), user));
    if (row.failed_sign_ins == 0 && row.locked_until.empty()) return Status::Ok();
    changed = true;
    row.failed_sign_ins = 0;
    row.last_failure_at.clear();
    row.locked_until.clear();
    CANJE_RETURN_IF_ERROR(store::PutCredentials(recorder.transaction(), row));
    return recorder
        .Record(events::kUserUnlocked, {found.party, "user:" + user},
                {{"user", user}, {"reason", std::string(reason)}})
        .status();
  }));
  return changed;
}

std::string_view SessionStateAt(const store::SessionRow& session, std::string_view now) {
  if (!session.ended_at.empty()) return "ended";
  if (session.expires_at <= now) return "expired";
  return "open";
}

Result<std::vector<store::SessionRow>> ListSessions(Instance& admin, const std::string& user,
                                                    bool open_only) {
  CANJE_RETURN_IF_ERROR(AuthorizeAdmin(admin));
  return store::Sessions(admin.store(), user, open_only ? NowRfc3339() : "");
}

Result<bool> EndSessionByAdmin(Instance& admin, int64_t id, std::string_view reason) {
  CANJE_RETURN_IF_ERROR(AuthorizeAdmin(admin));
  if (reason.empty()) return Status::Usage("say why the session is ended (--reason)");
  CANJE_ASSIGN_OR_RETURN(auto session, store::FindSession(admin.store(), id));
  if (!session) {
    return Status::NotFound("no session " + std::to_string(id) + "; see `canje user session list`");
  }
  if (!session->ended_at.empty()) return false;
  CANJE_ASSIGN_OR_RETURN(store::UserRow owner, ExistingUser(admin, session->user));
  CANJE_RETURN_IF_ERROR(admin.Change([&](Recorder& recorder) -> Status {
    const std::string why = "ended by " + admin.actor().user + ": " + std::string(reason);
    CANJE_RETURN_IF_ERROR(store::EndSession(recorder.transaction(), id, why));
    return recorder
        .Record(events::kSessionEnded, {owner.party, "session:" + std::to_string(id)},
                {{"session", id}, {"user", session->user}, {"reason", why}})
        .status();
  }));
  return true;
}

Result<CredentialState> ReadCredentialState(Instance& admin, const std::string& user) {
  CANJE_RETURN_IF_ERROR(AuthorizeAdmin(admin));
  CANJE_ASSIGN_OR_RETURN(store::CredentialsRow row, CredentialsOf(admin.store(), user));
  CredentialState state;
  state.has_password = !row.password_hash.empty();
  state.has_second_factor = !row.totp_secret_sealed.empty();
  state.failed_sign_ins = row.failed_sign_ins;
  if (LockedFor(row, NowUnixSeconds()) > 0) state.locked_until = row.locked_until;
  return state;
}

Result<bool> IsUser(instance::Instance& lookup, std::string_view name) {
  CANJE_ASSIGN_OR_RETURN(auto user, lookup.store().FindUser(name));
  return user.has_value();
}

SignInRefused RefuseUnknownName(std::string_view password) {
  protect::SpendOneVerification(password);
  return Refusal(SignInRefused::Kind::kWrong, 0, std::string(kWrongMessage));
}

Result<SignInOutcome> SignIn(Instance& as_user, std::string_view password, std::string_view code,
                             int64_t now_unix, const SignInPolicy& policy) {
  const std::string user = as_user.actor().user;
  CANJE_ASSIGN_OR_RETURN(store::UserRow found, ExistingUser(as_user, user));
  CANJE_ASSIGN_OR_RETURN(store::CredentialsRow row, CredentialsOf(as_user.store(), user));
  if (int64_t locked = LockedFor(row, now_unix); locked > 0) {
    return SignInOutcome(Refusal(SignInRefused::Kind::kLocked, locked,
                                 "this account is locked after too many failed sign-ins, until " +
                                     row.locked_until + "; an administrator can unlock it"));
  }
  if (int64_t wait = WaitBeforeNextAttempt(row, now_unix, policy); wait > 0) {
    return SignInOutcome(Refusal(SignInRefused::Kind::kWait, wait,
                                 "too many failed sign-ins in a row; wait " + std::to_string(wait) +
                                     " s before trying again"));
  }
  if (row.password_hash.empty() || row.totp_secret_sealed.empty()) {
    return SignInOutcome(RefuseUnknownName(password));
  }
  // The slow checks run outside the write transaction; what they decided is checked again
  // inside it against the row as it is then (two sign-ins at once cannot both use one code).
  const bool password_right = protect::VerifyPassword(password, row.password_hash);
  std::optional<int64_t> step;
  {
    Result<Bytes> secret =
        as_user.vault().Open(DerivedKey(as_user.vault(), protect::kTotpKeyPurpose),
                             row.totp_secret_sealed, protect::TotpSecretContext(user));
    if (!secret.ok()) return secret.status();
    step = protect::MatchTotp(*secret, code, now_unix);
  }
  SignInOutcome outcome = Refusal(SignInRefused::Kind::kWrong, 0, std::string(kWrongMessage));
  CANJE_RETURN_IF_ERROR(as_user.Change([&](Recorder& recorder) -> Status {
    store::WriteTransaction& transaction = recorder.transaction();
    CANJE_ASSIGN_OR_RETURN(store::CredentialsRow current,
                           CredentialsOf(transaction.store(), user));
    const bool code_fresh = step && *step > current.totp_last_step;
    if (password_right && code_fresh) {
      current.failed_sign_ins = 0;
      current.last_failure_at.clear();
      current.totp_last_step = *step;
      CANJE_RETURN_IF_ERROR(store::PutCredentials(transaction, current));
      SignedIn signed_in;
      const std::string secret = Base64UrlEncode(RandomBytes(kSecretBytes));
      signed_in.csrf_token = Base64UrlEncode(RandomBytes(kSecretBytes));
      signed_in.expires_at = Rfc3339FromUnix(now_unix + policy.lifetime_seconds);
      CANJE_ASSIGN_OR_RETURN(std::vector<store::SessionRow> all,
                             store::Sessions(transaction.store(), "", ""));
      const int64_t id = all.empty() ? 1 : all.front().id + 1;
      CANJE_ASSIGN_OR_RETURN(
          int64_t seq,
          recorder.Record(events::kSessionStarted, {found.party, "session:" + std::to_string(id)},
                          {{"session", id}, {"user", user}, {"expires_at", signed_in.expires_at}}));
      store::SessionRow session;
      session.user = user;
      session.token_sha256 = HashOf(secret);
      session.csrf_sha256 = HashOf(signed_in.csrf_token);
      session.expires_at = signed_in.expires_at;
      session.event_seq = seq;
      CANJE_ASSIGN_OR_RETURN(signed_in.session_id, store::AddSession(transaction, session));
      if (signed_in.session_id != id) return Status::Internal("session id moved while created");
      signed_in.cookie = MakeCookie(as_user.vault(), secret, now_unix);
      outcome = std::move(signed_in);
      return Status::Ok();
    }
    // A failure: counted and logged (which factor failed is in the sealed payload only).
    current.failed_sign_ins += 1;
    current.last_failure_at = Rfc3339FromUnix(now_unix);
    const bool lock = current.failed_sign_ins >= policy.lock_after;
    if (lock) current.locked_until = Rfc3339FromUnix(now_unix + policy.lock_seconds);
    CANJE_RETURN_IF_ERROR(store::PutCredentials(transaction, current));
    const char* why = !password_right ? "password" : !step ? "code" : "code already used";
    CANJE_RETURN_IF_ERROR(
        recorder
            .Record(
                events::kSignInFailed, {found.party, "user:" + user},
                {{"user", user}, {"failed", why}, {"failures_in_a_row", current.failed_sign_ins}})
            .status());
    if (lock) {
      CANJE_RETURN_IF_ERROR(recorder
                                .Record(events::kSignInLocked, {found.party, "user:" + user},
                                        {{"user", user}, {"until", current.locked_until}})
                                .status());
      outcome = Refusal(SignInRefused::Kind::kLocked, policy.lock_seconds,
                        "this account is now locked after too many failed sign-ins, until " +
                            current.locked_until + "; an administrator can unlock it");
    }
    return Status::Ok();
  }));
  return outcome;
}

Result<ActiveSession> ResolveSession(instance::Instance& lookup, std::string_view cookie,
                                     int64_t now_unix, const SignInPolicy& policy,
                                     RecentSessions* recent) {
  store::Store& store = lookup.store();
  const protect::Vault& vault = lookup.vault();
  auto refuse = [](std::string why) { return Status::NotPermitted(std::move(why)); };
  const size_t first = cookie.find('.');
  const size_t second = first == std::string_view::npos ? first : cookie.find('.', first + 1);
  if (second == std::string_view::npos || cookie.size() > 200) {
    return refuse("the session cookie is not one canje gave; sign in again");
  }
  const std::string_view secret = cookie.substr(0, first);
  const std::string_view last_text = cookie.substr(first + 1, second - first - 1);
  const std::string_view mac = cookie.substr(second + 1);
  int64_t last_active = 0;
  if (last_text.empty() || last_text.size() > 12) {
    return refuse("the session cookie is not one canje gave; sign in again");
  }
  for (char c : last_text) {
    if (c < '0' || c > '9') return refuse("the session cookie is not one canje gave; sign in again");
    last_active = last_active * 10 + (c - '0');
  }
  const std::string expected = CookieMac(vault, secret, last_active);
  if (expected.size() != mac.size() ||
      CRYPTO_memcmp(expected.data(), mac.data(), mac.size()) != 0) {
    return refuse("the session cookie is not one canje gave; sign in again");
  }
  if (now_unix - last_active > policy.idle_seconds) {
    return refuse("the session ended after " + std::to_string(policy.idle_seconds / 60) +
                  " minutes without activity; sign in again");
  }
  const Bytes secret_hash = HashOf(secret);
  RecentSessions::Found recently;
  if (recent != nullptr) recently = recent->Find(secret_hash);
  std::optional<store::SessionRow> row = std::move(recently.row);
  if (!row) {
    CANJE_ASSIGN_OR_RETURN(row, store::FindSessionByHash(store, secret_hash));
    if (row && recent != nullptr) recent->Remember(secret_hash, *row, recently.generation);
  }
  if (!row) return refuse("the session is not known; sign in again");
  if (!row->ended_at.empty()) return refuse("the session has ended (" + row->end_reason + ")");
  if (row->expires_at <= Rfc3339FromUnix(now_unix)) {
    return refuse("the session reached its end at " + row->expires_at + "; sign in again");
  }
  ActiveSession session;
  session.id = row->id;
  session.user = row->user;
  session.row = *row;
  if (now_unix - last_active >= policy.renew_after_seconds) {
    session.renewed_cookie = MakeCookie(vault, secret, now_unix);
  }
  return session;
}

bool CsrfTokenMatches(const ActiveSession& session, std::string_view csrf_token) {
  if (csrf_token.empty()) return false;
  Bytes hash = HashOf(csrf_token);
  return hash.size() == session.row.csrf_sha256.size() &&
         CRYPTO_memcmp(hash.data(), session.row.csrf_sha256.data(), hash.size()) == 0;
}

Status SignOut(Instance& as_user, int64_t session_id) {
  CANJE_ASSIGN_OR_RETURN(auto session, store::FindSession(as_user.store(), session_id));
  if (!session || session->user != as_user.actor().user || !session->ended_at.empty()) {
    return Status::NotFound("no open session " + std::to_string(session_id) + " of yours");
  }
  return as_user.Change([&](Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(store::EndSession(recorder.transaction(), session_id, "signed out"));
    return recorder
        .Record(events::kSessionEnded,
                {as_user.actor().party, "session:" + std::to_string(session_id)},
                {{"session", session_id}, {"user", session->user}, {"reason", "signed out"}})
        .status();
  });
}

}  // namespace canje::authentication
