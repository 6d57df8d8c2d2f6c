#include "store/link_model_tables.h"

#include "store/sql_query.h"

namespace canje::store {
namespace {

constexpr std::string_view kLinkModelColumns =
    "id, event_seq, trained_at, trained_by, records_compared, data_sha256, settings, parameters, "
    "name_counts_sealed";

LinkModelRow ReadLinkModel(const SqlStatement& row) {
  return {row.Int(0),  row.Int(1),  row.Text(2), row.Text(3), row.Int(4),
          row.Blob(5), row.Text(6), row.Text(7), row.Blob(8)};
}

}  // namespace

Result<int64_t> NextLinkModelRun(WriteTransaction& transaction) {
  return NextRowId(transaction.store().connection(), "link_models");
}

Status AddLinkModel(WriteTransaction& transaction, const LinkModelRow& model) {
  return Execute(transaction.store().connection(),
                 "INSERT INTO link_models(" + std::string(kLinkModelColumns) +
                     ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [&](SqlStatement& s) {
                   s.BindInt(1, model.run);
                   s.BindInt(2, model.event_seq);
                   s.BindText(3, transaction.now());
                   s.BindText(4, transaction.actor().user);
                   s.BindInt(5, model.records_compared);
                   s.BindBlob(6, model.data_sha256);
                   s.BindText(7, model.settings);
                   s.BindText(8, model.parameters);
                   s.BindBlob(9, model.name_counts_sealed);
                 });
}

Result<std::optional<LinkModelRow>> FindLinkModel(Store& store, int64_t run) {
  return QueryOne<LinkModelRow>(
      store.connection(),
      "SELECT " + std::string(kLinkModelColumns) + " FROM link_models WHERE id = ?",
      [&](SqlStatement& s) { s.BindInt(1, run); }, ReadLinkModel);
}

Result<std::optional<LinkModelRow>> LatestLinkModel(Store& store) {
  return QueryOne<LinkModelRow>(store.connection(),
                                "SELECT " + std::string(kLinkModelColumns) +
                                    " FROM link_models ORDER BY id DESC LIMIT 1",
                                NoBind(), ReadLinkModel);
}

Result<int64_t> LinkModelCount(Store& store) {
  CANJE_ASSIGN_OR_RETURN(
      auto count, QueryOne<int64_t>(store.connection(), "SELECT count(*) FROM link_models",
                                    NoBind(), [](const SqlStatement& row) { return row.Int(0); }));
  return count.value_or(0);
}

}  // namespace canje::store
