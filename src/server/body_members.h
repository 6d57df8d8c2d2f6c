// Reading the members of a JSON request body, each refusal pointing (RFC 6901) at the member at
// fault, so that a person filling a form or a script building a batch sees which value to mend.
//
// Every function reads member `name` of `object`, where `object` itself sits at pointer `at` in
// the body: "" for the body, "/handovers/2" for the third item of a batch. A refusal is kUsage,
// with call.problem pointing at `at` + "/" + name. An absent member is not a refusal unless the
// function says "required"; JSON null counts as absent only where the function says so.
//
//   CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {"person", "reason", "note"}));
//   CANJE_ASSIGN_OR_RETURN(int64_t person, PersonIdMember(call, body, "person"));
//   CANJE_ASSIGN_OR_RETURN(std::optional<double> ratio, NumberMember(call, body, "ratio"));
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "server/api_call.h"

namespace canje::server {

// The pointer of member `name` of the object at `at`: "~" and "/" in the name escaped.
std::string MemberPointer(const std::string& at, const std::string& name);

// `object` must be a JSON object whose members are all among `known` (the first other one is
// named, with the accepted ones).
Status KnownMembers(ApiCall& call, const nlohmann::json& object,
                    const std::vector<std::string>& known, const std::string& at = "");

// The request body (ApiCall::JsonObjectBody), a JSON object whose members are all among `known`
// (KnownMembers): the first refusal of the two.
Result<nlohmann::json> BodyWithMembers(ApiCall& call, const std::vector<std::string>& known);
// The items of a batch request: its body's one member `name`, a non-empty array whose items
// are all recorded or none. kUsage at "/name" when the member is missing, not an array or
// empty.
Result<nlohmann::json> BatchItems(ApiCall& call, const std::string& name);

// A string; "" when absent and not `required`.
Result<std::string> TextMember(ApiCall& call, const nlohmann::json& object,
                               const std::string& name, bool required,
                               const std::string& at = "");

// A person id ("P17") standing at `pointer`, required.
Result<int64_t> PersonIdAt(ApiCall& call, const nlohmann::json& value,
                           const std::string& pointer);
// A person id member ("P17"), required.
Result<int64_t> PersonIdMember(ApiCall& call, const nlohmann::json& object,
                               const std::string& name, const std::string& at = "");
// An array of person ids (["P17", "P18"]), each checked where it stands; empty when absent.
Result<std::vector<int64_t>> PersonIdsMember(ApiCall& call, const nlohmann::json& object,
                                             const std::string& name,
                                             const std::string& at = "");

// An array of strings (["ihl_status=prisoner_of_war"]); empty when absent.
Result<std::vector<std::string>> TextsMember(ApiCall& call, const nlohmann::json& object,
                                             const std::string& name, const std::string& at = "");

// A JSON number; none when absent.
Result<std::optional<double>> NumberMember(ApiCall& call, const nlohmann::json& object,
                                           const std::string& name, const std::string& at = "");
// A whole number that fits in 64 bits; none when absent, or null when `null_allowed`.
Result<std::optional<int64_t>> IntegerMember(ApiCall& call, const nlohmann::json& object,
                                             const std::string& name, bool null_allowed,
                                             const std::string& at = "");
// "occurred_at" of a step recorded after the fact, in negotiation::ParseOccurredAt's form; ""
// when absent.
Result<std::string> OccurredAtMember(ApiCall& call, const nlohmann::json& object);
// true or false; none when absent.
Result<std::optional<bool>> BoolMember(ApiCall& call, const nlohmann::json& object,
                                       const std::string& name, const std::string& at = "");

}  // namespace canje::server
