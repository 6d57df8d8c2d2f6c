// How a command that lists rows prints them: the same rows as a JSON array with --json, as a
// table on the terminal otherwise.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "cli/table.h"
#include "core/json_array.h"

namespace canje::cli {

// One row of a table: its cells, in the order of the headings.
using TableCells = std::vector<std::string>;

// With --json, prints the array of `to_json(row)` for each of `rows` (core/json_array.h).
// Else prints a table with `headings` and `to_cells(row)` (a TableCells) for each row; when
// there are no rows and `if_none` is not empty, prints the line `if_none` in its place.
template <typename Rows, typename ToJson, typename ToCells>
void PrintRows(CommandContext& context, const Rows& rows, ToJson to_json,
               std::vector<std::string> headings, ToCells to_cells,
               const std::string& if_none = "") {
  if (context.global.json) {
    context.out << JsonArrayOf(rows, to_json).dump(2) << '\n';
    return;
  }
  if (rows.empty() && !if_none.empty()) {
    context.out << if_none << '\n';
    return;
  }
  Table table(std::move(headings));
  for (const auto& row : rows) table.AddRow(to_cells(row));
  table.Print(context.out);
}

}  // namespace canje::cli
