#include "negotiation/hold_rule_fields.h"

#include <algorithm>

#include "registry/categories.h"
#include "registry/countries.h"

namespace canje::negotiation {
namespace {

// A party that exists, by its code.
Result<std::string> KnownPartyCode(store::Store& store, std::string_view value,
                                   std::string_view flag) {
  CANJE_ASSIGN_OR_RETURN(auto party, store.FindParty(value));
  if (!party) {
    return Status::NotFound("no party " + std::string(value) + " for " + std::string(flag) +
                            "; see `canje parties`");
  }
  return std::string(value);
}

// An ISO 3166-1 alpha-3 code, upper case.
Result<std::string> CountryCode(store::Store&, std::string_view value, std::string_view flag) {
  auto code = registry::ParseCountryCode(value);
  if (!code.ok()) return Status::Usage(std::string(flag) + ": " + code.status().message());
  return *code;
}

// Any accepted category name, as its canonical name (`deportado` is `deportee`).
Result<std::string> CanonicalCategory(store::Store&, std::string_view value,
                                      std::string_view flag) {
  auto category = registry::ParseCategory(value);
  if (!category.ok()) return Status::Usage(std::string(flag) + ": " + category.status().message());
  return std::string(*category);
}

// Any text, kept as given.
Result<std::string> AnyText(store::Store&, std::string_view value, std::string_view) {
  return std::string(value);
}

const HoldRuleField kHoldRuleFieldTable[] = {
    {.name = "holder",
     .words = "holder",
     .help = "Rule: persons held by this party",
     .party_code = true,
     .member = &store::HoldRow::rule_holder,
     .canonical = KnownPartyCode,
     .match = HoldRuleMatch::kCustodyEquals,
     .custody_text = &store::CustodyRow::holder,
     .filter = &store::PersonFilter::holder},
    {.name = "nationality",
     .words = "nationality",
     .help = "Rule: persons of this nationality (ISO alpha-3)",
     .member = &store::HoldRow::rule_nationality,
     .canonical = CountryCode,
     .match = HoldRuleMatch::kPersonItem,
     .person_items = &store::PersonRow::nationalities,
     .filter = &store::PersonFilter::nationality},
    {.name = "category",
     .words = "category",
     .help = "Rule: persons in this category (deportee, minor, ...)",
     .member = &store::HoldRow::rule_category,
     .canonical = CanonicalCategory,
     .match = HoldRuleMatch::kPersonItem,
     .person_items = &store::PersonRow::categories,
     .filter = &store::PersonFilter::category},
    {.name = "legal_basis",
     .words = "legal basis containing",
     .quoted = true,
     .help = "Rule: custody whose legal basis contains this text",
     .member = &store::HoldRow::rule_legal_basis,
     .canonical = AnyText,
     .match = HoldRuleMatch::kCustodyContains,
     .custody_text = &store::CustodyRow::legal_basis},
};

}  // namespace

std::span<const HoldRuleField> HoldRuleFields() { return kHoldRuleFieldTable; }

std::optional<HoldRuleField> FindHoldRuleField(std::string_view name) {
  for (const HoldRuleField& field : kHoldRuleFieldTable) {
    if (field.name == name) return field;
  }
  return std::nullopt;
}

std::string HoldRuleFlag(const HoldRuleField& field) {
  std::string flag = "--" + std::string(field.name);
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

std::string HoldRuleFlags() {
  std::string flags;
  for (const HoldRuleField& field : kHoldRuleFieldTable) {
    if (!flags.empty()) flags += ", ";
    flags += HoldRuleFlag(field);
  }
  return flags;
}

bool HoldHasRule(const store::HoldRow& hold) {
  return std::any_of(std::begin(kHoldRuleFieldTable), std::end(kHoldRuleFieldTable),
                     [&](const HoldRuleField& field) { return !(hold.*field.member).empty(); });
}

}  // namespace canje::negotiation
