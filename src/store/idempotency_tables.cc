#include "store/idempotency_tables.h"

#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <set>

#include "core/digest.h"
#include "store/row_mapping.h"

namespace canje::store {
namespace {

// The keys held in this process (SQLite), by user and key.
struct HeldKeys {
  std::mutex mutex;
  std::condition_variable released;
  std::set<std::string> names;
};
HeldKeys& KeysHeldHere() {
  static HeldKeys held;
  return held;
}

// How long a request waits for another one holding its key in this process, as long as SQLite
// waits for the write lock (sqlite_connection.h) before kUnavailable.
constexpr std::chrono::milliseconds kLocalHoldTimeout{10000};

// Constructed by HoldIdempotencyKey once the key is taken.
class LocalKeyHold : public IdempotencyKeyHold {
 public:
  explicit LocalKeyHold(std::string name) : name_(std::move(name)) {}
  ~LocalKeyHold() override {
    HeldKeys& held = KeysHeldHere();
    {
      std::lock_guard lock(held.mutex);
      held.names.erase(name_);
    }
    held.released.notify_all();
  }

 private:
  std::string name_;
};

class AdvisoryKeyHold : public IdempotencyKeyHold {
 public:
  AdvisoryKeyHold(SqlConnection& connection, std::string arguments)
      : connection_(connection), arguments_(std::move(arguments)) {}
  // A failed unlock leaves the lock to the connection's end (the pool discards an instance
  // whose store failed).
  ~AdvisoryKeyHold() override {
    (void)connection_.Execute("SELECT pg_advisory_unlock(" + arguments_ + ")");
  }

 private:
  SqlConnection& connection_;
  std::string arguments_;
};

const RowTable<IdempotencyKeyRow> kIdempotencyKeyTable{
    "idempotency_keys",
    {
        Column("user_name", &IdempotencyKeyRow::user_name).InsertActor(),
        Column("idempotency_key", &IdempotencyKeyRow::key),
        Column("request_sha256", &IdempotencyKeyRow::request_sha256),
        Column("log_size", &IdempotencyKeyRow::log_size),
        Column("created_at", &IdempotencyKeyRow::created_at).InsertNow(),
        Sealed("answer_sealed", &IdempotencyKeyRow::answer_sealed),
    }};

}  // namespace

Status AddIdempotencyKey(WriteTransaction& transaction, const IdempotencyKeyRow& row,
                         std::string_view forget_before) {
  CANJE_RETURN_IF_ERROR(Execute(transaction.store().connection(),
                                "DELETE FROM idempotency_keys WHERE created_at < ?",
                                Params(forget_before)));
  CANJE_ASSIGN_OR_RETURN(auto existing, FindIdempotencyKey(transaction.store(),
                                                           transaction.actor().user, row.key));
  if (existing) {
    return Status::Conflict(
        "a request with this Idempotency-Key made its change at the same moment; send the "
        "request again to get its answer");
  }
  return InsertRow(transaction, kIdempotencyKeyTable, row);
}

Result<std::optional<IdempotencyKeyRow>> FindIdempotencyKey(Store& store,
                                                            std::string_view user_name,
                                                            std::string_view key) {
  return SelectRow(store.connection(), kIdempotencyKeyTable,
                   "WHERE user_name = ? AND idempotency_key = ?", Params(user_name, key));
}

Status SetIdempotentAnswer(Store& store, std::string_view user_name, std::string_view key,
                           ByteView answer_sealed) {
  return Execute(store.connection(),
                 "UPDATE idempotency_keys SET answer_sealed = ? "
                 "WHERE user_name = ? AND idempotency_key = ? AND answer_sealed IS NULL",
                 Params(answer_sealed, user_name, key));
}

Result<std::unique_ptr<IdempotencyKeyHold>> HoldIdempotencyKey(Store& store,
                                                               std::string_view user_name,
                                                               std::string_view key) {
  std::string name(user_name);
  name.push_back('\0');
  name.append(key);
  SqlConnection& connection = store.connection();
  if (connection.dialect() != SqlConnection::Dialect::kPostgres) {
    HeldKeys& held = KeysHeldHere();
    std::unique_lock lock(held.mutex);
    if (!held.released.wait_for(lock, kLocalHoldTimeout,
                                [&] { return held.names.count(name) == 0; })) {
      return Status::Unavailable(
          "another request with this Idempotency-Key is still being answered; send it again "
          "later");
    }
    held.names.insert(name);
    return std::unique_ptr<IdempotencyKeyHold>(new LocalKeyHold(std::move(name)));
  }
  const Sha256Hash digest = Sha256(AsBytes(name));
  int32_t high, low;
  std::memcpy(&high, digest.data(), 4);
  std::memcpy(&low, digest.data() + 4, 4);
  std::string arguments = std::to_string(high) + ", " + std::to_string(low);
  CANJE_RETURN_IF_ERROR(connection.Execute("SELECT pg_advisory_lock(" + arguments + ")"));
  return std::unique_ptr<IdempotencyKeyHold>(new AdvisoryKeyHold(connection, std::move(arguments)));
}

}  // namespace canje::store
