// Legal holds: court orders and ministerial decisions that bar transfers.
//
// A hold names its issuer and reference, is in force from a day (and until a day, or until it is
// lifted), and covers either the listed persons or everyone matching a rule (hold_scope.h). An
// active hold blocks every transfer of a person it covers (eligibility.h). Adding and lifting
// are mediator and admin actions (instance::Action::kManageHolds) and each is an event in the
// log: "hold.added", "hold.lifted", with the hold id ("H3") as subject. Holds are public
// orders, not personal data; reading them needs only kReadRegistry, but the persons a hold
// covers are shown to negotiators and observers only when their party may see them (need to
// know, as in `canje persons`).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "store/holds_tables.h"

namespace canje::negotiation {

struct NewHold {
  std::string issuer;
  std::string reference;
  std::string effective_from;   // YYYY-MM-DD, required
  std::string effective_until;  // YYYY-MM-DD or empty
  // The scope: listed persons, or a rule (at least one field). Not both.
  std::vector<int64_t> persons;
  // The rule: a field's name (hold_rule_fields.h: "holder", "nationality", ...) to its value as
  // given, which the field checks and makes canonical. An empty value is a field not given.
  std::map<std::string, std::string> rule;
};

// Checks and records a hold; returns its id. kUsage for a missing issuer, reference or day, a
// bad day, an end before the start, no scope at all ("a hold without a scope"), or both listed
// persons and a rule, or a rule field that does not exist; what a rule field's check answers
// for a value it refuses (hold_rule_fields.h; kNotFound for an unknown holder); kNotFound for an
// unknown person; kNotPermitted for the role. Nothing is written unless everything is valid.
Result<int64_t> AddHold(instance::Instance& instance, const NewHold& hold);

// Lifts hold `id` from `lifted_on` (YYYY-MM-DD; empty: today) for `reason` (required).
// kNotFound for an unknown hold, kConflict for one already lifted.
Status LiftHold(instance::Instance& instance, int64_t id, const std::string& lifted_on,
                const std::string& reason);

// A hold as a reader sees it on a day.
struct HoldView {
  store::HoldRow hold;
  bool in_force = false;         // on the day asked about
  std::string state;             // "in force", "not yet in force", "expired", "lifted"
  std::vector<int64_t> covered;  // persons covered (need to know applied), ascending
  int64_t covered_hidden = 0;    // covered persons the reader's party may not see
};

// Every hold, with its state on `date` (empty: today). Needs kReadRegistry. Covered persons are
// filled only when `with_persons`. When `person_id` is not 0, only the holds covering that
// person (in force or not); a person the reader may not see is kNotFound, as an unknown one.
Result<std::vector<HoldView>> ListHolds(instance::Instance& instance, const std::string& date,
                                        bool with_persons, int64_t person_id = 0);
// One hold with the persons it covers. kNotFound for an unknown id.
Result<HoldView> ShowHold(instance::Instance& instance, int64_t id, const std::string& date);

// Parses "H3" or "3".
Result<int64_t> ParseHoldId(std::string_view text);

}  // namespace canje::negotiation
