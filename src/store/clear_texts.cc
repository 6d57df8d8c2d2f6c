#include "store/clear_texts.h"

#include "store/sql_query.h"

namespace canje::store {
namespace {


// How each kind is found and replaced. The SELECT returns id, person id, party, then the values.
struct Source {
  ClearTextKind kind;
  const char* select;
  int values;
  const char* update;  // binds the sealed bytes, then the key (id, person id or party)
  int key;             // 1: id; 2: id and person id; 3: id and party
};

constexpr Source kSources[] = {
    {ClearTextKind::kInterviewOutcome,
     "SELECT id, person_id, '', identity, consent, fit_to_travel FROM interviews "
     "WHERE identity <> '' OR consent <> '' ORDER BY id",
     3,
     "UPDATE interviews SET outcome_sealed = ?, identity = '', consent = '', fit_to_travel = 0 "
     "WHERE id = ?",
     1},
    {ClearTextKind::kNotTravellingReason,
     "SELECT exchange_id, person_id, '', reason FROM execution_not_travelling "
     "WHERE reason <> '' ORDER BY exchange_id, person_id",
     1,
     "UPDATE execution_not_travelling SET reason_sealed = ?, reason = '' "
     "WHERE exchange_id = ? AND person_id = ?",
     2},
    {ClearTextKind::kHoldReference,
     "SELECT id, 0, '', reference FROM legal_holds WHERE reference <> '' ORDER BY id", 1,
     "UPDATE legal_holds SET reference_sealed = ?, reference = '' WHERE id = ?", 1},
    {ClearTextKind::kHoldLiftReason,
     "SELECT id, 0, '', lift_reason FROM legal_holds WHERE lift_reason <> '' ORDER BY id", 1,
     "UPDATE legal_holds SET lift_reason_sealed = ?, lift_reason = '' WHERE id = ?", 1},
    {ClearTextKind::kLegalActTexts,
     "SELECT id, person_id, '', authority, reference FROM legal_acts "
     "WHERE authority <> '' OR reference <> '' ORDER BY id",
     2, "UPDATE legal_acts SET texts_sealed = ?, authority = '', reference = '' WHERE id = ?", 1},
    {ClearTextKind::kResponseReason,
     "SELECT version_id, 0, party, reason FROM proposal_responses WHERE reason <> '' "
     "ORDER BY version_id, party",
     1,
     "UPDATE proposal_responses SET reason_sealed = ?, reason = '' "
     "WHERE version_id = ? AND party = ?",
     3},
    {ClearTextKind::kOverrideJustification,
     "SELECT version_id, 0, '', justification FROM proposal_overrides "
     "WHERE justification <> '' ORDER BY version_id",
     1,
     "UPDATE proposal_overrides SET justification_sealed = ?, justification = '' "
     "WHERE version_id = ?",
     1},
    {ClearTextKind::kHandoverTexts,
     "SELECT exchange_id, person_id, '', place, witnesses FROM execution_handovers "
     "WHERE place <> '' OR witnesses <> '' ORDER BY exchange_id, person_id",
     2,
     "UPDATE execution_handovers SET texts_sealed = ?, place = '', witnesses = '' "
     "WHERE exchange_id = ? AND person_id = ?",
     2},
    {ClearTextKind::kReportedCountNote,
     "SELECT id, 0, '', note FROM execution_reported_counts WHERE note <> '' ORDER BY id", 1,
     "UPDATE execution_reported_counts SET note_sealed = ?, note = '' WHERE id = ?", 1},
    {ClearTextKind::kExchangeReason,
     "SELECT exchange_id, 0, '', reason FROM exchange_workflow WHERE reason <> '' "
     "ORDER BY exchange_id",
     1, "UPDATE exchange_workflow SET reason_sealed = ?, reason = '' WHERE exchange_id = ?", 1},
};

const Source& SourceOf(ClearTextKind kind) {
  for (const Source& source : kSources) {
    if (source.kind == kind) return source;
  }
  return kSources[0];  // unreachable: every kind is listed
}

}  // namespace

Result<std::vector<ClearTextRow>> ClearTexts(Store& store) {
  std::vector<ClearTextRow> rows;
  for (const Source& source : kSources) {
    CANJE_RETURN_IF_ERROR(
        Query(store.connection(), source.select, NoBind(), [&](const SqlStatement& s) {
          ClearTextRow row;
          row.kind = source.kind;
          row.id = s.Int(0);
          row.person_id = s.Int(1);
          row.party = s.Text(2);
          for (int i = 0; i < source.values; ++i) {
            // fit_to_travel is an integer column: read as text "1" or "0" on both backends.
            row.values.push_back(source.kind == ClearTextKind::kInterviewOutcome && i == 2
                                     ? std::to_string(s.Int(3 + i))
                                     : s.Text(3 + i));
          }
          rows.push_back(std::move(row));
          return Status::Ok();
        }));
  }
  return rows;
}

Status ReplaceClearText(WriteTransaction& transaction, const ClearTextRow& row, ByteView sealed) {
  const Source& source = SourceOf(row.kind);
  return Execute(transaction.store().connection(), source.update, [&](SqlStatement& s) {
    BindSealed(s, 1, sealed);
    s.BindInt(2, row.id);
    if (source.key == 2) s.BindInt(3, row.person_id);
    if (source.key == 3) s.BindText(3, row.party);
  });
}

}  // namespace canje::store
