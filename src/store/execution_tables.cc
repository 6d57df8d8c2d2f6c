#include "store/execution_tables.h"

#include <charconv>

#include "store/sql_query.h"

namespace canje::store {
namespace {

constexpr std::string_view kExecutionSchema = R"sql(
CREATE TABLE execution_not_travelling (
  exchange_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  reason TEXT NOT NULL,
  note_sealed BLOB,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorder_party TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  PRIMARY KEY (exchange_id, person_id)
);
CREATE TABLE execution_handovers (
  exchange_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  handed_over_at TEXT NOT NULL,
  place TEXT NOT NULL,
  to_party TEXT NOT NULL REFERENCES parties(code),
  witnesses TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorder_party TEXT NOT NULL,
  event_seq INTEGER NOT NULL,
  PRIMARY KEY (exchange_id, person_id)
);
CREATE TABLE execution_reported_counts (
  id INTEGER PRIMARY KEY,
  exchange_id INTEGER NOT NULL,
  party TEXT NOT NULL REFERENCES parties(code),
  from_party TEXT NOT NULL,
  to_party TEXT NOT NULL,
  persons_count INTEGER NOT NULL,
  persons TEXT,
  note TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  reported_by TEXT NOT NULL,
  reporter_party TEXT NOT NULL,
  event_seq INTEGER NOT NULL
);
CREATE INDEX execution_reported_counts_by_exchange ON execution_reported_counts(exchange_id);
)sql";

std::string Join(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : "|") + part;
  return joined;
}

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
  return Join(parts);
}

template <typename Bind>
Status Run(WriteTransaction& transaction, std::string_view sql, Bind bind) {
  return Execute(transaction.store().connection(), sql, bind);
}

template <typename Bind>
Result<bool> Exists(Store& store, std::string_view sql, Bind bind) {
  CANJE_ASSIGN_OR_RETURN(auto found,
                         QueryOne<int64_t>(store.connection(), sql, bind,
                                           [](const SqlStatement& s) { return s.Int(0); }));
  return found.has_value();
}

}  // namespace

std::vector<std::string> SplitBarJoined(const std::string& text) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  size_t start = 0;
  while (true) {
    size_t bar = text.find('|', start);
    parts.push_back(text.substr(start, bar - start));
    if (bar == std::string::npos) return parts;
    start = bar + 1;
  }
}

std::string_view ExecutionTablesSchema() { return kExecutionSchema; }

Status AddNotTravelling(WriteTransaction& transaction, const NotTravellingRow& row) {
  auto key = [&](SqlStatement& s) {
    s.BindInt(1, row.exchange_id);
    s.BindInt(2, row.person_id);
  };
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
  return Run(transaction,
             "INSERT INTO execution_not_travelling(exchange_id, person_id, reason, note_sealed, "
             "recorded_at, recorded_by, recorder_party, event_seq, reason_sealed) "
             "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)",
             [&](SqlStatement& s) {
               key(s);
               s.BindText(3, "");  // sealed (schema 10): reason_sealed
               if (row.note_sealed.empty()) {
                 s.BindNull(4);
               } else {
                 s.BindBlob(4, row.note_sealed);
               }
               s.BindText(5, transaction.now());
               s.BindText(6, transaction.actor().user);
               s.BindText(7, transaction.actor().party);
               s.BindInt(8, row.event_seq);
               s.BindBlob(9, row.reason_sealed);
             });
}

Result<std::vector<NotTravellingRow>> NotTravellingOf(Store& store, int64_t exchange_id) {
  return QueryAll<NotTravellingRow>(
      store.connection(),
      "SELECT exchange_id, person_id, reason, note_sealed, recorded_at, recorded_by, "
      "recorder_party, event_seq, reason_sealed FROM execution_not_travelling "
      "WHERE exchange_id = ? ORDER BY person_id",
      [&](SqlStatement& s) { s.BindInt(1, exchange_id); },
      [](const SqlStatement& s) {
        return NotTravellingRow{s.Int(0),  s.Int(1),  s.Text(2), ReadSealed(s, 3), s.Text(4),
                                s.Text(5), s.Text(6), s.Int(7),  ReadSealed(s, 8)};
      });
}

Status EraseNotTravelling(WriteTransaction& transaction, int64_t person_id) {
  return Run(transaction,
             "UPDATE execution_not_travelling SET reason = '', reason_sealed = NULL, "
             "note_sealed = NULL WHERE person_id = ?",
             [&](SqlStatement& s) { s.BindInt(1, person_id); });
}

