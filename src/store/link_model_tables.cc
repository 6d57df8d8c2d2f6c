#include "store/link_model_tables.h"

#include "store/row_mapping.h"

namespace canje::store {
namespace {

const RowTable<LinkModelRow> kLinkModelTable{
    "link_models",
    {
        Column("id", &LinkModelRow::run),
        Column("event_seq", &LinkModelRow::event_seq),
        WrittenAtBy("trained", &LinkModelRow::trained_at, &LinkModelRow::trained_by),
        Column("records_compared", &LinkModelRow::records_compared),
        Column("data_sha256", &LinkModelRow::data_sha256),
        Column("settings", &LinkModelRow::settings),
        Column("parameters", &LinkModelRow::parameters),
        Column("name_counts_sealed", &LinkModelRow::name_counts_sealed),
    }};

}  // namespace

Result<int64_t> NextLinkModelRun(WriteTransaction& transaction) {
  return NextRowId(transaction.store().connection(), "link_models");
}

Status AddLinkModel(WriteTransaction& transaction, const LinkModelRow& model) {
  return InsertRow(transaction, kLinkModelTable, model);
}

Result<std::optional<LinkModelRow>> FindLinkModel(Store& store, int64_t run) {
  return SelectRow(store.connection(), kLinkModelTable, "WHERE id = ?",
                   Params(run));
}

Result<std::optional<LinkModelRow>> LatestLinkModel(Store& store) {
  return SelectRow(store.connection(), kLinkModelTable, "ORDER BY id DESC LIMIT 1", NoBind());
}

Result<int64_t> LinkModelCount(Store& store) {
  CANJE_ASSIGN_OR_RETURN(
      auto count, QueryOne<int64_t>(store.connection(), "SELECT count(*) FROM link_models",
                                    NoBind(), [](const SqlStatement& row) { return row.Int(0); }));
  return count.value_or(0);
}

}  // namespace canje::store
