#include "store/agreement_tables.h"

#include "store/row_mapping.h"

namespace canje::store {
namespace {

const RowTable<PartyKeyRow> kPartyKeyTable{
    "party_keys",
    {
        Column("party", &PartyKeyRow::party),
        Column("key_id", &PartyKeyRow::key_id),
        Column("public_key", &PartyKeyRow::public_key),
        WrittenAtBy("added", &PartyKeyRow::added_at, &PartyKeyRow::added_by),
        Column("event_seq", &PartyKeyRow::event_seq),
    }};

const RowTable<ProposalVersionRow> kProposalVersionTable{
    "proposal_versions",
    {
        Column("id", &ProposalVersionRow::id),
        Column("exchange_id", &ProposalVersionRow::exchange_id),
        IdOrNull("parent_id", &ProposalVersionRow::parent_id),
        Column("kind", &ProposalVersionRow::kind),
        IdOrNull("refers_to", &ProposalVersionRow::refers_to),
        Column("source", &ProposalVersionRow::source),
        Column("state", &ProposalVersionRow::state),
        Column("revision", &ProposalVersionRow::revision),
        WrittenAtBy("created", &ProposalVersionRow::created_at, &ProposalVersionRow::created_by),
        Column("created_party", &ProposalVersionRow::created_party).InsertActorParty(),
        Column("event_seq", &ProposalVersionRow::event_seq),
        Column("occurred_at", &ProposalVersionRow::occurred_at),
        Column("tabled_at", &ProposalVersionRow::tabled_at).InsertEmpty(),
        Column("tabled_occurred_at", &ProposalVersionRow::tabled_occurred_at).InsertEmpty(),
    }};

// The rows of one version: proposal_transfers and proposal_counts under their parent column,
// version_id.
const RowTable<TransferRow> kProposalTransferTable{
    "proposal_transfers",
    "version_id",
    {
        Column("person_id", &TransferRow::person_id),
        Column("from_party", &TransferRow::from_party),
        Column("to_party", &TransferRow::to_party),
        Column("beneficiary", &TransferRow::beneficiary),
        Column("unconditional", &TransferRow::unconditional),
    }};

const RowTable<DirectionCountRow> kProposalCountTable{
    "proposal_counts",
    "version_id",
    {
        Column("from_party", &DirectionCountRow::from_party),
        Column("to_party", &DirectionCountRow::to_party),
        Column("persons", &DirectionCountRow::persons),
    }};

const RowTable<ResponseRow> kResponseTable{
    "proposal_responses",
    {
        Column("version_id", &ResponseRow::version_id),
        Column("party", &ResponseRow::party),
        Column("response", &ResponseRow::response),
        Column("reason", &ResponseRow::reason).InsertEmpty(),  // sealed (schema 10)
        WrittenAtBy("responded", &ResponseRow::responded_at, &ResponseRow::responded_by),
        Column("event_seq", &ResponseRow::event_seq),
        Sealed("reason_sealed", &ResponseRow::reason_sealed),
        Column("occurred_at", &ResponseRow::occurred_at),
    }};

const RowTable<OverrideRow> kOverrideTable{
    "proposal_overrides",
    {
        Column("version_id", &OverrideRow::version_id),
        Column("justification", &OverrideRow::justification).InsertEmpty(),  // sealed
        Column("blocs", &OverrideRow::blocs),
        WrittenAtBy("overridden", &OverrideRow::overridden_at, &OverrideRow::overridden_by),
        Column("event_seq", &OverrideRow::event_seq),
        Sealed("justification_sealed", &OverrideRow::justification_sealed),
    }};

const RowTable<SignatureRow> kSignatureTable{
    "agreement_signatures",
    {
        Column("version_id", &SignatureRow::version_id),
        Column("party", &SignatureRow::party),
        Column("key_id", &SignatureRow::key_id),
        Column("signature", &SignatureRow::signature),
        Column("manifest_sha256", &SignatureRow::manifest_sha256),
        WrittenAtBy("added", &SignatureRow::added_at, &SignatureRow::added_by),
        Column("event_seq", &SignatureRow::event_seq),
    }};

const RowTable<ExchangeStateRow> kExchangeStateTable{
    "exchange_workflow",
    {
        Column("exchange_id", &ExchangeStateRow::exchange_id),
        Column("state", &ExchangeStateRow::state),
        IdOrNull("agreed_version", &ExchangeStateRow::agreed_version),
        Column("reason", &ExchangeStateRow::reason).InsertEmpty(),  // sealed
        WrittenAtBy("changed", &ExchangeStateRow::changed_at, &ExchangeStateRow::changed_by),
        Column("event_seq", &ExchangeStateRow::event_seq),
        Sealed("reason_sealed", &ExchangeStateRow::reason_sealed),
    }};

}  // namespace

Status AddPartyKey(WriteTransaction& transaction, const PartyKeyRow& key) {
  CANJE_ASSIGN_OR_RETURN(auto existing, PartyKeys(transaction.store(), key.party));
  for (const PartyKeyRow& row : existing) {
    if (row.key_id == key.key_id) {
      return Status::Conflict("party " + key.party + " already has key " + key.key_id + " (added " +
                              row.added_at + ")");
    }
  }
  return InsertRow(transaction, kPartyKeyTable, key);
}

Result<std::vector<PartyKeyRow>> PartyKeys(Store& store, std::string_view party) {
  return SelectRows(store.connection(), kPartyKeyTable,
                    "WHERE party = ? OR ? = '' ORDER BY party, added_at, key_id",
                    Params(party, party));
}

Result<int64_t> NextProposalVersionId(WriteTransaction& transaction) {
  return NextRowId(transaction.store().connection(), "proposal_versions");
}

Status AddProposalVersion(WriteTransaction& transaction, const ProposalVersionRow& version,
                          const std::vector<TransferRow>& transfers,
                          const std::vector<DirectionCountRow>& counts) {
  CANJE_RETURN_IF_ERROR(InsertRow(transaction, kProposalVersionTable, version));
  CANJE_RETURN_IF_ERROR(InsertRows(transaction, kProposalTransferTable, transfers, version.id));
  return InsertRows(transaction, kProposalCountTable, counts, version.id);
}

Status UpdateProposalState(WriteTransaction& transaction, int64_t id, std::string_view state,
                           int64_t expected_revision, int64_t event_seq) {
  CANJE_ASSIGN_OR_RETURN(auto current, FindProposalVersion(transaction.store(), id));
  if (!current) return Status::NotFound("no proposal version V" + std::to_string(id));
  if (current->revision != expected_revision) {
    return Status::Conflict("V" + std::to_string(id) + " changed while this command ran (now " +
                            current->state + ", revision " + std::to_string(current->revision) +
                            "); read it again and retry");
  }
  return Execute(transaction.store().connection(),
                 "UPDATE proposal_versions SET state = ?, revision = revision + 1, event_seq = ? "
                 "WHERE id = ? AND revision = ?",
                 Params(state, event_seq, id, expected_revision));
}

Status SetTabledTimes(WriteTransaction& transaction, int64_t id, std::string_view occurred_at) {
  return Execute(transaction.store().connection(),
                 "UPDATE proposal_versions SET tabled_at = ?, tabled_occurred_at = ? WHERE id = ?",
                 Params(transaction.now(), occurred_at, id));
}

Result<std::optional<ProposalVersionRow>> FindProposalVersion(Store& store, int64_t id) {
  return SelectRow(store.connection(), kProposalVersionTable, "WHERE id = ?",
                   Params(id));
}

Result<std::vector<ProposalVersionRow>> ProposalVersionsOf(Store& store, int64_t exchange_id) {
  return SelectRows(store.connection(), kProposalVersionTable, "WHERE exchange_id = ? ORDER BY id",
                    Params(exchange_id));
}

Result<std::vector<ProposalVersionRow>> ChildVersions(Store& store, int64_t id) {
  return SelectRows(store.connection(), kProposalVersionTable, "WHERE parent_id = ? ORDER BY id",
                    Params(id));
}

Result<std::vector<TransferRow>> TransfersOf(Store& store, int64_t version_id) {
  return SelectRows(store.connection(), kProposalTransferTable,
                    "WHERE version_id = ? ORDER BY person_id",
                    Params(version_id));
}

Result<std::vector<DirectionCountRow>> CountsOf(Store& store, int64_t version_id) {
  return SelectRows(store.connection(), kProposalCountTable,
                    "WHERE version_id = ? ORDER BY from_party, to_party",
                    Params(version_id));
}

Status AddResponse(WriteTransaction& transaction, const ResponseRow& response) {
  CANJE_RETURN_IF_ERROR(
      RequireSealed(response.reason, response.reason_sealed, "a response's reason"));
  return InsertRow(transaction, kResponseTable, response);
}

Result<std::vector<ResponseRow>> ResponsesTo(Store& store, int64_t version_id) {
  return SelectRows(store.connection(), kResponseTable, "WHERE version_id = ? ORDER BY party",
                    Params(version_id));
}

Status AddOverride(WriteTransaction& transaction, const OverrideRow& override_row) {
  CANJE_ASSIGN_OR_RETURN(auto existing, FindOverride(transaction.store(), override_row.version_id));
  if (existing) {
    return Status::Conflict("V" + std::to_string(override_row.version_id) +
                            " already has an override (by " + existing->overridden_by + " at " +
                            existing->overridden_at + ")");
  }
  CANJE_RETURN_IF_ERROR(RequireSealed(override_row.justification, override_row.justification_sealed,
                                      "an override's justification"));
  return InsertRow(transaction, kOverrideTable, override_row);
}

Result<std::optional<OverrideRow>> FindOverride(Store& store, int64_t version_id) {
  return SelectRow(store.connection(), kOverrideTable, "WHERE version_id = ?",
                   Params(version_id));
}

Status PutSignature(WriteTransaction& transaction, const SignatureRow& signature) {
  return InsertRow(transaction, kSignatureTable, signature,
                   kSignatureTable.Upsert({"version_id", "party"}));
}

Result<std::vector<SignatureRow>> SignaturesOf(Store& store, int64_t version_id) {
  return SelectRows(store.connection(), kSignatureTable, "WHERE version_id = ? ORDER BY party",
                    Params(version_id));
}

Result<std::optional<ExchangeStateRow>> FindExchangeState(Store& store, int64_t exchange_id) {
  return SelectRow(store.connection(), kExchangeStateTable, "WHERE exchange_id = ?",
                   Params(exchange_id));
}

Status PutExchangeState(WriteTransaction& transaction, const ExchangeStateRow& row) {
  CANJE_RETURN_IF_ERROR(
      RequireSealed(row.reason, row.reason_sealed, "an exchange's reason for its state"));
  return InsertRow(transaction, kExchangeStateTable, row,
                   kExchangeStateTable.Upsert({"exchange_id"}));
}

}  // namespace canje::store
