// For end-to-end tests of `canje serve`: the real binary started as a long-running child
// process on a free loopback port, and a small HTTP/1.1 client (Boost.Beast, synchronous) that
// keeps its connection open between requests.
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"

namespace canje::server::testing {

// `canje serve --listen 127.0.0.1:0 [extra args]` on the runner's store (or another command
// that prints the same first line, such as `canje witness serve --listen ...`). The constructor
// waits (up to 60 s) for the first stdout line, "listening on http://127.0.0.1:PORT"; port() is
// 0 and error() says why when it did not come.
class ServeProcess {
 public:
  explicit ServeProcess(const cli::testing::CanjeRunner& runner,
                        const std::vector<std::string>& extra_args = {},
                        const std::vector<std::string>& command = {"serve", "--listen",
                                                                   "127.0.0.1:0"});
  ~ServeProcess();  // Stop() if still running
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
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
  // Sends one request; `token` empty: no Authorization header. Reconnects if the server
  // closed the connection before (connections() counts how many were opened).
  HttpResult Send(const std::string& method, const std::string& target,
                  const std::string& token = "", const std::string& body = "",
                  const std::map<std::string, std::string>& headers = {});
  int connections() const;

 private:
  struct Connection;
  std::unique_ptr<Connection> connection_;
};

}  // namespace canje::server::testing
