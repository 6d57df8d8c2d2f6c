#include "store/postgres/postgres_connection.h"

#include <arpa/inet.h>
#include <endian.h>
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <deque>
#include <optional>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "store/postgres/copy_text.h"

namespace canje::store {
namespace {

// Type OIDs (catalog/pg_type_d.h) of the columns canje reads.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;

// The advisory lock every write transaction of every canje process takes: "canje" in ASCII.
constexpr int64_t kWriteLockKey = 0x63616e6a65;
// Writes queued by RunBatched are synced after this many: one round trip per batch. Small
// enough that the server's replies (a few dozen bytes each) fit in the socket buffers, so the
// blocking connection cannot stall with both sides writing.
constexpr size_t kBatchLimit = 256;
// Rows held by bulk inserts are written once they take this many bytes (COPY text or
// parameters), and before any other statement of the transaction.
constexpr size_t kHeldBytesLimit = size_t{4} << 20;
// A multi-row INSERT of held rows (skip_existing) takes at most this many rows, and at most
// 65,535 parameters (the protocol's limit) in all.
constexpr size_t kRowsPerInsert = 1000;
constexpr size_t kMaxParameters = 65535;
// COPY data is sent in pieces of at most this many bytes.
constexpr size_t kCopyPiece = size_t{1} << 20;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultDeleter>;

std::string Trimmed(const char* text) {
  std::string message = text ? text : "";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  return message;
}

// Maps a failed result (or a failed connection when `result` is null) to a Status.
Status PostgresStatus(PGconn* connection, const PGresult* result, std::string_view what,
                      const std::string& url) {
  std::string detail = Trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(connection));
  if (detail.empty()) detail = Trimmed(PQerrorMessage(connection));
  std::string message = std::string(what) + ": " + detail;
  if (PQstatus(connection) == CONNECTION_BAD) {
    return Status::Unavailable("the PostgreSQL database at " + url +
                               " is unavailable (connection lost): " + message +
                               "; nothing of this command was committed unless it said so; "
                               "retry once the database is back");
  }
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = state ? state : "";
  if (sqlstate == "55P03" || sqlstate == "40001" || sqlstate == "40P01" ||
      sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("53", 0) == 0 ||
      sqlstate.rfind("57P", 0) == 0) {
    return Status::Unavailable("the PostgreSQL database at " + url + " is unavailable: " + message +
                               " (another canje command may hold the write lock, or "
                               "the server is busy or shutting down; retry)");
  }
  if (sqlstate.rfind("23", 0) == 0) return Status::Conflict(message);
  return Status::Internal(message + (sqlstate.empty() ? "" : " [SQLSTATE " + sqlstate + "]"));
}

// One row of a result, copied out of libpq's per-row result: the values back to back, with
// each one's start and length (-1 for NULL).
struct Row {
  std::string data;
  std::vector<std::pair<int, int>> fields;  // start, length
};

}  // namespace

// The rows a bulk insert (PrepareBulkInsert) holds until PostgresSession::FlushBulk writes them.
struct HeldRows {
  BulkInsert insert;
  std::string what;  // names the statement in messages, as a one-row INSERT's would
  std::string copy;  // COPY text lines (unless skip_existing)
  // skip_existing: the held rows' parameters, row after row (a multi-row INSERT's).
  std::vector<std::optional<std::string>> values;
  std::vector<int> formats;
  size_t rows = 0;
  void Clear() {
    copy.clear();
    values.clear();
    formats.clear();
    rows = 0;
  }
};

// A statement whose rows are in flight on a link, as the link and its session see it (the
// statement itself, PostgresStatement, is local to this file).
class StreamingStatement {
 public:
  virtual ~StreamingStatement() = default;
  // Copies up to `limit` more rows to memory (all when 0); true when the query has ended.
  virtual bool Drain(size_t limit = 0) = 0;
};

// One libpq connection and the statement whose rows are in flight on it (single-row mode).
// libpq runs one query at a time per connection.
struct PostgresLink {
  PGconn* connection = nullptr;  // null once closed
  StreamingStatement* streaming = nullptr;
};

