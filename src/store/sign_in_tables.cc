#include "store/sign_in_tables.h"

#include "store/row_mapping.h"

namespace canje::store {
namespace {

const RowTable<CredentialsRow> kCredentialsTable{
    "user_credentials",
    {
        Column("user_name", &CredentialsRow::user),
        Column("password_hash", &CredentialsRow::password_hash),
        Column("password_set_at", &CredentialsRow::password_set_at),
        Column("totp_secret_sealed", &CredentialsRow::totp_secret_sealed),
        Column("totp_enrolled_at", &CredentialsRow::totp_enrolled_at),
        Column("totp_last_step", &CredentialsRow::totp_last_step),
        Column("failed_sign_ins", &CredentialsRow::failed_sign_ins),
        Column("last_failure_at", &CredentialsRow::last_failure_at),
        Column("locked_until", &CredentialsRow::locked_until),
    }};

const RowTable<SessionRow> kSessionTable{
    "sessions",
    {
        Column("id", &SessionRow::id),
        Column("user_name", &SessionRow::user),
        Column("token_sha256", &SessionRow::token_sha256),
        Column("csrf_sha256", &SessionRow::csrf_sha256),
        Column("created_at", &SessionRow::created_at).InsertNow(),
        Column("expires_at", &SessionRow::expires_at),
        // set by EndSession
        SetLaterAtBy("ended", &SessionRow::ended_at, &SessionRow::ended_by),
        Column("end_reason", &SessionRow::end_reason).InsertEmpty(),
        Column("event_seq", &SessionRow::event_seq),
    }};

}  // namespace

Result<std::optional<CredentialsRow>> FindCredentials(Store& store, std::string_view user) {
  return SelectRow(store.connection(), kCredentialsTable, "WHERE user_name = ?",
                   Params(user));
}

Status PutCredentials(WriteTransaction& transaction, const CredentialsRow& row) {
  CANJE_RETURN_IF_ERROR(Execute(transaction.store().connection(),
                                "DELETE FROM user_credentials WHERE user_name = ?",
                                Params(row.user)));
  return InsertRow(transaction, kCredentialsTable, row);
}

Result<int64_t> AddSession(WriteTransaction& transaction, const SessionRow& session) {
  return InsertWithNextId(transaction, kSessionTable, session);
}

Status EndSession(WriteTransaction& transaction, int64_t id, std::string_view reason) {
  CANJE_ASSIGN_OR_RETURN(auto existing, FindSession(transaction.store(), id));
  if (!existing) return Status::NotFound("no session " + std::to_string(id));
  return Execute(transaction.store().connection(),
                 "UPDATE sessions SET ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ?",
                 Params(transaction.now(), transaction.actor().user, reason, id));
}

Result<std::optional<SessionRow>> FindSessionByHash(Store& store, ByteView token_sha256) {
  return SelectRow(store.connection(), kSessionTable, "WHERE token_sha256 = ?",
                   Params(token_sha256));
}

Result<std::optional<SessionRow>> FindSession(Store& store, int64_t id) {
  return SelectRow(store.connection(), kSessionTable, "WHERE id = ?",
                   Params(id));
}

Result<std::vector<SessionRow>> Sessions(Store& store, std::string_view user,
                                         std::string_view open_at) {
  std::string rest = "WHERE 1 = 1";
  if (!user.empty()) rest += " AND user_name = ?";
  if (!open_at.empty()) rest += " AND ended_at = '' AND expires_at > ?";
  rest += " ORDER BY id DESC";
  return SelectRows(store.connection(), kSessionTable, rest, [&](SqlStatement& statement) {
    int index = 1;
    if (!user.empty()) statement.BindText(index++, user);
    if (!open_at.empty()) statement.BindText(index++, open_at);
  });
}

}  // namespace canje::store
