// The request log around the real API (no sockets): what a line holds, what it never holds,
// the request id a client sees, levels, and reopening the file.
#include "server/request_log.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "authentication/api_tokens.h"
#include "instance/parties_and_users.h"
#include "server/api.h"
#include "server/log_line.h"
#include "server/problem.h"

namespace canje::server {
namespace {

namespace http = boost::beast::http;
using nlohmann::json;

class RequestLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "canje-log-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
    instance::OpenOptions open{(dir_ / "canje.db").string(), (dir_ / "canje.db.key").string()};
    ASSERT_TRUE(instance::Instance::Initialize({open.database, open.master_key_file}).ok());
    {
      auto admin = instance::Instance::Open(open);
      ASSERT_TRUE(admin.ok()) << admin.status().ToString();
      ASSERT_TRUE(instance::AddParty(**admin, {"VEN", "Venezuela", "state"}).ok());
      ASSERT_TRUE(instance::AddUser(**admin, {"ven", "VEN", "negotiator"}).ok());
      auto created = authentication::CreateApiToken(**admin, "ven", std::nullopt);
      ASSERT_TRUE(created.ok()) << created.status().ToString();
      token_ = created->token;
    }
    pool_ = std::make_unique<InstancePool>(InstancePool::Options{open});
    auto api = Api::Create(*pool_);
    ASSERT_TRUE(api.ok()) << api.status().ToString();
    api_ = std::move(*api);
    log_path_ = dir_ / "serve.log";
    auto log = RequestLog::Open(log_path_.string(), LogLevel::kInfo);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    log_ = std::move(*log);
    handler_ = std::make_unique<LoggedHandler>(*api_, *log_);
  }
  void TearDown() override {
    handler_.reset();
    log_.reset();
    api_.reset();
    pool_.reset();
    std::filesystem::remove_all(dir_);
  }

  HttpResponse Send(http::verb method, const std::string& target, const std::string& token) {
    HttpRequest request{method, target, 11};
    if (!token.empty()) request.set(http::field::authorization, "Bearer " + token);
    request.prepare_payload();
    return handler_->Handle(request);
  }
  static std::string Read(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static std::vector<json> Lines(const std::string& text) {
    std::vector<json> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
    return lines;
  }

  std::filesystem::path dir_, log_path_;
  std::string token_;
  std::unique_ptr<InstancePool> pool_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<RequestLog> log_;
  std::unique_ptr<LoggedHandler> handler_;
};

TEST_F(RequestLogTest, ALineNamesTheRoutePatternUserStatusAndTheIdTheClientSaw) {
  HttpResponse found = Send(http::verb::get, "/v1/whoami", token_);
  HttpResponse missing = Send(http::verb::get, "/v1/persons/P999?name=P%C3%A9rez%20Cruz", token_);
  ASSERT_EQ(found.result_int(), 200u) << found.body();
  ASSERT_EQ(missing.result_int(), 404u) << missing.body();
  std::string text = Read(log_path_);
  auto lines = Lines(text);
  ASSERT_EQ(lines.size(), 2u) << text;

  EXPECT_EQ(lines[0]["event"], "request");
  EXPECT_EQ(lines[0]["level"], "info");
  EXPECT_EQ(lines[0]["method"], "GET");
  EXPECT_EQ(lines[0]["route"], "/v1/whoami");
  EXPECT_EQ(lines[0]["user"], "ven");
  EXPECT_EQ(lines[0]["status"], 200);
  EXPECT_GE(lines[0]["duration_ms"].get<double>(), 0.0);
  EXPECT_EQ(lines[0]["request_id"], std::string(View(found["X-Request-Id"])));
  EXPECT_EQ(lines[0]["request_id"].get<std::string>().size(), 32u);
  std::string time = lines[0]["time"];
  EXPECT_EQ(time.size(), 24u) << time;  // 2025-07-18T14:03:09.123Z
  EXPECT_EQ(time.back(), 'Z');

  EXPECT_EQ(lines[1]["route"], "/v1/persons/{id}");
  EXPECT_EQ(lines[1]["status"], 404);
  EXPECT_EQ(lines[1]["level"], "warning");
  EXPECT_EQ(lines[1]["request_id"], std::string(View(missing["X-Request-Id"])));
  EXPECT_NE(lines[0]["request_id"], lines[1]["request_id"]);

  // Never the token, the raw path's id, the query or its value.
  EXPECT_EQ(text.find(token_), std::string::npos);
  EXPECT_EQ(text.find("P999"), std::string::npos);
  EXPECT_EQ(text.find("name="), std::string::npos);
  EXPECT_EQ(text.find("rez"), std::string::npos);
}

TEST_F(RequestLogTest, RefusalsBeforeAuthenticationOrRoutingHaveNoUserOrRoute) {
  Send(http::verb::get, "/v1/persons/P1", "");
  Send(http::verb::get, "/v1/persons/P1", "not-a-token");
  Send(http::verb::get, "/v1/nothing/here", token_);
  HttpRequest odd{http::verb::unknown, "/v1/whoami", 11};
  odd.method_string("JOSE");  // a method HTTP does not define can hold any text
  handler_->Handle(odd);
  std::string text = Read(log_path_);
  auto lines = Lines(text);
  ASSERT_EQ(lines.size(), 4u) << text;
  for (int i : {0, 1}) {
    EXPECT_EQ(lines[i]["status"], 401);
    EXPECT_TRUE(lines[i]["user"].is_null());
    EXPECT_TRUE(lines[i]["route"].is_null());
  }
  EXPECT_EQ(lines[2]["status"], 404);
  EXPECT_EQ(lines[2]["user"], "ven");
  EXPECT_TRUE(lines[2]["route"].is_null());
  EXPECT_EQ(lines[3]["method"], "other");
  EXPECT_EQ(text.find("JOSE"), std::string::npos);
  EXPECT_EQ(text.find("not-a-token"), std::string::npos);
}

TEST_F(RequestLogTest, TheLevelChoosesWhichAnswersAreLoggedAndAReopenMovesTheFile) {
  ASSERT_TRUE(log_->Reconfigure(log_path_.string(), LogLevel::kWarning).ok());
  Send(http::verb::get, "/v1/whoami", token_);        // 200: not logged
  Send(http::verb::get, "/v1/persons/P999", token_);  // 404: logged
  auto lines = Lines(Read(log_path_));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["status"], 404);

