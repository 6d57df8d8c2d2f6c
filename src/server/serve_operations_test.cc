// `canje serve` as an operator runs it: settings from a configuration file (the command line
// winning), the JSON log of each request under the id its client saw, and SIGHUP reading the
// file again. The real binary over loopback; runs on SQLite and, in serve_test_postgres, on
// PostgreSQL.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/cli_test_support.h"
#include "server/serve_test_support.h"

namespace canje::server::testing {
namespace {

using nlohmann::json;

class ServeOperationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    canje_.Init();
    ASSERT_EQ(canje_.Run({"party", "add", "VEN", "--name", "Venezuela"}).exit_status, 0);
    ASSERT_EQ(
        canje_.Run({"user", "add", "ven", "--party", "VEN", "--role", "negotiator"}).exit_status,
        0);
    token_ = CreateApiToken(canje_, "ven");
  }

  // The log file's lines (JSON objects), waiting up to 10 s for at least `at_least`.
  std::vector<json> LogLines(const std::string& name, size_t at_least = 0) const {
    std::vector<json> lines;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    do {
      lines.clear();
      std::ifstream in(canje_.Path(name));
      for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
      if (lines.size() >= at_least) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    } while (std::chrono::steady_clock::now() < deadline);
    return lines;
  }

  CanjeRunner canje_;
  std::string token_;
};

TEST_F(ServeOperationsTest, TheFileSetsTheLogTheCommandLineWinsAndEachLineHasTheClientsId) {
  // The file's listen address is refused by the test's own --listen 127.0.0.1:0.
  canje_.WriteFile("serve.conf",
                   "# operator's settings\nlisten = 127.0.0.1:1\nthreads = 2\n"
                   "log-level = info\nlog-file = " +
                       canje_.Path("serve.log").string() + "\n");
  ServeProcess server(canje_, {"--config", canje_.Path("serve.conf").string()});
  ASSERT_NE(server.port(), 0) << server.error();
  HttpTestClient client(server.port());
  HttpResult whoami = client.Send("GET", "/v1/whoami", token_);
  ASSERT_EQ(whoami.status, 200) << whoami.body;
  HttpResult missing = client.Send("GET", "/v1/persons/P999?name=Ana", token_);
  ASSERT_EQ(missing.status, 404) << missing.body;
  EXPECT_EQ(server.Stop(), 0);

  std::vector<json> lines = LogLines("serve.log", 4);
  ASSERT_EQ(lines.size(), 4u);  // start, two requests, stop
  EXPECT_EQ(lines[0]["event"], "start");
  EXPECT_EQ(lines[0]["threads"], 2);
  EXPECT_EQ(lines[1]["request_id"], whoami.Header("x-request-id"));
  EXPECT_EQ(lines[1]["route"], "/v1/whoami");
  EXPECT_EQ(lines[1]["user"], "ven");
  EXPECT_EQ(lines[1]["status"], 200);
  EXPECT_EQ(lines[2]["request_id"], missing.Header("x-request-id"));
  EXPECT_EQ(lines[2]["route"], "/v1/persons/{id}");
  EXPECT_EQ(lines[2]["status"], 404);
  EXPECT_EQ(lines[3]["event"], "stop");
  std::string text = canje_.ReadFile("serve.log");
  EXPECT_EQ(text.find(token_), std::string::npos);
  EXPECT_EQ(text.find("P999"), std::string::npos);
  EXPECT_EQ(text.find("Ana"), std::string::npos);
}

TEST_F(ServeOperationsTest, HangupAppliesTheLogSettingsReportsTheRestAndKeepsABrokenFileOut) {
  std::string conf = canje_.Path("serve.conf").string();
  canje_.WriteFile("serve.conf", "log-file = " + canje_.Path("first.log").string() + "\n");
  ServeProcess server(canje_, {"--config", conf});
  ASSERT_NE(server.port(), 0) << server.error();
  HttpTestClient client(server.port());
  ASSERT_EQ(client.Send("GET", "/v1/whoami", token_).status, 200);

  // logrotate moved the file; the new settings log warnings only, elsewhere, with more threads.
  std::filesystem::rename(canje_.Path("first.log"), canje_.Path("first.log.1"));
  canje_.WriteFile("serve.conf", "log-file = " + canje_.Path("second.log").string() +
                                     "\nlog-level = warning\nthreads = 8\n");
  ASSERT_EQ(kill(server.pid(), SIGHUP), 0);
  std::vector<json> reloaded = LogLines("second.log", 1);
  ASSERT_EQ(reloaded.size(), 1u);
  EXPECT_EQ(reloaded[0]["event"], "reload");
  EXPECT_EQ(reloaded[0]["outcome"], "done");
  EXPECT_EQ(reloaded[0]["restart_needed_for"], json::array({"threads"}));
  EXPECT_EQ(client.Send("GET", "/v1/whoami", token_).status, 200);        // info: not logged
  EXPECT_EQ(client.Send("GET", "/v1/persons/P999", token_).status, 404);  // warning: logged
  std::vector<json> after = LogLines("second.log", 2);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[1]["status"], 404);

  // A file that no longer reads: refused with its line, the running settings kept.
  canje_.WriteFile("serve.conf", "log-level = info\nthread = 2\n");
  ASSERT_EQ(kill(server.pid(), SIGHUP), 0);
  std::vector<json> refused = LogLines("second.log", 3);
  ASSERT_EQ(refused.size(), 3u);
  EXPECT_EQ(refused[2]["event"], "reload");
  EXPECT_EQ(refused[2]["level"], "error");
  EXPECT_NE(refused[2]["reason"].get<std::string>().find(conf + ":2: unknown key 'thread'"),
            std::string::npos)
      << refused[2].dump();
  EXPECT_EQ(client.Send("GET", "/v1/whoami", token_).status, 200);
  EXPECT_EQ(LogLines("second.log").size(), 3u) << "still at level warning";
  EXPECT_EQ(server.Stop(), 0);
  EXPECT_EQ(LogLines("first.log.1").size(), 2u);  // start and the first request
}

TEST_F(ServeOperationsTest, AConfigurationErrorStopsServeWithItsLine) {
  canje_.WriteFile("bad.conf", "listen = 127.0.0.1:0\n\nbody-limit = lots\n");
  RunResult bad = canje_.Run({"serve", "--config", "bad.conf"});
  EXPECT_EQ(bad.exit_status, 2);
  EXPECT_NE(bad.err.find("bad.conf:3: body-limit = 'lots'"), std::string::npos) << bad.err;

  RunResult missing = canje_.Run({"serve", "--config", "none.conf"});
  EXPECT_EQ(missing.exit_status, 66);
  EXPECT_NE(missing.err.find("cannot read the configuration file none.conf"), std::string::npos)
      << missing.err;
}

}  // namespace
}  // namespace canje::server::testing
