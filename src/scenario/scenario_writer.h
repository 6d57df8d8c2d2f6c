// Writing a scenario's files: one CSV per list, truth.csv and scenario.json.
//
// Rows are streamed: a list's records go to its file as they are produced, and nothing about
// earlier records is kept except counts, so a scenario of millions of records runs in constant
// memory. The writer numbers each list's records itself ("SLV-CECOT-0001", ...), so record ids
// are unique within a file by construction, and it writes the truth row of every record.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "registry/list_kinds.h"
#include "scenario/error_model.h"
#include "scenario/record.h"

namespace canje::scenario {

// A list's kind is one canje imports, written by its registry name ("custody_roster", ...).
using registry::ListKind;
using registry::ListKindName;

enum class PartyKind { kState, kIntermediary, kOrganisation };
// "state", "intermediary", "organisation".
std::string_view PartyKindName(PartyKind kind);

struct Party {
  std::string code;  // ISO 3166-1 alpha-3 for a state, an upper-case slug otherwise
  std::string name;
  PartyKind kind = PartyKind::kState;
};

struct ListSpec {
  std::string file;  // a plain file name inside the output directory
  ListKind kind = ListKind::kCustodyRoster;
  std::string source;       // who produced the list and when, as an importer would record it
  std::string party;        // the submitting party's code
  std::string description;  // one sentence for humans
  std::vector<Column> columns;
  std::string record_id_prefix;  // "SLV-CECOT-"
  // Who holds the listed people when the file has no holder column (a claim list names people
  // held by the other side; a transfer manifest, people handed to the destination). Empty: the
  // list does not say. Written to scenario.json and passed to `canje import --holder`.
  std::string holder;
  // How values are written (dates, sex); day-first dates are written to scenario.json as
  // "date_order": "dmy" (import the file with `canje import --date-order dmy`).
  FieldStyle style;
  // The script of the names when it is not Latin ("cyrillic"); written to scenario.json when set.
  std::string script;
};

// Zeroes the rates of operations whose field the columns do not carry (a list without a
// date_of_birth column cannot have its date of birth swapped or missing), so that truth.csv
// reports only the differences a reader of the file can see.
ErrorRates RatesForColumns(ErrorRates rates, const std::vector<Column>& columns);

// A buffered CSV file; the first failure is kept and reported by Close.
class CsvFile {
 public:
  ~CsvFile();
  static Result<std::unique_ptr<CsvFile>> Create(const std::filesystem::path& path);
  void WriteRow(const std::vector<std::string>& fields);
  Status Close();

 private:
  explicit CsvFile(std::filesystem::path path, std::FILE* file);
  void Flush();

  std::filesystem::path path_;
  std::FILE* file_;
  std::string buffer_;
  bool failed_ = false;
};

using ProgressCallback = std::function<void(int64_t done, int64_t total)>;

class ScenarioWriter {
 public:
  // Creates `out_dir` if needed and opens truth.csv in it. `total_work` is the number of
  // Advance units the scenario will report; progress is called now and then, and once with
  // done == total at Finish.
  static Result<std::unique_ptr<ScenarioWriter>> Create(const std::filesystem::path& out_dir,
                                                        ProgressCallback progress,
                                                        int64_t total_work);

  void AddParty(Party party);

  // Opens the list's file and writes its header. `capacity` bounds the number of records the
  // list will hold (it sets the width of the record numbers).
  Status BeginList(ListSpec spec, int64_t capacity);
  // Writes `record` (its record_id is assigned here) and its truth row.
  void WriteRecord(Record record, std::string_view person_key, ErrorSet errors);
  // Applies the error model to `record` with a generator seeded by `error_seed`, then writes
  // it as the record of `person`.
  void WriteVariant(Record record, int64_t person, const ErrorRates& rates, uint64_t error_seed);
  Status EndList();

  // Writes a whole list: BeginList, then visit(slot) for every slot of [0, slots) in the order
  // of RandomPermutation(slots, order_seed), each slot one unit of work (visit writes zero or
  // more records with WriteRecord or WriteVariant), then EndList.
  Status WriteList(ListSpec spec, int64_t capacity, int64_t slots, uint64_t order_seed,
                   const std::function<void(int64_t slot)>& visit);

  // Reports `units` of work done.
  void Advance(int64_t units = 1);

  // Closes truth.csv and writes scenario.json.
  Status Finish(std::string_view name, uint64_t seed, int64_t size);

  // The number of records written to each finished list, in order.
  const std::vector<int64_t>& list_sizes() const { return list_sizes_; }

 private:
  ScenarioWriter(std::filesystem::path out_dir, ProgressCallback progress, int64_t total_work);

  std::filesystem::path out_dir_;
  ProgressCallback progress_;
  int64_t total_work_;
  int64_t done_work_ = 0;
  int64_t next_report_ = 0;
  std::unique_ptr<CsvFile> truth_;
  std::vector<Party> parties_;
  std::vector<ListSpec> lists_;
  std::vector<int64_t> list_sizes_;
  // The list being written.
  std::unique_ptr<CsvFile> current_;
  int64_t current_records_ = 0;
  int id_width_ = 4;
};

// "P00000042": the person key written in truth.csv.
std::string PersonKey(int64_t person);

}  // namespace canje::scenario
