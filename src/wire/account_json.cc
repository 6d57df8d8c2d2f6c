#include "wire/account_json.h"

namespace canje::wire {

using nlohmann::json;

json CreatedTokenJson(const authentication::CreatedToken& created) {
  return {{"id", created.id},
          {"user", created.user},
          {"token", created.token},
          {"expires_at", created.expires_at}};
}

json ApiTokenJson(const store::ApiTokenRow& token, std::string_view state) {
  return {{"id", token.id},
          {"user", token.user},
          {"state", state},
          {"created_at", token.created_at},
          {"created_by", token.created_by},
          {"expires_at", token.expires_at},
          {"revoked_at", token.revoked_at},
          {"revoked_by", token.revoked_by}};
}

json ApiTokenListJson(const std::vector<store::ApiTokenRow>& tokens, std::string_view now) {
  json out = json::array();
  for (const auto& token : tokens) {
    out.push_back(ApiTokenJson(
        token, authentication::TokenStateName(authentication::StateAt(token, now))));
  }
  return out;
}

json TokenRevokedJson(int64_t id, bool changed) {
  return {{"id", id}, {"revoked", true}, {"changed", changed}};
}

json TotpEnrolmentJson(const authentication::TotpEnrolment& enrolment) {
  return {{"user", enrolment.user}, {"uri", enrolment.uri}, {"secret", enrolment.secret_base32}};
}

json SessionRowJson(const store::SessionRow& session, std::string_view state) {
  return {{"id", session.id},
          {"user", session.user},
          {"state", state},
          {"started_at", session.created_at},
          {"expires_at", session.expires_at},
          {"ended_at", session.ended_at},
          {"ended_by", session.ended_by},
          {"end_reason", session.end_reason}};
}

json SessionListJson(const std::vector<store::SessionRow>& sessions, std::string_view now) {
  json out = json::array();
  for (const auto& session : sessions) {
    out.push_back(SessionRowJson(session, authentication::SessionStateAt(session, now)));
  }
  return out;
}

json SignedInSessionJson(const store::Actor& actor, int64_t session, const std::string& expires_at,
                         int64_t idle_timeout_seconds) {
  return {{"user", actor.user},
          {"party", actor.party},
          {"role", actor.role},
          {"session", session},
          {"expires_at", expires_at},
          {"idle_timeout_seconds", idle_timeout_seconds}};
}

}  // namespace canje::wire
