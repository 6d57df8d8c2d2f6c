// For end-to-end tests of `canje serve`: the real binary started as a long-running child
// process on a free loopback port, and a small HTTP/1.1 client (Boost.Beast, synchronous) that
// keeps its connection open between requests.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"

namespace canje::server::testing {

// What the serve tests use of the command line's test support (cli/cli_test_support.h): the
// store is made, and `canje` run, through it.
using cli::testing::CanjeRunner;
using cli::testing::RunProgram;
using cli::testing::RunResult;

// `canje serve --listen 127.0.0.1:0 [extra args]` on the runner's store (or another command
// that prints the same first line, such as `canje witness serve --listen ...`). The constructor
// waits (up to 60 s) for the first stdout line, "listening on http://127.0.0.1:PORT"; port() is
// 0 and error() says why when it did not come.
class ServeProcess {
 public:
  // `prefix`, when given, runs the server under another command (found on PATH), such as
  // {"prlimit", "--nofile=64:64", "--"}.
  explicit ServeProcess(const cli::testing::CanjeRunner& runner,
                        const std::vector<std::string>& extra_args = {},
                        const std::vector<std::string>& prefix = {},
                        const std::vector<std::string>& command = {"serve", "--listen",
                                                                   "127.0.0.1:0"});
  ~ServeProcess();  // Stop() if still running
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // The process's resident memory (VmRSS) and CPU time so far, from /proc; -1 when gone.
  int64_t ResidentKilobytes() const;
  double CpuSeconds() const;
  const std::string& error() const { return error_; }
  // Sends SIGTERM and waits (up to 30 s, then SIGKILL); returns the exit status (128+N for a
  // signal N).
  int Stop();
  // Sends SIGKILL (no chance to clean up: a crash) and reaps the process.
  void Kill();

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int port_ = 0;
  std::string error_;
};

struct HttpResult {
  int status = 0;                              // 0: the request failed (see error)
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
  std::string error;
  std::string Header(const std::string& lower_case_name) const;
};

// One keep-alive connection to 127.0.0.1:port.
class HttpTestClient {
 public:
  explicit HttpTestClient(int port);
  ~HttpTestClient();
  // Sends one request; `token` empty: no Authorization header; a body is application/json
  // unless `headers` name a Content-Type. Reconnects if the server
  // closed the connection before (connections() counts how many were opened).
  HttpResult Send(const std::string& method, const std::string& target,
                  const std::string& token = "", const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {});
  int connections() const;

 private:
  struct Connection;
  std::unique_ptr<Connection> connection_;
};

// What a raw connection got back: every byte the server sent until it closed the connection
// or `wait` passed without a byte.
struct RawReply {
  std::string bytes;
  bool closed = false;  // the server closed (or reset) the connection
  // The status codes of the HTTP responses in `bytes` ("HTTP/1.1 400 ..." -> 400), in order.
  std::vector<int> Statuses() const;
};

// A new API token acting as `user` (`canje user token create USER --json` on the runner's store,
// as its admin). When the command fails the test fails (fatally: a fixture's SetUp stops the
// test) and the token is "".
std::string CreateApiToken(const cli::testing::CanjeRunner& runner, const std::string& user);

// Connects to 127.0.0.1:port; -1 on failure. The socket times out reads after 10 s.
int ConnectRaw(int port);
// Sends `request` as it is (any bytes) on a new connection and reads what comes back.
RawReply RawExchange(int port, const std::string& request,
                     std::chrono::milliseconds wait = std::chrono::milliseconds(3000));

}  // namespace canje::server::testing
