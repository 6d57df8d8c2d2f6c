#include "store/idempotency_tables.h"

#include "store/row_mapping.h"

namespace canje::store {
namespace {

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

}  // namespace canje::store
