#include "store/stage_tables.h"

#include "store/row_mapping.h"

namespace canje::store {
namespace {

const RowTable<StageRow> kStageTable{
    "execution_stages",
    {
        Column("exchange_id", &StageRow::exchange_id),
        Column("number", &StageRow::number),
        Column("name", &StageRow::name),
        Column("planned_on", &StageRow::planned_on),
        Column("state", &StageRow::state),
        Column("postponements", &StageRow::postponements),
        Column("started_at", &StageRow::started_at),
        Column("completed_at", &StageRow::completed_at),
        Column("created_at", &StageRow::created_at),
        Column("created_by", &StageRow::created_by),
        Column("event_seq", &StageRow::event_seq),
        Sealed("texts_sealed", &StageRow::texts_sealed),
    }};

const RowTable<StagePersonRow> kStagePersonTable{
    "execution_stage_persons",
    {
        Column("exchange_id", &StagePersonRow::exchange_id),
        Column("person_id", &StagePersonRow::person_id),
        Column("stage", &StagePersonRow::stage),
    }};

}  // namespace

Status PutStage(WriteTransaction& transaction, const StageRow& row) {
  if (!row.place.empty() && row.texts_sealed.empty()) {
    return Status::Internal("a stage's place must be sealed before it is stored");
  }
  return InsertRow(transaction, kStageTable, row, kStageTable.Upsert({"exchange_id", "number"}));
}

Result<std::vector<StageRow>> StagesOf(Store& store, int64_t exchange_id) {
  return SelectRows(store.connection(), kStageTable, "WHERE exchange_id = ? ORDER BY number",
                    Params(exchange_id));
}

Status AddStagePersons(WriteTransaction& transaction, const std::vector<StagePersonRow>& rows) {
  for (const StagePersonRow& row : rows) {
    CANJE_ASSIGN_OR_RETURN(
        auto found,
        QueryOne<int64_t>(transaction.store().connection(),
                          "SELECT stage FROM execution_stage_persons WHERE exchange_id = ? AND "
                          "person_id = ?",
                          Params(row.exchange_id, row.person_id),
                          [](const SqlStatement& s) { return s.Int(0); }));
    if (found) {
      return Status::Conflict("P" + std::to_string(row.person_id) + " already is in stage " +
                              std::to_string(*found) + " of X" + std::to_string(row.exchange_id));
    }
    CANJE_RETURN_IF_ERROR(InsertRow(transaction, kStagePersonTable, row));
  }
  return Status::Ok();
}

Status RemoveStagePersons(WriteTransaction& transaction, int64_t exchange_id,
                          const std::vector<int64_t>& persons) {
  for (int64_t person : persons) {
    CANJE_RETURN_IF_ERROR(Execute(transaction.store().connection(),
                                  "DELETE FROM execution_stage_persons WHERE exchange_id = ? AND "
                                  "person_id = ?",
                                  Params(exchange_id, person)));
  }
  return Status::Ok();
}

Result<std::vector<StagePersonRow>> StagePersonsOf(Store& store, int64_t exchange_id) {
  return SelectRows(store.connection(), kStagePersonTable,
                    "WHERE exchange_id = ? ORDER BY person_id", Params(exchange_id));
}

}  // namespace canje::store
