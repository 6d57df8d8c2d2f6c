#include "store/execution_tables.h"

#include <charconv>

#include "store/row_mapping.h"

namespace canje::store {
namespace {

std::vector<int64_t> SplitIds(const std::string& text) {
  std::vector<int64_t> ids;
  for (const std::string& part : SplitBarJoined(text)) {
    int64_t id = 0;
    std::from_chars(part.data(), part.data() + part.size(), id);
    ids.push_back(id);
  }
  return ids;
}

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::vector<std::string> parts;
  for (int64_t id : ids) parts.push_back(std::to_string(id));
  return JoinBarJoined(parts);
}

const RowTable<NotTravellingRow> kNotTravellingTable{
    "execution_not_travelling",
    {
        Column("exchange_id", &NotTravellingRow::exchange_id),
        Column("person_id", &NotTravellingRow::person_id),
        Column("reason", &NotTravellingRow::reason).InsertEmpty(),  // sealed (schema 10)
        Sealed("note_sealed", &NotTravellingRow::note_sealed),
        WrittenAtBy("recorded", &NotTravellingRow::recorded_at, &NotTravellingRow::recorded_by),
        Column("recorder_party", &NotTravellingRow::recorder_party).InsertActorParty(),
        Column("event_seq", &NotTravellingRow::event_seq),
        Sealed("reason_sealed", &NotTravellingRow::reason_sealed),
    }};

const RowTable<HandoverRow> kHandoverTable{
    "execution_handovers",
    {
        Column("exchange_id", &HandoverRow::exchange_id),
        Column("person_id", &HandoverRow::person_id),
        Column("handed_over_at", &HandoverRow::handed_over_at),
        Column("place", &HandoverRow::place).InsertEmpty(),  // sealed in texts_sealed
        Column("to_party", &HandoverRow::to_party),
        BarJoined("witnesses", &HandoverRow::witnesses).InsertEmpty(),  // likewise
        WrittenAtBy("recorded", &HandoverRow::recorded_at, &HandoverRow::recorded_by),
        Column("recorder_party", &HandoverRow::recorder_party).InsertActorParty(),
        Column("event_seq", &HandoverRow::event_seq),
        Sealed("texts_sealed", &HandoverRow::texts_sealed),
    }};

const RowTable<ReportedCountRow> kReportedCountTable{
    "execution_reported_counts",
    {
        Column("id", &ReportedCountRow::id),
        Column("exchange_id", &ReportedCountRow::exchange_id),
        Column("party", &ReportedCountRow::party),
        Column("from_party", &ReportedCountRow::from_party),
        Column("to_party", &ReportedCountRow::to_party),
        Column("persons_count", &ReportedCountRow::count),
        Column("stage", &ReportedCountRow::stage),
        // The person list, '|'-joined ids; NULL when the count came without one.
        Custom<ReportedCountRow>(
            "persons",
            [](ReportedCountRow& row, const SqlStatement& s, int i) {
              row.has_persons = !s.IsNull(i);
              if (row.has_persons) row.persons = SplitIds(s.Text(i));
            },
            [](const ReportedCountRow& row, SqlStatement& s, int i) {
              if (row.has_persons) {
                s.BindText(i, JoinIds(row.persons));
              } else {
                s.BindNull(i);
              }
            }),
        Column("note", &ReportedCountRow::note).InsertEmpty(),  // sealed in note_sealed
        WrittenAtBy("reported", &ReportedCountRow::reported_at, &ReportedCountRow::reported_by),
        Column("reporter_party", &ReportedCountRow::reporter_party).InsertActorParty(),
        Column("event_seq", &ReportedCountRow::event_seq),
        Sealed("note_sealed", &ReportedCountRow::note_sealed),
    }};

// True when `sql` (a SELECT of the row's key) finds a row.
template <typename Bind>
Result<bool> Exists(Store& store, std::string_view sql, Bind bind) {
  CANJE_ASSIGN_OR_RETURN(auto found,
                         QueryOne<int64_t>(store.connection(), sql, bind,
                                           [](const SqlStatement& s) { return s.Int(0); }));
  return found.has_value();
}

}  // namespace

Status AddNotTravelling(WriteTransaction& transaction, const NotTravellingRow& row) {
  auto key = Params(row.exchange_id, row.person_id);
  CANJE_ASSIGN_OR_RETURN(bool exists, Exists(transaction.store(),
                                             "SELECT 1 FROM execution_not_travelling WHERE "
                                             "exchange_id = ? AND person_id = ?",
                                             key));
  if (row.reason_sealed.empty()) {
    return Status::Internal("a not-travelling reason must be sealed before it is stored");
  }
  if (exists) {
    return Status::Conflict("P" + std::to_string(row.person_id) +
                            " already has a not-travelling outcome in X" +
                            std::to_string(row.exchange_id));
  }
  return InsertRow(transaction, kNotTravellingTable, row);
}

Result<std::vector<NotTravellingRow>> NotTravellingOf(Store& store, int64_t exchange_id) {
  return SelectRows(store.connection(), kNotTravellingTable,
                    "WHERE exchange_id = ? ORDER BY person_id",
                    Params(exchange_id));
}

Status EraseNotTravelling(WriteTransaction& transaction, int64_t person_id) {
  return Execute(transaction.store().connection(),
                 "UPDATE execution_not_travelling SET reason = '', reason_sealed = NULL, "
                 "note_sealed = NULL WHERE person_id = ?",
                 Params(person_id));
}

Status AddHandover(WriteTransaction& transaction, const HandoverRow& row) {
  auto key = Params(row.exchange_id, row.person_id);
  CANJE_ASSIGN_OR_RETURN(
      bool exists,
      Exists(transaction.store(),
             "SELECT 1 FROM execution_handovers WHERE exchange_id = ? AND person_id = ?", key));
  CANJE_RETURN_IF_ERROR(RequireSealed(row.place + JoinBarJoined(row.witnesses), row.texts_sealed,
                                      "a handover's place and witnesses"));
  if (exists) {
    return Status::Conflict("P" + std::to_string(row.person_id) + " was already handed over in X" +
                            std::to_string(row.exchange_id));
  }
  return InsertRow(transaction, kHandoverTable, row);
}

Result<std::vector<HandoverRow>> HandoversOf(Store& store, int64_t exchange_id) {
  return SelectRows(store.connection(), kHandoverTable, "WHERE exchange_id = ? ORDER BY person_id",
                    Params(exchange_id));
}

Result<int64_t> NextReportedCountId(WriteTransaction& transaction) {
  return NextRowId(transaction.store().connection(), "execution_reported_counts");
}

Result<int64_t> AddReportedCount(WriteTransaction& transaction, const ReportedCountRow& row) {
  CANJE_RETURN_IF_ERROR(RequireSealed(row.note, row.note_sealed, "a reported count's note"));
  return InsertWithNextId(transaction, kReportedCountTable, row);
}

Result<std::vector<ReportedCountRow>> ReportedCountsOf(Store& store, int64_t exchange_id) {
  return SelectRows(store.connection(), kReportedCountTable, "WHERE exchange_id = ? ORDER BY id",
                    Params(exchange_id));
}

}  // namespace canje::store
