#include "store/exchange_participant_tables.h"

#include "store/row_mapping.h"

namespace canje::store {
namespace {

const RowTable<ExchangeParticipantRow> kExchangeParticipantTable{
    "exchange_participants",
    {
        Column("exchange_id", &ExchangeParticipantRow::exchange_id),
        Column("role", &ExchangeParticipantRow::role),
        Column("party", &ExchangeParticipantRow::party),
        WrittenAtBy("added", &ExchangeParticipantRow::added_at, &ExchangeParticipantRow::added_by),
    }};

}  // namespace

Status AddExchangeParticipant(WriteTransaction& transaction, const ExchangeParticipantRow& row) {
  return InsertRow(transaction, kExchangeParticipantTable, row);
}

Status RemoveExchangeParticipant(WriteTransaction& transaction, int64_t exchange_id,
                                 std::string_view role, std::string_view party) {
  return Execute(transaction.store().connection(),
                 "DELETE FROM exchange_participants WHERE exchange_id = ? AND role = ? AND "
                 "party = ?",
                 Params(exchange_id, role, party));
}

Result<std::vector<ExchangeParticipantRow>> ExchangeParticipants(Store& store, int64_t exchange_id,
                                                                 std::string_view role) {
  return SelectRows(store.connection(), kExchangeParticipantTable,
                    "WHERE exchange_id = ? AND role = ? ORDER BY party", Params(exchange_id, role));
}

}  // namespace canje::store
