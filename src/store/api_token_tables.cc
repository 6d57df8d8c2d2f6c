#include "store/api_token_tables.h"

#include "store/sql_query.h"

namespace canje::store {
namespace {

constexpr std::string_view kApiTokenSchema = R"sql(
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users(name),
  token_sha256 BLOB NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT NOT NULL,
  revoked_by TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE INDEX api_tokens_by_user ON api_tokens(user_name);
)sql";

constexpr std::string_view kColumns =
    "id, user_name, token_sha256, created_at, created_by, expires_at, revoked_at, revoked_by, "
    "event_seq";

ApiTokenRow ReadToken(const SqlStatement& row) {
  ApiTokenRow token;
  token.id = row.Int(0);
  token.user = row.Text(1);
  token.token_sha256 = row.Blob(2);
  token.created_at = row.Text(3);
  token.created_by = row.Text(4);
  token.expires_at = row.Text(5);
  token.revoked_at = row.Text(6);
  token.revoked_by = row.Text(7);
  token.event_seq = row.Int(8);
  return token;
}

}  // namespace

std::string_view ApiTokenTablesSchema() { return kApiTokenSchema; }

Result<int64_t> AddApiToken(WriteTransaction& transaction, const ApiTokenRow& token) {
  SqlConnection& db = transaction.store().connection();
  CANJE_ASSIGN_OR_RETURN(auto existing,
                         FindApiTokenByHash(transaction.store(), token.token_sha256));
  if (existing)
    return Status::Conflict("this token is already stored (token " + std::to_string(existing->id) +
                            ")");
  CANJE_ASSIGN_OR_RETURN(int64_t id, NextRowId(db, "api_tokens"));
  CANJE_ASSIGN_OR_RETURN(auto insert, db.Prepare("INSERT INTO api_tokens(" + std::string(kColumns) +
                                                 ") VALUES(?, ?, ?, ?, ?, ?, '', '', ?)"));
  insert->BindInt(1, id);
  insert->BindText(2, token.user);
  insert->BindBlob(3, token.token_sha256);
  insert->BindText(4, transaction.now());
  insert->BindText(5, transaction.actor().user);
  insert->BindText(6, token.expires_at);
  insert->BindInt(7, token.event_seq);
  CANJE_RETURN_IF_ERROR(insert->Run());
  return id;
}

Status RevokeApiToken(WriteTransaction& transaction, int64_t id) {
  CANJE_ASSIGN_OR_RETURN(auto existing, FindApiToken(transaction.store(), id));
  if (!existing) return Status::NotFound("no API token " + std::to_string(id));
  CANJE_ASSIGN_OR_RETURN(auto update,
                         transaction.store().connection().Prepare(
                             "UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ?"));
  update->BindText(1, transaction.now());
  update->BindText(2, transaction.actor().user);
  update->BindInt(3, id);
  return update->Run();
}

Result<std::optional<ApiTokenRow>> FindApiTokenByHash(Store& store, ByteView sha256) {
  return QueryOne<ApiTokenRow>(
      store.connection(),
      "SELECT " + std::string(kColumns) + " FROM api_tokens WHERE token_sha256 = ?",
      [&](SqlStatement& s) { s.BindBlob(1, sha256); }, ReadToken);
}

Result<std::optional<ApiTokenRow>> FindApiToken(Store& store, int64_t id) {
  return QueryOne<ApiTokenRow>(
      store.connection(), "SELECT " + std::string(kColumns) + " FROM api_tokens WHERE id = ?",
      [&](SqlStatement& s) { s.BindInt(1, id); }, ReadToken);
}

Result<std::vector<ApiTokenRow>> ApiTokens(Store& store, std::string_view user) {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM api_tokens";
  if (!user.empty()) sql += " WHERE user_name = ?";
  sql += " ORDER BY id";
  return QueryAll<ApiTokenRow>(
      store.connection(), sql,
      [&](SqlStatement& s) {
        if (!user.empty()) s.BindText(1, user);
      },
      ReadToken);
}

}  // namespace canje::store
