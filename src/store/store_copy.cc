#include "store/store_copy.h"

#include "store/migrations.h"

namespace canje::store {
namespace {

enum class Kind { kInt, kText, kBlob };

struct Column {
  const char* name;
  Kind kind;
};

struct Table {
  const char* name;
  const char* order_by;
  std::vector<Column> columns;
  const char* filter = "";  // rows left out: the new store keeps its own schema version
};

constexpr Kind I = Kind::kInt;
constexpr Kind T = Kind::kText;
constexpr Kind B = Kind::kBlob;

// Schema versions 1 to 11 (migrations.cc), parents before children. A migration that adds a
// table or a column must add it here too: CopyStore refuses any other schema version.
constexpr int kCopiedSchemaVersion = 11;
const std::vector<Table>& Tables() {
  static const std::vector<Table> kTables = {
      {"meta", "name", {{"name", T}, {"value", B}}, " WHERE name <> 'schema_version'"},
      {"parties", "code", {{"code", T}, {"name", T}, {"kind", T}, {"created_at", T}}},
      {"users", "name", {{"name", T}, {"party", T}, {"role", T}, {"created_at", T}}},
      {"events",
       "seq",
       {{"seq", I},
        {"time", T},
        {"actor", T},
        {"party", T},
        {"type", T},
        {"subjects", T},
        {"payload_sha256", B},
        {"salt", B},
        {"payload_key", B},
        {"payload", B}}},
      {"event_subjects", "seq, subject", {{"subject", T}, {"seq", I}}},
      {"lists",
       "id",
       {{"id", I},
        {"kind", T},
        {"source", T},
        {"party", T},
        {"file_name", T},
        {"file_sha256", T},
        {"format", T},
        {"columns", T},
        {"imported_at", T},
        {"imported_by", T},
        {"record_count", I},
        {"rejected_count", I},
        {"event_seq", I}}},
      {"persons",
       "id",
       {{"id", I},
        {"created_at", T},
        {"sex", T},
        {"nationalities", T},
        {"categories", T},
        {"data_key", B},
        {"sealed", B},
        {"erased_at", T},
        {"erasure_reason", T},
        {"merged_into", I}}},
      {"list_records",
       "id",
       {{"id", I},
        {"list_id", I},
        {"line", I},
        {"person_id", I},
        {"reported_status", T},
        {"holder", T},
        {"data_key", B},
        {"sealed", B},
        {"salt", B},
        {"record_hash", B},
        {"own_person_id", I},
        {"fingerprint", B}}},
      {"custody",
       "id",
       {{"id", I},
        {"person_id", I},
        {"holder", T},
        {"facility", T},
        {"since", T},
        {"legal_basis", T},
        {"charge_status", T},
        {"evidence_disclosed", I},
        {"status", T},
        {"list_id", I},
        {"record_id", I}}},
      {"person_index", "person_id, hash", {{"hash", B}, {"person_id", I}}},
      {"merkle_hashes", "idx", {{"idx", I}, {"hash", B}}},
      {"checkpoints", "size", {{"size", I}, {"root", B}, {"note", T}, {"signed_at", T}}},
      {"cosignatures",
       "size, key_name",
       {{"size", I}, {"key_name", T}, {"line", T}, {"added_at", T}}},
      // Schema version 2 (store/link_tables.h): review decisions and the review queue.
      {"review_decisions",
       "id",
       {{"id", I},
        {"left_fingerprint", B},
        {"right_fingerprint", B},
        {"left_record", I},
        {"right_record", I},
        {"same", I},
        {"decided_by", T},
        {"party", T},
        {"decided_at", T},
        {"event_seq", I},
        {"replaces", I}}},
      {"review_queue",
       "left_record, right_record",
       {{"left_record", I}, {"right_record", I}, {"probability", T}}},
      // Schema version 3 (store/holds_tables.h): legal holds, legal acts, interviews (their
      // sealed columns, here and below, come with schema version 10: store/clear_texts.h).
      {"legal_holds",
       "id",
       {{"id", I},
        {"issuer", T},
        {"reference", T},
        {"effective_from", T},
        {"effective_until", T},
        {"rule_holder", T},
        {"rule_nationality", T},
        {"rule_category", T},
        {"rule_legal_basis", T},
        {"lifted_on", T},
        {"lift_reason", T},
        {"created_at", T},
        {"created_by", T},
        {"reference_sealed", B},
        {"lift_reason_sealed", B}}},
      {"legal_hold_persons", "hold_id, person_id", {{"hold_id", I}, {"person_id", I}}},
      {"legal_acts",
       "id",
       {{"id", I},
        {"person_id", I},
        {"type", T},
        {"act_date", T},
        {"authority", T},
        {"reference", T},
        {"status_after", T},
        {"recorded_at", T},
        {"recorded_by", T},
        {"texts_sealed", B}}},
      {"interviews",
       "id",
       {{"id", I},
        {"person_id", I},
        {"destination", T},
        {"interviewed_on", T},
        {"identity", T},
        {"consent", T},
        {"fit_to_travel", I},
        {"note_sealed", B},
        {"recorded_at", T},
        {"recorded_by", T},
        {"recorder_party", T},
        {"outcome_sealed", B}}},
      // Schema version 4 (store/exchange_tables.h): exchanges, blocs, parties, claims, costs.
      {"exchanges",
       "id",
       {{"id", I},
        {"name", T},
        {"mediator", T},
        {"max_size", I},
        {"max_parties", I},
        {"objective", T},
        {"created_at", T},
        {"created_by", T}}},
      {"exchange_blocs",
       "exchange_id, name",
       {{"exchange_id", I}, {"name", T}, {"rule_kind", T}, {"ratio", T}}},
      {"exchange_parties",
       "exchange_id, party",
       {{"exchange_id", I}, {"party", T}, {"bloc", T}, {"added_at", T}}},
      {"exchange_claims",
       "id",
       {{"id", I},
        {"exchange_id", I},
        {"person_id", I},
        {"claimant", T},
        {"destination", T},
        {"value", T},
        {"priority", I},
        {"unconditional", I},
        {"claimed_at", T},
        {"claimed_by", T}}},
      {"exchange_costs",
       "exchange_id, person_id, holder",
       {{"exchange_id", I},
        {"person_id", I},
        {"holder", T},
        {"cost", T},
        {"set_at", T},
        {"set_by", T}}},
      // Schema version 5 (store/agreement_tables.h): signing keys, proposal versions (a parent
      // or a counts version referred to always has a smaller id), responses, overrides,
      // signatures, the exchanges' workflow state.
      {"party_keys",
       "party, key_id",
       {{"party", T},
        {"key_id", T},
        {"public_key", B},
        {"added_at", T},
        {"added_by", T},
        {"event_seq", I}}},
      {"proposal_versions",
       "id",
       {{"id", I},
        {"exchange_id", I},
        {"parent_id", I},
        {"kind", T},
        {"refers_to", I},
        {"source", T},
        {"state", T},
        {"revision", I},
        {"created_at", T},
        {"created_by", T},
        {"created_party", T},
        {"event_seq", I}}},
      {"proposal_transfers",
       "version_id, person_id",
       {{"version_id", I},
        {"person_id", I},
        {"from_party", T},
        {"to_party", T},
        {"beneficiary", T},
        {"unconditional", I}}},
      {"proposal_counts",
       "version_id, from_party, to_party",
       {{"version_id", I}, {"from_party", T}, {"to_party", T}, {"persons", I}}},
      {"proposal_responses",
       "version_id, party",
       {{"version_id", I},
        {"party", T},
        {"response", T},
        {"reason", T},
        {"responded_at", T},
        {"responded_by", T},
        {"event_seq", I},
        {"reason_sealed", B}}},
      {"proposal_overrides",
       "version_id",
       {{"version_id", I},
        {"justification", T},
        {"blocs", T},
        {"overridden_at", T},
        {"overridden_by", T},
        {"event_seq", I},
        {"justification_sealed", B}}},
      {"agreement_signatures",
       "version_id, party",
       {{"version_id", I},
        {"party", T},
        {"key_id", T},
        {"signature", B},
        {"manifest_sha256", B},
        {"added_at", T},
        {"added_by", T},
        {"event_seq", I}}},
      {"exchange_workflow",
       "exchange_id",
       {{"exchange_id", I},
        {"state", T},
        {"agreed_version", I},
        {"reason", T},
        {"changed_at", T},
        {"changed_by", T},
        {"event_seq", I},
        {"reason_sealed", B}}},
      // Schema version 6 (store/execution_tables.h): not travelling, handovers, reported counts.
      {"execution_not_travelling",
       "exchange_id, person_id",
       {{"exchange_id", I},
        {"person_id", I},
        {"reason", T},
        {"note_sealed", B},
        {"recorded_at", T},
        {"recorded_by", T},
        {"recorder_party", T},
        {"event_seq", I},
        {"reason_sealed", B}}},
      {"execution_handovers",
       "exchange_id, person_id",
       {{"exchange_id", I},
        {"person_id", I},
        {"handed_over_at", T},
        {"place", T},
        {"to_party", T},
        {"witnesses", T},
        {"recorded_at", T},
        {"recorded_by", T},
        {"recorder_party", T},
        {"event_seq", I},
        {"texts_sealed", B}}},
      {"execution_reported_counts",
       "id",
       {{"id", I},
        {"exchange_id", I},
        {"party", T},
        {"from_party", T},
        {"to_party", T},
        {"persons_count", I},
        {"persons", T},
        {"note", T},
        {"reported_at", T},
        {"reported_by", T},
        {"reporter_party", T},
        {"event_seq", I},
        {"note_sealed", B}}},
      // Schema version 7 (store/api_token_tables.h): API tokens, as SHA-256 only.
      {"api_tokens",
       "id",
       {{"id", I},
        {"user_name", T},
        {"token_sha256", B},
        {"created_at", T},
        {"created_by", T},
        {"expires_at", T},
        {"revoked_at", T},
        {"revoked_by", T},
        {"event_seq", I}}},
      // Schema version 8 (store/sign_in_tables.h): password hashes, sealed second factors,
      // sessions as SHA-256 only.
      {"user_credentials",
       "user_name",
       {{"user_name", T},
        {"password_hash", T},
        {"password_set_at", T},
        {"totp_secret_sealed", B},
        {"totp_enrolled_at", T},
        {"totp_last_step", I},
        {"failed_sign_ins", I},
        {"last_failure_at", T},
        {"locked_until", T}}},
      {"sessions",
       "id",
       {{"id", I},
        {"user_name", T},
        {"token_sha256", B},
        {"csrf_sha256", B},
        {"created_at", T},
        {"expires_at", T},
        {"ended_at", T},
        {"ended_by", T},
        {"end_reason", T},
        {"event_seq", I}}},
      // Schema version 9 (store/witness_tables.h): witnesses, exchanges' witness policies.
      {"log_witnesses",
       "name",
       {{"name", T},
        {"verifier_key", T},
        {"url", T},
        {"party", T},
        {"added_at", T},
        {"added_by", T},
        {"removed_at", T},
        {"removed_by", T},
        {"event_seq", I}}},
      {"exchange_witness_policies",
       "exchange_id",
       {{"exchange_id", I},
        {"threshold", I},
        {"witnesses", T},
        {"set_at", T},
        {"set_by", T},
        {"event_seq", I}}},
      // Schema version 11 (store/link_model_tables.h): the model of each changing link run.
      {"link_models",
       "id",
       {{"id", I},
        {"event_seq", I},
        {"trained_at", T},
        {"trained_by", T},
        {"records_compared", I},
        {"data_sha256", B},
        {"settings", T},
        {"parameters", T},
        {"name_counts_sealed", B}}},
  };
  return kTables;
}

Result<int64_t> CopyTable(const Table& table, SqlConnection& from, SqlConnection& to) {
  std::string names;
  std::string placeholders;
  for (const Column& column : table.columns) {
    if (!names.empty()) {
      names += ", ";
      placeholders += ", ";
    }
    names += column.name;
    placeholders += "?";
  }
  CANJE_ASSIGN_OR_RETURN(auto select, from.Prepare("SELECT " + names + " FROM " + table.name +
                                                   table.filter + " ORDER BY " + table.order_by));
  CANJE_ASSIGN_OR_RETURN(auto insert, to.Prepare("INSERT INTO " + std::string(table.name) + "(" +
                                                 names + ") VALUES(" + placeholders + ")"));
  int64_t rows = 0;
  while (true) {
    CANJE_ASSIGN_OR_RETURN(bool has_row, select->Step());
    if (!has_row) break;
    for (size_t i = 0; i < table.columns.size(); ++i) {
      int column = static_cast<int>(i);
      int parameter = column + 1;
      if (select->IsNull(column)) {
        insert->BindNull(parameter);
      } else if (table.columns[i].kind == Kind::kInt) {
        insert->BindInt(parameter, select->Int(column));
      } else if (table.columns[i].kind == Kind::kText) {
        insert->BindText(parameter, select->Text(column));
      } else {
        insert->BindBlob(parameter, select->Blob(column));
      }
    }
    CANJE_RETURN_IF_ERROR(insert->Run().WithContext("copying table " + std::string(table.name) +
                                                    ", row " + std::to_string(rows + 1)));
    ++rows;
  }
  select->Reset();
  return rows;
}

Status SameLog(Store& from, Store& to, CopyReport& report) {
  CANJE_ASSIGN_OR_RETURN(report.events, from.EventCount());
  CANJE_ASSIGN_OR_RETURN(int64_t copied_events, to.EventCount());
  if (copied_events != report.events) {
    return Status::Invalid("the copy's log has " + std::to_string(copied_events) +
                           " entries, the source's " + std::to_string(report.events));
  }
  CANJE_ASSIGN_OR_RETURN(report.root, from.TreeRoot(report.events));
  CANJE_ASSIGN_OR_RETURN(ledger::Hash copied_root, to.TreeRoot(report.events));
  if (copied_root != report.root) return Status::Invalid("the copy's log has another root");
  CANJE_ASSIGN_OR_RETURN(auto source_checkpoint, from.LatestCheckpoint());
  CANJE_ASSIGN_OR_RETURN(auto copied_checkpoint, to.LatestCheckpoint());
  if (source_checkpoint.has_value() != copied_checkpoint.has_value() ||
      (source_checkpoint && source_checkpoint->note != copied_checkpoint->note)) {
    return Status::Invalid("the copy's latest checkpoint differs from the source's");
  }
  return Status::Ok();
}

}  // namespace

Result<CopyReport> CopyStore(Store& from, Store& to) {
  if (LatestSchemaVersion() != kCopiedSchemaVersion) {
    return Status::Internal("store_copy.cc knows schema version " +
                            std::to_string(kCopiedSchemaVersion) + ", this canje has " +
                            std::to_string(LatestSchemaVersion()) + ": update its table list");
  }
  CANJE_ASSIGN_OR_RETURN(auto instance, to.Meta("instance_id"));
  if (instance) {
    return Status::Conflict(
        "the destination already holds a canje store; migrate into a new "
        "SQLite path or an empty PostgreSQL database");
  }
  SqlConnection& source = from.connection();
  SqlConnection& destination = to.connection();
  CANJE_RETURN_IF_ERROR(source.BeginRead());
  Status status = destination.BeginWrite();
  CopyReport report;
  for (const Table& table : Tables()) {
    if (!status.ok()) break;
    Result<int64_t> rows = CopyTable(table, source, destination);
    if (rows.ok()) {
      report.tables.push_back({table.name, *rows});
    } else {
      status = rows.status();
    }
  }
  if (status.ok()) status = SameLog(from, to, report);
  (void)source.Rollback();
  if (!status.ok()) {
    (void)destination.Rollback();
    return status;
  }
  CANJE_RETURN_IF_ERROR(destination.Commit());
  return report;
}

}  // namespace canje::store