// What a connection shares with its statements. links[0] is the connection proper: every
// transaction and every Execute runs there. Reads sent outside a transaction while links[0] is
// busy with a long read may run on a second connection (see Choose).
struct PostgresSession {
  PostgresOptions options;
  std::string url;  // redacted, for messages
  bool in_transaction = false;
  std::vector<std::unique_ptr<PostgresLink>> links;
  // Writes queued on links[0] in pipeline mode by RunBatched and not yet synced, as the text
  // that names each in messages. Only inside a transaction.
  std::vector<std::string> batched;
  // The first failure of a synced batch or of written held rows, returned by the transaction's
  // next operation.
  Status batch_failure;
  // The bulk inserts prepared on the connection, in the order they were prepared (the order
  // FlushBulk writes their rows in), with the rows they hold. Inside a transaction, at most one
  // of `bulk` and `batched` holds something: each is written before the other takes a row.
  std::vector<std::shared_ptr<HeldRows>> bulk;
  size_t held_bytes = 0;
  size_t held_rows = 0;
  // Writes the held rows, table after table (COPY FROM STDIN; a multi-row INSERT ... ON
  // CONFLICT DO NOTHING when skip_existing); keeps the first failure in batch_failure. After a
  // failure the transaction is lost, so held rows are then only dropped.
  void FlushBulk();
  // Forgets the held rows (the transaction is rolled back).
  void DropBulk();
  // Makes links[0] free: the statement in flight there copies its remaining rows to memory,
  // and queued writes are synced (FinishBatch).
  PGconn* Primary();
  // Makes links[0] free for another queued write: only the statement in flight is drained.
  PGconn* PrimaryForBatch();
  // Sends a sync for the queued writes, reads every result, leaves pipeline mode; keeps the
  // first failure in batch_failure.
  void FinishBatch();
  // batch_failure, cleared.
  Status TakeBatchFailure() { return std::exchange(batch_failure, Status::Ok()); }
  // The link a new statement runs on.
  PostgresLink* Choose();
};

namespace {

// A statement's bound parameters, as libpq takes them: each value's bytes (none: NULL) and its
// format (0 text, 1 binary). An index out of range binds nothing.
class BoundStatement : public SqlStatement {
 public:
  void BindInt(int index, int64_t value) override { Set(index, std::to_string(value), 0); }
  void BindText(int index, std::string_view value) override { Set(index, std::string(value), 0); }
  void BindBlob(int index, ByteView value) override {
    Set(index, std::string(reinterpret_cast<const char*>(value.data()), value.size()), 1);
  }
  void BindNull(int index) override {
    if (index >= 1 && index <= static_cast<int>(values_.size())) values_[index - 1].reset();
  }

 protected:
  explicit BoundStatement(size_t parameter_count)
      : values_(parameter_count), formats_(parameter_count, 0) {}
  void ClearBindings() {
    for (auto& value : values_) value.reset();
    std::fill(formats_.begin(), formats_.end(), 0);
  }

  std::vector<std::optional<std::string>> values_;
  std::vector<int> formats_;

 private:
  void Set(int index, std::string value, int format) {
    if (index < 1 || index > static_cast<int>(values_.size())) return;
    values_[index - 1] = std::move(value);
    formats_[index - 1] = format;
  }
};

class PostgresStatement : public BoundStatement, public StreamingStatement {
 public:
  PostgresStatement(std::shared_ptr<PostgresSession> session, std::string sql, int parameter_count)
      : BoundStatement(static_cast<size_t>(parameter_count)),
        session_(std::move(session)),
        sql_(std::move(sql)) {}
  ~PostgresStatement() override { Discard(); }

  bool Drain(size_t limit = 0) override {
    while (state_ == State::kStreaming && (limit == 0 || buffered_.size() < limit)) FetchNext();
    return state_ != State::kStreaming;
  }


  Result<bool> Step() override {
    if (state_ == State::kReady) CANJE_RETURN_IF_ERROR(Send());
    while (buffered_.empty() && state_ == State::kStreaming) FetchNext();
    if (!buffered_.empty()) {
      current_ = std::move(buffered_.front());
      buffered_.pop_front();
      has_row_ = true;
      return true;
    }
    has_row_ = false;
    if (!failure_.ok()) return std::exchange(failure_, Status::Ok());
    return false;
  }

  bool IsNull(int column) const override {
    return !has_row_ || column < 0 || column >= static_cast<int>(current_.fields.size()) ||
           current_.fields[column].second < 0;
  }

