#include "store/link_tables.h"

#include "store/sql_query.h"

namespace canje::store {

namespace {

constexpr std::string_view kLinkRecordColumns =
    "id, list_id, line, person_id, own_person_id, reported_status, holder, fingerprint, "
    "data_key IS NULL";

LinkRecordRow ReadLinkRecord(const SqlStatement& row) {
  LinkRecordRow record;
  record.record_id = row.Int(0);
  record.list_id = row.Int(1);
  record.line = row.Int(2);
  record.person_id = row.Int(3);
  record.own_person_id = row.Int(4);
  record.reported_status = row.Text(5);
  record.holder = row.Text(6);
  record.fingerprint = row.Blob(7);
  record.erased = row.Int(8) != 0;
  return record;
}

}  // namespace

Status ForEachLinkRecord(Store& store, const std::function<Status(const LinkRecordRow&)>& visit) {
  return Query(store.connection(),
               "SELECT " + std::string(kLinkRecordColumns) + " FROM list_records ORDER BY id",
               NoBind(), [&](const SqlStatement& row) { return visit(ReadLinkRecord(row)); });
}

Result<std::optional<LinkRecordRow>> FindLinkRecord(Store& store, int64_t record_id) {
  return QueryOne<LinkRecordRow>(
      store.connection(),
      "SELECT " + std::string(kLinkRecordColumns) + " FROM list_records WHERE id = ?",
      [&](SqlStatement& s) { s.BindInt(1, record_id); }, ReadLinkRecord);
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
      [&](SqlStatement& s) { s.BindInt(1, person_id); },
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
  return QueryAll<ReviewDecisionRow>(
      store.connection(),
      "SELECT id, left_fingerprint, right_fingerprint, left_record, right_record, same, "
      "decided_by, party, decided_at, event_seq, replaces FROM review_decisions ORDER BY id",
      NoBind(), [](const SqlStatement& row) {
        ReviewDecisionRow decision;
        decision.id = row.Int(0);
        decision.left_fingerprint = row.Blob(1);
        decision.right_fingerprint = row.Blob(2);
        decision.left_record = row.Int(3);
        decision.right_record = row.Int(4);
        decision.same = row.Int(5) != 0;
        decision.decided_by = row.Text(6);
        decision.party = row.Text(7);
        decision.decided_at = row.Text(8);
        decision.event_seq = row.Int(9);
        decision.replaces = row.Int(10);
        return decision;
      });
}

Result<int64_t> AddReviewDecision(WriteTransaction& transaction, const ReviewDecisionRow& row) {
  SqlConnection& db = transaction.store().connection();
  CANJE_ASSIGN_OR_RETURN(const int64_t id, NextRowId(db, "review_decisions"));
  CANJE_ASSIGN_OR_RETURN(
      auto insert,
      db.Prepare("INSERT INTO review_decisions(id, left_fingerprint, right_fingerprint, "
                 "left_record, right_record, same, decided_by, party, decided_at, event_seq, "
                 "replaces) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert->BindInt(1, id);
  insert->BindBlob(2, row.left_fingerprint);
  insert->BindBlob(3, row.right_fingerprint);
  insert->BindInt(4, row.left_record);
  insert->BindInt(5, row.right_record);
  insert->BindInt(6, row.same ? 1 : 0);
  insert->BindText(7, row.decided_by);
  insert->BindText(8, row.party);
  insert->BindText(9, row.decided_at);
  insert->BindInt(10, row.event_seq);
  if (row.replaces == 0) {
    insert->BindNull(11);
  } else {
    insert->BindInt(11, row.replaces);
  }
  CANJE_RETURN_IF_ERROR(insert->Run());
  return id;
}

Result<std::vector<ReviewQueueRow>> ReviewQueue(Store& store) {
  return QueryAll<ReviewQueueRow>(store.connection(),
                                  "SELECT left_record, right_record, probability FROM review_queue "
                                  "ORDER BY left_record, right_record",
                                  NoBind(), [](const SqlStatement& row) {
                                    return ReviewQueueRow{row.Int(0), row.Int(1), row.Text(2)};
                                  });
}

Status ReplaceReviewQueue(WriteTransaction& transaction, const std::vector<ReviewQueueRow>& rows) {
  SqlConnection& db = transaction.store().connection();
  CANJE_RETURN_IF_ERROR(db.Execute("DELETE FROM review_queue"));
  CANJE_ASSIGN_OR_RETURN(auto insert,
                         db.Prepare("INSERT INTO review_queue(left_record, right_record, "
                                    "probability) VALUES(?, ?, ?)"));
  for (const ReviewQueueRow& row : rows) {
    insert->Reset();
    insert->BindInt(1, row.left_record);
    insert->BindInt(2, row.right_record);
    insert->BindText(3, row.probability);
    CANJE_RETURN_IF_ERROR(insert->Run());
  }
  return Status::Ok();
}

Status RemoveFromReviewQueue(WriteTransaction& transaction, const Bytes& left_fingerprint,
                             const Bytes& right_fingerprint) {
  CANJE_ASSIGN_OR_RETURN(
      auto remove, transaction.store().connection().Prepare(
                       "DELETE FROM review_queue WHERE "
                       "(left_record IN (SELECT id FROM list_records WHERE fingerprint = ?) AND "
                       " right_record IN (SELECT id FROM list_records WHERE fingerprint = ?)) OR "
                       "(left_record IN (SELECT id FROM list_records WHERE fingerprint = ?) AND "
                       " right_record IN (SELECT id FROM list_records WHERE fingerprint = ?))"));
  remove->BindBlob(1, left_fingerprint);
  remove->BindBlob(2, right_fingerprint);
  remove->BindBlob(3, right_fingerprint);
  remove->BindBlob(4, left_fingerprint);
  return remove->Run();
}

}  // namespace canje::store
