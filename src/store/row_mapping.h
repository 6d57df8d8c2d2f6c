// A store table described once: its name and its columns, each mapped to a member of the row
// struct with the way the value is stored. From the description come the SELECT column list, the
// reading of a row into the struct, and the INSERT statement with its binds, for the domain
// tables of store/<domain>_tables.cc (version_id: a parent column, see RowTable):
//
//   const RowTable<TransferRow> kProposalTransferTable{"proposal_transfers", "version_id", {
//       Column("person_id", &TransferRow::person_id),
//       Column("from_party", &TransferRow::from_party),
//       ...
//       Column("unconditional", &TransferRow::unconditional)}};   // a bool, stored as 0 or 1
//
// Column() stores int64_t and bool as INTEGER, std::string as TEXT, Bytes as BLOB, and
// std::optional<int64_t> and std::optional<bool> as INTEGER or NULL; IdOrNull, Decimal, Sealed
// and BarJoined name the other ways a value is stored. What an INSERT writes instead of the
// member is said on the column: InsertNow() and InsertActor() / InsertActorParty() take the
// write transaction's time and acting user or party, and WrittenAtBy("added", ...) names the
// usual pair of both (added_at, added_by); InsertEmpty() writes '' (or 0), for the
// clear column of a value kept only sealed (schema 10) and for a value set later (revoked_at);
// NotInserted() leaves the column out of the INSERT, at its default until an UPDATE sets it (a
// person's erasure and merge). Anything else (partial UPDATEs,
// computed columns, joins) stays explicit SQL through sql_query.h.
//
// The schema itself is not generated from these descriptions: migrations are frozen text
// (migrations.cc). A new column takes a new migration (ALTER TABLE ... ADD COLUMN), a member of
// the row struct and a line here; `canje migrate` (store_copy.cc) finds it in the database's
// catalogue. docs/architecture.md, "The store's tables", counts the places.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/encoding.h"
#include "core/status.h"
#include "core/text.h"
#include "store/sql_query.h"
#include "store/store.h"

namespace canje::store {

// Where an INSERT takes a column's value from (kOmitted: not written by the INSERT at all; the
// column keeps its default until a later UPDATE sets it).
enum class InsertedValue { kMember, kEmpty, kNow, kActor, kActorParty, kOmitted };

template <typename Row>
struct RowColumn {
  std::string name;
  // Reads column `index` of the current row into its member.
  std::function<void(Row&, const SqlStatement&, int)> read;
  // Binds the member as parameter `index`.
  std::function<void(const Row&, SqlStatement&, int)> bind;
  bool is_int = false;  // InsertEmpty writes 0 rather than ''
  InsertedValue inserted = InsertedValue::kMember;

  RowColumn InsertEmpty() && { return With(InsertedValue::kEmpty); }
  RowColumn InsertNow() && { return With(InsertedValue::kNow); }
  RowColumn InsertActor() && { return With(InsertedValue::kActor); }
  RowColumn InsertActorParty() && { return With(InsertedValue::kActorParty); }
  RowColumn NotInserted() && { return With(InsertedValue::kOmitted); }

