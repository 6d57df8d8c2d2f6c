// Fuzz target: raw bytes as `canje serve` reads a request — the header scan, Beast's parser, the
// framing checks, then the API itself (token, target, router, handlers) on a real SQLite store
// with one user and token. Properties: a request either is refused as malformed (400/431/501) or
// gets an answer from the API with a documented status; every error body is an RFC 9457 problem
// that parses as JSON; nothing throws.
#include <stdlib.h>

#include <boost/beast/http.hpp>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "fuzz/fuzz_target.h"
#include "instance/instance.h"
#include "instance/parties_and_users.h"
#include "server/api.h"
#include "authentication/api_tokens.h"
#include "server/instance_pool.h"
#include "server/request_framing.h"

namespace {

namespace http = boost::beast::http;
using canje::server::HttpRequest;
using canje::server::HttpResponse;

struct Server {
  std::filesystem::path dir;
  std::unique_ptr<canje::server::InstancePool> pool;
  std::unique_ptr<canje::server::Api> api;
  std::string token;
};

Server& TheServer() {
  static Server* server = [] {
    auto* s = new Server;
    std::string pattern = (std::filesystem::temp_directory_path() / "canje-fuzz-XXXXXX").string();
    s->dir = mkdtemp(pattern.data());
    canje::instance::OpenOptions open;
    open.database = (s->dir / "canje.db").string();
    open.master_key_file = (s->dir / "canje.db.key").string();
    FuzzCheck(canje::instance::Instance::Initialize({open.database, open.master_key_file}).ok(),
              "cannot create the fuzz store");
    auto admin = canje::instance::Instance::Open(open);
    FuzzCheck(admin.ok(), "cannot open the fuzz store");
    FuzzCheck(canje::instance::AddParty(**admin, {"VEN", "Venezuela", "state"}).ok(), "party");
    FuzzCheck(canje::instance::AddUser(**admin, {"ven", "VEN", "negotiator"}).ok(), "user");
    auto created = canje::authentication::CreateApiToken(**admin, "ven", std::nullopt);
    FuzzCheck(created.ok(), "token");
    s->token = created->token;
    s->pool = std::make_unique<canje::server::InstancePool>(
        canje::server::InstancePool::Options{open});
    auto api = canje::server::Api::Create(*s->pool);
    FuzzCheck(api.ok(), "cannot build the API");
    s->api = std::move(*api);
    std::atexit([] { std::filesystem::remove_all(TheServer().dir); });
    return s;
  }();
  return *server;
}

void CheckResponse(const HttpResponse& response) {
  static const std::set<unsigned> kDocumented = {200, 201, 400, 401, 403, 404, 405,
                                                 409, 413, 422, 431, 500, 503};
  const unsigned status = response.result_int();
  FuzzCheck(kDocumented.count(status) == 1, "an undocumented HTTP status");
  FuzzCheck(status != 500, "a request made the API fail with 500");
  if (status >= 400) {
    auto body = nlohmann::json::parse(response.body(), nullptr, false);
    FuzzCheck(body.is_object() && body.contains("type") && body["status"] == status,
              "an error body is not a problem of its status");
  }
}

}  // namespace

std::vector<std::string> FuzzSeeds() {
  const std::string auth = "Authorization: Bearer " + TheServer().token + "\r\n";
  return {
      "GET /v1/whoami HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
      "GET /v1/persons?name=Jos%C3%A9&limit=5&category=minor HTTP/1.1\r\nHost: x\r\n" + auth +
          "\r\n",
      "GET /v1/log/proof/inclusion?index=0&size=1 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
      "POST /v1/proposals/V1/accept HTTP/1.1\r\nHost: x\r\n" + auth +
          "Content-Type: application/json\r\nContent-Length: 33\r\n\r\n"
          "{\"party\":\"VEN\",\"expect_state\":\"x\"}",
      "POST /v1/proposals/V1/reject HTTP/1.1\r\nHost: x\r\n" + auth +
          "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3\r\n 1}\r\n0\r\n\r\n",
      "GET /v1/persons/P1 HTTP/1.1\r\nHost: x\r\n\r\n",
      // With a token, the requests that once crashed or misled the server.
      "GET /v1/\xff%zz HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
      "GET /v1/persons/P%ff HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
      "GET /v1/persons?nationality=%ff&list=L%ff HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
      "GET /v1/persons?document=- HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
      "GET /v1/persons?category=minor%25&status=held'-- HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
      "GET /v1/log/proof/inclusion?index=0&size=-5 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
      "POST /v1/proposals/V1/accept HTTP/1.1\r\nHost: x\r\n" + auth +
          "Content-Length: 16\r\n\r\n{\"party\":\"VE\xff\"}",
      "POST /v1/proposals/V1/accept HTTP/1.1\r\nHost: x\r\n" + auth +
          "Content-Length: 19\r\n\r\n{\"party\": 1e999999}",
  };
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  canje::server::HeaderScan scan = canje::server::ScanHeaderBytes(bytes);
  if (scan.state != canje::server::HeaderScan::State::kComplete) return 0;
  http::request_parser<http::string_body> parser;
  parser.body_limit(1 << 20);
  parser.header_limit(16 * 1024);
  boost::beast::error_code error;
  std::string_view header = bytes.substr(scan.skip, scan.header_end - scan.skip);
  parser.put(boost::asio::buffer(header.data(), header.size()), error);
  if (error) {
    // need_more: the request line or a field is cut short although the header has ended.
    FuzzCheck(canje::server::IsParseError(error) || error == http::error::need_more ||
                  error == http::error::body_limit || error == http::error::header_limit,
              "Beast stopped on a complete header for a reason that is not a parse error");
    return 0;
  }
  if (canje::server::CheckBodyFraming(parser.get())) return 0;
  if (!parser.is_done()) {
    if (auto refusal = TheServer().api->Screen(parser.get())) {
      CheckResponse(*refusal);
      return 0;
    }
    std::string_view rest = bytes.substr(scan.header_end);
    while (!parser.is_done() && !rest.empty()) {
      size_t used = parser.put(boost::asio::buffer(rest.data(), rest.size()), error);
      if (error == http::error::need_more) break;
      if (error) return 0;  // a malformed body is refused by the session with 400
      rest.remove_prefix(used);
    }
    if (!parser.is_done()) return 0;
  }
  CheckResponse(TheServer().api->Handle(parser.get()));
  return 0;
}
