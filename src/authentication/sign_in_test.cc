// Signing in, on a real store (instance/testing/test_instance.h): an admin prepares a user, the user signs in with the right
// password and code, and every way it can go wrong — wrong password, wrong or replayed code,
// too many failures, an idle or ended session, a forged cookie — is refused with the log
// saying what happened and nothing else changed.
#include "authentication/sign_in.h"

#include <gtest/gtest.h>

#include "core/clock.h"
#include "instance/testing/test_instance.h"
#include "protect/totp.h"

namespace canje::authentication {
namespace {

constexpr std::string_view kPassword = "a long enough passphrase";
// scrypt at a test's cost; the stored hash carries it, so sign-in verifies at the same cost.
constexpr protect::PasswordCost kCheap{1024, 8, 1};

class SignInTest : public instance::testing::VenezuelaNegotiatorTest {
 protected:
  void SetUp() override {
    VenezuelaNegotiatorTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(SetPassword(*admin_, "ven", kPassword, kCheap).ok());
    auto enrolment = EnrolTotp(*admin_, "ven");
    ASSERT_TRUE(enrolment.ok()) << enrolment.status().ToString();
    secret_ = *protect::Base32Decode(enrolment->secret_base32);
    auto ven = store_.Open("ven");
    ASSERT_TRUE(ven.ok()) << ven.status().ToString();
    ven_ = std::move(*ven);
  }
  std::string Code(int64_t unix_seconds) {
    return protect::HotpCode(secret_, static_cast<uint64_t>(protect::TotpStep(unix_seconds)));
  }
  int64_t LogSize() { return *admin_->store().EventCount(); }
  std::vector<std::string> EventTypesSince(int64_t size) {
    std::vector<std::string> types;
    auto events = admin_->store().Events(size, LogSize() - size);
    for (const auto& event : *events) types.push_back(event.type);
    return types;
  }
  SignInOutcome SignInAt(std::string_view password, std::string_view code, int64_t now) {
    auto outcome = SignIn(*ven_, password, code, now);
    EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
    return *outcome;
  }

