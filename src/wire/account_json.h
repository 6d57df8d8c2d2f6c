// The JSON forms of how users reach `canje serve` (authentication/): API tokens, TOTP
// enrolment, sessions of people signed in. Shared by `canje user token|totp|session --json` and
// the HTTP API's /v1/session and /v1/sessions.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "authentication/api_tokens.h"
#include "authentication/sign_in.h"
#include "store/store.h"

namespace canje::wire {

// `user token create`: {"id", "user", "token" (shown once), "expires_at"}
nlohmann::json CreatedTokenJson(const authentication::CreatedToken& created);
// {"id", "user", "state", "created_at", "created_by", "expires_at", "revoked_at", "revoked_by"};
// `state` as authentication::TokenStateName gives it.
nlohmann::json ApiTokenJson(const store::ApiTokenRow& token, std::string_view state);
// `user token list`, GET /v1/tokens: an array of ApiTokenJson, each token's state at `now`.
nlohmann::json ApiTokenListJson(const std::vector<store::ApiTokenRow>& tokens,
                                std::string_view now);
// `user token revoke`: {"id", "revoked": true, "changed"} (changed false: it was revoked before).
nlohmann::json TokenRevokedJson(int64_t id, bool changed);

// `user totp enrol`: {"user", "uri", "secret"}
nlohmann::json TotpEnrolmentJson(const authentication::TotpEnrolment& enrolment);

// One session of a list (`user session list`, GET /v1/sessions): {"id", "user", "state",
//  "started_at", "expires_at", "ended_at", "ended_by", "end_reason"}; `state` as
// authentication::SessionStateAt gives it.
nlohmann::json SessionRowJson(const store::SessionRow& session, std::string_view state);
// A list of sessions (`user session list --json`, GET /v1/sessions): an array of SessionRowJson,
// in the order given, each with its state at `now` (RFC 3339).
nlohmann::json SessionListJson(const std::vector<store::SessionRow>& sessions,
                               std::string_view now);
// The session of the person signed in (POST and GET /v1/session): {"user", "party", "role",
//  "session", "expires_at", "idle_timeout_seconds"}
nlohmann::json SignedInSessionJson(const store::Actor& actor, int64_t session,
                                   const std::string& expires_at, int64_t idle_timeout_seconds);

}  // namespace canje::wire
