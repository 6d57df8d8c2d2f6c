// Which persons a legal hold covers, and on which dates it is in force. Pure functions over
// store rows, so that the rules are tested without a store.
//
// In force on day D (YYYY-MM-DD, compared as text): effective_from <= D, and D <= effective_until
// when an end is set (the last day in force), and D < lifted_on when lifted (lifting takes effect
// on the day it is recorded for). A hold covers a person when
//  - it lists persons: the person is listed;
//  - it has a rule: every non-empty field matches: rule_holder is the holder of one of the
//    person's custody rows (any status: a hold errs on the side of blocking), rule_nationality
//    one of the person's nationalities, rule_category one of their categories, and
//    rule_legal_basis occurs, ignoring ASCII case, in the legal basis of a custody row (the same
//    row as the holder when both are given). The fields and how each matches are described once,
//    in hold_rule_fields.h; the fields matched on custody rows all match the same row.
// A hold with neither listed persons nor any rule field has no scope; such a hold is refused
// when added (holds.h) and covers nobody.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "store/holds_tables.h"
#include "store/store.h"

namespace canje::negotiation {

bool HoldHasScope(const store::HoldRow& hold);
bool HoldInForce(const store::HoldRow& hold, std::string_view date);
bool HoldCovers(const store::HoldRow& hold, const store::PersonView& person);

// The hold's scope in words: "persons P3, P9" or "holder SLV, nationality VEN, category deportee".
std::string DescribeHoldScope(const store::HoldRow& hold);
// "H3" for hold 3.
std::string HoldId(int64_t id);

// A calendar day as holds, legal acts and interviews take it: exactly YYYY-MM-DD and a day that
// exists. kUsage naming `what` ("--from") and the expected form otherwise.
Status CheckDay(std::string_view text, std::string_view what);

}  // namespace canje::negotiation
