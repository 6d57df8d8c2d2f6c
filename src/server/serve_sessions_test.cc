// Sessions across two `canje serve` processes sharing one store: each server remembers a
// session it read for a moment (docs/security.md, "Sessions checked a moment ago"), so a
// session ended through one server must stop working there at once and on the other within
// that bound. The real binary twice, over loopback. Backend-neutral.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "cli/cli_test_support.h"
#include "core/clock.h"
#include "protect/totp.h"
#include "server/serve_test_support.h"

namespace canje::server::testing {
namespace {

using nlohmann::json;

class ServeSessionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    canje_.Init();
    admin_token_ = CreateApiToken(canje_, "admin");
    const std::string password = "a synthetic passphrase for the test";
    ASSERT_EQ(
        canje_.Run({"user", "password", "set", "admin"}, {"CANJE_PASSWORD=" + password}).exit_status,
        0);
    const json enrolled = json::parse(canje_.RunOk({"--json", "user", "totp", "enrol", "admin"}));
    const auto secret = protect::Base32Decode(enrolled.at("secret").get<std::string>());
    ASSERT_TRUE(secret);
    first_ = std::make_unique<ServeProcess>(canje_);
    second_ = std::make_unique<ServeProcess>(canje_);
    ASSERT_NE(first_->port(), 0) << first_->error();
    ASSERT_NE(second_->port(), 0) << second_->error();

    HttpTestClient first(first_->port());
    const std::string code = protect::HotpCode(*secret, protect::TotpStep(NowUnixSeconds()));
    HttpResult signed_in = first.Send(
        "POST", "/v1/session", "",
        json{{"name", "admin"}, {"password", password}, {"code", code}}.dump());
    ASSERT_EQ(signed_in.status, 201) << signed_in.body;
    const std::string set_cookie = signed_in.Header("set-cookie");
    cookie_ = set_cookie.substr(0, set_cookie.find(';'));
    csrf_ = json::parse(signed_in.body).at("csrf_token");
    session_ = json::parse(signed_in.body).at("session");
    // Both servers have now read the session, and remember it.
    for (int i = 0; i < 3; ++i) {
      ASSERT_EQ(WhoAmI(*first_), 200);
      ASSERT_EQ(WhoAmI(*second_), 200);
    }
  }

  int WhoAmI(const ServeProcess& server) {
    HttpTestClient client(server.port());
    return client.Send("GET", "/v1/whoami", "", "", {{"Cookie", cookie_}}).status;
  }
  // The second server's answer to the cookie, asked every 50 ms until it is 401 or a minute
  // has passed (far beyond the stated bound of a second: this checks that the end arrives, not
  // how fast).
  int SecondServerOnceRefused() {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    int status = WhoAmI(*second_);
    while (status == 200 && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      status = WhoAmI(*second_);
    }
    return status;
  }

  CanjeRunner canje_;
  std::string admin_token_;
  std::unique_ptr<ServeProcess> first_, second_;
  std::string cookie_, csrf_;
  int64_t session_ = 0;
};

TEST_F(ServeSessionsTest, SignedOutThroughOneServerTheOtherRefusesTheCookieSoonAfter) {
  HttpTestClient first(first_->port());
  HttpResult out =
      first.Send("DELETE", "/v1/session", "", "", {{"Cookie", cookie_}, {"X-CSRF-Token", csrf_}});
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(WhoAmI(*first_), 401) << "the server that signed the session out";
  EXPECT_EQ(SecondServerOnceRefused(), 401) << "the other server sharing the store";
}

TEST_F(ServeSessionsTest, EndedByAnAdminOnTheCommandLineBothServersRefuseTheCookieSoonAfter) {
  canje_.RunOk({"user", "session", "end", std::to_string(session_), "--reason",
                "account disabled"});
  EXPECT_EQ(SecondServerOnceRefused(), 401);
  EXPECT_EQ(WhoAmI(*first_), 401);
}

TEST_F(ServeSessionsTest, EndedByAnAdminThroughOneServerItRefusesTheCookieAtOnce) {
  HttpTestClient first(first_->port());
  HttpResult ended = first.Send("DELETE", "/v1/sessions/S" + std::to_string(session_),
                                admin_token_, R"({"reason":"account disabled"})");
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(WhoAmI(*first_), 401);
  EXPECT_EQ(SecondServerOnceRefused(), 401);
}

}  // namespace
}  // namespace canje::server::testing