 private:
  RowColumn With(InsertedValue value) {
    RowColumn column = std::move(*this);
    column.inserted = value;
    return column;
  }
};

// A column with its own reading and binding (a value stored in a form of its own).
template <typename Row>
RowColumn<Row> Custom(std::string_view name,
                      std::function<void(Row&, const SqlStatement&, int)> read,
                      std::function<void(const Row&, SqlStatement&, int)> bind) {
  return {std::string(name), std::move(read), std::move(bind)};
}

template <typename Row, typename T>
RowColumn<Row> Column(std::string_view name, T Row::*member) {
  if constexpr (std::is_same_v<T, int64_t>) {
    RowColumn<Row> column = Custom<Row>(
        name, [member](Row& row, const SqlStatement& s, int i) { row.*member = s.Int(i); },
        [member](const Row& row, SqlStatement& s, int i) { s.BindInt(i, row.*member); });
    column.is_int = true;
    return column;
  } else if constexpr (std::is_same_v<T, bool>) {
    RowColumn<Row> column = Custom<Row>(
        name, [member](Row& row, const SqlStatement& s, int i) { row.*member = s.Int(i) != 0; },
        [member](const Row& row, SqlStatement& s, int i) { s.BindInt(i, row.*member ? 1 : 0); });
    column.is_int = true;
    return column;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return Custom<Row>(
        name, [member](Row& row, const SqlStatement& s, int i) { row.*member = s.Text(i); },
        [member](const Row& row, SqlStatement& s, int i) { s.BindText(i, row.*member); });
  } else if constexpr (std::is_same_v<T, Bytes>) {
    return Custom<Row>(
        name, [member](Row& row, const SqlStatement& s, int i) { row.*member = s.Blob(i); },
        [member](const Row& row, SqlStatement& s, int i) { s.BindBlob(i, row.*member); });
  } else if constexpr (std::is_same_v<T, std::optional<bool>>) {
    return Custom<Row>(
        name,
        [member](Row& row, const SqlStatement& s, int i) {
          row.*member = s.IsNull(i) ? std::nullopt : std::optional<bool>(s.Int(i) != 0);
        },
        [member](const Row& row, SqlStatement& s, int i) {
          if (row.*member) {
            s.BindInt(i, *(row.*member) ? 1 : 0);
          } else {
            s.BindNull(i);
          }
        });
  } else if constexpr (std::is_same_v<T, std::optional<int64_t>>) {
    return Custom<Row>(
        name,
        [member](Row& row, const SqlStatement& s, int i) {
          row.*member = s.IsNull(i) ? std::nullopt : std::optional<int64_t>(s.Int(i));
        },
        [member](const Row& row, SqlStatement& s, int i) {
          if (row.*member) {
            s.BindInt(i, *(row.*member));
          } else {
            s.BindNull(i);
          }
        });
  } else {
    static_assert(sizeof(T) == 0, "no column kind for this member type: use Custom");
  }
}

// An id where 0 means none: stored as NULL.
template <typename Row>
RowColumn<Row> IdOrNull(std::string_view name, int64_t Row::*member) {
  RowColumn<Row> column = Custom<Row>(
      name, [member](Row& row, const SqlStatement& s, int i) { row.*member = s.Int(i); },
      [member](const Row& row, SqlStatement& s, int i) {
        if (row.*member == 0) {
          s.BindNull(i);
        } else {
          s.BindInt(i, row.*member);
        }
      });
  column.is_int = true;
  return column;
}

// A member stored as text: `to_text` writes it, `from_text` reads the column back.
template <typename Row, typename T, typename ToText, typename FromText>
RowColumn<Row> StoredAsText(std::string_view name, T Row::*member, ToText to_text,
                            FromText from_text) {
  return Custom<Row>(
      name,
      [member, from_text](Row& row, const SqlStatement& s, int i) {
        row.*member = from_text(s.Text(i));
      },
      [member, to_text](const Row& row, SqlStatement& s, int i) {
        s.BindText(i, to_text(row.*member));
      });
}

// A double stored as decimal text that reads back to the same value (core/text.h
// ExactNumberText).
double DecimalValue(const std::string& text);
template <typename Row>
RowColumn<Row> Decimal(std::string_view name, double Row::*member) {
  return StoredAsText(name, member, ExactNumberText, DecimalValue);
}

// Sealed bytes (sql_query.h BindSealed / ReadSealed): empty is NULL.
template <typename Row>
RowColumn<Row> Sealed(std::string_view name, Bytes Row::*member) {
  return Custom<Row>(
      name, [member](Row& row, const SqlStatement& s, int i) { row.*member = ReadSealed(s, i); },
      [member](const Row& row, SqlStatement& s, int i) { BindSealed(s, i, row.*member); });
}

// Texts joined with '|' (none of them holds one); "" is none. (SplitBarJoined is also declared in
// execution_tables.h, for the instance's reading of the clear columns of older stores.)
std::string JoinBarJoined(const std::vector<std::string>& parts);
std::vector<std::string> SplitBarJoined(const std::string& text);
template <typename Row>
RowColumn<Row> BarJoined(std::string_view name, std::vector<std::string> Row::*member) {
  return StoredAsText(name, member, JoinBarJoined, SplitBarJoined);
}

// An entry of a table's description: one column, or a group of columns that go together
// (WrittenAtBy, SetLaterAtBy), listed in the table's order.
template <typename Row>
struct RowColumns {
  RowColumns(RowColumn<Row> column) { columns.push_back(std::move(column)); }  // NOLINT: implicit
  explicit RowColumns(std::vector<RowColumn<Row>> group) : columns(std::move(group)) {}
  std::vector<RowColumn<Row>> columns;
};

// `<prefix>_at` and `<prefix>_by`, stamped by the INSERT with the write transaction's time and
// acting user: when and by whom the row was written ("added" for added_at, added_by).
template <typename Row>
RowColumns<Row> WrittenAtBy(std::string_view prefix, std::string Row::*at, std::string Row::*by) {
  std::string name(prefix);
  return RowColumns<Row>(std::vector<RowColumn<Row>>{Column(name + "_at", at).InsertNow(),
                                                     Column(name + "_by", by).InsertActor()});
}

// `<prefix>_at` and `<prefix>_by`, inserted empty and set by a later UPDATE: when and by whom
// the row was ended ("revoked" for revoked_at, revoked_by).
template <typename Row>
RowColumns<Row> SetLaterAtBy(std::string_view prefix, std::string Row::*at, std::string Row::*by) {
  std::string name(prefix);
  return RowColumns<Row>(std::vector<RowColumn<Row>>{Column(name + "_at", at).InsertEmpty(),
                                                     Column(name + "_by", by).InsertEmpty()});
}

template <typename Row>
class RowTable {
 public:
  RowTable(std::string_view name, std::initializer_list<RowColumns<Row>> columns)
      : RowTable(name, "", columns) {}
  // `parent`: a first column the row struct does not hold (the proposal version of a transfer),
  // given to InsertRows and named in the caller's WHERE.
  RowTable(std::string_view name, std::string_view parent,
           std::initializer_list<RowColumns<Row>> columns)
      : name_(name), parent_(parent) {
    for (const RowColumns<Row>& entry : columns) {
      columns_.insert(columns_.end(), entry.columns.begin(), entry.columns.end());
    }
    std::string inserted(parent_);
    std::string placeholders(parent_.empty() ? "" : "?");
    for (const RowColumn<Row>& column : columns_) {
      if (!select_list_.empty()) select_list_ += ", ";
      select_list_ += column.name;
      if (column.inserted == InsertedValue::kOmitted) continue;
      if (!inserted.empty()) {
        inserted += ", ";
        placeholders += ", ";
      }
      inserted += column.name;
      placeholders += "?";
      bulk_.columns.emplace_back(column.name);
    }
    insert_ = "INSERT INTO " + name_ + "(" + inserted + ") VALUES(" + placeholders + ")";
    if (!parent_.empty()) bulk_.columns.insert(bulk_.columns.begin(), std::string(parent_));
    bulk_.table = name_;
  }

