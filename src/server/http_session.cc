#include "server/http_session.h"

#include <algorithm>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <limits>

#include "server/request_framing.h"

namespace canje::server {

namespace beast = boost::beast;
namespace http = boost::beast::http;

namespace {

Problem FramingProblem(const FramingFault& fault) {
  Problem problem = ProblemFromStatus(Status::Usage(fault.detail));
  if (fault.status == 501) {
    problem.status = 501;
    problem.type = "urn:canje:problem:not_implemented";
    problem.title = "Not implemented";
  } else {
    problem.type = "urn:canje:problem:malformed_request";
    problem.title = "Malformed request";
  }
  return problem;
}

Problem HeaderTooLargeProblem(size_t limit) {
  Problem problem = ProblemFromStatus(
      Status::Usage("the request header is larger than " + std::to_string(limit) + " bytes"));
  problem.status = 431;
  problem.type = "urn:canje:problem:header_too_large";
  problem.title = "Request header too large";
  return problem;
}

// 503: the workers are all busy and the line of waiting requests is full, or this request
// waited too long in it. Nothing was run for the request.
Problem BusyProblem(std::string detail) {
  return ProblemFromStatus(Status::Unavailable(std::move(detail)));
}

constexpr const char* kQueueFull =
    "every worker thread is busy and the line of waiting requests is full; nothing was done: "
    "send the request again after the seconds Retry-After says";

std::string_view Text(const beast::flat_buffer& buffer) {
  return {static_cast<const char*>(buffer.data().data()), buffer.data().size()};
}

}  // namespace

HttpSession::HttpSession(boost::asio::ip::tcp::socket socket, RequestHandler& handler,
                         RequestWorkers& workers, const SessionLimits& limits,
                         std::function<void()> on_end)
    : stream_(std::move(socket)),
      request_timer_(stream_.get_executor()),
      handler_(handler),
      workers_(workers),
      limits_(limits),
      on_end_(std::move(on_end)) {}

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
  // The request's own limit is known once its header is (OnHeaderBytes); until then, none.
  body_limit_ = limits_.body_limit;
  parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
  parser_->header_limit(static_cast<std::uint32_t>(limits_.header_limit));
  // One deadline for the whole header: a client sending a byte at a time cannot extend it.
  stream_.expires_after(limits_.idle_timeout);
  ReadMoreHeader();
}

void HttpSession::ReadMoreHeader() {
  // What has arrived (a pipelined request may already be here) is scanned before reading more.
  HeaderScan scan = ScanHeaderBytes(Text(buffer_));
  if (scan.state == HeaderScan::State::kFault) return RefuseAndClose(FramingProblem(scan.fault));
  if (scan.state == HeaderScan::State::kComplete) {
    if (scan.header_end - scan.skip > limits_.header_limit) {
      return RefuseAndClose(HeaderTooLargeProblem(limits_.header_limit));
    }
    return OnHeaderBytes(scan.skip, scan.header_end);
  }
  if (buffer_.size() > limits_.header_limit + scan.skip) {
    return RefuseAndClose(HeaderTooLargeProblem(limits_.header_limit));
  }
  const size_t room = std::max<size_t>(1024, limits_.header_limit + 4 - buffer_.size());
  stream_.async_read_some(buffer_.prepare(std::min<size_t>(room, 8192)),
                          [self = shared_from_this()](beast::error_code error, size_t read) {
                            if (error) return self->Close();  // end, timeout or reset
                            self->buffer_.commit(read);
                            self->ReadMoreHeader();
                          });
}

void HttpSession::OnHeaderBytes(size_t skip, size_t header_end) {
  busy_ = true;
  buffer_.consume(skip);
  header_end -= skip;
  beast::error_code error;
  const size_t used = parser_->put(boost::asio::buffer(buffer_.data().data(), header_end), error);
  if (!error && (used != header_end || !parser_->is_header_done())) {
    error = http::error::bad_line_ending;  // the parser stopped short of the blank line
  }
  buffer_.consume(used);
  if (error == http::error::header_limit) {
    return RefuseAndClose(HeaderTooLargeProblem(limits_.header_limit));
  }
  if (error) return RefuseAndClose(FramingProblem(ParseFault(error)));
  if (auto fault = CheckBodyFraming(parser_->get())) return RefuseAndClose(FramingProblem(*fault));
  // Refused before its body is read (or its token checked): the server is saturated.
  if (workers_.Full()) return RefuseAndClose(BusyProblem(kQueueFull));
  if (parser_->is_done()) return OnBody({});
  body_limit_ = handler_.BodyLimit(parser_->get(), limits_.body_limit);
  if (parser_->content_length() && *parser_->content_length() > body_limit_) {
    return RefuseAndClose(BodyTooLargeProblem(body_limit_));
  }
  parser_->body_limit(body_limit_);
  if (std::optional<HttpResponse> refusal = handler_.Screen(parser_->get())) {
    refusal->keep_alive(false);
    refused_ = true;
    return Answer(std::move(*refusal));
  }
  if (ExpectsContinue(parser_->get())) return SendContinue();
  ReadBody();
}

