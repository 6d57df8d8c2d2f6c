#include "negotiation/execution_files.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "core/text.h"
#include "instance/ids.h"
#include "negotiation/batch_problems.h"
#include "negotiation/csv_columns.h"
#include "registry/csv_reader.h"

namespace canje::negotiation {
namespace {

// One data row: its cells by column name and where it is.
struct CsvItem {
  std::map<std::string, std::string> cells;  // trimmed
  std::map<std::string, int> columns;        // name -> 1-based column
  std::string file;
  int64_t line = 0;

  const std::string& operator[](const std::string& name) const {
    static const std::string kEmpty;
    auto found = cells.find(name);
    return found == cells.end() ? kEmpty : found->second;
  }
  std::string Where() const { return file + ":" + std::to_string(line) + ": "; }
  std::string At(const std::string& name) const {
    auto found = columns.find(name);
    return file + ":" + std::to_string(line) +
           (found == columns.end() ? "" : ":" + std::to_string(found->second)) + ": ";
  }
};

// Reads every row of a CSV with columns from `known`, the `required` ones present in the header
// and non-empty in each row. Problems of a row go to `problems` (the row is then skipped).
Result<std::vector<CsvItem>> ReadCsvItems(std::string_view text, std::string_view file_name,
                                          const std::vector<std::string>& known,
                                          const std::vector<std::string>& required,
                                          std::vector<std::string>& problems) {
  const std::string file(file_name);
  std::istringstream in{std::string(text)};
  Result<registry::CsvReader> opened = registry::CsvReader::Open(in);
  if (!opened.ok()) return opened.status().WithContext(file);
  registry::CsvReader& reader = *opened;
  CANJE_ASSIGN_OR_RETURN(const auto columns,
                         KnownColumns(reader, known, file));
  for (const std::string& name : required) {
    if (!columns.contains(name)) {
      return Status::Invalid(file + ":" + std::to_string(reader.header_line()) +
                             ": missing column '" + name + "'; the columns are " + Join(known));
    }
  }
  std::vector<CsvItem> items;
  registry::Row row;
  while (true) {
    CANJE_ASSIGN_OR_RETURN(bool more, reader.Next(&row));
    if (!more) break;
    if (!row.errors.empty()) {
      problems.push_back(row.errors.front().ToString(file));
      continue;
    }
    CsvItem item;
    item.file = file;
    item.line = row.line;
    item.columns = columns;
    for (const auto& [name, column] : columns) {
      if (column - 1 < static_cast<int>(row.values.size())) {
        item.cells[name] = Trim(row.values[column - 1]);
      }
    }
    bool complete = true;
    for (const std::string& name : required) {
      if (item[name].empty()) {
        problems.push_back(item.At(name) + "empty " + name);
        complete = false;
      }
    }
    if (complete) items.push_back(std::move(item));
  }
  if (items.empty() && problems.empty()) {
    return Status::Invalid(file + ": no rows below the header");
  }
  return items;
}

Status AllProblems(const std::vector<std::string>& problems) {
  std::vector<Status> statuses;
  for (const std::string& problem : problems) statuses.push_back(Status::Invalid(problem));
  return JoinProblems(statuses);
}

// The person of a row, or 0 with a problem noted.
int64_t PersonOf(const CsvItem& item, std::vector<std::string>& problems) {
  Result<int64_t> person = instance::ParseId(item["person"], 'P', "person");
  if (!person.ok()) {
    problems.push_back(item.At("person") + person.status().message());
    return 0;
  }
  return *person;
}

}  // namespace

Result<std::vector<NewNotTravelling>> ParseNotTravellingCsv(std::string_view text,
                                                            std::string_view file_name) {
  std::vector<std::string> problems;
  CANJE_ASSIGN_OR_RETURN(auto items, ReadCsvItems(text, file_name, {"person", "reason", "note"},
                                                  {"person", "reason"}, problems));
  std::vector<NewNotTravelling> outcomes;
  for (const CsvItem& item : items) {
    NewNotTravelling outcome;
    outcome.person_id = PersonOf(item, problems);
    outcome.reason = AsciiLower(item["reason"]);
    outcome.note = item["note"];
    outcome.where = item.Where();
    if (outcome.person_id != 0) outcomes.push_back(std::move(outcome));
  }
  CANJE_RETURN_IF_ERROR(AllProblems(problems));
  return outcomes;
}

Result<std::vector<NewHandover>> ParseHandoversCsv(std::string_view text,
                                                   std::string_view file_name) {
  std::vector<std::string> problems;
  const std::vector<std::string> columns = {"person", "at", "place", "to", "witnesses"};
  CANJE_ASSIGN_OR_RETURN(auto items, ReadCsvItems(text, file_name, columns, columns, problems));
  std::vector<NewHandover> handovers;
  for (const CsvItem& item : items) {
    NewHandover handover;
    handover.person_id = PersonOf(item, problems);
    handover.at = item["at"];
    handover.place = item["place"];
    handover.to = item["to"];
    handover.where = item.Where();
    std::string witnesses = item["witnesses"];
    size_t start = 0;
    while (true) {
      size_t bar = witnesses.find('|', start);
      handover.witnesses.push_back(Trim(witnesses.substr(start, bar - start)));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    if (handover.person_id != 0) handovers.push_back(std::move(handover));
  }
  CANJE_RETURN_IF_ERROR(AllProblems(problems));
  return handovers;
}

Result<std::vector<std::pair<NewInterview, std::string>>> ParseInterviewsCsv(
    std::string_view text, std::string_view file_name) {
  std::vector<std::string> problems;
  CANJE_ASSIGN_OR_RETURN(
      auto items,
      ReadCsvItems(text, file_name,
                   {"person", "destination", "identity", "consent", "fit", "on", "note"},
                   {"person", "destination", "identity", "consent", "fit"}, problems));
  std::vector<std::pair<NewInterview, std::string>> interviews;
  for (const CsvItem& item : items) {
    NewInterview interview;
    interview.person_id = PersonOf(item, problems);
    interview.destination = item["destination"];
    interview.identity = AsciiLower(item["identity"]);
    interview.consent = AsciiLower(item["consent"]);
    interview.fit = AsciiLower(item["fit"]);
    interview.interviewed_on = item["on"];
    interview.note = item["note"];
    if (interview.person_id != 0) interviews.emplace_back(std::move(interview), item.Where());
  }
  CANJE_RETURN_IF_ERROR(AllProblems(problems));
  return interviews;
}

Result<std::vector<StagePerson>> ParseStagePersonsCsv(std::string_view text,
                                                      std::string_view file_name) {
  std::vector<std::string> problems;
  CANJE_ASSIGN_OR_RETURN(auto items,
                         ReadCsvItems(text, file_name, {"person"}, {"person"}, problems));
  std::vector<StagePerson> persons;
  for (const CsvItem& item : items) {
    const int64_t person = PersonOf(item, problems);
    if (person != 0) persons.push_back({person, item.At("person")});
  }
  CANJE_RETURN_IF_ERROR(AllProblems(problems));
  return persons;
}

Result<std::vector<int64_t>> ParsePersonList(std::string_view text, std::string_view file_name) {
  std::vector<std::string> problems;
  std::vector<int64_t> persons;
  std::istringstream in{std::string(text)};
  std::string line;
  int64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string id = Trim(line);
    if (id.empty() || id.front() == '#') continue;
    Result<int64_t> person = instance::ParseId(id, 'P', "person");
    if (!person.ok()) {
      problems.push_back(std::string(file_name) + ":" + std::to_string(number) + ": " +
                         person.status().message());
      continue;
    }
    persons.push_back(*person);
  }
  CANJE_RETURN_IF_ERROR(AllProblems(problems));
  return persons;
}

}  // namespace canje::negotiation
