// The fields of a legal hold's rule (hold_scope.h), each described once. One entry says
// everything the code does with its field: its name (the key in `canje hold ... --json` and in
// the "hold.added" event, and the option --<name with '-' for '_'>), its words in
// DescribeHoldScope, its --help text, where a HoldRow keeps it, how a given value is checked and
// made canonical, and how it matches a person. AddHold, HoldCovers, DescribeHoldScope, the
// event, the JSON (wire/holds_json.cc) and `canje hold add` all iterate this table, in its
// order.
//
// A new field (say, by facility): its entry in hold_rule_fields.cc, the golden JSON
// (wire/testdata/holds_hold.json, rewritten with CANJE_UPDATE_GOLDEN=1), and
// docs/holds-and-consent.md; and what any new column takes: a migration (store/migrations.cc),
// the row's member and its column line
// (store/holds_tables.{h,cc}), the column in docs/security.md and among those
// cli/sealed_texts_test.cc drops to take a store back to schema 9.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/holds_tables.h"
#include "store/store.h"

namespace canje::negotiation {

// How a rule field matches a person.
enum class HoldRuleMatch {
  // The value is one of the '|'-joined items of the person's `person_items`.
  kPersonItem,
  // The value equals `custody_text` of a custody row.
  kCustodyEquals,
  // The value occurs, ignoring ASCII case, in `custody_text` of a custody row.
  kCustodyContains,
};
// The custody fields of a rule must all match the same custody row.

struct HoldRuleField {
  std::string_view name;    // "legal_basis": JSON and event key; option --legal-basis
  std::string_view words;   // in DescribeHoldScope: "legal basis containing"
  bool quoted = false;      // DescribeHoldScope puts the value in double quotes
  std::string_view help;    // the option's --help text
  bool party_code = false;  // the value is a party code (--help and completion say PARTY)
  std::string store::HoldRow::*member = nullptr;
  // Checks a value given with option `flag` ("--holder") and returns it canonical; the error
  // names the option.
  Result<std::string> (*canonical)(store::Store& store, std::string_view value,
                                   std::string_view flag) = nullptr;
  HoldRuleMatch match = HoldRuleMatch::kPersonItem;
  std::string store::PersonRow::*person_items = nullptr;   // kPersonItem
  std::string store::CustodyRow::*custody_text = nullptr;  // kCustodyEquals, kCustodyContains
  // The filter of `canje persons` that narrows the scan for a hold's persons (nullptr: none;
  // HoldCovers decides in any case).
  std::string store::PersonFilter::*filter = nullptr;
};

// Every rule field, in the order of the options, the checks and DescribeHoldScope.
std::span<const HoldRuleField> HoldRuleFields();
// The field called `name`; nullopt for none.
std::optional<HoldRuleField> FindHoldRuleField(std::string_view name);
// "--legal-basis" for legal_basis.
std::string HoldRuleFlag(const HoldRuleField& field);
// Every field's option: "--holder, --nationality, --category, --legal-basis".
std::string HoldRuleFlags();
// True when any rule field of `hold` is set.
bool HoldHasRule(const store::HoldRow& hold);

}  // namespace canje::negotiation