void HttpSession::SendContinue() {
  // RFC 9110, 10.1.1: a client that sent "Expect: 100-continue" may wait for this interim answer
  // before sending the body (curl waits a second). It goes only after the header was accepted:
  // a refused request got its final answer above, and its body is never asked for.
  static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  stream_.expires_after(limits_.write_timeout);
  boost::asio::async_write(stream_, boost::asio::buffer(kContinue),
                           [self = shared_from_this()](beast::error_code error, size_t) {
                             if (error) return self->Close();
                             self->ReadBody();
                           });
}

void HttpSession::ReadBody() {
  stream_.expires_after(limits_.body_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code read_error, size_t) {
                     self->OnBody(read_error);
                   });
}

void HttpSession::OnBody(beast::error_code error) {
  if (error == http::error::body_limit) {
    return RefuseAndClose(BodyTooLargeProblem(body_limit_));
  }
  if (IsParseError(error)) return RefuseAndClose(FramingProblem(ParseFault(error)));
  if (error) return Close();
  stream_.expires_never();  // the request timer below bounds the handler
  const unsigned version = parser_->get().version();
  // The work guard keeps the network threads running while the request is with the workers
  // (a graceful stop waits for its answer).
  bool accepted = workers_.TrySubmit(
      [self = shared_from_this(), version,
       guard = boost::asio::make_work_guard(stream_.get_executor())](bool expired) {
        HttpResponse response;
        if (expired) {
          response = ProblemResponse(
              BusyProblem("the request waited longer than the server's queue timeout for a "
                          "worker thread; nothing was done: send it again after the seconds "
                          "Retry-After says"),
              version, false);
          response.set(boost::beast::http::field::retry_after, "1");
          self->handler_.Refused(response);
        } else {
          response = self->handler_.Handle(self->parser_->get());
        }
        boost::asio::post(self->stream_.get_executor(),
                          [self, expired, response = std::move(response)]() mutable {
                            self->OnHandled(std::move(response), expired);
                          });
      });
  if (!accepted) return RefuseAndClose(BusyProblem(kQueueFull));
  handling_ = true;
  request_timer_.expires_after(limits_.request_timeout);
  request_timer_.async_wait([self = shared_from_this()](boost::system::error_code timer_error) {
    if (timer_error || !self->handling_) return;
    self->cut_ = true;  // the client is told nothing: it cannot know whether the work was done
    self->Close();
  });
}

void HttpSession::OnHandled(HttpResponse response, bool expired) {
  handling_ = false;
  request_timer_.cancel();
  if (cut_) return;
  if (expired) refused_ = true;  // the connection closes after the 503
  Answer(std::move(response));
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
  if (!error && refused_) return LingerThenClose();
  if (error || close || stopping_) return Close();
  ReadHeader();
}

void HttpSession::RefuseAndClose(const Problem& problem) {
  busy_ = true;
  refused_ = true;
  HttpResponse response = ProblemResponse(problem, 11, false);
  if (problem.status == 503) response.set(http::field::retry_after, "1");
  handler_.Refused(response);
  Answer(std::move(response));
}

void HttpSession::LingerThenClose() {
  constexpr size_t kMaxLingerBytes = 1 << 20;
  if (lingered_ == 0) {
    beast::error_code ignored;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    buffer_.clear();
  }
  if (lingered_ >= kMaxLingerBytes) return Close();
  stream_.async_read_some(buffer_.prepare(16 * 1024),
                          [self = shared_from_this()](beast::error_code error, size_t read) {
                            if (error) return self->Close();  // the client closed, or 2 s
                            self->lingered_ += read + 1;  // +1: an empty read still counts
                            self->LingerThenClose();
                          });
}

void HttpSession::Close() {
  beast::error_code ignored;
  stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
  stream_.socket().close(ignored);
}

}  // namespace canje::server