  std::unique_ptr<instance::Instance> ven_;
  Bytes secret_;
  const int64_t now_ = 1'800'000'000;
};

TEST_F(SignInTest, TheRightPasswordAndCodeOpenASessionThatTheCookieResolves) {
  const int64_t before = LogSize();
  SignInOutcome outcome = SignInAt(kPassword, Code(now_), now_);
  ASSERT_TRUE(std::holds_alternative<SignedIn>(outcome));
  const SignedIn& signed_in = std::get<SignedIn>(outcome);
  EXPECT_EQ(EventTypesSince(before), std::vector<std::string>{"session.started"});
  EXPECT_EQ(signed_in.expires_at, Rfc3339FromUnix(now_ + 12 * 3600));
  auto session = ResolveSession(*admin_, signed_in.cookie, now_ + 10);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  EXPECT_EQ(session->user, "ven");
  EXPECT_EQ(session->id, signed_in.session_id);
  EXPECT_TRUE(session->renewed_cookie.empty()) << "no renewal within the first minute";
  EXPECT_TRUE(CsrfTokenMatches(*session, signed_in.csrf_token));
  EXPECT_FALSE(CsrfTokenMatches(*session, ""));
  EXPECT_FALSE(CsrfTokenMatches(*session, signed_in.csrf_token + "x"));
  // Activity renews the cookie; the renewed cookie keeps the session alive past the idle time
  // of the first.
  auto later = ResolveSession(*admin_, signed_in.cookie, now_ + 20 * 60);
  ASSERT_TRUE(later.ok());
  ASSERT_FALSE(later->renewed_cookie.empty());
  EXPECT_FALSE(ResolveSession(*admin_, signed_in.cookie, now_ + 40 * 60)
                   .ok());
  EXPECT_TRUE(
      ResolveSession(*admin_, later->renewed_cookie, now_ + 40 * 60).ok());
  // Whatever the activity, the session ends at its lifetime.
  const int64_t end = now_ + 12 * 3600;
  std::string cookie = signed_in.cookie;
  for (int64_t t = now_ + 25 * 60; t < end + 25 * 60; t += 25 * 60) {
    auto step = ResolveSession(*admin_, cookie, t);
    EXPECT_EQ(step.ok(), t < end) << t - now_;
    if (!step.ok()) break;
    if (!step->renewed_cookie.empty()) cookie = step->renewed_cookie;
  }
}

TEST_F(SignInTest, AWrongPasswordOrCodeIsRefusedAlikeAndLogged) {
  const int64_t before = LogSize();
  for (auto [password, code] : {std::pair<std::string, std::string>{"a wrong passphrase!", Code(now_)},
                                {std::string(kPassword), "000000"},
                                {std::string(kPassword), ""}}) {
    SignInOutcome outcome = SignInAt(password, code, now_);
    ASSERT_TRUE(std::holds_alternative<SignInRefused>(outcome));
    const SignInRefused& refused = std::get<SignInRefused>(outcome);
    EXPECT_EQ(refused.kind, SignInRefused::Kind::kWrong);
    EXPECT_EQ(refused.message, RefuseUnknownName(password).message)
        << "a wrong password, a wrong code and an unknown name read the same";
  }
  EXPECT_EQ(EventTypesSince(before),
            (std::vector<std::string>{"sign_in.failed", "sign_in.failed", "sign_in.failed"}));
  auto state = ReadCredentialState(*admin_, "ven");
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->failed_sign_ins, 3);
}

TEST_F(SignInTest, ACodeIsAcceptedOnce) {
  const std::string code = Code(now_);
  ASSERT_TRUE(std::holds_alternative<SignedIn>(SignInAt(kPassword, code, now_)));
  SignInOutcome replay = SignInAt(kPassword, code, now_ + 5);
  ASSERT_TRUE(std::holds_alternative<SignInRefused>(replay));
  EXPECT_EQ(std::get<SignInRefused>(replay).kind, SignInRefused::Kind::kWrong);
  // The next step's code works.
  EXPECT_TRUE(std::holds_alternative<SignedIn>(SignInAt(kPassword, Code(now_ + 30), now_ + 30)));
}

TEST_F(SignInTest, FailuresInARowSlowDownThenLockUntilAnAdminUnlocks) {
  int64_t t = now_;
  for (int i = 0; i < 3; ++i) SignInAt("a wrong passphrase!", Code(t), t);
  // The fourth attempt must wait; during the wait even the right password is not tried.
  SignInOutcome waiting = SignInAt(kPassword, Code(t), t);
  ASSERT_TRUE(std::holds_alternative<SignInRefused>(waiting));
  EXPECT_EQ(std::get<SignInRefused>(waiting).kind, SignInRefused::Kind::kWait);
  EXPECT_GT(std::get<SignInRefused>(waiting).retry_after_seconds, 0);
  // Waiting as told each time, the tenth failure locks.
  SignInRefused last;
  for (int i = 3; i < 10; ++i) {
    t += 61;
    SignInOutcome outcome = SignInAt("a wrong passphrase!", Code(t), t);
    last = std::get<SignInRefused>(outcome);
  }
  EXPECT_EQ(last.kind, SignInRefused::Kind::kLocked);
  t += 61;
  SignInOutcome locked = SignInAt(kPassword, Code(t), t);
  ASSERT_TRUE(std::holds_alternative<SignInRefused>(locked));
  EXPECT_EQ(std::get<SignInRefused>(locked).kind, SignInRefused::Kind::kLocked);
  auto unlocked = Unlock(*admin_, "ven", "confirmed by telephone");
  ASSERT_TRUE(unlocked.ok() && *unlocked);
  EXPECT_TRUE(std::holds_alternative<SignedIn>(SignInAt(kPassword, Code(t + 30), t + 30)));
}

TEST_F(SignInTest, AForgedEndedOrSignedOutSessionIsRefused) {
  SignedIn one = std::get<SignedIn>(SignInAt(kPassword, Code(now_), now_));
  // A cookie changed anywhere is refused.
  for (size_t at : {size_t{0}, one.cookie.find('.') + 1, one.cookie.size() - 1}) {
    std::string forged = one.cookie;
    forged[at] = forged[at] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(ResolveSession(*admin_, forged, now_ + 1).ok()) << at;
  }
  // Moving the last-activity time forward (to outlive the idle limit) breaks the MAC.
  std::string moved = one.cookie;
  size_t first = moved.find('.'), second = moved.find('.', first + 1);
  moved.replace(first + 1, second - first - 1, std::to_string(now_ + 3600));
  EXPECT_FALSE(ResolveSession(*admin_, moved, now_ + 3600).ok());
  for (const char* garbage : {"", ".", "..", "abc", "a.b.c"}) {
    EXPECT_FALSE(ResolveSession(*admin_, garbage, now_).ok()) << garbage;
  }
  // Signing out ends it; an admin ends another.
  ASSERT_TRUE(SignOut(*ven_, one.session_id).ok());
  auto after = ResolveSession(*admin_, one.cookie, now_ + 2);
  ASSERT_FALSE(after.ok());
  EXPECT_NE(after.status().message().find("signed out"), std::string::npos);
  SignedIn two = std::get<SignedIn>(SignInAt(kPassword, Code(now_ + 30), now_ + 30));
  auto ended = EndSessionByAdmin(*admin_, two.session_id, "laptop lost");
  ASSERT_TRUE(ended.ok() && *ended);
  EXPECT_FALSE(ResolveSession(*admin_, two.cookie, now_ + 31).ok());
  EXPECT_FALSE(*EndSessionByAdmin(*admin_, two.session_id, "again"));
  // Only an admin manages sessions and credentials.
  EXPECT_EQ(EndSessionByAdmin(*ven_, two.session_id, "x").status().code(),
            StatusCode::kNotPermitted);
  EXPECT_EQ(SetPassword(*ven_, "ven", "another long passphrase").code(),
            StatusCode::kNotPermitted);
  EXPECT_EQ(ListSessions(*ven_, "", false).status().code(), StatusCode::kNotPermitted);
  EXPECT_EQ(SignOut(*ven_, two.session_id).code(), StatusCode::kNotFound) << "already ended";
}

TEST_F(SignInTest, ANewPasswordOrSecondFactorEndsTheUsersOpenSessions) {
  SignedIn one = std::get<SignedIn>(SignInAt(kPassword, Code(now_), now_));
  SignedIn two = std::get<SignedIn>(SignInAt(kPassword, Code(now_ + 30), now_ + 30));
  SignedIn gone = std::get<SignedIn>(SignInAt(kPassword, Code(now_ + 60), now_ + 60));
  ASSERT_TRUE(SignOut(*ven_, gone.session_id).ok());
  ASSERT_TRUE(ResolveSession(*admin_, one.cookie, now_ + 61).ok());

  const int64_t before = LogSize();
  constexpr std::string_view kNew = "another long enough passphrase";
  ASSERT_TRUE(SetPassword(*admin_, "ven", kNew, kCheap).ok());
  // The two open sessions end in the same change; the one signed out is not ended again.
  EXPECT_EQ(EventTypesSince(before),
            (std::vector<std::string>{"user.password_set", "session.ended", "session.ended"}));
  for (const SignedIn& session : {one, two}) {
    auto refused = ResolveSession(*admin_, session.cookie, now_ + 62);
    ASSERT_FALSE(refused.ok()) << session.session_id;
    EXPECT_NE(refused.status().message().find("password set by"), std::string::npos)
        << refused.status().message();
  }
  // The new password opens a session; the old one no longer does.
  EXPECT_TRUE(std::holds_alternative<SignInRefused>(SignInAt(kPassword, Code(now_ + 90), now_ + 90)));
  SignedIn three = std::get<SignedIn>(SignInAt(kNew, Code(now_ + 120), now_ + 120));
  ASSERT_TRUE(ResolveSession(*admin_, three.cookie, now_ + 121).ok());

  // A second factor enrolled again ends it too.
  const int64_t enrolled_at = LogSize();
  ASSERT_TRUE(EnrolTotp(*admin_, "ven").ok());
  EXPECT_EQ(EventTypesSince(enrolled_at),
            (std::vector<std::string>{"user.totp_enrolled", "session.ended"}));
  EXPECT_FALSE(ResolveSession(*admin_, three.cookie, now_ + 122).ok());
}

TEST_F(SignInTest, AUserWithoutBothFactorsCannotSignIn) {
  store_.AddUser("slv", "VEN", "observer");
  ASSERT_TRUE(SetPassword(*admin_, "slv", kPassword, kCheap).ok());
  auto slv = store_.Open("slv");
  ASSERT_TRUE(slv.ok()) << slv.status().ToString();
  auto outcome = SignIn(**slv, kPassword, "123456", now_);
  ASSERT_TRUE(outcome.ok());
  ASSERT_TRUE(std::holds_alternative<SignInRefused>(*outcome));
  EXPECT_EQ(std::get<SignInRefused>(*outcome).kind, SignInRefused::Kind::kWrong)
      << "answered as a wrong password: sign-in does not say which accounts exist";
  EXPECT_EQ(SetPassword(*admin_, "slv", "short").code(), StatusCode::kUsage);
  EXPECT_EQ(SetPassword(*admin_, "nobody", kPassword, kCheap).code(), StatusCode::kNotFound);
}

// What `canje user session list` and GET /v1/sessions say of a session.
TEST(SessionStateTest, EndedThenExpiredThenOpen) {
  store::SessionRow session;
  session.expires_at = "2030-01-01T22:00:00Z";
  EXPECT_EQ(SessionStateAt(session, "2030-01-01T12:00:00Z"), "open");
  EXPECT_EQ(SessionStateAt(session, "2030-01-01T22:00:00Z"), "expired");
  session.ended_at = "2030-01-01T11:00:00Z";
  EXPECT_EQ(SessionStateAt(session, "2030-01-01T12:00:00Z"), "ended");
}

}  // namespace
}  // namespace canje::authentication
