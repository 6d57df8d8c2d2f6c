// The API without sockets: Api::Handle on a fresh store (instance/testing/test_instance.h), for the order of the checks
// (target, token, route, method), the problem bodies and the headers every response carries.
#include "server/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "authentication/api_tokens.h"
#include "authentication/sign_in.h"
#include "core/clock.h"
#include "instance/testing/test_instance.h"
#include "protect/totp.h"
#include "server/api_transcript.h"
#include "server/openapi_document.h"

namespace canje::server {
namespace {

namespace http = boost::beast::http;
using nlohmann::json;

class ApiTest : public instance::testing::VenezuelaNegotiatorTest {
 protected:
  void SetUp() override {
    VenezuelaNegotiatorTest::SetUp();
    if (HasFatalFailure()) return;
    auto created = authentication::CreateApiToken(*admin_, "ven", std::nullopt);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    token_ = created->token;
    token_id_ = created->id;
    pool_ = std::make_unique<InstancePool>(InstancePool::Options{store_.options()});
    auto api = Api::Create(*pool_);
    ASSERT_TRUE(api.ok()) << api.status().ToString();
    api_ = std::move(*api);
  }
  void TearDown() override {
    api_.reset();
    pool_.reset();
  }

  // The request through Api::Handle, its answer written to the API transcript
  // (server/api_transcript.h).
  HttpResponse Handle(HttpRequest& request) {
    request.prepare_payload();
    HttpResponse response = api_->Handle(request);
    testing::RecordAnswer(std::string(request.method_string()), std::string(request.target()),
                          response.result_int(), std::string(response[http::field::content_type]),
                          response.body());
    return response;
  }
  HttpResponse Send(http::verb method, const std::string& target, const std::string& token,
                    const std::string& body = "") {
    HttpRequest request{method, target, 11};
    if (!token.empty()) request.set(http::field::authorization, "Bearer " + token);
    request.body() = body;
    return Handle(request);
  }
  // A request authenticated by a session cookie ("canje_session=…"), with the CSRF token when
  // `csrf` is not empty.
  HttpResponse SendWithCookie(http::verb method, const std::string& target,
                              const std::string& cookie, const std::string& csrf,
                              const std::string& body = "") {
    HttpRequest request{method, target, 11};
    request.set(http::field::cookie, cookie);
    if (!csrf.empty()) request.set("X-CSRF-Token", csrf);
    request.body() = body;
    return Handle(request);
  }
  // Gives `user` a password and a second factor; returns the factor's secret.
  Bytes PrepareSignIn(const std::string& user, const std::string& password) {
    EXPECT_TRUE(
        authentication::SetPassword(*admin_, user, password, protect::PasswordCost{1024, 8, 1})
            .ok());
    auto enrolment = authentication::EnrolTotp(*admin_, user);
    EXPECT_TRUE(enrolment.ok());
    return *protect::Base32Decode(enrolment->secret_base32);
  }
  HttpResponse SignIn(const std::string& name, const std::string& password, const Bytes& secret) {
    std::string code = protect::HotpCode(secret, protect::TotpStep(NowUnixSeconds()));
    return Send(http::verb::post, "/v1/session", "",
                json{{"name", name}, {"password", password}, {"code", code}}.dump());
  }
  static std::string CookieOf(const HttpResponse& signed_in) {
    std::string set_cookie(signed_in[http::field::set_cookie]);
    return set_cookie.substr(0, set_cookie.find(';'));
  }

  static json Problem(const HttpResponse& response, int status) {
    EXPECT_EQ(response.result_int(), static_cast<unsigned>(status)) << response.body();
    EXPECT_EQ(response[http::field::content_type], "application/problem+json");
    json body = json::parse(response.body(), nullptr, false);
    EXPECT_EQ(body["status"], status) << response.body();
    return body;
  }

