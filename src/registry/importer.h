// Importing a list file into the store: all of it or nothing.
//
// ImportList validates every row; any bad row makes the whole import fail (kInvalid, nothing
// written) and the report lists every problem with its line and column — unless skip_invalid,
// which imports the good rows and writes the rejected ones to a file. The list, its records
// (sealed, each under its own key), and for a custody roster one person and one custody row per
// record, land in one transaction with one "list.imported" event. A crash at any moment leaves
// all of the file or none of it (SQLite's atomic commit).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "registry/dates.h"
#include "registry/list_file_reader.h"
#include "registry/person.h"
#include "registry/person_name.h"
#include "registry/row.h"

namespace canje::registry {

struct ImportOptions {
  // The list file. With `content` set, only its file name is used (recorded with the list and
  // named in errors) and nothing is read from disk.
  std::filesystem::path file;
  // The file's bytes when they did not come from a file (the HTTP API's request body). No file
  // of rejected rows is written then: the report's errors are the only account of them.
  const std::string* content = nullptr;
  std::string kind;    // a list kind's name (registry/list_kinds.h)
  std::string source;  // who or what the list comes from, free text
  std::string party;   // the submitting party's code; empty: the acting user's party
  // The holder of rows that name none (a claim list's people are held by the other side).
  // Empty: custody rosters default to the submitting party, other lists leave it unsaid.
  std::string default_holder;
  std::string format;  // csv or json; empty: from the file name
  DateOrder date_order = DateOrder::kUnambiguousOnly;
  // The order of the words of a full_name column (person_name.h); kGuessed: the Spanish rules.
  NameOrder name_order = NameOrder::kGuessed;
  bool skip_invalid = false;
  // With skip_invalid: where the rejected rows go (default: FILE.rejected.csv). One CSV line per
  // problem: line, column, column_name, reason, and the row as it came.
  std::filesystem::path rejects_file;
  bool dry_run = false;                // validate only
  bool again = false;                  // import a file already imported for this source
};

struct ImportReport {
  int64_t list_id = 0;  // 0 for a dry run or a failed import
  std::string party;    // the submitting party (the acting user's when none was given)
  int64_t event_seq = -1;
  int64_t rows = 0;
  int64_t imported = 0;
  int64_t rejected = 0;
  int64_t persons_created = 0;
  std::string file_sha256;
  std::vector<FieldError> errors;  // the first kMaxReportedErrors problems
  int64_t error_count = 0;         // all problems, including those not kept
};

inline constexpr size_t kMaxReportedErrors = 1000;

// Called now and then with the bytes read so far and the file's size.
using ImportProgress = std::function<void(uint64_t done, uint64_t total)>;

// Returns the report when the import landed (or the dry run passed). On bad rows without
// skip_invalid, returns kInvalid whose message lists the problems (at most 20, then a count)
// — and `report_out`, when given, receives the full report.
Result<ImportReport> ImportList(instance::Instance& instance, const ImportOptions& options,
                                const ImportProgress& progress = {},
                                ImportReport* report_out = nullptr);

}  // namespace canje::registry