  int64_t Int(int column) const override {
    if (IsNull(column)) return 0;
    const char* data = Data(column);
    switch (types_[column]) {
      case kInt8Oid: {
        uint64_t value;
        std::memcpy(&value, data, 8);
        return static_cast<int64_t>(be64toh(value));
      }
      case kInt4Oid: {
        uint32_t value;
        std::memcpy(&value, data, 4);
        return static_cast<int32_t>(ntohl(value));
      }
      case kInt2Oid: {
        uint16_t value;
        std::memcpy(&value, data, 2);
        return static_cast<int16_t>(ntohs(value));
      }
      case kBoolOid:
        return data[0] != 0;
      default:  // text-like: parse it, as SQLite would
        return std::strtoll(std::string(data, current_.fields[column].second).c_str(), nullptr, 10);
    }
  }

  std::string Text(int column) const override {
    if (IsNull(column)) return std::string();
    Oid type = types_[column];
    if (type == kInt8Oid || type == kInt4Oid || type == kInt2Oid || type == kBoolOid) {
      return std::to_string(Int(column));
    }
    return std::string(Data(column), current_.fields[column].second);
  }

  Bytes Blob(int column) const override {
    if (IsNull(column)) return Bytes();
    const auto* data = reinterpret_cast<const uint8_t*>(Data(column));
    return Bytes(data, data + current_.fields[column].second);
  }

  // Inside a transaction: queued in pipeline mode (see PostgresSession::batched), sent with up
  // to kBatchLimit - 1 others in one round trip.
  Status RunBatched() override {
    if (!session_->in_transaction) return Run();
    PGconn* connection = session_->PrimaryForBatch();
    session_->FlushBulk();
    if (connection == nullptr) return PostgresStatus(connection, nullptr, What(), session_->url);
    if (PQpipelineStatus(connection) == PQ_PIPELINE_OFF && !PQenterPipelineMode(connection)) {
      return PostgresStatus(connection, nullptr, What(), session_->url);
    }
    std::vector<const char*> values(values_.size());
    std::vector<int> lengths(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) {
      values[i] = values_[i] ? values_[i]->data() : nullptr;
      lengths[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
    }
    if (!PQsendQueryParams(connection, sql_.c_str(), static_cast<int>(values_.size()), nullptr,
                           values.data(), lengths.data(), formats_.data(), 1)) {
      Status failure = PostgresStatus(connection, nullptr, What(), session_->url);
      session_->FinishBatch();
      (void)session_->TakeBatchFailure();
      return failure;
    }
    session_->batched.push_back(What());
    Reset();
    if (session_->batched.size() >= kBatchLimit) {
      session_->FinishBatch();
      return session_->TakeBatchFailure();
    }
    return Status::Ok();
  }

  void Reset() override {
    Discard();
    ClearBindings();
  }

 private:
  enum class State { kReady, kStreaming, kFinished };

  Status Send() {
    link_ = session_->Choose();
    CANJE_RETURN_IF_ERROR(session_->TakeBatchFailure());
    PGconn* connection = link_->connection;
    std::vector<const char*> values(values_.size());
    std::vector<int> lengths(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) {
      values[i] = values_[i] ? values_[i]->data() : nullptr;
      lengths[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
    }
    if (connection == nullptr ||
        !PQsendQueryParams(connection, sql_.c_str(), static_cast<int>(values_.size()), nullptr,
                           values.data(), lengths.data(), formats_.data(), 1)) {
      return PostgresStatus(connection, nullptr, What(), session_->url);
    }
    // Rows arrive one result each; if single-row mode is refused they arrive all at once.
    (void)PQsetSingleRowMode(connection);
    link_->streaming = this;
    state_ = State::kStreaming;
    types_.clear();
    return Status::Ok();
  }

  // Reads the next result of the query in flight: rows go to buffered_, an error to failure_;
  // the end of the query releases the connection.
  void FetchNext() {
    PGconn* connection = link_->connection;
    ResultHandle result(connection ? PQgetResult(connection) : nullptr);
    if (!result) {
      state_ = State::kFinished;
      if (link_->streaming == this) link_->streaming = nullptr;
      if (connection == nullptr && failure_.ok()) {
        failure_ = Status::Unavailable("the connection to " + session_->url + " was closed");
      }
      return;
    }
    ExecStatusType status = PQresultStatus(result.get());
    if (status == PGRES_SINGLE_TUPLE || status == PGRES_TUPLES_OK) {
      Keep(result.get());
    } else if (status != PGRES_COMMAND_OK && failure_.ok()) {
      failure_ = PostgresStatus(connection, result.get(), What(), session_->url);
    }
  }

  void Keep(const PGresult* result) {
    int columns = PQnfields(result);
    if (types_.empty()) {
      for (int c = 0; c < columns; ++c) types_.push_back(PQftype(result, c));
    }
    for (int r = 0; r < PQntuples(result); ++r) {
      Row row;
      row.fields.reserve(columns);
      size_t size = 0;
      for (int c = 0; c < columns; ++c) size += PQgetlength(result, r, c);
      row.data.reserve(size);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result, r, c)) {
          row.fields.emplace_back(0, -1);
          continue;
        }
        int length = PQgetlength(result, r, c);
        row.fields.emplace_back(static_cast<int>(row.data.size()), length);
        row.data.append(PQgetvalue(result, r, c), length);
      }
      buffered_.push_back(std::move(row));
    }
  }