  // logrotate moves the file away; SIGHUP makes the server reopen the path.
  std::filesystem::rename(log_path_, dir_ / "serve.log.1");
  ASSERT_TRUE(log_->Reconfigure(log_path_.string(), LogLevel::kError).ok());
  Send(http::verb::get, "/v1/persons/P999", token_);  // 404: below "error"
  HttpResponse refused = ProblemResponse(BodyTooLargeProblem(10), 11, false);
  handler_->Refused(refused);  // 413 from the listener: warning, below "error" too
  EXPECT_EQ(Read(log_path_), "");
  EXPECT_EQ(std::string(View(refused["X-Request-Id"])).size(), 32u);
  EXPECT_EQ(Lines(Read(dir_ / "serve.log.1")).size(), 1u);

  EXPECT_EQ(log_->Reconfigure((dir_ / "no-such-folder" / "x.log").string(), LogLevel::kInfo).code(),
            StatusCode::kCannotWrite);
}

TEST_F(RequestLogTest, ARequestScreenedBeforeItsBodyIsLoggedUnderItsId) {
  HttpRequest header{http::verb::post, "/v1/proposals/V1/accept", 11};
  header.set(http::field::content_length, "5000");
  std::optional<HttpResponse> refused = handler_->Screen(header);  // no token
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->result_int(), 401u);
  header.set(http::field::authorization, "Bearer " + token_);
  EXPECT_FALSE(handler_->Screen(header).has_value()) << "a valid token lets the body be read";
  auto lines = Lines(Read(log_path_));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["request_id"], std::string(View((*refused)["X-Request-Id"])));
  EXPECT_EQ(lines[0]["method"], "POST");
  EXPECT_EQ(lines[0]["status"], 401);
  EXPECT_TRUE(lines[0]["route"].is_null());
}

TEST(LogLevelTest, ParsesTheThreeNames) {
  EXPECT_EQ(*ParseLogLevel("info"), LogLevel::kInfo);
  EXPECT_EQ(*ParseLogLevel("warning"), LogLevel::kWarning);
  EXPECT_EQ(*ParseLogLevel("error"), LogLevel::kError);
  EXPECT_EQ(ParseLogLevel("debug").status().code(), StatusCode::kUsage);
  EXPECT_EQ(LogLevelNames(), (std::vector<std::string>{"error", "warning", "info"}));
}

}  // namespace
}  // namespace canje::server

namespace canje::server {
namespace {

// The line is written by hand (server/log_line.h): each piece must be the text nlohmann::json
// writes for the same value, so that the lines stay what they were.
TEST(LogLineTest, PiecesAreWhatTheJsonLibraryWritesForTheSameValue) {
  for (int64_t microseconds :
       {int64_t{0}, int64_t{1}, int64_t{10}, int64_t{100}, int64_t{999}, int64_t{1000},
        int64_t{1840}, int64_t{12500}, int64_t{123456}, int64_t{60000000}, int64_t{-2500}}) {
    std::string text;
    AppendMilliseconds(text, microseconds);
    EXPECT_EQ(text, nlohmann::json(static_cast<double>(microseconds) / 1000).dump())
        << microseconds;
  }
  for (int64_t microseconds = 0; microseconds < 20000; microseconds += 7) {
    std::string text;
    AppendMilliseconds(text, microseconds);
    ASSERT_EQ(text, nlohmann::json(static_cast<double>(microseconds) / 1000).dump());
  }
  for (std::string value :
       {std::string("/v1/persons/{id}"), std::string("ana"), std::string("quote \" back \\ slash"),
        std::string("tab\tnew\nline\rform\fback\b"), std::string("\x01\x1f\x7f"),
        std::string("Pérez"), std::string("bad \xff byte"), std::string()}) {
    std::string text;
    AppendJsonString(text, value);
    EXPECT_EQ(text, nlohmann::json(value).dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace))
        << value;
  }
  std::string now;
  AppendNowWithMilliseconds(now);
  ASSERT_EQ(now.size(), 26u) << now;  // "2025-07-18T14:03:09.123Z" in quotes
  EXPECT_EQ(now.substr(now.size() - 2), "Z\"");
}

}  // namespace
}  // namespace canje::server
