// The HTTP message types shared by the listener (server/http_server.h), the sessions and
// whatever answers requests: the API (server/api.h) or another service served by the same
// listener (a witness).
#pragma once

#include <boost/beast/http.hpp>
#include <string_view>

namespace canje::server {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

inline constexpr std::string_view kJsonType = "application/json";
inline constexpr std::string_view kProblemType = "application/problem+json";
inline constexpr std::string_view kTextType = "text/plain; charset=utf-8";

// Beast 1.74 speaks boost::string_view; the rest of canje speaks std::string_view.
inline std::string_view View(boost::beast::string_view text) { return {text.data(), text.size()}; }

// Answers one complete request. Contract: never throws, and may be called from several
// threads at once (one request per call).
class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  virtual HttpResponse Handle(const HttpRequest& request) = 0;
  // Called with an answer the listener makes itself, without Handle() (a request over the
  // header or body limits), just before it is sent; may add headers. Default: nothing.
  virtual void Refused(HttpResponse& /*response*/) {}
};

}  // namespace canje::server
