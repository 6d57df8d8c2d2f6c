// One HTTP/1.1 connection: reads requests one after the other (keep-alive), answers each
// through a RequestHandler, and closes on the client's request, an error, a timeout or a stop.
//
// Reading a request:
//  1. its header's raw bytes are gathered and checked (server/request_framing.h: CRLF line
//     ends, no folded lines, no NUL) — at most `header_limit` bytes (else 431), all of them
//     within `idle_timeout` of the previous response or of the connection's start;
//  2. Beast parses the header; any fault is answered 400 (never a silent close);
//  3. the body's framing is checked (Transfer-Encoding exactly chunked, not with
//     Content-Length), and a request that announces a body is screened by the handler (the API
//     checks its token) before a byte of the body is read;
//  4. the body arrives within `body_timeout` and is at most `body_limit` bytes, or what the
//     handler allows that request (RequestHandler::BodyLimit), else 413;
//  5. the complete request is handed to the worker threads (server/request_workers.h), which
//     may block on the store. When they are all busy and the line of waiting requests is full
//     — already when the header arrives, or when the body has — the answer is 503 with
//     Retry-After and nothing is run; a request that waited longer than the queue's limit for
//     a worker is answered the same. A request still being handled `request_timeout` after it
//     was handed over is cut: the connection closes without an answer (the handler cannot be
//     stopped half-way; a client retries a write with its Idempotency-Key, which tells it what
//     became of the first attempt).
// Every refusal closes the connection after its answer.
//
// Stop(): a connection waiting for a request closes now; one answering a request finishes the
// answer, sends `Connection: close` and closes.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "server/http_types.h"
#include "server/problem.h"
#include "server/request_workers.h"

namespace canje::server {

struct SessionLimits {
  size_t body_limit = 1 << 20;
  size_t header_limit = 16 * 1024;
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds body_timeout{30};
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds request_timeout{60};  // handing over to answer: then the connection is cut
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  // `on_end` runs once when the connection is gone (the server counts open connections).
  HttpSession(boost::asio::ip::tcp::socket socket, RequestHandler& handler,
              RequestWorkers& workers, const SessionLimits& limits, std::function<void()> on_end);
  ~HttpSession();
  void Start();
  void Stop();  // thread-safe

 private:
  void ReadHeader();
  void ReadMoreHeader();
  void OnHeaderBytes(size_t skip, size_t header_end);
  void SendContinue();  // "100 Continue", then ReadBody
  void ReadBody();
  void OnBody(boost::beast::error_code error);
  // On the strand, with the worker's answer (`expired`: the request waited too long and was
  // not run; the answer is a 503).
  void OnHandled(HttpResponse response, bool expired);
  void Answer(HttpResponse response);
  void OnWritten(boost::beast::error_code error, bool close);
  void RefuseAndClose(const Problem& problem);
  // After a refusal the client may still be sending (the body it announced, the rest of a
  // pipeline): closing at once would reset the connection and could destroy the answer before
  // the client reads it. So the sending side is shut and what arrives is read and dropped, up
  // to a bound of bytes and time, before the close.
  void LingerThenClose();
  void Close();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  boost::asio::steady_timer request_timer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  RequestHandler& handler_;
  RequestWorkers& workers_;
  const SessionLimits& limits_;
  std::function<void()> on_end_;
  bool busy_ = false;      // between a request's header and its response's last byte
  bool stopping_ = false;  // Stop() was called
  bool refused_ = false;   // the answer being written refuses the request
  size_t lingered_ = 0;    // bytes dropped while lingering
  size_t body_limit_ = 0;  // the body limit of the request being read
  bool handling_ = false;  // the request is with the workers
  bool cut_ = false;       // closed at the request timeout; the workers' answer is dropped
};

}  // namespace canje::server
