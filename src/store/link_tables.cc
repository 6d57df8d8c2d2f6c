#include "store/link_tables.h"

#include "store/row_mapping.h"

namespace canje::store {

namespace {

// A record as linkage reads it, never written through this description: whether it was erased
// is computed (`data_key IS NULL`), not a column.
const RowTable<LinkRecordRow> kLinkRecordTable{
    "list_records",
    {
        Column("id", &LinkRecordRow::record_id),
        Column("list_id", &LinkRecordRow::list_id),
        Column("line", &LinkRecordRow::line),
        Column("person_id", &LinkRecordRow::person_id),
        Column("own_person_id", &LinkRecordRow::own_person_id),
        Column("reported_status", &LinkRecordRow::reported_status),
        Column("holder", &LinkRecordRow::holder),
        Column("fingerprint", &LinkRecordRow::fingerprint),
        Column("data_key IS NULL", &LinkRecordRow::erased),
    }};

const RowTable<ReviewDecisionRow> kReviewDecisionTable{
    "review_decisions",
    {
        Column("id", &ReviewDecisionRow::id),
        Column("left_fingerprint", &ReviewDecisionRow::left_fingerprint),
        Column("right_fingerprint", &ReviewDecisionRow::right_fingerprint),
        Column("left_record", &ReviewDecisionRow::left_record),
        Column("right_record", &ReviewDecisionRow::right_record),
        Column("same", &ReviewDecisionRow::same),
        Column("decided_by", &ReviewDecisionRow::decided_by),
        Column("party", &ReviewDecisionRow::party),
        Column("decided_at", &ReviewDecisionRow::decided_at),
        Column("event_seq", &ReviewDecisionRow::event_seq),
        IdOrNull("replaces", &ReviewDecisionRow::replaces),
    }};

const RowTable<ReviewQueueRow> kReviewQueueTable{
    "review_queue",
    {
        Column("left_record", &ReviewQueueRow::left_record),
        Column("right_record", &ReviewQueueRow::right_record),
        Column("probability", &ReviewQueueRow::probability),
        Column("reason", &ReviewQueueRow::reason),
    }};

}  // namespace

Status ForEachLinkRecord(Store& store, const std::function<Status(const LinkRecordRow&)>& visit) {
  return Query(store.connection(), kLinkRecordTable.Select("ORDER BY id"), NoBind(),
               [&](const SqlStatement& row) { return visit(kLinkRecordTable.Read(row)); });
}

Result<std::optional<LinkRecordRow>> FindLinkRecord(Store& store, int64_t record_id) {
  return SelectRow(store.connection(), kLinkRecordTable, "WHERE id = ?", Params(record_id));
}

Result<std::map<int64_t, std::vector<int64_t>>> MergedPersonsByRepresentative(Store& store) {
  std::map<int64_t, std::vector<int64_t>> merged;
  CANJE_RETURN_IF_ERROR(Query(store.connection(),
                              "SELECT merged_into, id FROM persons WHERE merged_into IS NOT NULL "
                              "ORDER BY id",
                              NoBind(), [&](const SqlStatement& row) {
                                merged[row.Int(0)].push_back(row.Int(1));
                                return Status::Ok();
                              }));
  return merged;
}

Result<std::vector<int64_t>> PersonsMergedInto(Store& store, int64_t person_id) {
  return QueryAll<int64_t>(
      store.connection(), "SELECT id FROM persons WHERE merged_into = ? ORDER BY id",
      Params(person_id),
      [](const SqlStatement& row) { return row.Int(0); });
}

Result<LinkWriter> LinkWriter::Create(WriteTransaction& transaction) {
  SqlConnection& db = transaction.store().connection();
  LinkWriter writer;
  CANJE_ASSIGN_OR_RETURN(writer.relink_record_,
                         db.Prepare("UPDATE list_records SET person_id = ? WHERE id = ?"));
  CANJE_ASSIGN_OR_RETURN(writer.relink_custody_,
                         db.Prepare("UPDATE custody SET person_id = ? WHERE record_id = ?"));
  CANJE_ASSIGN_OR_RETURN(writer.merge_,
                         db.Prepare("UPDATE persons SET merged_into = ? WHERE id = ?"));
  return writer;
}

Status LinkWriter::RelinkRecord(int64_t record_id, int64_t person_id) {
  relink_record_->BindInt(1, person_id);
  relink_record_->BindInt(2, record_id);
  CANJE_RETURN_IF_ERROR(relink_record_->Run());
  relink_custody_->BindInt(1, person_id);
  relink_custody_->BindInt(2, record_id);
  return relink_custody_->Run();
}

Status LinkWriter::SetMergedInto(int64_t person_id, int64_t merged_into) {
  if (merged_into == 0) {
    merge_->BindNull(1);
  } else {
    merge_->BindInt(1, merged_into);
  }
  merge_->BindInt(2, person_id);
  return merge_->Run();
}

Result<std::vector<ReviewDecisionRow>> ReviewDecisions(Store& store) {
  return SelectRows(store.connection(), kReviewDecisionTable, "ORDER BY id", NoBind());
}

Result<int64_t> AddReviewDecision(WriteTransaction& transaction, const ReviewDecisionRow& row) {
  return InsertWithNextId(transaction, kReviewDecisionTable, row);
}

Result<std::vector<ReviewQueueRow>> ReviewQueue(Store& store) {
  return SelectRows(store.connection(), kReviewQueueTable, "ORDER BY left_record, right_record",
                    NoBind());
}

Status ReplaceReviewQueue(WriteTransaction& transaction, const std::vector<ReviewQueueRow>& rows) {
  CANJE_RETURN_IF_ERROR(transaction.store().connection().Execute("DELETE FROM review_queue"));
  return InsertRows(transaction, kReviewQueueTable, rows);
}

Status RemoveFromReviewQueue(WriteTransaction& transaction, const Bytes& left_fingerprint,
                             const Bytes& right_fingerprint) {
  return Execute(transaction.store().connection(),
                 "DELETE FROM review_queue WHERE "
                 "(left_record IN (SELECT id FROM list_records WHERE fingerprint = ?) AND "
                 " right_record IN (SELECT id FROM list_records WHERE fingerprint = ?)) OR "
                 "(left_record IN (SELECT id FROM list_records WHERE fingerprint = ?) AND "
                 " right_record IN (SELECT id FROM list_records WHERE fingerprint = ?))",
                 Params(left_fingerprint, right_fingerprint, right_fingerprint, left_fingerprint));
}

}  // namespace canje::store