  std::string token_;
  int64_t token_id_ = 0;
  std::unique_ptr<InstancePool> pool_;
  std::unique_ptr<Api> api_;
};

TEST_F(ApiTest, ATokenActsAsItsUserWithTheCommonHeaders) {
  HttpResponse response = Send(http::verb::get, "/v1/whoami", token_);
  ASSERT_EQ(response.result_int(), 200u) << response.body();
  EXPECT_EQ(response[http::field::content_type], "application/json");
  EXPECT_EQ(response[http::field::cache_control], "no-store");
  EXPECT_EQ(response["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(json::parse(response.body()),
            (json{{"user", "ven"}, {"party", "VEN"}, {"role", "negotiator"}}));
  Send(http::verb::get, "/v1/whoami", token_);
  EXPECT_GE(pool_->IdleCount(), 2u) << "the token check's and the user's instances are reused";
}

TEST_F(ApiTest, WithoutAValidTokenOnly401IsSaid) {
  for (const std::string& token :
       {std::string(), std::string("canje_short"), authentication::GenerateTokenText()}) {
    HttpResponse response = Send(http::verb::get, "/v1/no-such-path", token);
    json body = Problem(response, 401);
    EXPECT_EQ(response[http::field::www_authenticate], "Bearer");
    EXPECT_EQ(body["type"], "urn:canje:problem:unauthorized");
  }
  auto revoked = authentication::RevokeApiToken(*admin_, token_id_);
  ASSERT_TRUE(revoked.ok() && *revoked);
  json body = Problem(Send(http::verb::get, "/v1/whoami", token_), 401);
  EXPECT_NE(body["detail"].get<std::string>().find("revoked"), std::string::npos);
  EXPECT_FALSE(*authentication::RevokeApiToken(*admin_, token_id_))
      << "a second revocation changes nothing";
}

TEST_F(ApiTest, AnExpiredTokenIsRefused) {
  std::string token = authentication::GenerateTokenText();
  Sha256Hash hash = authentication::HashToken(token);
  ASSERT_TRUE(admin_
                  ->Change([&](instance::Recorder& recorder) -> Status {
                    CANJE_ASSIGN_OR_RETURN(int64_t seq,
                                           recorder.Record("api_token.created", {"VEN"}, {}));
                    store::ApiTokenRow row;
                    row.user = "ven";
                    row.token_sha256.assign(hash.begin(), hash.end());
                    row.expires_at = "2001-01-01T00:00:00Z";
                    row.event_seq = seq;
                    return store::AddApiToken(recorder.transaction(), row).status();
                  })
                  .ok());
  json body = Problem(Send(http::verb::get, "/v1/whoami", token), 401);
  EXPECT_NE(body["detail"].get<std::string>().find("expired"), std::string::npos);
}

TEST_F(ApiTest, RoutesMethodsAndBodiesAreCheckedAfterTheToken) {
  EXPECT_EQ(Problem(Send(http::verb::get, "/v1/nothing", token_), 404)["type"],
            "urn:canje:problem:no_route");
  HttpResponse wrong = Send(http::verb::put, "/v1/proposals/V1/accept", token_);
  Problem(wrong, 405);
  EXPECT_EQ(wrong[http::field::allow], "POST");
  json malformed = Problem(
      Send(http::verb::post, "/v1/proposals/V1/accept", token_, "{\n\"party\" \"VEN\"}"), 400);
  EXPECT_EQ(malformed["line"], 2);
  EXPECT_EQ(malformed["column"], 13);  // where the parser stopped: the end of "VEN"
  json not_object = Problem(Send(http::verb::post, "/v1/proposals/V1/accept", token_, "[]"), 400);
  EXPECT_EQ(not_object["pointer"], "");
  json bad_type = Problem(
      Send(http::verb::post, "/v1/proposals/V1/reject", token_, R"({"party": "VEN", "reason": 7})"),
      400);
  EXPECT_EQ(bad_type["pointer"], "/reason");
  EXPECT_EQ(Problem(Send(http::verb::get, "/v1/persons/P1", token_), 404)["type"],
            "urn:canje:problem:not_found");
  EXPECT_EQ(Problem(Send(http::verb::get, "/v1/persons?limit=x", token_), 400)["parameter"],
            "limit");
  HttpResponse checkpoint = Send(http::verb::get, "/v1/log/checkpoint", token_);
  ASSERT_EQ(checkpoint.result_int(), 200u) << checkpoint.body();
  EXPECT_EQ(checkpoint[http::field::content_type], "text/plain; charset=utf-8");
}

// Findings of a probe that crashed or misled the server: each request must get its documented
// status and a problem body that is itself valid JSON, and the server must keep answering.
TEST_F(ApiTest, BytesThatAreNotUtf8AreRefusedNeverFatal) {
  // Without a token, whatever the target, only 401 is said.
  for (const char* target : {"/v1/\xff%zz", "/v1/%zz", "/v1/persons/P%ff"}) {
    json body = Problem(Send(http::verb::get, target, ""), 401);
    EXPECT_EQ(body["type"], "urn:canje:problem:unauthorized") << target;
  }
  for (const char* target : {"/v1/\xff%zz", "/v1/persons/P%ff", "/v1/persons/P\xff"}) {
    Problem(Send(http::verb::get, target, token_), 400);
  }
  for (const std::string parameter : {"nationality", "list", "name", "holder"}) {
    json body = Problem(Send(http::verb::get, "/v1/persons?" + parameter + "=L%ff", token_), 400);
    EXPECT_EQ(body["parameter"], parameter);
    EXPECT_NE(body["detail"].get<std::string>().find("\\xff"), std::string::npos) << body;
  }
  for (const std::string& bad_body :
       {std::string("{\"party\":\"VE\xff\"}"), std::string("{\"party\":\"\xc0\xaf\"}"),
        std::string("\xff\xfe{\0\"\0p\0\"\0:\0\"\0V\0\"\0}\0", 20),  // UTF-16, 20 bytes
        std::string("{\"party\":\"V\xe2\x82\"}")}) {
    json body = Problem(Send(http::verb::post, "/v1/proposals/V1/accept", token_, bad_body), 400);
    EXPECT_EQ(body["type"], "urn:canje:problem:malformed_json") << body;
  }
  ASSERT_EQ(Send(http::verb::get, "/v1/whoami", token_).result_int(), 200u);
}

TEST_F(ApiTest, ALookUpOfNothingIsAUsageErrorNotACrash) {
  for (const char* target : {"/v1/persons?document=-", "/v1/persons?document=.",
                             "/v1/persons?document=%00", "/v1/persons?exact_name=."}) {
    json body = Problem(Send(http::verb::get, target, token_), 400);
    EXPECT_NE(body["detail"].get<std::string>().find("to look up"), std::string::npos) << body;
  }
}

TEST_F(ApiTest, NumbersAndFiltersOutOfRangeAreRefused) {
  EXPECT_EQ(Problem(Send(http::verb::get, "/v1/log/proof/inclusion?index=0&size=-5", token_),
                    400)["parameter"],
            "size");
  EXPECT_EQ(Problem(Send(http::verb::get, "/v1/log/proof/consistency?old=1&new=-1", token_),
                    400)["parameter"],
            "new");
  for (const char* number : {"+1", " 1", "1e3", "0x10", "99999999999999999999"}) {
    Problem(Send(http::verb::get, std::string("/v1/persons?limit=") + number, token_), 400);
  }
  json huge = Problem(
      Send(http::verb::post, "/v1/proposals/V1/accept", token_, R"({"party": 1e999999})"), 400);
  EXPECT_EQ(huge["pointer"], "");
  for (const char* filter : {"category=minor%25", "status=held'--", "holder=VEN;", "status=hel"}) {
    Problem(Send(http::verb::get, std::string("/v1/persons?") + filter, token_), 400);
  }
  ASSERT_EQ(Send(http::verb::get, "/v1/persons?category=minor&status=held", token_).result_int(),
            200u);
}

TEST_F(ApiTest, ABodyIsScreenedByTheTokenBeforeItIsRead) {
  HttpRequest header{http::verb::post, "/v1/proposals/V1/accept", 11};
  header.set(http::field::content_length, "1048576");
  std::optional<HttpResponse> refusal = api_->Screen(header);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->result_int(), 401u);
  EXPECT_FALSE(refusal->keep_alive());
  header.set(http::field::authorization, "Bearer " + token_);
  EXPECT_FALSE(api_->Screen(header)) << "a valid token lets the body be read";
}

// A person signing in: the cookie acts as them, a change needs the CSRF token, signing out
// ends it; a wrong password and an unknown name read alike.
TEST_F(ApiTest, APersonSignsInActsWithTheCookieAndSignsOut) {
  Bytes secret = PrepareSignIn("ven", "a long enough passphrase");
  json wrong = Problem(SignIn("ven", "not the passphrase!", secret), 401);
  json unknown = Problem(SignIn("nobody", "not the passphrase!", secret), 401);
  EXPECT_EQ(wrong["detail"], unknown["detail"]);
  EXPECT_EQ(wrong["type"], "urn:canje:problem:sign_in_failed");

  HttpResponse signed_in = SignIn("ven", "a long enough passphrase", secret);
  ASSERT_EQ(signed_in.result_int(), 201u) << signed_in.body();
  json body = json::parse(signed_in.body());
  EXPECT_EQ(body["user"], "ven");
  EXPECT_NE(
      std::string(signed_in[http::field::set_cookie]).find("HttpOnly; SameSite=Strict; Secure"),
      std::string::npos);
  const std::string cookie = CookieOf(signed_in);
  const std::string csrf = body["csrf_token"];

  HttpResponse who = SendWithCookie(http::verb::get, "/v1/whoami", cookie, "");
  ASSERT_EQ(who.result_int(), 200u) << who.body();
  EXPECT_EQ(json::parse(who.body())["user"], "ven");
  HttpResponse session = SendWithCookie(http::verb::get, "/v1/session", cookie, "");
  ASSERT_EQ(session.result_int(), 200u) << session.body();
  EXPECT_EQ(json::parse(session.body())["session"], body["session"]);
  // A change without the CSRF token is refused before anything is looked at; with it, it
  // reaches the handler (here: no such proposal).
  json csrf_missing = Problem(
      SendWithCookie(http::verb::post, "/v1/proposals/V1/accept", cookie, "", R"({"party":"VEN"})"),
      403);
  EXPECT_EQ(csrf_missing["type"], "urn:canje:problem:csrf");
  Problem(SendWithCookie(http::verb::post, "/v1/proposals/V1/accept", cookie, csrf,
                         R"({"party":"VEN"})"),
          404);
  HttpResponse out = SendWithCookie(http::verb::delete_, "/v1/session", cookie, csrf);
  ASSERT_EQ(out.result_int(), 200u) << out.body();
  EXPECT_NE(std::string(out[http::field::set_cookie]).find("Max-Age=0"), std::string::npos);
  Problem(SendWithCookie(http::verb::get, "/v1/whoami", cookie, ""), 401);
  // A token is not a session: there is no session of its own to read.
  Problem(Send(http::verb::get, "/v1/session", token_), 404);
}

// An admin sees who is signed in and ends a session (a lost tablet); the person's cookie stops
// working at once. Negotiators may not list sessions.
TEST_F(ApiTest, AnAdminListsAndEndsAPersonsSession) {
  Bytes secret = PrepareSignIn("ven", "a long enough passphrase");
  HttpResponse signed_in = SignIn("ven", "a long enough passphrase", secret);
  ASSERT_EQ(signed_in.result_int(), 201u) << signed_in.body();
  const std::string cookie = CookieOf(signed_in);
  const int64_t session = json::parse(signed_in.body())["session"];
  auto admin_token = authentication::CreateApiToken(*admin_, admin_->actor().user, std::nullopt);
  ASSERT_TRUE(admin_token.ok()) << admin_token.status().ToString();

  HttpResponse listed =
      Send(http::verb::get, "/v1/sessions?user=ven&open=true", admin_token->token);
  ASSERT_EQ(listed.result_int(), 200u) << listed.body();
  json sessions = json::parse(listed.body());
  ASSERT_EQ(sessions.size(), 1u) << listed.body();
  EXPECT_EQ(sessions[0]["id"], session);
  EXPECT_EQ(sessions[0]["state"], "open");
  Problem(Send(http::verb::get, "/v1/sessions", token_), 403);

  const std::string target = "/v1/sessions/S" + std::to_string(session);
  Problem(Send(http::verb::delete_, target, admin_token->token, "{}"), 400);
  HttpResponse ended =
      Send(http::verb::delete_, target, admin_token->token, R"({"reason":"tablet lost"})");
  ASSERT_EQ(ended.result_int(), 200u) << ended.body();
  EXPECT_EQ(json::parse(ended.body())["changed"], true);
  Problem(SendWithCookie(http::verb::get, "/v1/whoami", cookie, ""), 401);
  json after =
      json::parse(Send(http::verb::get, "/v1/sessions?user=ven", admin_token->token).body());
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0]["state"], "ended");
  EXPECT_EQ(after[0]["end_reason"], "ended by admin: tablet lost");
  HttpResponse again =
      Send(http::verb::delete_, target, admin_token->token, R"({"reason":"tablet lost"})");
  EXPECT_EQ(json::parse(again.body())["changed"], false) << "a second end changes nothing";
}

