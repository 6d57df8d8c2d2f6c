#include "server/witness_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "core/http_url.h"
#include "server/http_types.h"

namespace canje::server {
namespace {

namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

// Beast's stream timeouts apply to asynchronous operations only, so each step is started
// asynchronously and the context run until it completes; one deadline covers them all.
Result<instance::WitnessAnswer> Post(const std::string& url_text, const std::string& body,
                                     std::chrono::milliseconds timeout) {
  CANJE_ASSIGN_OR_RETURN(HttpUrl url, ParseHttpUrl(url_text));
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  beast::error_code error;
  auto failed = [&](std::string_view step) {
    return Status::Unavailable(std::string(step) + " " + url.ToString() + ": " +
                               (error == beast::error::timeout
                                    ? "no answer within " + std::to_string(timeout.count()) + " ms"
                                    : error.message()));
  };
  auto wait = [&io] {
    io.run();
    io.restart();
  };
  tcp::resolver resolver(io);
  tcp::resolver::results_type endpoints;
  resolver.async_resolve(url.host, std::to_string(url.port),
                         [&](beast::error_code e, tcp::resolver::results_type found) {
                           error = e;
                           endpoints = std::move(found);
                         });
  wait();
  if (error) return failed("cannot resolve");
  stream.expires_after(timeout);
  stream.async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint&) { error = e; });
  wait();
  if (error) return failed("cannot connect to");
  http::request<http::string_body> request{http::verb::post, url.path + "/add-checkpoint", 11};
  request.set(http::field::host,
              url.port == 80 ? url.host : url.host + ":" + std::to_string(url.port));
  request.set(http::field::user_agent, "canje");
  request.set(http::field::content_type, "text/plain; charset=utf-8");
  request.keep_alive(false);
  request.body() = body;
  request.prepare_payload();
  http::async_write(stream, request, [&](beast::error_code e, size_t) { error = e; });
  wait();
  if (error) return failed("cannot send to");
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024);  // a few signature lines, or a size
  http::async_read(stream, buffer, parser, [&](beast::error_code e, size_t) { error = e; });
  wait();
  if (error) return failed("no answer from");
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  const auto& response = parser.get();
  return instance::WitnessAnswer{static_cast<int>(response.result_int()),
                                 std::string(View(response[http::field::content_type])),
                                 response.body()};
}

}  // namespace

instance::PostToWitness HttpWitnessPoster(std::chrono::milliseconds timeout) {
  return [timeout](const std::string& url, const std::string& body) {
    return Post(url, body, timeout);
  };
}

}  // namespace canje::server
