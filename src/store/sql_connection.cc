#include "store/sql_connection.h"

namespace canje::store {

Status SqlStatement::Run() {
  Result<bool> stepped = Step();
  while (stepped.ok() && *stepped) stepped = Step();
  Reset();
  return stepped.status();
}

Status SqlConnection::EndTransaction(const Status& outcome) {
  if (!outcome.ok()) {
    (void)Rollback();
    return outcome;
  }
  Status committed = Commit();
  if (!committed.ok()) (void)Rollback();
  return committed;
}

std::string BulkInsert::Sql() const {
  std::string names;
  std::string placeholders;
  for (const std::string& column : columns) {
    names += (names.empty() ? "" : ", ") + column;
    placeholders += placeholders.empty() ? "?" : ", ?";
  }
  return "INSERT INTO " + table + "(" + names + ") VALUES(" + placeholders + ")" +
         (skip_existing ? " ON CONFLICT DO NOTHING" : "");
}

}  // namespace canje::store
