#include "store/holds_tables.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

#include "store/row_mapping.h"

namespace canje::store {
namespace {

const RowTable<HoldRow> kHoldTable{
    "legal_holds",
    {
        Column("id", &HoldRow::id),
        Column("issuer", &HoldRow::issuer),
        Column("reference", &HoldRow::reference).InsertEmpty(),  // sealed (schema 10)
        Column("effective_from", &HoldRow::effective_from),
        Column("effective_until", &HoldRow::effective_until),
        Column("rule_holder", &HoldRow::rule_holder),
        Column("rule_nationality", &HoldRow::rule_nationality),
        Column("rule_category", &HoldRow::rule_category),
        Column("rule_legal_basis", &HoldRow::rule_legal_basis),
        Column("lifted_on", &HoldRow::lifted_on),
        Column("lift_reason", &HoldRow::lift_reason).InsertEmpty(),  // sealed
        WrittenAtBy("created", &HoldRow::created_at, &HoldRow::created_by),
        Sealed("reference_sealed", &HoldRow::reference_sealed),
        Sealed("lift_reason_sealed", &HoldRow::lift_reason_sealed),
    }};

const RowTable<LegalActRow> kLegalActTable{
    "legal_acts",
    {
        Column("id", &LegalActRow::id),
        Column("person_id", &LegalActRow::person_id),
        Column("type", &LegalActRow::type),
        Column("act_date", &LegalActRow::act_date),
        Column("authority", &LegalActRow::authority).InsertEmpty(),  // sealed in texts_sealed
        Column("reference", &LegalActRow::reference).InsertEmpty(),  // likewise
        Column("status_after", &LegalActRow::status_after),
        WrittenAtBy("recorded", &LegalActRow::recorded_at, &LegalActRow::recorded_by),
        Sealed("texts_sealed", &LegalActRow::texts_sealed),
    }};

const RowTable<InterviewRow> kInterviewTable{
    "interviews",
    {
        Column("id", &InterviewRow::id),
        Column("person_id", &InterviewRow::person_id),
        Column("destination", &InterviewRow::destination),
        Column("interviewed_on", &InterviewRow::interviewed_on),
        // The outcome, sealed in outcome_sealed (schema 10).
        Column("identity", &InterviewRow::identity).InsertEmpty(),
        Column("consent", &InterviewRow::consent).InsertEmpty(),
        Column("fit_to_travel", &InterviewRow::fit_to_travel).InsertEmpty(),
        Sealed("note_sealed", &InterviewRow::note_sealed),
        WrittenAtBy("recorded", &InterviewRow::recorded_at, &InterviewRow::recorded_by),
        Column("recorder_party", &InterviewRow::recorder_party).InsertActorParty(),
        Sealed("outcome_sealed", &InterviewRow::outcome_sealed),
    }};

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
  CANJE_ASSIGN_OR_RETURN(int64_t id, InsertWithNextId(transaction, kHoldTable, hold));
  std::vector<int64_t> persons = hold.persons;
  std::sort(persons.begin(), persons.end());
  persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
  CANJE_RETURN_IF_ERROR(
      ExecuteEach(db, "INSERT INTO legal_hold_persons(hold_id, person_id) VALUES(?, ?)", persons,
                  [&](SqlStatement& s, int64_t person) {
                    s.BindInt(1, id);
                    s.BindInt(2, person);
                  }));
  return id;
}

Status LiftHold(WriteTransaction& transaction, int64_t id, std::string_view lifted_on,
                ByteView reason_sealed) {
  SqlConnection& db = transaction.store().connection();
  bool exists = false;
  CANJE_RETURN_IF_ERROR(Query(
      db, "SELECT id FROM legal_holds WHERE id = ?", Params(id),
      [&](const SqlStatement&) {
        exists = true;
        return Status::Ok();
      }));
  if (!exists) return Status::NotFound("no legal hold H" + std::to_string(id));
  return Execute(db,
                 "UPDATE legal_holds SET lifted_on = ?, lift_reason = '', lift_reason_sealed = ? "
                 "WHERE id = ?",
                 [&](SqlStatement& s) {
                   s.BindText(1, lifted_on);
                   BindSealed(s, 2, reason_sealed);
                   s.BindInt(3, id);
                 });
}

Result<std::vector<HoldRow>> Holds(Store& store) {
  CANJE_ASSIGN_OR_RETURN(std::vector<HoldRow> holds,
                         SelectRows(store.connection(), kHoldTable, "ORDER BY id", NoBind()));
  if (!holds.empty()) CANJE_RETURN_IF_ERROR(AttachPersons(store, holds));
  return holds;
}

Result<std::optional<HoldRow>> FindHold(Store& store, int64_t id) {
  CANJE_ASSIGN_OR_RETURN(std::vector<HoldRow> holds,
                         SelectRows(store.connection(), kHoldTable, "WHERE id = ?",
                                    Params(id)));
  if (holds.empty()) return std::optional<HoldRow>();
  CANJE_RETURN_IF_ERROR(AttachPersons(store, holds));
  return std::optional<HoldRow>(std::move(holds.front()));
}

Result<int64_t> AddLegalAct(WriteTransaction& transaction, const LegalActRow& act) {
  CANJE_RETURN_IF_ERROR(RequireSealed(act.authority + act.reference, act.texts_sealed,
                                      "a legal act's authority and reference"));
  return InsertWithNextId(transaction, kLegalActTable, act);
}

Result<std::vector<LegalActRow>> LegalActs(Store& store, int64_t person_id) {
  return SelectRows(store.connection(), kLegalActTable,
                    std::string(person_id != 0 ? "WHERE person_id = ? " : "") +
                        "ORDER BY person_id, act_date, id",
                    [&](SqlStatement& s) {
                      if (person_id != 0) s.BindInt(1, person_id);
                    });
}

Result<int64_t> NextInterviewId(WriteTransaction& transaction) {
  return NextRowId(transaction.store().connection(), "interviews");
}

Status AddInterview(WriteTransaction& transaction, const InterviewRow& interview) {
  if (interview.outcome_sealed.empty()) {
    return Status::Internal("an interview's outcome must be sealed before it is stored");
  }
  return InsertRow(transaction, kInterviewTable, interview);
}

Result<std::vector<InterviewRow>> Interviews(Store& store, const InterviewFilter& filter) {
  std::string rest = "WHERE 1=1";
  if (filter.person_id != 0) rest += " AND person_id = ?";
  if (!filter.destination.empty()) rest += " AND destination = ?";
  rest += " ORDER BY id";
  return SelectRows(store.connection(), kInterviewTable, rest, [&](SqlStatement& s) {
    int index = 1;
    if (filter.person_id != 0) s.BindInt(index++, filter.person_id);
    if (!filter.destination.empty()) s.BindText(index++, filter.destination);
  });
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
      Params(person_id),
      [&](const SqlStatement& row) {
        count = row.Int(0);
        return Status::Ok();
      }));
  CANJE_RETURN_IF_ERROR(
      Execute(db,
              "UPDATE interviews SET note_sealed = NULL, outcome_sealed = NULL, identity = '', "
              "consent = '', fit_to_travel = 0 WHERE person_id = ?",
              Params(person_id)));
  return count;
}

}  // namespace canje::store
