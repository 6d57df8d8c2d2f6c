// An exchange instance to and from JSON; reading names every input error by its JSON path.
//
// Accepted keys are exactly those of docs/solver-schema.json; any other key is an error. Errors
// are Status::Invalid (exit 65) and read "$.blocs[1].rule.ratio: ratio is -1; write a number
// >= 0". Checks beyond the schema: duplicate candidate ids, duplicate bloc names, a party in two
// blocs, a person in both must lists, a must_include person without a candidate, and, when the
// optional top-level "parties" list is given, any party not in it ("unknown party"). Without
// that list, party codes must look like ISO 3166-1 alpha-3 codes (three capital letters A-Z).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/status.h"
#include "solver/instance.h"

namespace canje::solver {

// Validates `document` and returns the instance it describes.
Result<Instance> ParseInstance(const nlohmann::json& document);

// Parses `text` as JSON (a syntax error reports line and column), then ParseInstance.
Result<Instance> ParseInstanceText(const std::string& text);

// Reads the file at `path` (NotFound if it cannot be opened), then ParseInstanceText. Messages
// are prefixed with the path.
Result<Instance> ReadInstanceFile(const std::string& path);

// The instance as JSON that ParseInstance reads back to an equal instance (defaults written out).
nlohmann::json InstanceToJson(const Instance& instance);
// Its parts, as InstanceToJson writes them (and the exchange's JSON shows them): a bloc's rule
// {"kind", "ratio" unless the kind is "none"}, and a candidate {"id", "person", "from", "to",
// "beneficiary", "value", "cost", "priority", "unconditional"}.
nlohmann::json RuleToJson(const Rule& rule);
nlohmann::json CandidateToJson(const Candidate& candidate);

}  // namespace canje::solver