  const std::string& name() const { return name_; }
  // Every column, in order, each prefixed with `alias` and a dot when given ("p.id, p.sex, ..."),
  // for a SELECT that joins the table under an alias; Read() reads them.
  std::string Columns(std::string_view alias) const {
    std::string list;
    for (const RowColumn<Row>& column : columns_) {
      if (!list.empty()) list += ", ";
      list += std::string(alias) + "." + std::string(column.name);
    }
    return list;
  }
  // "SELECT <every column> FROM <table> <rest>"; `rest` is the WHERE and ORDER BY.
  std::string Select(std::string_view rest) const {
    return "SELECT " + select_list_ + " FROM " + name_ + (rest.empty() ? "" : " ") +
           std::string(rest);
  }
  const std::string& Insert() const { return insert_; }
  // The same INSERT as a bulk insert (SqlConnection::PrepareBulkInsert), bound by Bind().
  const BulkInsert& Bulk() const { return bulk_; }
  // The INSERT, and when the row's `key` is there already, an update of every other column (or
  // only of `updated`).
  std::string Upsert(const std::vector<std::string_view>& key,
                     const std::vector<std::string_view>& updated = {}) const {
    std::string conflict;
    for (std::string_view column : key) {
      conflict += (conflict.empty() ? "" : ", ") + std::string(column);
    }
    std::string set;
    for (const RowColumn<Row>& column : columns_) {
      bool is_key = std::find(key.begin(), key.end(), column.name) != key.end();
      bool wanted = updated.empty() ||
                    std::find(updated.begin(), updated.end(), column.name) != updated.end();
      if (is_key || !wanted || column.inserted == InsertedValue::kOmitted) continue;
      std::string name(column.name);
      set += (set.empty() ? "" : ", ") + name + " = excluded." + name;
    }
    return insert_ + " ON CONFLICT(" + conflict + ") DO UPDATE SET " + set;
  }

