#include "server/http_session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include "server/problem.h"

namespace canje::server {

namespace beast = boost::beast;
namespace http = boost::beast::http;

HttpSession::HttpSession(boost::asio::ip::tcp::socket socket, RequestHandler& handler,
                         const SessionLimits& limits, std::function<void()> on_end)
    : stream_(std::move(socket)), handler_(handler), limits_(limits), on_end_(std::move(on_end)) {}

HttpSession::~HttpSession() {
  if (on_end_) on_end_();
}

void HttpSession::Start() {
  boost::asio::dispatch(stream_.get_executor(),
                        [self = shared_from_this()] { self->ReadHeader(); });
}

void HttpSession::Stop() {
  boost::asio::post(stream_.get_executor(), [self = shared_from_this()] {
    self->stopping_ = true;
    if (!self->busy_) self->Close();
  });
}

void HttpSession::ReadHeader() {
  if (stopping_) return Close();
  parser_.emplace();
  parser_->body_limit(limits_.body_limit);
  parser_->header_limit(static_cast<std::uint32_t>(limits_.header_limit));
  stream_.expires_after(limits_.idle_timeout);
  http::async_read_header(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code error, size_t) { self->OnHeader(error); });
}

void HttpSession::OnHeader(beast::error_code error) {
  if (error == http::error::body_limit)
    return RefuseAndClose(BodyTooLargeProblem(limits_.body_limit));
  if (error == http::error::header_limit) {
    Problem problem = ProblemFromStatus(Status::Usage(
        "the request header is larger than " + std::to_string(limits_.header_limit) + " bytes"));
    problem.status = 431;
    problem.type = "urn:canje:problem:header_too_large";
    problem.title = "Request header too large";
    return RefuseAndClose(problem);
  }
  if (error) return Close();  // end of stream, timeout, reset, or a request that is not HTTP
  busy_ = true;
  if (parser_->is_done()) return OnBody({});
  stream_.expires_after(limits_.body_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code read_error, size_t) {
                     self->OnBody(read_error);
                   });
}

void HttpSession::OnBody(beast::error_code error) {
  if (error == http::error::body_limit)
    return RefuseAndClose(BodyTooLargeProblem(limits_.body_limit));
  if (error) return Close();
  stream_.expires_never();  // the handler may take its time; the store has its own timeouts
  Answer(handler_.Handle(parser_->get()));
}

void HttpSession::Answer(HttpResponse response) {
  if (stopping_) response.keep_alive(false);
  auto shared = std::make_shared<HttpResponse>(std::move(response));
  stream_.expires_after(limits_.write_timeout);
  http::async_write(stream_, *shared,
                    [self = shared_from_this(), shared](beast::error_code error, size_t) {
                      self->OnWritten(error, shared->need_eof());
                    });
}

void HttpSession::OnWritten(beast::error_code error, bool close) {
  busy_ = false;
  if (error || close || stopping_) return Close();
  ReadHeader();
}

void HttpSession::RefuseAndClose(const Problem& problem) {
  busy_ = true;
  HttpResponse response = ProblemResponse(problem, 11, false);
  handler_.Refused(response);
  Answer(std::move(response));
}

void HttpSession::Close() {
  beast::error_code ignored;
  stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.socket().close(ignored);
}

}  // namespace canje::server
