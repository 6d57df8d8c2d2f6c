#include "store/store_copy.h"

#include "store/migrations.h"
#include "store/sql_query.h"

namespace canje::store {
namespace {

// The tables in the order they are copied: parents before children, each in the order of its
// key (so that SQLite's row ids and the read orders come out the same). A migration that adds a
// table must add it here: CopyStore refuses a source holding a table this list does not name
// (CatalogueTables). The columns are not listed: each table's are read from the database's own
// catalogue (CatalogueColumns), so a new column is copied without a change here.
struct CopiedTableSpec {
  const char* name;
  const char* order_by;
  const char* filter = "";  // rows left out: the new store keeps its own schema version
};

constexpr CopiedTableSpec kCopiedTables[] = {
    // Schema version 1 (store.h): the foundation.
    {"meta", "name", " WHERE name <> 'schema_version'"},
    {"parties", "code"},
    {"users", "name"},
    {"events", "seq"},
    {"event_subjects", "seq, subject"},
    {"lists", "id"},
    {"persons", "id"},
    {"list_records", "id"},
    {"custody", "id"},
    {"person_index", "person_id, hash"},
    {"merkle_hashes", "idx"},
    {"checkpoints", "size"},
    {"cosignatures", "size, key_name"},
    // Schema version 2 (store/link_tables.h): review decisions and the review queue.
    {"review_decisions", "id"},
    {"review_queue", "left_record, right_record"},
    // Schema version 3 (store/holds_tables.h): legal holds, legal acts, interviews (their
    // sealed columns come with schema version 10: store/clear_texts.h).
    {"legal_holds", "id"},
    {"legal_hold_persons", "hold_id, person_id"},
    {"legal_acts", "id"},
    {"interviews", "id"},
    // Schema version 4 (store/exchange_tables.h): exchanges, blocs, parties, claims, costs.
    {"exchanges", "id"},
    {"exchange_blocs", "exchange_id, name"},
    {"exchange_parties", "exchange_id, party"},
    {"exchange_claims", "id"},
    {"exchange_costs", "exchange_id, person_id, holder"},
    // Schema version 5 (store/agreement_tables.h): signing keys, proposal versions (a parent or
    // a counts version referred to always has a smaller id), responses, overrides, signatures,
    // the exchanges' workflow state.
    {"party_keys", "party, key_id"},
    {"proposal_versions", "id"},
    {"proposal_transfers", "version_id, person_id"},
    {"proposal_counts", "version_id, from_party, to_party"},
    {"proposal_responses", "version_id, party"},
    {"proposal_overrides", "version_id"},
    {"agreement_signatures", "version_id, party"},
    {"exchange_workflow", "exchange_id"},
    // Schema version 6 (store/execution_tables.h): not travelling, handovers, reported counts.
    {"execution_not_travelling", "exchange_id, person_id"},
    {"execution_handovers", "exchange_id, person_id"},
    {"execution_reported_counts", "id"},
    // Schema version 7 (store/api_token_tables.h): API tokens, as SHA-256 only.
    {"api_tokens", "id"},
    // Schema version 8 (store/sign_in_tables.h): password hashes, sealed second factors,
    // sessions as SHA-256 only.
    {"user_credentials", "user_name"},
    {"sessions", "id"},
    // Schema version 9 (store/witness_tables.h): witnesses, exchanges' witness policies.
    {"log_witnesses", "name"},
    {"exchange_witness_policies", "exchange_id"},
    // Schema version 11 (store/link_model_tables.h): the model of each changing link run.
    {"link_models", "id"},
    // Schema version 12 (store/idempotency_tables.h): the API's idempotency keys.
    {"idempotency_keys", "user_name, idempotency_key"},
    // Schema version 14 (store/name_word_tables.h): the sealed vocabulary of name words.
    {"name_words", "hash"},
    // Schema version 16 (store/exchange_participant_tables.h): guarantors and observers.
    {"exchange_participants", "exchange_id, role, party"},
    // Schema version 17 (store/stage_tables.h): the stages of an exchange's execution.
    {"execution_stages", "exchange_id, number"},
    {"execution_stage_persons", "exchange_id, person_id"},
    // Schema version 19 (store/orphan_tables.h): how close orphans came to their holder's roster.
    {"orphan_closeness", "record_id"},
};

enum class ValueKind { kInt, kText, kBlob };

struct CatalogueColumn {
  std::string name;
  ValueKind kind;
};

// The columns of `table` as the database declares them, in their order: SQLite's INTEGER, TEXT
// and BLOB, PostgreSQL's bigint, text and bytea (migrations.cc).
// kInternal naming the first table of `connection` that kCopiedTables does not name.
Status CheckEveryTableIsCopied(SqlConnection& connection) {
  CANJE_ASSIGN_OR_RETURN(std::vector<std::string> tables, CatalogueTables(connection));
  for (const std::string& table : tables) {
    bool listed = false;
    for (const CopiedTableSpec& copied : kCopiedTables) listed = listed || table == copied.name;
    if (!listed) {
      return Status::Internal("the store holds table " + table +
                              ", which store_copy.cc does not copy: add it to its table list");
    }
  }
  return Status::Ok();
}

Result<std::vector<CatalogueColumn>> CatalogueColumns(SqlConnection& connection,
                                                      std::string_view table) {
  bool sqlite = connection.dialect() == SqlConnection::Dialect::kSqlite;
  CANJE_ASSIGN_OR_RETURN(
      auto columns,
      QueryAll<CatalogueColumn>(
          connection,
          sqlite ? "SELECT name, upper(type) FROM pragma_table_info(?) ORDER BY cid"
                 : "SELECT column_name, upper(data_type) FROM information_schema.columns "
                   "WHERE table_schema = current_schema() AND table_name = ? "
                   "ORDER BY ordinal_position",
          Params(table),
          [](const SqlStatement& row) {
            std::string type = row.Text(1);
            ValueKind kind = type.find("INT") != std::string::npos ? ValueKind::kInt
                             : type == "BLOB" || type == "BYTEA"   ? ValueKind::kBlob
                                                                   : ValueKind::kText;
            return CatalogueColumn{row.Text(0), kind};
          }));
  if (columns.empty()) return Status::Internal("the store has no table " + std::string(table));
  return columns;
}

Result<int64_t> CopyTable(const CopiedTableSpec& table, SqlConnection& from, SqlConnection& to) {
  CANJE_ASSIGN_OR_RETURN(std::vector<CatalogueColumn> columns, CatalogueColumns(from, table.name));
  std::string names;
  std::string placeholders;
  for (const CatalogueColumn& column : columns) {
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
    for (size_t i = 0; i < columns.size(); ++i) {
      int column = static_cast<int>(i);
      int parameter = column + 1;
      if (select->IsNull(column)) {
        insert->BindNull(parameter);
      } else if (columns[i].kind == ValueKind::kInt) {
        insert->BindInt(parameter, select->Int(column));
      } else if (columns[i].kind == ValueKind::kText) {
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

Result<std::vector<std::string>> CatalogueTables(SqlConnection& connection) {
  return QueryAll<std::string>(
      connection,
      connection.dialect() == SqlConnection::Dialect::kSqlite
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
      NoBind(), [](const SqlStatement& row) { return row.Text(0); });
}

Result<CopyReport> CopyStore(Store& from, Store& to) {
  CANJE_RETURN_IF_ERROR(CheckEveryTableIsCopied(from.connection()));
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
  for (const CopiedTableSpec& table : kCopiedTables) {
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
  CANJE_RETURN_IF_ERROR(destination.EndTransaction(status));
  return report;
}

}  // namespace canje::store
