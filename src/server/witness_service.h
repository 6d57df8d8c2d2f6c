// `canje witness serve`: a witness's HTTP side, C2SP tlog-witness (docs/auditing.md), served by
// the same listener as the API (server/http_server.h) with this handler instead of the Api.
//
//   POST /add-checkpoint   the body of ledger/witness_protocol.h; answers 200 with the
//                          cosignature line, 400, 403, 404, 409 (with the witness's size,
//                          text/x.tlog.size), 422, as the specification says, or 429 when
//                          over the rate limit (Retry-After), 500 when the state folder
//                          cannot be read or written (nothing is cosigned then)
//   GET /                  the witness's verifier key and the log it watches, for people
//
// The decision and the state are the folder's (witness/witness_state.h): every request is
// checked and saved under the folder's lock, the state on disk before the answer.
//
// Requests go through the same listener as the API's (server/http_session.cc: framing checks,
// header and body limits, Screen before any body is read). The rate limit is one token bucket for
// the whole witness (the handler does not see client addresses; put a reverse proxy in front for
// per-client limits): it bounds the signature checks and fsyncs anyone can ask for. A log sends one
// request per change, so the default (10 per second, bursts of 20) leaves room for several logs.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"
#include "server/http_types.h"
#include "server/rate_limiter.h"

namespace canje::server {

struct WitnessServiceOptions {
  std::filesystem::path state;  // the witness's state folder (canje witness init)
  double rate = 10;             // requests per second, on average
  double burst = 20;
  std::function<void(const std::string&)> report;  // refusals kept as evidence; may be empty
};

class WitnessService : public RequestHandler {
 public:
  // kNotFound/kInvalid when the folder holds no usable witness key or log key.
  static Result<std::unique_ptr<WitnessService>> Create(WitnessServiceOptions options);

  // Before a body is read: refuses what Handle would refuse without looking at the body (a path
  // or method it does not serve, 404/405; over the rate limit, 429), so that nobody can make the
  // witness read bodies it will not use.
  std::optional<HttpResponse> Screen(const HttpRequest& header) override;
  HttpResponse Handle(const HttpRequest& request) override;

 private:
  WitnessService(WitnessServiceOptions options, std::string about);
  // The 404 or 405 for a request that is neither POST /add-checkpoint nor GET /.
  std::optional<HttpResponse> NotServed(const HttpRequest& request) const;
  std::optional<HttpResponse> OverTheRateLimit(const HttpRequest& request, bool take);
  HttpResponse AddCheckpoint(const HttpRequest& request);

  WitnessServiceOptions options_;
  std::string about_;  // GET /
  RateLimiter limiter_;
};

}  // namespace canje::server
