// The files of an exchange's execution (docs/formats.md, "Execution files"): CSVs of
// not-travelling outcomes, handovers and interviews, and a party's list of persons. Pure
// parsing: every row is read and checked for form (ids, required cells); every problem is named
// as FILE:LINE[:COLUMN] and, when there is any, the result is kInvalid listing them all. What
// the rows mean is checked by negotiation/execution.h and interviews.h, which name problems
// with each item's `where` ("handovers.csv:4: ").
//
// A CSV has a header naming its columns in any order (case and surrounding spaces ignored);
// unknown columns are refused. Comma or semicolon separated, RFC 4180 quoting.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "negotiation/execution.h"
#include "negotiation/interviews.h"

namespace canje::negotiation {

// Columns person, reason, note (note optional).
Result<std::vector<NewNotTravelling>> ParseNotTravellingCsv(std::string_view text,
                                                            std::string_view file_name);

// Columns person, at, place, to, witnesses ('|' between names).
Result<std::vector<NewHandover>> ParseHandoversCsv(std::string_view text,
                                                   std::string_view file_name);

// Columns person, destination, identity, consent, fit, on, note (on and note optional).
// Each interview comes with its "FILE:LINE: " prefix.
Result<std::vector<std::pair<NewInterview, std::string>>> ParseInterviewsCsv(
    std::string_view text, std::string_view file_name);

// A person named for a stage (negotiation/stages.h), with where it was named
// ("stage1.csv:3:1: "; empty when given on its own).
struct StagePerson {
  int64_t person_id = 0;
  std::string where;
};

// Column person (P17 or 17); each person comes with its "FILE:LINE:COLUMN: " prefix.
Result<std::vector<StagePerson>> ParseStagePersonsCsv(std::string_view text,
                                                      std::string_view file_name);

// One person id per line (P17 or 17); blank lines and lines starting with '#' are skipped.
Result<std::vector<int64_t>> ParsePersonList(std::string_view text, std::string_view file_name);

}  // namespace canje::negotiation