  // Drops whatever is left of the query: reads (and forgets) its remaining results.
  void Discard() {
    if (state_ == State::kStreaming) {
      PGconn* connection = link_->connection;
      while (connection != nullptr) {
        ResultHandle result(PQgetResult(connection));
        if (!result) break;
      }
      if (link_->streaming == this) link_->streaming = nullptr;
    }
    state_ = State::kReady;
    buffered_.clear();
    current_ = Row();
    has_row_ = false;
    failure_ = Status::Ok();
  }

  std::string What() const { return "database statement failed ('" + sql_.substr(0, 60) + "')"; }
  const char* Data(int column) const {
    return current_.data.data() + current_.fields[column].first;
  }

  std::shared_ptr<PostgresSession> session_;
  PostgresLink* link_ = nullptr;  // where the query in flight runs
  std::string sql_;
  State state_ = State::kReady;
  std::vector<Oid> types_;
  std::deque<Row> buffered_;  // rows read from the server, not yet stepped to
  Row current_;
  bool has_row_ = false;
  Status failure_;  // returned once the rows before it are stepped through
};

// A bulk insert (SqlConnection::PrepareBulkInsert): each row run is held in the session's
// HeldRows, written with the others before the transaction's next statement, when they grow
// past kHeldBytesLimit, or at Commit. Outside a transaction a row is written at once.
class PostgresBulkInsert : public BoundStatement {
 public:
  PostgresBulkInsert(std::shared_ptr<PostgresSession> session, std::shared_ptr<HeldRows> held)
      : BoundStatement(held->insert.columns.size()),
        session_(std::move(session)),
        held_(std::move(held)) {}


  // Writes the row at once: Run().
  Result<bool> Step() override {
    Hold();
    session_->FlushBulk();
    CANJE_RETURN_IF_ERROR(session_->TakeBatchFailure());
    return false;
  }
  bool IsNull(int) const override { return true; }
  int64_t Int(int) const override { return 0; }
  std::string Text(int) const override { return std::string(); }
  Bytes Blob(int) const override { return Bytes(); }
  void Reset() override { ClearBindings(); }

  Status RunBatched() override {
    if (!session_->in_transaction) return Run();
    Hold();
    Reset();
    if (session_->held_bytes >= kHeldBytesLimit) {
      session_->FlushBulk();
      return session_->TakeBatchFailure();
    }
    return Status::Ok();
  }

 private:
  // Adds the bound row to the held rows, after the writes queued before it.
  void Hold() {
    session_->PrimaryForBatch();
    session_->FinishBatch();
    HeldRows& held = *held_;
    size_t bytes = 0;
    if (held.insert.skip_existing) {
      for (size_t i = 0; i < values_.size(); ++i) {
        bytes += values_[i] ? values_[i]->size() : 0;
        held.values.push_back(values_[i]);
        held.formats.push_back(formats_[i]);
      }
    } else {
      const size_t before = held.copy.size();
      for (size_t i = 0; i < values_.size(); ++i) {
        if (i > 0) held.copy += '\t';
        if (!values_[i]) {
          held.copy += kCopyNull;
        } else if (formats_[i] == 1) {
          AppendCopyBytes(held.copy, AsBytes(*values_[i]));
        } else {
          AppendCopyText(held.copy, *values_[i]);
        }
      }
      held.copy += '\n';
      bytes = held.copy.size() - before;
    }
    ++held.rows;
    ++session_->held_rows;
    session_->held_bytes += bytes;
  }

