// How a command that lists rows prints them: the same rows as a JSON array with --json, as a
// table on the terminal otherwise; and the subcommand that does nothing else.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/command.h"
#include "cli/open_instance.h"
#include "cli/table.h"
#include "core/json_array.h"

namespace canje::cli {

// With --json, prints the array of `to_json(row)` for each of `rows` (core/json_array.h).
// Else prints a table with `headings`, to which `add_row(table, row)` adds each row's cells;
// when there are no rows and `if_none` is not empty, prints the line `if_none` in its place.
template <typename Rows, typename ToJson, typename AddRow>
void PrintRows(CommandContext& context, const Rows& rows, ToJson to_json,
               std::vector<std::string> headings, AddRow add_row, const std::string& if_none = "") {
  if (context.global.json) {
    context.out << JsonArrayOf(rows, to_json).dump(2) << '\n';
    return;
  }
  if (rows.empty() && !if_none.empty()) {
    context.out << if_none << '\n';
    return;
  }
  Table table(std::move(headings));
  for (const auto& row : rows) add_row(table, row);
  table.Print(context.out);
}

// Adds the subcommand `name` of `parent`, which prints the rows that `read(instance)` returns
// (PrintRows, with `to_json`, `headings` and `add_row`).
template <typename Rows, typename ToJson, typename AddRow>
void AddListCommand(CLI::App& parent, CommandContext& context, const std::string& name,
                    const std::string& help, Result<Rows> (*read)(instance::Instance&),
                    ToJson to_json, std::vector<std::string> headings, AddRow add_row) {
  parent.add_subcommand(name, help)->callback([&context, read, to_json, headings, add_row] {
    FinishWithInstance(context, [&](instance::Instance& opened) -> Status {
      CANJE_ASSIGN_OR_RETURN(Rows rows, read(opened));
      PrintRows(context, rows, to_json, headings, add_row);
      return Status::Ok();
    });
  });
}

}  // namespace canje::cli
