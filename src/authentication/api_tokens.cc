#include "authentication/api_tokens.h"

#include <ctime>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/encoding.h"
#include "instance/event_types.h"

namespace canje::authentication {
namespace {

constexpr size_t kTokenBytes = 32;
constexpr size_t kEncodedLength = 43;  // 32 bytes in unpadded base64
constexpr int64_t kMaxExpiryDays = 3650;

bool IsBase64UrlCharacter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

Status AuthorizeTokens(const instance::Instance& instance) {
  return instance.Authorize(instance::Action::kManageUsers);
}

}  // namespace

std::string GenerateTokenText() {
  return std::string(kTokenPrefix) + Base64UrlEncode(RandomBytes(kTokenBytes));
}

Sha256Hash HashToken(std::string_view token) { return Sha256(AsBytes(token)); }

bool HasTokenForm(std::string_view text) {
  if (text.size() != kTokenPrefix.size() + kEncodedLength) return false;
  if (text.substr(0, kTokenPrefix.size()) != kTokenPrefix) return false;
  for (char c : text.substr(kTokenPrefix.size())) {
    if (!IsBase64UrlCharacter(c)) return false;
  }
  return true;
}

Result<std::string> AddDays(std::string_view now, int64_t days) {
  std::optional<int64_t> seconds = UnixFromRfc3339(now);
  if (!seconds) return Status::Internal("cannot read the time '" + std::string(now) + "'");
  return Rfc3339FromUnix(*seconds + days * 86400);
}

Result<CreatedToken> CreateApiToken(instance::Instance& instance, const std::string& user,
                                    std::optional<int64_t> expires_days) {
  CANJE_RETURN_IF_ERROR(AuthorizeTokens(instance));
  if (expires_days && (*expires_days < 1 || *expires_days > kMaxExpiryDays)) {
    return Status::Usage("--expires-days " + std::to_string(*expires_days) +
                         " is out of range; give 1 to " + std::to_string(kMaxExpiryDays) +
                         ", or leave it out for a token that does not expire");
  }
  CANJE_ASSIGN_OR_RETURN(auto found, instance.store().FindUser(user));
  if (!found) {
    return Status::NotFound("no user named '" + user + "'; see `canje user list`");
  }
  CreatedToken created;
  created.user = user;
  created.token = GenerateTokenText();
  Sha256Hash hash = HashToken(created.token);
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    store::WriteTransaction& transaction = recorder.transaction();
    if (expires_days) {
      CANJE_ASSIGN_OR_RETURN(created.expires_at, AddDays(transaction.now(), *expires_days));
    }
    CANJE_ASSIGN_OR_RETURN(auto existing, store::ApiTokens(transaction.store(), ""));
    int64_t id = existing.empty() ? 1 : existing.back().id + 1;
    CANJE_ASSIGN_OR_RETURN(
        int64_t seq,
        recorder.Record(events::kApiTokenCreated, {found->party, "token:" + std::to_string(id)},
                        {{"token", id},
                         {"user", user},
                         {"party", found->party},
                         {"role", found->role},
                         {"expires_at", created.expires_at}}));
    store::ApiTokenRow row;
    row.user = user;
    row.token_sha256.assign(hash.begin(), hash.end());
    row.expires_at = created.expires_at;
    row.event_seq = seq;
    CANJE_ASSIGN_OR_RETURN(created.id, store::AddApiToken(transaction, row));
    if (created.id != id) return Status::Internal("token id changed during its creation");
    return Status::Ok();
  }));
  return created;
}

Result<std::vector<store::ApiTokenRow>> ListApiTokens(instance::Instance& instance,
                                                      const std::string& user) {
  CANJE_RETURN_IF_ERROR(AuthorizeTokens(instance));
  return store::ApiTokens(instance.store(), user);
}

Result<bool> RevokeApiToken(instance::Instance& instance, int64_t id) {
  CANJE_RETURN_IF_ERROR(AuthorizeTokens(instance));
  CANJE_ASSIGN_OR_RETURN(auto token, store::FindApiToken(instance.store(), id));
  if (!token) {
    return Status::NotFound("no API token " + std::to_string(id) + "; see `canje user token list`");
  }
  if (!token->revoked_at.empty()) return false;
  CANJE_ASSIGN_OR_RETURN(auto user, instance.store().FindUser(token->user));
  std::string party = user ? user->party : "";
  CANJE_RETURN_IF_ERROR(instance.Change([&](instance::Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(store::RevokeApiToken(recorder.transaction(), id));
    return recorder
        .Record(events::kApiTokenRevoked, {party, "token:" + std::to_string(id)},
                {{"token", id}, {"user", token->user}})
        .status();
  }));
  return true;
}

TokenState StateAt(const store::ApiTokenRow& token, std::string_view now) {
  if (!token.revoked_at.empty()) return TokenState::kRevoked;
  if (!token.expires_at.empty() && token.expires_at <= now) return TokenState::kExpired;
  return TokenState::kActive;
}

std::string_view TokenStateName(TokenState state) {
  switch (state) {
    case TokenState::kActive:
      return "active";
    case TokenState::kRevoked:
      return "revoked";
    case TokenState::kExpired:
      return "expired";
  }
  return "active";
}

Result<std::string> UserForToken(instance::Instance& lookup, std::string_view token,
                                 std::string_view now) {
  store::Store& store = lookup.store();
  if (!HasTokenForm(token)) {
    return Status::NotPermitted(
        "the bearer token is not a canje API token (canje_ followed by "
        "43 base64url characters); create one with `canje user token "
        "create NAME`");
  }
  Sha256Hash hash = HashToken(token);
  CANJE_ASSIGN_OR_RETURN(auto row, store::FindApiTokenByHash(store, hash));
  if (!row) return Status::NotPermitted("unknown API token");
  switch (StateAt(*row, now)) {
    case TokenState::kRevoked:
      return Status::NotPermitted("API token " + std::to_string(row->id) + " was revoked at " +
                                  row->revoked_at);
    case TokenState::kExpired:
      return Status::NotPermitted("API token " + std::to_string(row->id) + " expired at " +
                                  row->expires_at);
    case TokenState::kActive:
      break;
  }
  return row->user;
}

}  // namespace canje::authentication
