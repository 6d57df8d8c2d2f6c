#include "store/sign_in_tables.h"

#include "store/sql_query.h"

namespace canje::store {
namespace {

constexpr std::string_view kSignInSchema = R"sql(
CREATE TABLE user_credentials (
  user_name TEXT PRIMARY KEY REFERENCES users(name),
  password_hash TEXT NOT NULL,
  password_set_at TEXT NOT NULL,
  totp_secret_sealed BLOB,
  totp_enrolled_at TEXT NOT NULL,
  totp_last_step INTEGER NOT NULL,
  failed_sign_ins INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  locked_until TEXT NOT NULL
);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users(name),
  token_sha256 BLOB NOT NULL UNIQUE,
  csrf_sha256 BLOB NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT NOT NULL,
  ended_by TEXT NOT NULL,
  end_reason TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_name);
)sql";

constexpr std::string_view kCredentialColumns =
    "user_name, password_hash, password_set_at, totp_secret_sealed, totp_enrolled_at, "
    "totp_last_step, failed_sign_ins, last_failure_at, locked_until";

constexpr std::string_view kSessionColumns =
    "id, user_name, token_sha256, csrf_sha256, created_at, expires_at, ended_at, ended_by, "
    "end_reason, event_seq";

CredentialsRow ReadCredentials(const SqlStatement& row) {
  CredentialsRow credentials;
  credentials.user = row.Text(0);
  credentials.password_hash = row.Text(1);
  credentials.password_set_at = row.Text(2);
  credentials.totp_secret_sealed = row.Blob(3);
  credentials.totp_enrolled_at = row.Text(4);
  credentials.totp_last_step = row.Int(5);
  credentials.failed_sign_ins = row.Int(6);
  credentials.last_failure_at = row.Text(7);
  credentials.locked_until = row.Text(8);
  return credentials;
}

SessionRow ReadSession(const SqlStatement& row) {
  SessionRow session;
  session.id = row.Int(0);
  session.user = row.Text(1);
  session.token_sha256 = row.Blob(2);
  session.csrf_sha256 = row.Blob(3);
  session.created_at = row.Text(4);
  session.expires_at = row.Text(5);
  session.ended_at = row.Text(6);
  session.ended_by = row.Text(7);
  session.end_reason = row.Text(8);
  session.event_seq = row.Int(9);
  return session;
}

}  // namespace

std::string_view SignInTablesSchema() { return kSignInSchema; }

Result<std::optional<CredentialsRow>> FindCredentials(Store& store, std::string_view user) {
  return QueryOne<CredentialsRow>(
      store.connection(),
      "SELECT " + std::string(kCredentialColumns) + " FROM user_credentials WHERE user_name = ?",
      [&](SqlStatement& statement) { statement.BindText(1, std::string(user)); },
      ReadCredentials);
}

Status PutCredentials(WriteTransaction& transaction, const CredentialsRow& row) {
  SqlConnection& db = transaction.store().connection();
  CANJE_RETURN_IF_ERROR(Execute(db, "DELETE FROM user_credentials WHERE user_name = ?",
                                [&](SqlStatement& statement) { statement.BindText(1, row.user); }));
  return Execute(db,
                 "INSERT INTO user_credentials(" + std::string(kCredentialColumns) +
                     ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [&](SqlStatement& statement) {
                   statement.BindText(1, row.user);
                   statement.BindText(2, row.password_hash);
                   statement.BindText(3, row.password_set_at);
                   statement.BindBlob(4, row.totp_secret_sealed);
                   statement.BindText(5, row.totp_enrolled_at);
                   statement.BindInt(6, row.totp_last_step);
                   statement.BindInt(7, row.failed_sign_ins);
                   statement.BindText(8, row.last_failure_at);
                   statement.BindText(9, row.locked_until);
                 });
}

Result<int64_t> AddSession(WriteTransaction& transaction, const SessionRow& session) {
  SqlConnection& db = transaction.store().connection();
  CANJE_ASSIGN_OR_RETURN(int64_t id, NextRowId(db, "sessions"));
  CANJE_RETURN_IF_ERROR(Execute(db,
                                "INSERT INTO sessions(" + std::string(kSessionColumns) +
                                    ") VALUES(?, ?, ?, ?, ?, ?, '', '', '', ?)",
                                [&](SqlStatement& statement) {
                                  statement.BindInt(1, id);
                                  statement.BindText(2, session.user);
                                  statement.BindBlob(3, session.token_sha256);
                                  statement.BindBlob(4, session.csrf_sha256);
                                  statement.BindText(5, transaction.now());
                                  statement.BindText(6, session.expires_at);
                                  statement.BindInt(7, session.event_seq);
                                }));
  return id;
}

Status EndSession(WriteTransaction& transaction, int64_t id, std::string_view reason) {
  CANJE_ASSIGN_OR_RETURN(auto existing, FindSession(transaction.store(), id));
  if (!existing) return Status::NotFound("no session " + std::to_string(id));
  return Execute(transaction.store().connection(),
                 "UPDATE sessions SET ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ?",
                 [&](SqlStatement& statement) {
                   statement.BindText(1, transaction.now());
                   statement.BindText(2, transaction.actor().user);
                   statement.BindText(3, std::string(reason));
                   statement.BindInt(4, id);
                 });
}

Result<std::optional<SessionRow>> FindSessionByHash(Store& store, ByteView token_sha256) {
  return QueryOne<SessionRow>(
      store.connection(),
      "SELECT " + std::string(kSessionColumns) + " FROM sessions WHERE token_sha256 = ?",
      [&](SqlStatement& statement) { statement.BindBlob(1, token_sha256); }, ReadSession);
}

Result<std::optional<SessionRow>> FindSession(Store& store, int64_t id) {
  return QueryOne<SessionRow>(
      store.connection(), "SELECT " + std::string(kSessionColumns) + " FROM sessions WHERE id = ?",
      [&](SqlStatement& statement) { statement.BindInt(1, id); }, ReadSession);
}

Result<std::vector<SessionRow>> Sessions(Store& store, std::string_view user,
                                         std::string_view open_at) {
  std::string sql = "SELECT " + std::string(kSessionColumns) + " FROM sessions WHERE 1 = 1";
  if (!user.empty()) sql += " AND user_name = ?";
  if (!open_at.empty()) sql += " AND ended_at = '' AND expires_at > ?";
  sql += " ORDER BY id DESC";
  return QueryAll<SessionRow>(
      store.connection(), sql,
      [&](SqlStatement& statement) {
        int index = 1;
        if (!user.empty()) statement.BindText(index++, std::string(user));
        if (!open_at.empty()) statement.BindText(index++, std::string(open_at));
      },
      ReadSession);
}

}  // namespace canje::store
