#include "server/witness_service.h"

#include <ctime>
#include <exception>
#include <fstream>
#include <sstream>

#include "core/utf8.h"
#include "ledger/witness_protocol.h"
#include "witness/witness_state.h"

namespace canje::server {
namespace {

namespace http = boost::beast::http;

HttpResponse Answer(const HttpRequest& request, http::status status, std::string_view type,
                    std::string body) {
  HttpResponse response{status, request.version()};
  response.set(http::field::content_type, std::string(type));
  response.set(http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

HttpResponse Text(const HttpRequest& request, http::status status, std::string message) {
  if (!message.empty() && message.back() != '\n') message += '\n';
  return Answer(request, status, kTextType, std::move(message));
}

http::status StatusOf(witness::AddCheckpointVerdict verdict) {
  using enum witness::AddCheckpointVerdict;
  switch (verdict) {
    case kCosigned:
      return http::status::ok;
    case kMalformed:
      return http::status::bad_request;
    case kUnsigned:
      return http::status::forbidden;
    case kUnknownLog:
      return http::status::not_found;
    case kSizeMismatch:
      return http::status::conflict;
    case kBadProof:
      return http::status::unprocessable_entity;
  }
  return http::status::internal_server_error;
}

}  // namespace

Result<std::unique_ptr<WitnessService>> WitnessService::Create(WitnessServiceOptions options) {
  if (!(options.rate > 0) || !(options.burst >= 1)) {
    return Status::Usage("the rate limit must be above 0 per second, with a burst of at least 1");
  }
  CANJE_ASSIGN_OR_RETURN(std::string vkey, witness::WitnessVerifierKey(options.state));
  std::ifstream log_key(options.state / "log.vkey");
  std::stringstream watched;
  watched << log_key.rdbuf();
  if (!log_key || watched.str().empty()) {
    return Status::NotFound("cannot read " + (options.state / "log.vkey").string() +
                            "; create the folder with `canje witness init`");
  }
  CANJE_RETURN_IF_ERROR(witness::CosignedSize(options.state).status());
  std::string about = "canje witness " + vkey + "\nwatches the log " + watched.str() +
                      "POST /add-checkpoint (C2SP tlog-witness)\n";
  return std::unique_ptr<WitnessService>(new WitnessService(std::move(options), std::move(about)));
}

WitnessService::WitnessService(WitnessServiceOptions options, std::string about)
    : options_(std::move(options)),
      about_(std::move(about)),
      limiter_(options_.rate, options_.burst) {}

std::optional<HttpResponse> WitnessService::NotServed(const HttpRequest& request) const {
  std::string_view target = View(request.target());
  std::string_view path = target.substr(0, target.find('?'));
  if (path == "/add-checkpoint") {
    if (request.method() == http::verb::post) return std::nullopt;
    HttpResponse response =
        Text(request, http::status::method_not_allowed, "add-checkpoint takes POST");
    response.set(http::field::allow, "POST");
    return response;
  }
  if (path == "/" && request.method() == http::verb::get) return std::nullopt;
  return Text(request, http::status::not_found,
              "no such path; this witness answers POST /add-checkpoint");
}

std::optional<HttpResponse> WitnessService::OverTheRateLimit(const HttpRequest& request,
                                                             bool take) {
  int retry_after = 1;
  if (take ? limiter_.Allow(&retry_after) : limiter_.HasToken(&retry_after)) return std::nullopt;
  HttpResponse response =
      Text(request, http::status::too_many_requests,
           "too many requests; try again in " + std::to_string(retry_after) + " s");
  response.set(http::field::retry_after, std::to_string(retry_after));
  return response;
}

std::optional<HttpResponse> WitnessService::Screen(const HttpRequest& header) {
  try {
    if (std::optional<HttpResponse> refusal = NotServed(header)) return refusal;
    // Past NotServed: POST /add-checkpoint or GET /.
    if (header.method() == http::verb::post) return OverTheRateLimit(header, /*take=*/false);
    return std::nullopt;
  } catch (const std::exception& error) {
    return Text(header, http::status::internal_server_error,
                "unexpected failure: " + QuoteUntrusted(error.what()));
  }
}

HttpResponse WitnessService::Handle(const HttpRequest& request) {
  try {
    if (std::optional<HttpResponse> refusal = NotServed(request)) return std::move(*refusal);
    if (request.method() == http::verb::get) return Text(request, http::status::ok, about_);
    return AddCheckpoint(request);
  } catch (const std::exception& error) {
    return Text(request, http::status::internal_server_error,
                "unexpected failure: " + QuoteUntrusted(error.what()));
  }
}

HttpResponse WitnessService::AddCheckpoint(const HttpRequest& request) {
  if (std::optional<HttpResponse> refusal = OverTheRateLimit(request, /*take=*/true)) {
    return std::move(*refusal);
  }
  Result<ledger::AddCheckpointRequest> parsed = ledger::ParseAddCheckpointRequest(request.body());
  if (!parsed.ok()) return Text(request, http::status::bad_request, parsed.status().message());
  Result<witness::AddCheckpointAnswer> answer =
      witness::AddCheckpoint(options_.state, *parsed, static_cast<uint64_t>(std::time(nullptr)));
  if (!answer.ok()) {
    return Text(request, http::status::internal_server_error,
                "the witness cannot use its state folder: " + answer.status().message() +
                    "; nothing was cosigned");
  }
  if (answer->evidence_kept && options_.report) options_.report(answer->message);
  const http::status status = StatusOf(answer->verdict);
  if (answer->verdict == witness::AddCheckpointVerdict::kCosigned) {
    return Answer(request, status, kTextType, answer->cosignature_lines);
  }
  if (answer->verdict == witness::AddCheckpointVerdict::kSizeMismatch) {
    return Answer(request, status, ledger::kTlogSizeContentType,
                  ledger::FormatTreeSizeBody(answer->cosigned_size));
  }
  return Text(request, status, answer->message);
}

}  // namespace canje::server
