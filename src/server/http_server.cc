#include "server/http_server.h"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <csignal>
#include <thread>
#include <vector>

namespace canje::server {

namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

Status ParseListenAddress(std::string_view text, HttpServerOptions& options) {
  auto usage = [&] {
    return Status::Usage("--listen '" + std::string(text) +
                         "': give ADDRESS:PORT, such as 127.0.0.1:8420 or [::1]:8420 (port 0: "
                         "any free port)");
  };
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return usage();
  std::string_view host = text.substr(0, colon);
  std::string_view port = text.substr(colon + 1);
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') return usage();
    host = host.substr(1, host.size() - 2);
  }
  if (port.empty() || port.size() > 5) return usage();
  unsigned value = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return usage();
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value > 65535) return usage();
  boost::system::error_code error;
  net::ip::make_address(std::string(host), error);
  if (error) {
    return Status::Usage("--listen: '" + std::string(host) +
                         "' is not an IP address (names are not resolved)");
  }
  options.address = std::string(host);
  options.port = static_cast<uint16_t>(value);
  return Status::Ok();
}

HttpServer::HttpServer(HttpServerOptions options, RequestHandler& handler)
    : options_(std::move(options)),
      handler_(handler),
      workers_(options_.threads, options_.max_queue, options_.queue_timeout),
      io_(options_.threads),
      acceptor_(net::make_strand(io_)),
      signals_(io_),
      drain_timer_(io_),
      accept_timer_(acceptor_.get_executor()) {}

HttpServer::~HttpServer() = default;

Status HttpServer::Listen() {
  // Each connection is a file descriptor: take the hard limit the system allows (the soft one
  // is often 1,024), so that max_connections and the store's files fit.
  if (rlimit limit{}; getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 1 << 16);
    setrlimit(RLIMIT_NOFILE, &limit);
  }
  boost::system::error_code error;
  tcp::endpoint endpoint(net::ip::make_address(options_.address, error), options_.port);
  if (error) return Status::Usage("'" + options_.address + "' is not an IP address");
  auto fail = [&](std::string_view what) {
    return Status::Unavailable("cannot " + std::string(what) + " " + options_.address + ":" +
                               std::to_string(options_.port) + ": " + error.message());
  };
  if (acceptor_.open(endpoint.protocol(), error); error) return fail("open a socket for");
  if (acceptor_.set_option(net::socket_base::reuse_address(true), error); error) {
    return fail("set up");
  }
  if (acceptor_.bind(endpoint, error); error) return fail("listen on");
  if (acceptor_.listen(net::socket_base::max_listen_connections, error); error) {
    return fail("listen on");
  }
  port_ = acceptor_.local_endpoint().port();
  return Status::Ok();
}

