// Small helpers to run a statement and read its rows, for the store's *.cc files (tables of
// each domain live in their own store/<domain>_tables.cc and use these).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/status.h"
#include "store/sql_connection.h"

namespace canje::store {

// Runs `sql` with `bind` applied and calls `read` on every row.
template <typename Bind, typename Read>
Status Query(SqlConnection& connection, std::string_view sql, Bind bind, Read read) {
  CANJE_ASSIGN_OR_RETURN(auto statement, connection.Prepare(sql));
  bind(*statement);
  while (true) {
    CANJE_ASSIGN_OR_RETURN(bool has_row, statement->Step());
    if (!has_row) return Status::Ok();
    CANJE_RETURN_IF_ERROR(read(*statement));
  }
}

template <typename Row, typename Bind, typename Read>
Result<std::vector<Row>> QueryAll(SqlConnection& connection, std::string_view sql, Bind bind,
                                  Read read) {
  std::vector<Row> rows;
  CANJE_RETURN_IF_ERROR(Query(connection, sql, bind, [&](const SqlStatement& row) {
    rows.push_back(read(row));
    return Status::Ok();
  }));
  return rows;
}

template <typename Row, typename Bind, typename Read>
Result<std::optional<Row>> QueryOne(SqlConnection& connection, std::string_view sql, Bind bind,
                                    Read read) {
  CANJE_ASSIGN_OR_RETURN(std::vector<Row> rows, QueryAll<Row>(connection, sql, bind, read));
  if (rows.empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows.front()));
}

// Runs a statement that returns no rows (an INSERT, UPDATE or DELETE) with `bind(statement)`.
template <typename Bind>
Status Execute(SqlConnection& connection, std::string_view sql, Bind bind) {
  CANJE_ASSIGN_OR_RETURN(auto statement, connection.Prepare(sql));
  bind(*statement);
  return statement->Run();
}

// Runs `sql` once for each of `items`, with `bind(statement, item)`: prepared once.
template <typename Items, typename Bind>
Status ExecuteEach(SqlConnection& connection, std::string_view sql, const Items& items,
                   Bind bind) {
  CANJE_ASSIGN_OR_RETURN(auto statement, connection.Prepare(sql));
  for (const auto& item : items) {
    bind(*statement, item);
    CANJE_RETURN_IF_ERROR(statement->Run());
  }
  return Status::Ok();
}

inline auto NoBind() {
  return [](SqlStatement&) {};
}

// Binds one parameter by its type: integers as INTEGER (bool as 0 or 1), texts as TEXT, bytes
// (Bytes, ByteView, a hash's array) as BLOB, std::nullopt or an empty optional as NULL.
template <typename T>
void BindParam(SqlStatement& statement, int index, const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    statement.BindInt(index, value ? 1 : 0);
  } else if constexpr (std::is_integral_v<T>) {
    statement.BindInt(index, static_cast<int64_t>(value));
  } else if constexpr (std::is_same_v<T, std::nullopt_t>) {
    statement.BindNull(index);
  } else if constexpr (requires { value.has_value(); *value; }) {
    if (value.has_value()) {
      BindParam(statement, index, *value);
    } else {
      statement.BindNull(index);
    }
  } else if constexpr (std::is_convertible_v<const T&, ByteView>) {
    statement.BindBlob(index, value);
  } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    statement.BindText(index, value);
  } else {
    static_assert(sizeof(T) == 0, "no parameter kind for this type: bind it by hand");
  }
}

// The binder of a statement whose parameters are `values`, in order (?1, ?2, ...), each bound
// by BindParam. The values are copied (a view stays a view), so the binder may outlive its
// arguments:
//
//   QueryOne<int64_t>(connection, "SELECT count(*) FROM holds WHERE person_id = ?",
//                     Params(person_id), [](const SqlStatement& row) { return row.Int(0); });
template <typename... Values>
auto Params(Values... values) {
  return [=](SqlStatement& statement) {
    int index = 1;
    (BindParam(statement, index++, values), ...);
  };
}

// The next id of `table`'s integer `id` column: max(id) + 1, or 1 when the table is empty. Safe
// inside a write transaction, which serialises writers.
inline Result<int64_t> NextRowId(SqlConnection& connection, std::string_view table) {
  CANJE_ASSIGN_OR_RETURN(
      auto next,
      QueryOne<int64_t>(connection, "SELECT coalesce(max(id), 0) + 1 FROM " + std::string(table),
                        NoBind(), [](const SqlStatement& row) { return row.Int(0); }));
  return next.value_or(1);
}

// Sealed columns (schema 10): an empty value is NULL.
inline void BindSealed(SqlStatement& statement, int index, ByteView sealed) {
  if (sealed.empty()) {
    statement.BindNull(index);
  } else {
    statement.BindBlob(index, sealed);
  }
}
inline Bytes ReadSealed(const SqlStatement& row, int column) {
  return row.IsNull(column) ? Bytes() : row.Blob(column);
}

// A text given in the clear where only its sealed form may be stored: a programming error that
// would leave a value in the clear (docs/security.md).
inline Status RequireSealed(std::string_view clear, ByteView sealed, std::string_view what) {
  if (!clear.empty() && sealed.empty()) {
    return Status::Internal(std::string(what) + " must be sealed before it is stored");
  }
  return Status::Ok();
}

}  // namespace canje::store
