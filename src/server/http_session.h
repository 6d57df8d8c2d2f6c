// One HTTP/1.1 connection: reads requests one after the other (keep-alive), answers each
// through the Api, and closes on the client's request, an error, a timeout or a stop.
//
// Limits: a request's header must arrive within `idle_timeout` of the previous response (or of
// the connection's start) and be at most `header_limit` bytes (else 431); its body must arrive
// within `body_timeout` and be at most `body_limit` bytes (else 413, and the connection closes).
// A handler runs on the connection's strand and may block on the store; the server runs
// several threads so that one slow request does not hold the others.
//
// Stop(): a connection waiting for a request closes now; one answering a request finishes the
// answer, sends `Connection: close` and closes.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "server/http_types.h"
#include "server/problem.h"

namespace canje::server {

struct SessionLimits {
  size_t body_limit = 1 << 20;
  size_t header_limit = 16 * 1024;
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds body_timeout{30};
  std::chrono::seconds write_timeout{30};
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  // `on_end` runs once when the connection is gone (the server counts open connections).
  HttpSession(boost::asio::ip::tcp::socket socket, RequestHandler& handler, const SessionLimits& limits,
              std::function<void()> on_end);
  ~HttpSession();
  void Start();
  void Stop();  // thread-safe

 private:
  void ReadHeader();
  void OnHeader(boost::beast::error_code error);
  void OnBody(boost::beast::error_code error);
  void Answer(HttpResponse response);
  void OnWritten(boost::beast::error_code error, bool close);
  void RefuseAndClose(const Problem& problem);
  void Close();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  RequestHandler& handler_;
  const SessionLimits& limits_;
  std::function<void()> on_end_;
  bool busy_ = false;      // between a request's header and its response's last byte
  bool stopping_ = false;  // Stop() was called
};

}  // namespace canje::server
