// Golden tests of tokens, TOTP enrolment and sessions (account_json.h), with synthetic users.
#include "wire/account_json.h"

#include <gtest/gtest.h>

#include "wire/golden.h"

namespace canje::wire {
namespace {

TEST(AccountJsonTest, Tokens) {
  store::ApiTokenRow token;
  token.id = 2;
  token.user = "negotiator.aaa";
  token.created_at = "2030-01-01T10:00:00Z";
  token.created_by = "admin";
  token.expires_at = "2030-04-01T10:00:00Z";
  token.revoked_at = "2030-02-01T10:00:00Z";
  token.revoked_by = "admin";
  nlohmann::json shapes = {
      {"created", CreatedTokenJson({2, "negotiator.aaa", "canje_synthetic", ""})},
      {"listed", ApiTokenJson(token, "revoked")},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "account_tokens"));
}

TEST(AccountJsonTest, TotpAndSessions) {
  store::SessionRow session;
  session.id = 5;
  session.user = "mediator.one";
  session.created_at = "2030-01-01T10:00:00Z";
  session.expires_at = "2030-01-01T22:00:00Z";
  session.ended_at = "2030-01-01T11:00:00Z";
  session.ended_by = "mediator.one";
  session.end_reason = "signed out";
  store::Actor actor;
  actor.user = "mediator.one";
  actor.party = "MED";
  actor.role = "mediator";
  nlohmann::json shapes = {
      {"totp", TotpEnrolmentJson({"mediator.one",
                                  "otpauth://totp/canje:mediator.one?secret=SYNTHETIC",
                                  "SYNTHETIC"})},
      {"session_row", SessionRowJson(session, "ended")},
      {"signed_in", SignedInSessionJson(actor, 5, "2030-01-01T22:00:00Z", 1800)},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "account_sessions"));
}

}  // namespace
}  // namespace canje::wire