Status AddHandover(WriteTransaction& transaction, const HandoverRow& row) {
  auto key = [&](SqlStatement& s) {
    s.BindInt(1, row.exchange_id);
    s.BindInt(2, row.person_id);
  };
  CANJE_ASSIGN_OR_RETURN(
      bool exists,
      Exists(transaction.store(),
             "SELECT 1 FROM execution_handovers WHERE exchange_id = ? AND person_id = ?", key));
  CANJE_RETURN_IF_ERROR(RequireSealed(row.place + Join(row.witnesses), row.texts_sealed,
                                      "a handover's place and witnesses"));
  if (exists) {
    return Status::Conflict("P" + std::to_string(row.person_id) + " was already handed over in X" +
                            std::to_string(row.exchange_id));
  }
  return Run(transaction,
             "INSERT INTO execution_handovers(exchange_id, person_id, handed_over_at, place, "
             "to_party, witnesses, recorded_at, recorded_by, recorder_party, event_seq, "
             "texts_sealed) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             [&](SqlStatement& s) {
               key(s);
               s.BindText(3, row.handed_over_at);
               s.BindText(4, "");  // sealed (schema 10): texts_sealed
               s.BindText(5, row.to_party);
               s.BindText(6, "");
               s.BindText(7, transaction.now());
               s.BindText(8, transaction.actor().user);
               s.BindText(9, transaction.actor().party);
               s.BindInt(10, row.event_seq);
               BindSealed(s, 11, row.texts_sealed);
             });
}

Result<std::vector<HandoverRow>> HandoversOf(Store& store, int64_t exchange_id) {
  return QueryAll<HandoverRow>(
      store.connection(),
      "SELECT exchange_id, person_id, handed_over_at, place, to_party, witnesses, recorded_at, "
      "recorded_by, recorder_party, event_seq, texts_sealed FROM execution_handovers "
      "WHERE exchange_id = ? ORDER BY person_id",
      [&](SqlStatement& s) { s.BindInt(1, exchange_id); },
      [](const SqlStatement& s) {
        return HandoverRow{s.Int(0),         s.Int(1),  s.Text(2), s.Text(3), s.Text(4),
                           SplitBarJoined(s.Text(5)), s.Text(6), s.Text(7), s.Text(8), s.Int(9),
                           ReadSealed(s, 10)};
      });
}

Result<int64_t> NextReportedCountId(WriteTransaction& transaction) {
  return NextRowId(transaction.store().connection(), "execution_reported_counts");
}

Result<int64_t> AddReportedCount(WriteTransaction& transaction, const ReportedCountRow& row) {
  CANJE_RETURN_IF_ERROR(RequireSealed(row.note, row.note_sealed, "a reported count's note"));
  CANJE_ASSIGN_OR_RETURN(int64_t id,
                         NextRowId(transaction.store().connection(), "execution_reported_counts"));
  CANJE_RETURN_IF_ERROR(
      Run(transaction,
          "INSERT INTO execution_reported_counts(id, exchange_id, party, from_party, to_party, "
          "persons_count, persons, note, reported_at, reported_by, reporter_party, event_seq, "
          "note_sealed) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          [&](SqlStatement& s) {
            s.BindInt(1, id);
            s.BindInt(2, row.exchange_id);
            s.BindText(3, row.party);
            s.BindText(4, row.from_party);
            s.BindText(5, row.to_party);
            s.BindInt(6, row.count);
            if (row.has_persons) {
              s.BindText(7, JoinIds(row.persons));
            } else {
              s.BindNull(7);
            }
            s.BindText(8, "");  // sealed (schema 10): note_sealed
            s.BindText(9, transaction.now());
            s.BindText(10, transaction.actor().user);
            s.BindText(11, transaction.actor().party);
            s.BindInt(12, row.event_seq);
            BindSealed(s, 13, row.note_sealed);
          }));
  return id;
}

Result<std::vector<ReportedCountRow>> ReportedCountsOf(Store& store, int64_t exchange_id) {
  return QueryAll<ReportedCountRow>(
      store.connection(),
      "SELECT id, exchange_id, party, from_party, to_party, persons_count, persons, note, "
      "reported_at, reported_by, reporter_party, event_seq, note_sealed "
      "FROM execution_reported_counts "
      "WHERE exchange_id = ? ORDER BY id",
      [&](SqlStatement& s) { s.BindInt(1, exchange_id); },
      [](const SqlStatement& s) {
        ReportedCountRow row;
        row.id = s.Int(0);
        row.exchange_id = s.Int(1);
        row.party = s.Text(2);
        row.from_party = s.Text(3);
        row.to_party = s.Text(4);
        row.count = s.Int(5);
        row.has_persons = !s.IsNull(6);
        if (row.has_persons) row.persons = SplitIds(s.Text(6));
        row.note = s.Text(7);
        row.reported_at = s.Text(8);
        row.reported_by = s.Text(9);
        row.reporter_party = s.Text(10);
        row.event_seq = s.Int(11);
        row.note_sealed = ReadSealed(s, 12);
        return row;
      });
}

}  // namespace canje::store
