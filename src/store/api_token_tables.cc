#include "store/api_token_tables.h"

#include "store/row_mapping.h"

namespace canje::store {
namespace {

const RowTable<ApiTokenRow> kApiTokenTable{
    "api_tokens",
    {
        Column("id", &ApiTokenRow::id),
        Column("user_name", &ApiTokenRow::user),
        Column("token_sha256", &ApiTokenRow::token_sha256),
        WrittenAtBy("created", &ApiTokenRow::created_at, &ApiTokenRow::created_by),
        Column("expires_at", &ApiTokenRow::expires_at),
        // set by RevokeApiToken
        SetLaterAtBy("revoked", &ApiTokenRow::revoked_at, &ApiTokenRow::revoked_by),
        Column("event_seq", &ApiTokenRow::event_seq),
    }};

}  // namespace

Result<int64_t> AddApiToken(WriteTransaction& transaction, const ApiTokenRow& token) {
  CANJE_ASSIGN_OR_RETURN(auto existing,
                         FindApiTokenByHash(transaction.store(), token.token_sha256));
  if (existing)
    return Status::Conflict("this token is already stored (token " + std::to_string(existing->id) +
                            ")");
  return InsertWithNextId(transaction, kApiTokenTable, token);
}

Status RevokeApiToken(WriteTransaction& transaction, int64_t id) {
  CANJE_ASSIGN_OR_RETURN(auto existing, FindApiToken(transaction.store(), id));
  if (!existing) return Status::NotFound("no API token " + std::to_string(id));
  return Execute(transaction.store().connection(),
                 "UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ?",
                 Params(transaction.now(), transaction.actor().user, id));
}

Result<std::optional<ApiTokenRow>> FindApiTokenByHash(Store& store, ByteView sha256) {
  return SelectRow(store.connection(), kApiTokenTable, "WHERE token_sha256 = ?",
                   Params(sha256));
}

Result<std::optional<ApiTokenRow>> FindApiToken(Store& store, int64_t id) {
  return SelectRow(store.connection(), kApiTokenTable, "WHERE id = ?",
                   Params(id));
}

Result<std::vector<ApiTokenRow>> ApiTokens(Store& store, std::string_view user) {
  return SelectRows(store.connection(), kApiTokenTable,
                    user.empty() ? "ORDER BY id" : "WHERE user_name = ? ORDER BY id",
                    [&](SqlStatement& s) {
                      if (!user.empty()) s.BindText(1, user);
                    });
}

}  // namespace canje::store
