#include "store/orphan_tables.h"

#include "store/row_mapping.h"

namespace canje::store {
namespace {

// The probability as decimal text that reads back to the same double; NULL when none.
RowColumn<OrphanClosenessRow> ProbabilityOrNull(std::string_view name) {
  return Custom<OrphanClosenessRow>(
      name,
      [](OrphanClosenessRow& row, const SqlStatement& s, int i) {
        row.probability =
            s.IsNull(i) ? std::nullopt : std::optional<double>(DecimalValue(s.Text(i)));
      },
      [](const OrphanClosenessRow& row, SqlStatement& s, int i) {
        if (row.probability) {
          s.BindText(i, ExactNumberText(*row.probability));
        } else {
          s.BindNull(i);
        }
      });
}

const RowTable<OrphanClosenessRow> kOrphanClosenessTable{
    "orphan_closeness",
    {
        Column("record_id", &OrphanClosenessRow::record_id),
        ProbabilityOrNull("probability"),
        Column("search_skipped", &OrphanClosenessRow::search_skipped),
    }};

}  // namespace

Result<std::vector<OrphanClosenessRow>> OrphanCloseness(Store& store) {
  return SelectRows(store.connection(), kOrphanClosenessTable, "ORDER BY record_id", NoBind());
}

Status ReplaceOrphanCloseness(WriteTransaction& transaction,
                              const std::vector<OrphanClosenessRow>& rows) {
  CANJE_RETURN_IF_ERROR(transaction.store().connection().Execute("DELETE FROM orphan_closeness"));
  return InsertRows(transaction, kOrphanClosenessTable, rows);
}

}  // namespace canje::store