  std::shared_ptr<PostgresSession> session_;
  std::shared_ptr<HeldRows> held_;
};

// A failure writing held rows, as a one-row INSERT's would read: without the CONTEXT line
// that names the line of the COPY data.
Status HeldRowsStatus(PGconn* connection, const PGresult* result, const HeldRows& held,
                      const std::string& url) {
  Status status = PostgresStatus(connection, result, held.what, url);
  std::string message = status.message();
  const size_t context = message.find("\nCONTEXT:");
  if (context == std::string::npos) return status;
  // The CONTEXT line ends the server's message; what PostgresStatus added after it stays.
  size_t end = message.find(" [SQLSTATE ", context);
  for (std::string_view after : {"; nothing of this command", " (another canje command"}) {
    end = std::min(end, message.find(after, context));
  }
  message.erase(context, end == std::string::npos ? std::string::npos : end - context);
  return Status(status.code(), message);
}

std::string ColumnList(const BulkInsert& insert) {
  std::string list;
  for (const std::string& column : insert.columns) list += (list.empty() ? "" : ", ") + column;
  return list;
}

// Writes `held` with COPY FROM STDIN (text format).
Status CopyHeldRows(PGconn* connection, const HeldRows& held, const std::string& url) {
  const std::string sql =
      "COPY " + held.insert.table + "(" + ColumnList(held.insert) + ") FROM STDIN";
  ResultHandle started(PQexec(connection, sql.c_str()));
  if (!started || PQresultStatus(started.get()) != PGRES_COPY_IN) {
    return HeldRowsStatus(connection, started.get(), held, url);
  }
  bool sent = true;
  for (size_t at = 0; sent && at < held.copy.size(); at += kCopyPiece) {
    const size_t size = std::min(kCopyPiece, held.copy.size() - at);
    sent = PQputCopyData(connection, held.copy.data() + at, static_cast<int>(size)) == 1;
  }
  sent = PQputCopyEnd(connection, sent ? nullptr : "the rows could not be sent") == 1 && sent;
  Status status;
  for (int results = 0;; ++results) {
    ResultHandle result(PQgetResult(connection));
    if (!result) break;
    const ExecStatusType state = PQresultStatus(result.get());
    if (state != PGRES_COMMAND_OK && status.ok()) {
      status = HeldRowsStatus(connection, result.get(), held, url);
    }
    // A connection that cannot end the copy keeps answering COPY_IN: give up on it.
    if (state == PGRES_COPY_IN || PQstatus(connection) == CONNECTION_BAD || results > 8) break;
  }
  if (!sent && status.ok()) status = HeldRowsStatus(connection, nullptr, held, url);
  return status;
}

// Writes `held` (skip_existing) with multi-row INSERTs ... ON CONFLICT DO NOTHING.
Status InsertHeldRows(PGconn* connection, const HeldRows& held, const std::string& url) {
  const size_t columns = held.insert.columns.size();
  const size_t per_insert = std::max<size_t>(1, std::min(kRowsPerInsert, kMaxParameters / columns));
  for (size_t first = 0; first < held.rows; first += per_insert) {
    const size_t rows = std::min(per_insert, held.rows - first);
    std::string sql = "INSERT INTO " + held.insert.table + "(" + ColumnList(held.insert) +
                      ") VALUES";
    int number = 0;
    for (size_t r = 0; r < rows; ++r) {
      sql += r == 0 ? "(" : ", (";
      for (size_t c = 0; c < columns; ++c) sql += (c == 0 ? "$" : ", $") + std::to_string(++number);
      sql += ")";
    }
    sql += " ON CONFLICT DO NOTHING";
    std::vector<const char*> values(rows * columns);
    std::vector<int> lengths(rows * columns);
    for (size_t i = 0; i < values.size(); ++i) {
      const std::optional<std::string>& value = held.values[first * columns + i];
      values[i] = value ? value->data() : nullptr;
      lengths[i] = value ? static_cast<int>(value->size()) : 0;
    }
    ResultHandle result(PQexecParams(connection, sql.c_str(), number, nullptr, values.data(),
                                     lengths.data(), held.formats.data() + first * columns, 1));
    if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      return HeldRowsStatus(connection, result.get(), held, url);
    }
  }
  return Status::Ok();
}

