#include "instance/idempotent_requests.h"

#include "core/clock.h"
#include "core/digest.h"
#include "store/idempotency_tables.h"

namespace canje::instance {
namespace {

// The request's fingerprint: each part length-prefixed, so that no two requests share one.
Bytes RequestSha256(const IdempotentRequest& request) {
  std::string text;
  for (const std::string* part : {&request.method, &request.target, &request.body}) {
    text += std::to_string(part->size()) + ":" + *part + "\n";
  }
  Sha256Hash hash = Sha256(AsBytes(text));
  return Bytes(hash.begin(), hash.end());
}

// Keys created before this time are forgotten.
std::string ForgetBefore() { return Rfc3339FromUnix(NowUnixSeconds() - kIdempotencyKeySeconds); }

std::string AnswerContext(std::string_view user, std::string_view key) {
  return "idempotency key of " + std::string(user) + " answer: " + std::string(key);
}

// The next line of `text` from `at` (moved past it); false when no line break is left.
bool NextLine(const std::string& text, size_t& at, std::string& line) {
  const size_t end = text.find('\n', at);
  if (end == std::string::npos) return false;
  line = text.substr(at, end - at);
  at = end + 1;
  return true;
}

}  // namespace

std::string EncodeKeptAnswer(const KeptAnswer& answer) {
  std::string text = "a2 " + std::to_string(answer.status) + "\n" + answer.content_type + "\n" +
                     std::to_string(answer.headers.size()) + "\n";
  for (const auto& [name, value] : answer.headers) text += name + ": " + value + "\n";
  return text + answer.body;
}

Result<KeptAnswer> DecodeKeptAnswer(const std::string& text) {
  const Status damaged = Status::Invalid("a kept answer is malformed: the store is damaged");
  KeptAnswer answer;
  size_t at = 0;
  std::string status, count, header;
  if (!NextLine(text, at, status) || !NextLine(text, at, answer.content_type)) return damaged;
  const bool with_headers = status.starts_with("a2 ");
  if (with_headers) status = status.substr(3);
  if (status.size() != 3 || status.find_first_not_of("0123456789") != std::string::npos) {
    return damaged;
  }
  answer.status = std::stoi(status);
  if (with_headers) {
    if (!NextLine(text, at, count) || count.empty() || count.size() > 2 ||
        count.find_first_not_of("0123456789") != std::string::npos) {
      return damaged;
    }
    for (int n = std::stoi(count); n > 0; --n) {
      const size_t colon = NextLine(text, at, header) ? header.find(": ") : std::string::npos;
      if (colon == std::string::npos) return damaged;
      answer.headers.emplace_back(header.substr(0, colon), header.substr(colon + 2));
    }
  }
  answer.body = text.substr(at);
  return answer;
}

Status CheckIdempotencyKey(std::string_view key) {
  bool printable = !key.empty() && key.size() <= 255;
  for (char c : key) printable = printable && c > ' ' && c < 0x7f;
  if (printable) return Status::Ok();
  return Status::Usage(
      "the Idempotency-Key header must be 1 to 255 printable ASCII characters without spaces, "
      "such as a UUID; send a new one for each change, and the same one only when you send the "
      "same request again");
}

Result<std::unique_ptr<store::IdempotencyKeyHold>> HoldKey(Instance& instance,
                                                           const IdempotentRequest& request) {
  CANJE_RETURN_IF_ERROR(CheckIdempotencyKey(request.key));
  return store::HoldIdempotencyKey(instance.store(), instance.actor().user, request.key);
}

Result<EarlierRequest> FindEarlierRequest(Instance& instance, const IdempotentRequest& request) {
  CANJE_RETURN_IF_ERROR(CheckIdempotencyKey(request.key));
  CANJE_ASSIGN_OR_RETURN(
      auto row, store::FindIdempotencyKey(instance.store(), instance.actor().user, request.key));
  EarlierRequest earlier;
  if (!row || row->created_at < ForgetBefore()) return earlier;
  if (row->request_sha256 != RequestSha256(request)) {
    return Status::Conflict(
        "this Idempotency-Key was sent before with a different request (another method, path "
        "or body); use a new key for a new request");
  }
  earlier.log_size = row->log_size;
  if (row->answer_sealed.empty()) {
    earlier.kind = EarlierRequest::Kind::kUnanswered;
    return earlier;
  }
  protect::Vault& vault = instance.vault();
  CANJE_ASSIGN_OR_RETURN(Bytes plain,
                         vault.Open(vault.TextKey(), row->answer_sealed,
                                    AnswerContext(instance.actor().user, request.key)));
  CANJE_ASSIGN_OR_RETURN(earlier.answer, DecodeKeptAnswer(std::string(plain.begin(), plain.end())));
  earlier.kind = EarlierRequest::Kind::kAnswered;
  return earlier;
}

ArmedKey RecordKeyWithNextChange(Instance& instance, const IdempotentRequest& request) {
  ArmedKey armed;
  store::IdempotencyKeyRow row;
  row.key = request.key;
  row.request_sha256 = RequestSha256(request);
  instance.WithNextChange([row, armed](store::WriteTransaction& transaction) mutable -> Status {
    CANJE_ASSIGN_OR_RETURN(row.log_size, transaction.TreeSize());
    CANJE_RETURN_IF_ERROR(store::AddIdempotencyKey(transaction, row, ForgetBefore()));
    *armed.log_size = row.log_size;
    return Status::Ok();
  });
  return armed;
}

void Disarm(Instance& instance) { instance.WithNextChange(nullptr); }

Status KeepAnswer(Instance& instance, const IdempotentRequest& request, const ArmedKey& armed,
                  const KeptAnswer& answer) {
  if (*armed.log_size == 0) return Status::Ok();
  CANJE_ASSIGN_OR_RETURN(
      auto row, store::FindIdempotencyKey(instance.store(), instance.actor().user, request.key));
  // The row must be this request's (its change may have rolled back after recording the key).
  if (!row || !row->answer_sealed.empty() || row->log_size != *armed.log_size ||
      row->request_sha256 != RequestSha256(request)) {
    return Status::Ok();
  }
  const std::string kept = EncodeKeptAnswer(answer);
  protect::Vault& vault = instance.vault();
  const Bytes sealed =
      vault.Seal(vault.TextKey(), AsBytes(kept), AnswerContext(instance.actor().user, request.key));
  return store::SetIdempotentAnswer(instance.store(), instance.actor().user, request.key, sealed);
}

}  // namespace canje::instance
