#include "store/holds_tables.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

#include "store/sql_query.h"

namespace canje::store {
namespace {

constexpr std::string_view kHoldsSchema = R"sql(
CREATE TABLE legal_holds (
  id INTEGER PRIMARY KEY,
  issuer TEXT NOT NULL,
  reference TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_until TEXT NOT NULL,
  rule_holder TEXT NOT NULL,
  rule_nationality TEXT NOT NULL,
  rule_category TEXT NOT NULL,
  rule_legal_basis TEXT NOT NULL,
  lifted_on TEXT NOT NULL,
  lift_reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE legal_hold_persons (
  hold_id INTEGER NOT NULL REFERENCES legal_holds(id),
  person_id INTEGER NOT NULL REFERENCES persons(id),
  PRIMARY KEY (hold_id, person_id)
);
CREATE INDEX legal_hold_persons_by_person ON legal_hold_persons(person_id);
CREATE TABLE legal_acts (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  type TEXT NOT NULL,
  act_date TEXT NOT NULL,
  authority TEXT NOT NULL,
  reference TEXT NOT NULL,
  status_after TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX legal_acts_by_person ON legal_acts(person_id);
CREATE TABLE interviews (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons(id),
  destination TEXT NOT NULL,
  interviewed_on TEXT NOT NULL,
  identity TEXT NOT NULL,
  consent TEXT NOT NULL,
  fit_to_travel INTEGER NOT NULL,
  note_sealed BLOB,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorder_party TEXT NOT NULL
);
CREATE INDEX interviews_by_person ON interviews(person_id, destination);
)sql";

constexpr std::string_view kHoldColumns =
    "id, issuer, reference, effective_from, effective_until, rule_holder, rule_nationality, "
    "rule_category, rule_legal_basis, lifted_on, lift_reason, created_at, created_by, "
    "reference_sealed, lift_reason_sealed";

constexpr std::string_view kActColumns =
    "id, person_id, type, act_date, authority, reference, status_after, recorded_at, recorded_by, "
    "texts_sealed";

constexpr std::string_view kInterviewColumns =
    "id, person_id, destination, interviewed_on, identity, consent, fit_to_travel, note_sealed, "
    "recorded_at, recorded_by, recorder_party, outcome_sealed";

HoldRow ReadHold(const SqlStatement& row) {
  HoldRow hold;
  hold.id = row.Int(0);
  hold.issuer = row.Text(1);
  hold.reference = row.Text(2);
  hold.effective_from = row.Text(3);
  hold.effective_until = row.Text(4);
  hold.rule_holder = row.Text(5);
  hold.rule_nationality = row.Text(6);
  hold.rule_category = row.Text(7);
  hold.rule_legal_basis = row.Text(8);
  hold.lifted_on = row.Text(9);
  hold.lift_reason = row.Text(10);
  hold.created_at = row.Text(11);
  hold.created_by = row.Text(12);
  hold.reference_sealed = ReadSealed(row, 13);
  hold.lift_reason_sealed = ReadSealed(row, 14);
  return hold;
}

LegalActRow ReadAct(const SqlStatement& row) {
  return {row.Int(0),  row.Int(1),  row.Text(2), row.Text(3), row.Text(4),         row.Text(5),
          row.Text(6), row.Text(7), row.Text(8), ReadSealed(row, 9)};
}

InterviewRow ReadInterview(const SqlStatement& row) {
  InterviewRow interview;
  interview.id = row.Int(0);
  interview.person_id = row.Int(1);
  interview.destination = row.Text(2);
  interview.interviewed_on = row.Text(3);
  interview.identity = row.Text(4);
  interview.consent = row.Text(5);
  interview.fit_to_travel = row.Int(6) != 0;
  if (!row.IsNull(7)) interview.note_sealed = row.Blob(7);
  interview.recorded_at = row.Text(8);
  interview.recorded_by = row.Text(9);
  interview.recorder_party = row.Text(10);
  interview.outcome_sealed = ReadSealed(row, 11);
  return interview;
}

Status AttachPersons(Store& store, std::vector<HoldRow>& holds) {
  std::string sql = "SELECT hold_id, person_id FROM legal_hold_persons";
  if (holds.size() == 1) sql += " WHERE hold_id = " + std::to_string(holds.front().id);
  sql += " ORDER BY hold_id, person_id";
  return Query(store.connection(), sql, NoBind(), [&](const SqlStatement& row) {
    int64_t hold_id = row.Int(0);
    auto hold = std::lower_bound(holds.begin(), holds.end(), hold_id,
                                 [](const HoldRow& h, int64_t id) { return h.id < id; });
    if (hold != holds.end() && hold->id == hold_id) hold->persons.push_back(row.Int(1));
    return Status::Ok();
  });
}

}  // namespace

std::string_view HoldsSchema() { return kHoldsSchema; }

Result<int64_t> NextHoldId(WriteTransaction& transaction) {
  return NextRowId(transaction.store().connection(), "legal_holds");
}

Result<int64_t> NextLegalActId(WriteTransaction& transaction) {
  return NextRowId(transaction.store().connection(), "legal_acts");
}

Result<int64_t> AddHold(WriteTransaction& transaction, const HoldRow& hold) {
  SqlConnection& db = transaction.store().connection();
  CANJE_RETURN_IF_ERROR(RequireSealed(hold.reference, hold.reference_sealed, "a hold's reference"));
  CANJE_RETURN_IF_ERROR(
      RequireSealed(hold.lift_reason, hold.lift_reason_sealed, "a hold's lift reason"));
  CANJE_ASSIGN_OR_RETURN(int64_t id, NextRowId(db, "legal_holds"));
  CANJE_ASSIGN_OR_RETURN(auto insert,
                         db.Prepare("INSERT INTO legal_holds(" + std::string(kHoldColumns) +
                                    ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert->BindInt(1, id);
  insert->BindText(2, hold.issuer);
  insert->BindText(3, "");  // sealed (schema 10): reference_sealed
  insert->BindText(4, hold.effective_from);
  insert->BindText(5, hold.effective_until);
  insert->BindText(6, hold.rule_holder);
  insert->BindText(7, hold.rule_nationality);
  insert->BindText(8, hold.rule_category);
  insert->BindText(9, hold.rule_legal_basis);
  insert->BindText(10, hold.lifted_on);
  insert->BindText(11, "");  // sealed: lift_reason_sealed
  insert->BindText(12, transaction.now());
  insert->BindText(13, transaction.actor().user);
  BindSealed(*insert, 14, hold.reference_sealed);
  BindSealed(*insert, 15, hold.lift_reason_sealed);
  CANJE_RETURN_IF_ERROR(insert->Run());
  CANJE_ASSIGN_OR_RETURN(
      auto add_person,
      db.Prepare("INSERT INTO legal_hold_persons(hold_id, person_id) VALUES(?, ?)"));
  std::vector<int64_t> persons = hold.persons;
  std::sort(persons.begin(), persons.end());
  persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
  for (int64_t person : persons) {
    add_person->Reset();
    add_person->BindInt(1, id);
    add_person->BindInt(2, person);
    CANJE_RETURN_IF_ERROR(add_person->Run());
  }
  return id;
}

Status LiftHold(WriteTransaction& transaction, int64_t id, std::string_view lifted_on,
                ByteView reason_sealed) {
  SqlConnection& db = transaction.store().connection();
  bool exists = false;
  CANJE_RETURN_IF_ERROR(Query(
      db, "SELECT id FROM legal_holds WHERE id = ?", [&](SqlStatement& s) { s.BindInt(1, id); },
      [&](const SqlStatement&) {
        exists = true;
        return Status::Ok();
      }));
  if (!exists) return Status::NotFound("no legal hold H" + std::to_string(id));
  CANJE_ASSIGN_OR_RETURN(
      auto update,
      db.Prepare("UPDATE legal_holds SET lifted_on = ?, lift_reason = '', lift_reason_sealed = ? "
                 "WHERE id = ?"));
  update->BindText(1, lifted_on);
  BindSealed(*update, 2, reason_sealed);
  update->BindInt(3, id);
  return update->Run();
}

Result<std::vector<HoldRow>> Holds(Store& store) {
  std::vector<HoldRow> holds;
  CANJE_RETURN_IF_ERROR(Query(
      store.connection(), "SELECT " + std::string(kHoldColumns) + " FROM legal_holds ORDER BY id",
      NoBind(), [&](const SqlStatement& row) {
        holds.push_back(ReadHold(row));
        return Status::Ok();
      }));
  if (!holds.empty()) CANJE_RETURN_IF_ERROR(AttachPersons(store, holds));
  return holds;
}

Result<std::optional<HoldRow>> FindHold(Store& store, int64_t id) {
  std::vector<HoldRow> holds;
  CANJE_RETURN_IF_ERROR(Query(
      store.connection(), "SELECT " + std::string(kHoldColumns) + " FROM legal_holds WHERE id = ?",
      [&](SqlStatement& s) { s.BindInt(1, id); },
      [&](const SqlStatement& row) {
        holds.push_back(ReadHold(row));
        return Status::Ok();
      }));
  if (holds.empty()) return std::optional<HoldRow>();
  CANJE_RETURN_IF_ERROR(AttachPersons(store, holds));
  return std::optional<HoldRow>(std::move(holds.front()));
}

Result<int64_t> AddLegalAct(WriteTransaction& transaction, const LegalActRow& act) {
  SqlConnection& db = transaction.store().connection();
  CANJE_RETURN_IF_ERROR(RequireSealed(act.authority + act.reference, act.texts_sealed,
                                      "a legal act's authority and reference"));
  CANJE_ASSIGN_OR_RETURN(int64_t id, NextRowId(db, "legal_acts"));
  CANJE_ASSIGN_OR_RETURN(auto insert,
                         db.Prepare("INSERT INTO legal_acts(" + std::string(kActColumns) +
                                    ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert->BindInt(1, id);
  insert->BindInt(2, act.person_id);
  insert->BindText(3, act.type);
  insert->BindText(4, act.act_date);
  insert->BindText(5, "");  // sealed (schema 10): texts_sealed
  insert->BindText(6, "");
  insert->BindText(7, act.status_after);
  insert->BindText(8, transaction.now());
  insert->BindText(9, transaction.actor().user);
  BindSealed(*insert, 10, act.texts_sealed);
  CANJE_RETURN_IF_ERROR(insert->Run());
  return id;
}

Result<std::vector<LegalActRow>> LegalActs(Store& store, int64_t person_id) {
  std::vector<LegalActRow> acts;
  std::string sql = "SELECT " + std::string(kActColumns) + " FROM legal_acts";
  if (person_id != 0) sql += " WHERE person_id = ?";
  sql += " ORDER BY person_id, act_date, id";
  CANJE_RETURN_IF_ERROR(Query(
      store.connection(), sql,
      [&](SqlStatement& s) {
        if (person_id != 0) s.BindInt(1, person_id);
      },
      [&](const SqlStatement& row) {
        acts.push_back(ReadAct(row));
        return Status::Ok();
      }));
  return acts;
}

Result<int64_t> NextInterviewId(WriteTransaction& transaction) {
  return NextRowId(transaction.store().connection(), "interviews");
}

Status AddInterview(WriteTransaction& transaction, const InterviewRow& interview) {
  SqlConnection& db = transaction.store().connection();
  if (interview.outcome_sealed.empty()) {
    return Status::Internal("an interview's outcome must be sealed before it is stored");
  }
  CANJE_ASSIGN_OR_RETURN(auto insert,
                         db.Prepare("INSERT INTO interviews(" + std::string(kInterviewColumns) +
                                    ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert->BindInt(1, interview.id);
  insert->BindInt(2, interview.person_id);
  insert->BindText(3, interview.destination);
  insert->BindText(4, interview.interviewed_on);
  insert->BindText(5, "");  // sealed (schema 10): outcome_sealed
  insert->BindText(6, "");
  insert->BindInt(7, 0);
  if (interview.note_sealed.empty()) {
    insert->BindNull(8);
  } else {
    insert->BindBlob(8, interview.note_sealed);
  }
  insert->BindText(9, transaction.now());
  insert->BindText(10, transaction.actor().user);
  insert->BindText(11, transaction.actor().party);
  insert->BindBlob(12, interview.outcome_sealed);
  return insert->Run();
}

Result<std::vector<InterviewRow>> Interviews(Store& store, const InterviewFilter& filter) {
  std::vector<InterviewRow> interviews;
  std::string sql = "SELECT " + std::string(kInterviewColumns) + " FROM interviews WHERE 1=1";
  if (filter.person_id != 0) sql += " AND person_id = ?";
  if (!filter.destination.empty()) sql += " AND destination = ?";
  sql += " ORDER BY id";
  CANJE_RETURN_IF_ERROR(Query(
      store.connection(), sql,
      [&](SqlStatement& s) {
        int index = 1;
        if (filter.person_id != 0) s.BindInt(index++, filter.person_id);
        if (!filter.destination.empty()) s.BindText(index++, filter.destination);
      },
      [&](const SqlStatement& row) {
        interviews.push_back(ReadInterview(row));
        return Status::Ok();
      }));
  return interviews;
}

Result<std::vector<InterviewRow>> InterviewsOfPersons(Store& store,
                                                      const std::vector<int64_t>& person_ids) {
  if (person_ids.size() == 1) return Interviews(store, {person_ids.front(), ""});
  // Interviews are few (one or two per person considered); one scan, filtered here.
  CANJE_ASSIGN_OR_RETURN(auto all, Interviews(store, {}));
  if (person_ids.empty()) return all;
  std::unordered_set<int64_t> wanted(person_ids.begin(), person_ids.end());
  std::erase_if(all, [&](const InterviewRow& row) { return !wanted.contains(row.person_id); });
  return all;
}

Result<int64_t> EraseInterviewNotes(WriteTransaction& transaction, int64_t person_id) {
  SqlConnection& db = transaction.store().connection();
  int64_t count = 0;
  CANJE_RETURN_IF_ERROR(Query(
      db, "SELECT count(*) FROM interviews WHERE person_id = ? AND note_sealed IS NOT NULL",
      [&](SqlStatement& s) { s.BindInt(1, person_id); },
      [&](const SqlStatement& row) {
        count = row.Int(0);
        return Status::Ok();
      }));
  CANJE_ASSIGN_OR_RETURN(
      auto clear, db.Prepare("UPDATE interviews SET note_sealed = NULL, outcome_sealed = NULL, "
                             "identity = '', consent = '', fit_to_travel = 0 WHERE person_id = ?"));
  clear->BindInt(1, person_id);
  CANJE_RETURN_IF_ERROR(clear->Run());
  return count;
}

}  // namespace canje::store