void IgnoreNotice(void*, const char*) {}

// Collects the server's notices on a connection while it lives (VACUUM VERBOSE's report), then
// ignores them again.
class NoticeCollector {
 public:
  explicit NoticeCollector(PGconn* connection) : connection_(connection) {
    PQsetNoticeProcessor(connection_, &NoticeCollector::Collect, &text_);
  }
  ~NoticeCollector() { PQsetNoticeProcessor(connection_, IgnoreNotice, nullptr); }
  NoticeCollector(const NoticeCollector&) = delete;
  NoticeCollector& operator=(const NoticeCollector&) = delete;
  const std::string& text() const { return text_; }

 private:
  static void Collect(void* text, const char* message) {
    static_cast<std::string*>(text)->append(message);
  }
  PGconn* connection_;
  std::string text_;
};

// True when a VACUUM (FULL, VERBOSE) report says a table kept dead row versions that another
// transaction may still see ("N dead row versions cannot be removed yet", N > 0): their bytes
// are then copied into the rewritten table.
bool KeptDeadRowVersions(const std::string& report) {
  constexpr std::string_view kKept = " dead row versions cannot be removed yet";
  for (size_t at = report.find(kKept); at != std::string::npos;
       at = report.find(kKept, at + kKept.size())) {
    size_t digits = at;
    while (digits > 0 && report[digits - 1] >= '0' && report[digits - 1] <= '9') --digits;
    if (digits == at) continue;
    if (report.substr(digits, at - digits).find_first_not_of('0') != std::string::npos) {
      return true;
    }
  }
  return false;
}

// How often, and how far apart, Checkpoint rewrites the tables again while another transaction
// keeps the old row versions alive (an autovacuum ANALYZE, another server's read).
constexpr int kCompactionAttempts = 20;
constexpr std::chrono::milliseconds kCompactionPause{500};

std::string SessionSettings(const PostgresOptions& options) {
  return "SET lock_timeout = " + std::to_string(options.lock_timeout_ms) +
         "; SET client_min_messages = warning; SET standard_conforming_strings = on";
}

}  // namespace

std::string NumberPlaceholders(std::string_view sql, int& count) {
  std::string out;
  out.reserve(sql.size() + 16);
  count = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {  // literal or quoted identifier: copy to its closing quote
      size_t end = i + 1;
      while (end < sql.size()) {
        if (sql[end] == c) {
          if (end + 1 < sql.size() && sql[end + 1] == c) {
            end += 2;  // doubled quote inside
            continue;
          }
          break;
        }
        ++end;
      }
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size() - 1;
      out.append(sql.substr(i, end - i + 1));
      i = end;
    } else if (c == '?') {
      out += '$' + std::to_string(++count);
    } else {
      out += c;
    }
  }
  return out;
}

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::Open(
    const PostgresOptions& options) {
  std::string url = RedactedUrl(options.url);
  PGconn* connection = PQconnectdb(options.url.c_str());
  if (connection == nullptr) return Status::Internal("out of memory connecting to " + url);
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string detail = Trimmed(PQerrorMessage(connection));
    PQfinish(connection);
    if (detail.find("does not exist") != std::string::npos &&
        detail.find("database") != std::string::npos) {
      return Status::NotFound("no PostgreSQL database at " + url + ": " + detail +
                              "; create it with `createdb`, then `canje init --db URL`");
    }
    return Status::Unavailable("the PostgreSQL database at " + url +
                               " is unavailable (cannot connect): " + detail +
                               "; check that the server runs and the URL is right, then retry");
  }
  PQsetNoticeProcessor(connection, IgnoreNotice, nullptr);
  auto session = std::make_shared<PostgresSession>();
  session->options = options;
  session->url = url;
  session->links.push_back(std::make_unique<PostgresLink>());
  session->links[0]->connection = connection;
  std::unique_ptr<PostgresConnection> opened(new PostgresConnection(std::move(session)));
  CANJE_RETURN_IF_ERROR(opened->Execute(SessionSettings(options)));
  return opened;
}

PGconn* PostgresSession::Primary() {
  PGconn* connection = PrimaryForBatch();
  FlushBulk();
  FinishBatch();
  return connection;
}