// A session read from the store is remembered for ApiOptions::session_recheck (here an hour,
// so that only the forgetting below can end it): a cookie used, then signed out, is refused by
// the very next request; so is one an admin ends through the server. Each request before the
// change is answered from the memory (the second GET finds the session without the store).
class RememberedSessionTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    ApiOptions options;
    options.session_recheck = std::chrono::hours(1);
    auto api = Api::Create(*pool_, options);
    ASSERT_TRUE(api.ok()) << api.status().ToString();
    api_ = std::move(*api);
    secret_ = PrepareSignIn("ven", "a long enough passphrase");
    HttpResponse signed_in = SignIn("ven", "a long enough passphrase", secret_);
    ASSERT_EQ(signed_in.result_int(), 201u) << signed_in.body();
    cookie_ = CookieOf(signed_in);
    csrf_ = json::parse(signed_in.body())["csrf_token"];
    session_ = json::parse(signed_in.body())["session"];
    for (int i = 0; i < 3; ++i) {
      HttpResponse who = SendWithCookie(http::verb::get, "/v1/whoami", cookie_, "");
      ASSERT_EQ(who.result_int(), 200u) << who.body();
    }
  }
  Bytes secret_;
  std::string cookie_, csrf_;
  int64_t session_ = 0;
};

TEST_F(RememberedSessionTest, SignedOutTheNextRequestWithTheCookieIs401) {
  HttpResponse out = SendWithCookie(http::verb::delete_, "/v1/session", cookie_, csrf_);
  ASSERT_EQ(out.result_int(), 200u) << out.body();
  json refused = Problem(SendWithCookie(http::verb::get, "/v1/whoami", cookie_, ""), 401);
  EXPECT_NE(refused["detail"].get<std::string>().find("ended"), std::string::npos) << refused;
}

