#include "server/idempotent_calls.h"

#include "instance/idempotent_requests.h"

namespace canje::server {
namespace http = boost::beast::http;

namespace {

constexpr std::string_view kHeader = "Idempotency-Key";

Problem HeaderProblem(int status, std::string_view name, std::string title, std::string detail) {
  Problem problem = NamedProblem(status, name, std::move(title), std::move(detail));
  problem.extensions["header"] = std::string(kHeader);
  return problem;
}

// Forgets the armed key however the handler ends (the instance goes back to the pool).
class DisarmOnExit {
 public:
  explicit DisarmOnExit(instance::Instance& instance) : instance_(instance) {}
  ~DisarmOnExit() { instance::Disarm(instance_); }

 private:
  instance::Instance& instance_;
};

}  // namespace

Result<Reply> RunWithIdempotencyKey(ApiCall& call, const Handler& handler) {
  const http::verb method = call.request.method();
  auto header = call.request.find(boost::beast::string_view(kHeader.data(), kHeader.size()));
  if (method != http::verb::post || header == call.request.end()) {
    return handler(call);
  }
  instance::IdempotentRequest request{
      std::string(View(header->value())), std::string(View(call.request.method_string())),
      std::string(View(call.request.target())), call.request.body()};
  // Held until the answer is kept: a second request with this key waits for it.
  Result<std::unique_ptr<store::IdempotencyKeyHold>> hold =
      instance::HoldKey(call.instance, request);
  Result<instance::EarlierRequest> earlier =
      hold.ok() ? instance::FindEarlierRequest(call.instance, request)
                : Result<instance::EarlierRequest>(hold.status());
  if (!earlier.ok()) {
    const Status& status = earlier.status();
    if (status.code() == StatusCode::kConflict) {
      call.problem =
          HeaderProblem(422, "idempotency_key_reused", "Idempotency key reused", status.message());
    } else if (status.code() == StatusCode::kUsage) {
      call.problem = HeaderProblem(400, "usage", "Bad request", status.message());
    }
    return status;
  }
  switch (earlier->kind) {
    case instance::EarlierRequest::Kind::kAnswered: {
      Reply replay{earlier->answer.status, earlier->answer.content_type, earlier->answer.body,
                   earlier->answer.headers};
      replay.headers.emplace_back("Idempotency-Replayed", "true");
      return replay;
    }
    case instance::EarlierRequest::Kind::kUnanswered: {
      Problem lost = HeaderProblem(
          409, "idempotent_answer_lost", "Change made, answer lost",
          "a request with this Idempotency-Key made its change, but its answer was not kept; "
          "read the resource to see the result, and do not send the change again");
      lost.extensions["log_size"] = earlier->log_size;
      call.problem = std::move(lost);
      return Status::Conflict(call.problem->detail);
    }
    case instance::EarlierRequest::Kind::kNone:
      break;
  }
  DisarmOnExit disarm(call.instance);
  const instance::ArmedKey armed = instance::RecordKeyWithNextChange(call.instance, request);
  Result<Reply> reply = handler(call);
  instance::KeptAnswer answer;
  if (reply.ok()) {
    answer = {reply->status, reply->content_type, reply->body, {}};
    // What the change made, for the retry to learn too; not the headers of the moment.
    for (const auto& [name, value] : reply->headers) {
      if (name == "Location" || name == "ETag") answer.headers.emplace_back(name, value);
    }
  } else {
    const Problem problem = call.problem ? *call.problem : ProblemFromStatus(reply.status());
    answer = {problem.status, std::string(kProblemType), problem.Body(), {}};
  }
  // Not kept (the store failed after the change): a retry is told its change was made.
  (void)instance::KeepAnswer(call.instance, request, armed, answer);
  return reply;
}

}  // namespace canje::server
