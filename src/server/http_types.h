// The HTTP message types shared by the listener (server/http_server.h), the sessions and
// whatever answers requests: the API (server/api.h) or another service served by the same
// listener (a witness).
#pragma once

#include <boost/beast/http.hpp>
#include <optional>
#include <string_view>

namespace canje::server {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

inline constexpr std::string_view kJsonType = "application/json";
inline constexpr std::string_view kProblemType = "application/problem+json";
inline constexpr std::string_view kTextType = "text/plain; charset=utf-8";

// Beast 1.74 speaks boost::string_view; the rest of canje speaks std::string_view.
inline std::string_view View(boost::beast::string_view text) { return {text.data(), text.size()}; }

// Answers requests. Contract for every function: never throw, and may be called from several
// threads at once (one request per call).
class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  // Called with a request's header (its body still empty) when the request announces a body,
  // before the body is read: a response refuses the request without reading the body (the
  // connection then closes), so that a caller who may not send bodies cannot make the server
  // hold them. nullopt lets the body be read and the request handled.
  virtual std::optional<HttpResponse> Screen(const HttpRequest& header) {
    (void)header;
    return std::nullopt;
  }
  // The largest body the request of this header may carry, given the server's body limit
  // (--body-limit): a route that takes whole files may allow more. Asked before the body is
  // read (and before Screen); default: `configured`.
  virtual size_t BodyLimit(const HttpRequest& header, size_t configured) {
    (void)header;
    return configured;
  }
  // Answers one complete request.
  virtual HttpResponse Handle(const HttpRequest& request) = 0;
  // Called with an answer the listener makes itself, without Screen() or Handle() (a request
  // over the header or body limits, or badly framed), just before it is sent; may add headers.
  // Default: nothing.
  virtual void Refused(HttpResponse& /*response*/) {}
};

}  // namespace canje::server