namespace {

// The whole answer to a connection over a limit: written without waiting (the socket's
// buffer takes it) and the connection closed.
std::string BusyConnectionResponse(std::string_view detail) {
  const std::string body =
      R"({"type":"urn:canje:problem:unavailable","title":"Unavailable","status":503,"detail":")" +
      std::string(detail) + "\"}";
  return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n"
         "Cache-Control: no-store\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

void RefuseBusy(tcp::socket& socket, bool one_client) {
  static const std::string kAll = BusyConnectionResponse(
      "the server has as many connections open as it allows; try again shortly");
  static const std::string kOneClient = BusyConnectionResponse(
      "your address has as many connections open to the server as one client may; close one, "
      "or try again shortly");
  boost::system::error_code ignored;
  socket.non_blocking(true, ignored);
  socket.write_some(net::buffer(one_client ? kOneClient : kAll), ignored);
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

}  // namespace

void HttpServer::AcceptLater() {
  accept_timer_.expires_after(std::chrono::milliseconds(50));
  accept_timer_.async_wait([this](boost::system::error_code error) {
    if (!error && acceptor_.is_open()) Accept();
  });
}

void HttpServer::Accept() {
  acceptor_.async_accept(
      net::make_strand(io_), [this](boost::system::error_code error, tcp::socket socket) {
        if (error == net::error::operation_aborted || !acceptor_.is_open()) return;
        if (error) return AcceptLater();  // EMFILE, ENFILE, ENOBUFS: let connections end
        if (open_sessions_ >= options_.max_connections) {
          RefuseBusy(socket, false);
          return Accept();
        }
        boost::system::error_code no_peer;
        const net::ip::address peer = socket.remote_endpoint(no_peer).address();
        if (no_peer) return Accept();  // the client is already gone
        bool over_client_limit = false;
        {
          // The session is created, started and released outside the lock: releasing it may
          // run its destructor (when the connection already ended on another thread), which
          // calls SessionEnded(), which takes the lock.
          std::shared_ptr<HttpSession> session;
          {
            std::lock_guard lock(mutex_);
            int& from_peer = per_client_[peer];
            over_client_limit = options_.max_client_connections > 0 &&
                                from_peer >= options_.max_client_connections;
            if (!stopping_ && !over_client_limit) {
              if (sessions_.size() > 2 * static_cast<size_t>(open_sessions_) + 16) {
                std::erase_if(sessions_, [](const auto& weak) { return weak.expired(); });
              }
              ++open_sessions_;
              ++from_peer;
              session = std::make_shared<HttpSession>(std::move(socket), handler_, workers_,
                                                      options_.limits,
                                                      [this, peer] { SessionEnded(peer); });
              sessions_.insert(session);
            } else if (from_peer == 0) {
              per_client_.erase(peer);
            }
          }
          if (session) session->Start();
        }
        if (over_client_limit) RefuseBusy(socket, true);
        Accept();
      });
}

void HttpServer::SessionEnded(const net::ip::address& peer) {
  std::lock_guard lock(mutex_);
  if (auto found = per_client_.find(peer); found != per_client_.end() && --found->second <= 0) {
    per_client_.erase(found);
  }
  if (--open_sessions_ > 0) return;
  if (stopping_) net::post(io_, [this] { drain_timer_.cancel(); });
}

void HttpServer::Run() {
  // Request bodies and their buffers are large and short-lived. glibc would keep them after they
  // are freed (its threshold for giving memory back grows with each large block freed, and each
  // thread gets its own arena), so a burst of large bodies left the server hundreds of
  // megabytes bigger for good. A fixed threshold returns every block of 128 KiB or more to the
  // system when freed, and two arenas bound what the worker threads keep.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
  mallopt(M_ARENA_MAX, 2);
  if (options_.handle_signals) {
    signals_.add(SIGINT);
    signals_.add(SIGTERM);
    signals_.async_wait([this](boost::system::error_code error, int) {
      if (!error) Stop();
    });
  }
  Accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < options_.threads; ++i) threads.emplace_back([this] { io_.run(); });
  io_.run();
  for (auto& thread : threads) thread.join();
  // Every connection is gone (or the drain timeout passed): the workers end once the requests
  // they hold are done.
  workers_.Stop();
}

void HttpServer::Stop() {
  net::post(io_, [this] {
    std::vector<std::shared_ptr<HttpSession>> open;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      stopping_ = true;
      for (const auto& weak : sessions_) {
        if (auto session = weak.lock()) open.push_back(session);
      }
      sessions_.clear();
    }
    boost::system::error_code ignored;
    signals_.cancel(ignored);
    net::post(acceptor_.get_executor(), [this] {
      boost::system::error_code ignored_close;
      acceptor_.close(ignored_close);
      accept_timer_.cancel();
    });
    for (auto& session : open) session->Stop();
    if (open_sessions_ == 0) return;
    drain_timer_.expires_after(options_.drain_timeout);
    drain_timer_.async_wait([this](boost::system::error_code error) {
      if (!error) io_.stop();  // connections that would not finish in time are dropped
    });
  });
}

}  // namespace canje::server
