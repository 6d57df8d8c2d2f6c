// `canje serve`'s network side: listens on an address, runs HTTP/1.1 sessions
// (server/http_session.h) on a few threads, and stops gracefully on SIGINT or SIGTERM (or
// Stop()): no new connection is accepted, idle connections close, requests in progress are
// answered, and Run() returns once every connection is gone or `drain_timeout` has passed.
//
// Plain HTTP only: TLS is terminated by a reverse proxy in front (docs/security.md). The
// default address is loopback.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "core/status.h"
#include "server/http_session.h"

namespace canje::server {

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8420;  // 0: any free port (see port())
  int threads = 2;       // 1..64
  // Connections open at once; one more is answered 503 with Retry-After and closed at once.
  int max_connections = 512;
  SessionLimits limits;
  std::chrono::seconds drain_timeout{10};
  bool handle_signals = true;  // SIGINT and SIGTERM stop the server
};

// "127.0.0.1:8420" or "[::1]:8420" into address and port. kUsage saying the expected form.
Status ParseListenAddress(std::string_view text, HttpServerOptions& options);

class HttpServer {
 public:
  // `handler` answers every request; it must outlive the server.
  HttpServer(HttpServerOptions options, RequestHandler& handler);
  ~HttpServer();

  // Binds and listens. kUnavailable when the address cannot be bound (in use, not local).
  Status Listen();
  // The bound port (after Listen).
  uint16_t port() const { return port_; }
  // Serves until stopped; blocks. Listen() first.
  void Run();
  // Starts the graceful stop; thread-safe, may be called from a handler or a signal.
  void Stop();

 private:
  void Accept();
  // After an accept failure (no file descriptor left, say): wait, then accept again, instead
  // of spinning on the failure.
  void AcceptLater();
  void SessionEnded();

  HttpServerOptions options_;
  RequestHandler& handler_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer drain_timer_;
  boost::asio::steady_timer accept_timer_;
  uint16_t port_ = 0;
  // Guards sessions_ and stopping_. Invariant: no HttpSession is ever released while it is
  // held (a session's destructor calls SessionEnded(), which takes it).
  std::mutex mutex_;
  std::set<std::weak_ptr<HttpSession>, std::owner_less<std::weak_ptr<HttpSession>>> sessions_;
  bool stopping_ = false;
  std::atomic<int> open_sessions_{0};
};

}  // namespace canje::server