void PostgresSession::FlushBulk() {
  if (held_rows == 0) return;
  FinishBatch();
  PGconn* connection = links[0]->connection;
  for (const std::shared_ptr<HeldRows>& held : bulk) {
    if (held->rows == 0) continue;
    if (batch_failure.ok()) {
      if (connection == nullptr) {
        batch_failure = PostgresStatus(connection, nullptr, held->what, url);
      } else {
        Status written = held->insert.skip_existing ? InsertHeldRows(connection, *held, url)
                                                    : CopyHeldRows(connection, *held, url);
        if (!written.ok()) batch_failure = written;
      }
    }
    held->Clear();
  }
  held_rows = 0;
  held_bytes = 0;
}

void PostgresSession::DropBulk() {
  for (const std::shared_ptr<HeldRows>& held : bulk) held->Clear();
  held_rows = 0;
  held_bytes = 0;
}

PGconn* PostgresSession::PrimaryForBatch() {
  PostgresLink& primary = *links[0];
  if (primary.streaming != nullptr) primary.streaming->Drain();
  return primary.connection;
}

void PostgresSession::FinishBatch() {
  if (batched.empty()) return;
  std::vector<std::string> queued = std::exchange(batched, {});
  PGconn* connection = links[0]->connection;
  Status failure;
  if (connection == nullptr || !PQpipelineSync(connection)) {
    failure = PostgresStatus(connection, nullptr, "sending a batch of writes", url);
  } else {
    // Each queued write yields its result then a null; after a failure the rest yield
    // PGRES_PIPELINE_ABORTED. The sync point ends the batch.
    size_t nulls = 0;
    size_t next = 0;  // the queued write whose result comes next
    while (true) {
      ResultHandle result(PQgetResult(connection));
      if (!result) {
        ++next;
        if (++nulls > queued.size() + 1 || PQstatus(connection) == CONNECTION_BAD) {
          if (failure.ok()) failure = PostgresStatus(connection, nullptr, "a batch of writes", url);
          break;
        }
        continue;
      }
      ExecStatusType status = PQresultStatus(result.get());
      if (status == PGRES_PIPELINE_SYNC) break;
      if (status == PGRES_FATAL_ERROR && failure.ok()) {
        failure = PostgresStatus(connection, result.get(),
                                 next < queued.size() ? queued[next] : "a batch of writes", url);
      }
    }
  }
  if (connection != nullptr) (void)PQexitPipelineMode(connection);
  if (!failure.ok() && batch_failure.ok()) batch_failure = failure;
}

PostgresLink* PostgresSession::Choose() {
  PostgresLink* primary = links[0].get();
  // Inside a transaction everything runs in it; a short read in flight is simply finished.
  if (primary->streaming == nullptr || in_transaction || options.second_connection_after <= 0 ||
      primary->streaming->Drain(options.second_connection_after)) {
    Primary();
    return primary;
  }
  // A long read outside a transaction (each statement is then its own snapshot): the new
  // statement runs on a second connection, so that neither read is held in memory whole.
  for (size_t i = 1; i < links.size(); ++i) {
    if (links[i]->streaming == nullptr && links[i]->connection != nullptr) return links[i].get();
  }
  if (links.size() < 2) {
    PGconn* spare = PQconnectdb(options.url.c_str());
    ResultHandle settings(spare && PQstatus(spare) == CONNECTION_OK
                              ? PQexec(spare, SessionSettings(options).c_str())
                              : nullptr);
    if (settings && PQresultStatus(settings.get()) == PGRES_COMMAND_OK) {
      PQsetNoticeProcessor(spare, IgnoreNotice, nullptr);
      links.push_back(std::make_unique<PostgresLink>());
      links.back()->connection = spare;
      return links.back().get();
    }
    PQfinish(spare);  // no second connection: buffer the first read instead
  }
  Primary();
  return primary;
}

PostgresConnection::PostgresConnection(std::shared_ptr<PostgresSession> session)
    : session_(std::move(session)) {}

PostgresConnection::~PostgresConnection() {
  for (auto& link : session_->links) {
    if (link->streaming != nullptr) link->streaming->Drain();
    PQfinish(link->connection);
    link->connection = nullptr;
  }
}

pg_conn* PostgresConnection::handle() { return session_->Primary(); }

int PostgresConnection::connections_open() const {
  return static_cast<int>(session_->links.size());
}