TEST_F(RememberedSessionTest, EndedByAnAdminThroughTheServerTheNextRequestIs401) {
  auto admin_token = authentication::CreateApiToken(*admin_, admin_->actor().user, std::nullopt);
  ASSERT_TRUE(admin_token.ok()) << admin_token.status().ToString();
  HttpResponse ended = Send(http::verb::delete_, "/v1/sessions/S" + std::to_string(session_),
                            admin_token->token, R"({"reason":"account disabled"})");
  ASSERT_EQ(ended.result_int(), 200u) << ended.body();
  Problem(SendWithCookie(http::verb::get, "/v1/whoami", cookie_, ""), 401);
  Problem(SendWithCookie(http::verb::get, "/v1/session", cookie_, ""), 401);
}

// Ended behind the server's back (as another process sharing the store would, such as
// `canje user session end`): the memory still holds the session — that is the bound
// docs/security.md states — until any change made through this server empties it.
TEST_F(RememberedSessionTest, EndedOutsideTheServerItIsRememberedUntilTheNextChangeHere) {
  auto ended = authentication::EndSessionByAdmin(*admin_, session_, "account disabled");
  ASSERT_TRUE(ended.ok() && *ended) << ended.status().ToString();
  HttpResponse remembered = SendWithCookie(http::verb::get, "/v1/whoami", cookie_, "");
  EXPECT_EQ(remembered.result_int(), 200u) << remembered.body();
  // Any change through the server (here one the handler refuses) forgets what was read.
  Send(http::verb::post, "/v1/proposals/V1/accept", token_, R"({"party":"VEN"})");
  Problem(SendWithCookie(http::verb::get, "/v1/whoami", cookie_, ""), 401);
}