  Row Read(const SqlStatement& statement) const {
    Row row;
    for (size_t i = 0; i < columns_.size(); ++i) {
      columns_[i].read(row, statement, static_cast<int>(i));
    }
    return row;
  }

  // Binds the parameters of Insert() / Upsert(): `parent` first when the table has one, then
  // every column, from the row or from the write transaction as its description says.
  void Bind(SqlStatement& statement, const Row& row, const WriteTransaction& transaction,
            int64_t parent = 0) const {
    int index = 1;
    if (!parent_.empty()) statement.BindInt(index++, parent);
    for (const RowColumn<Row>& column : columns_) {
      switch (column.inserted) {
        case InsertedValue::kMember:
          column.bind(row, statement, index);
          break;
        case InsertedValue::kEmpty:
          if (column.is_int) {
            statement.BindInt(index, 0);
          } else {
            statement.BindText(index, "");
          }
          break;
        case InsertedValue::kNow:
          statement.BindText(index, transaction.now());
          break;
        case InsertedValue::kActor:
          statement.BindText(index, transaction.actor().user);
          break;
        case InsertedValue::kActorParty:
          statement.BindText(index, transaction.actor().party);
          break;
        case InsertedValue::kOmitted:
          continue;  // not a parameter of the INSERT
      }
      ++index;
    }
  }

 private:
  std::string name_;
  std::string parent_;
  std::vector<RowColumn<Row>> columns_;
  std::string select_list_;
  std::string insert_;
  BulkInsert bulk_;
};

// The rows of `table.Select(rest)`, `bind` binding the parameters of `rest`.
template <typename Row, typename Bind>
Result<std::vector<Row>> SelectRows(SqlConnection& connection, const RowTable<Row>& table,
                                    std::string_view rest, Bind bind) {
  return QueryAll<Row>(connection, table.Select(rest), bind,
                       [&table](const SqlStatement& s) { return table.Read(s); });
}

template <typename Row, typename Bind>
Result<std::optional<Row>> SelectRow(SqlConnection& connection, const RowTable<Row>& table,
                                     std::string_view rest, Bind bind) {
  return QueryOne<Row>(connection, table.Select(rest), bind,
                       [&table](const SqlStatement& s) { return table.Read(s); });
}

// Runs `sql` (table.Insert() by default, or an Upsert()) for `row` in the transaction.
template <typename Row>
Status InsertRow(WriteTransaction& transaction, const RowTable<Row>& table, const Row& row,
                 std::string_view sql = {}) {
  return Execute(transaction.store().connection(), sql.empty() ? table.Insert() : sql,
                 [&](SqlStatement& s) { table.Bind(s, row, transaction); });
}

// Inserts `row` under the next id of `table` (NextRowId: max(id) + 1, or 1) in place of the
// row's own `id`, and returns that id. For the tables whose row struct holds its id as `id`.
template <typename Row>
Result<int64_t> InsertWithNextId(WriteTransaction& transaction, const RowTable<Row>& table,
                                 Row row) {
  CANJE_ASSIGN_OR_RETURN(row.id, NextRowId(transaction.store().connection(), table.name()));
  CANJE_RETURN_IF_ERROR(InsertRow(transaction, table, row));
  return row.id;
}

// Inserts `rows` (each under `parent`, for a table with a parent column), prepared once.
template <typename Row>
Status InsertRows(WriteTransaction& transaction, const RowTable<Row>& table,
                  const std::vector<Row>& rows, int64_t parent = 0) {
  return ExecuteEach(
      transaction.store().connection(), table.Insert(), rows,
      [&](SqlStatement& s, const Row& row) { table.Bind(s, row, transaction, parent); });
}

}  // namespace canje::store