Status PostgresConnection::Execute(std::string_view sql) {
  PGconn* connection = handle();
  CANJE_RETURN_IF_ERROR(session_->TakeBatchFailure());
  ResultHandle result(PQexec(connection, std::string(sql).c_str()));
  ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return PostgresStatus(connection, result.get(), "database command failed", session_->url);
  }
  return Status::Ok();
}

Result<std::unique_ptr<SqlStatement>> PostgresConnection::Prepare(std::string_view sql) {
  int count = 0;
  std::string numbered = NumberPlaceholders(sql, count);
  return std::unique_ptr<SqlStatement>(new PostgresStatement(session_, numbered, count));
}

Result<std::unique_ptr<SqlStatement>> PostgresConnection::PrepareBulkInsert(
    const BulkInsert& insert) {
  if (insert.columns.empty()) return Status::Internal("a bulk insert into " + insert.table +
                                                      " names no column");
  // Bulk inserts whose statements are gone and that hold nothing are forgotten.
  std::erase_if(session_->bulk, [](const std::shared_ptr<HeldRows>& held) {
    return held.use_count() == 1 && held->rows == 0;
  });
  auto held = std::make_shared<HeldRows>();
  held->insert = insert;
  held->what = "database statement failed ('" + insert.Sql().substr(0, 60) + "')";
  session_->bulk.push_back(held);
  return std::unique_ptr<SqlStatement>(new PostgresBulkInsert(session_, std::move(held)));
}

Status PostgresConnection::BeginWrite() {
  CANJE_RETURN_IF_ERROR(Execute("BEGIN ISOLATION LEVEL READ COMMITTED"));
  session_->in_transaction = true;
  Status locked = Execute("SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")");
  if (!locked.ok()) (void)Rollback();
  return locked;
}

Status PostgresConnection::BeginRead() {
  CANJE_RETURN_IF_ERROR(Execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  session_->in_transaction = true;
  return Status::Ok();
}

Status PostgresConnection::Commit() {
  // A queued write that failed fails the commit, and the transaction is rolled back.
  session_->Primary();
  Status failure = session_->TakeBatchFailure();
  if (!failure.ok()) {
    (void)Rollback();
    return failure;
  }
  session_->in_transaction = false;
  return Execute("COMMIT");
}

Status PostgresConnection::Checkpoint() {
  PGconn* connection = handle();
  ResultHandle tables(PQexec(connection,
                             "SELECT string_agg(format('%I.%I', schemaname, tablename), ', ' "
                             "ORDER BY tablename) FROM pg_tables "
                             "WHERE schemaname = current_schema() AND tableowner = current_user"));
  if (!tables || PQresultStatus(tables.get()) != PGRES_TUPLES_OK) {
    return PostgresStatus(connection, tables.get(), "listing the tables to compact", session_->url);
  }
  if (PQntuples(tables.get()) != 1 || PQgetisnull(tables.get(), 0, 0)) return Status::Ok();
  std::string list = PQgetvalue(tables.get(), 0, 0);
  for (int attempt = 1;; ++attempt) {
    NoticeCollector report(connection);
    Status compacted = Execute("VACUUM (FULL, VERBOSE) " + list);
    if (!compacted.ok()) {
      return Status(compacted.code(),
                    "the change is committed, but the tables could not be rewritten (VACUUM FULL) "
                    "to drop the old row versions, which still hold the erased or re-wrapped "
                    "keys: " +
                        compacted.message() +
                        "; run `VACUUM (FULL)` on the database as its owner (psql) once other "
                        "commands are done");
    }
    if (!KeptDeadRowVersions(report.text())) return Status::Ok();
    if (attempt == kCompactionAttempts) {
      return Status::Unavailable(
          "the change is committed, but another transaction on the database still sees the old "
          "row versions, which hold the erased or re-wrapped keys, so the rewritten tables kept "
          "them; run `VACUUM (FULL)` on the database as its owner (psql) once other commands are "
          "done");
    }
    std::this_thread::sleep_for(kCompactionPause);
  }
}

Status PostgresConnection::Rollback() {
  session_->in_transaction = false;
  session_->DropBulk();
  PGconn* connection = handle();
  (void)session_->TakeBatchFailure();  // the whole transaction is undone anyway
  if (PQtransactionStatus(connection) == PQTRANS_IDLE) return Status::Ok();
  return Execute("ROLLBACK");
}

}  // namespace canje::store