// With no memory at all (session_recheck zero) every request reads the store.
TEST_F(ApiTest, WithoutARecheckTimeASessionEndedOutsideIsRefusedAtOnce) {
  ApiOptions options;
  options.session_recheck = std::chrono::milliseconds(0);
  auto api = Api::Create(*pool_, options);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  api_ = std::move(*api);
  Bytes secret = PrepareSignIn("ven", "a long enough passphrase");
  HttpResponse signed_in = SignIn("ven", "a long enough passphrase", secret);
  ASSERT_EQ(signed_in.result_int(), 201u) << signed_in.body();
  const std::string cookie = CookieOf(signed_in);
  ASSERT_EQ(SendWithCookie(http::verb::get, "/v1/whoami", cookie, "").result_int(), 200u);
  auto ended = authentication::EndSessionByAdmin(
      *admin_, json::parse(signed_in.body())["session"].get<int64_t>(), "account disabled");
  ASSERT_TRUE(ended.ok() && *ended) << ended.status().ToString();
  Problem(SendWithCookie(http::verb::get, "/v1/whoami", cookie, ""), 401);
}

TEST_F(ApiTest, HealthReadinessAndTheDescriptionNeedNoToken) {
  HttpResponse health = Send(http::verb::get, "/healthz", "");
  EXPECT_EQ(health.result_int(), 200u);
  EXPECT_EQ(health.body(), R"({"status":"ok"})");
  HttpResponse ready = Send(http::verb::get, "/readyz", "");
  EXPECT_EQ(ready.result_int(), 200u);
  EXPECT_EQ(ready.body(), R"({"status":"ready"})");
  HttpResponse description = Send(http::verb::get, "/v1/openapi.json", "");
  ASSERT_EQ(description.result_int(), 200u) << description.body();
  EXPECT_EQ(description[http::field::content_type], "application/json");
  EXPECT_EQ(description.body(), OpenApiDocument());
  Problem(Send(http::verb::get, "/healthz/x", ""), 401);
}

TEST(BearerTokenTest, TheSchemeIsReadCaseInsensitively) {
  EXPECT_EQ(BearerToken("Bearer canje_abc"), "canje_abc");
  EXPECT_EQ(BearerToken("bearer   canje_abc "), "canje_abc");
  EXPECT_EQ(BearerToken("Basic dXNlcjpwYXNz"), "");
  EXPECT_EQ(BearerToken("Bearer "), "");
  EXPECT_EQ(BearerToken(""), "");
}

}  // namespace
}  // namespace canje::server
