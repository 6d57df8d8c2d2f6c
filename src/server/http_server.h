// `canje serve`'s network side: listens on an address, runs HTTP/1.1 sessions
// (server/http_session.h) on a few network threads, hands each complete request to the worker
// threads (server/request_workers.h), and stops gracefully on SIGINT or SIGTERM (or Stop()): no
// new connection is accepted, idle connections close, requests in progress — being read,
// waiting for a worker, or being handled — are answered, and Run() returns once every
// connection is gone or `drain_timeout` has passed.
//
// Back-pressure (docs/operations.md): at most `max_connections` connections at once and at
// most `max_client_connections` from one peer address; `threads` requests handled at once and
// `max_queue` waiting, each for at most `queue_timeout`. Whatever is over a limit is answered
// 503 with Retry-After (an RFC 9457 problem) and nothing is run for it.
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
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "core/status.h"
#include "server/http_session.h"
#include "server/request_workers.h"

namespace canje::server {

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8420;  // 0: any free port (see port())
  int threads = 2;       // 1..64: network threads, and as many workers answering requests
  // Connections open at once; one more is answered 503 with Retry-After and closed at once.
  int max_connections = 512;
  // Connections open at once from one peer address (0: no limit); one more: the same 503.
  int max_client_connections = 256;
  // Requests waiting for a worker when every worker is busy; one more is answered 503.
  int max_queue = 64;
  // A request that waited this long for a worker is answered 503 instead of being run.
  std::chrono::milliseconds queue_timeout{10000};
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
  // The worker threads' state (for tests): requests being handled, requests waiting.
  int RequestsRunning() const { return workers_.Running(); }
  int RequestsWaiting() const { return workers_.Waiting(); }

 private:
  void Accept();
  // After an accept failure (no file descriptor left, say): wait, then accept again, instead
  // of spinning on the failure.
  void AcceptLater();
  void SessionEnded(const boost::asio::ip::address& peer);

  HttpServerOptions options_;
  RequestHandler& handler_;
  RequestWorkers workers_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer drain_timer_;
  boost::asio::steady_timer accept_timer_;
  uint16_t port_ = 0;
  // Guards sessions_, per_client_ and stopping_. Invariant: no HttpSession is ever released while it is
  // held (a session's destructor calls SessionEnded(), which takes it).
  std::mutex mutex_;
  std::set<std::weak_ptr<HttpSession>, std::owner_less<std::weak_ptr<HttpSession>>> sessions_;
  std::map<boost::asio::ip::address, int> per_client_;  // open connections by peer
  bool stopping_ = false;
  std::atomic<int> open_sessions_{0};
};

}  // namespace canje::server
