#include "negotiation/hold_scope.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "instance/ids.h"
#include "negotiation/hold_rule_fields.h"
#include "registry/dates.h"

namespace canje::negotiation {
namespace {

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// True when `item` is one of the '|'-joined items of `joined`.
bool HasItem(std::string_view joined, std::string_view item) {
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('|', start);
    if (end == std::string_view::npos) end = joined.size();
    if (joined.substr(start, end - start) == item) return true;
    start = end + 1;
  }
  return false;
}

// True when `custody` matches every custody field the hold's rule sets (hold_rule_fields.h).
bool CustodyMatches(const store::HoldRow& hold, const store::CustodyRow& custody) {
  for (const HoldRuleField& field : HoldRuleFields()) {
    const std::string& value = hold.*field.member;
    if (value.empty() || field.match == HoldRuleMatch::kPersonItem) continue;
    const std::string& text = custody.*field.custody_text;
    bool matches = field.match == HoldRuleMatch::kCustodyEquals
                       ? text == value
                       : LowerAscii(text).find(LowerAscii(value)) != std::string::npos;
    if (!matches) return false;
  }
  return true;
}

}  // namespace

bool HoldHasScope(const store::HoldRow& hold) { return !hold.persons.empty() || HoldHasRule(hold); }

bool HoldInForce(const store::HoldRow& hold, std::string_view date) {
  if (hold.effective_from.empty() || date < hold.effective_from) return false;
  if (!hold.effective_until.empty() && date > hold.effective_until) return false;
  if (!hold.lifted_on.empty() && date >= hold.lifted_on) return false;
  return true;
}

bool HoldCovers(const store::HoldRow& hold, const store::PersonView& person) {
  if (!HoldHasScope(hold)) return false;
  if (!hold.persons.empty()) {
    return std::binary_search(hold.persons.begin(), hold.persons.end(), person.person.id);
  }
  bool custody_rule = false;
  for (const HoldRuleField& field : HoldRuleFields()) {
    const std::string& value = hold.*field.member;
    if (value.empty()) continue;
    if (field.match != HoldRuleMatch::kPersonItem) {
      custody_rule = true;
    } else if (!HasItem(person.person.*field.person_items, value)) {
      return false;
    }
  }
  if (!custody_rule) return true;
  // The custody fields match one custody row together.
  return std::any_of(
      person.custody.begin(), person.custody.end(),
      [&](const store::CustodyRow& custody) { return CustodyMatches(hold, custody); });
}

std::string DescribeHoldScope(const store::HoldRow& hold) {
  std::string out;
  auto add = [&out](std::string_view label, std::string_view value) {
    if (value.empty()) return;
    if (!out.empty()) out += ", ";
    out += std::string(label) + " " + std::string(value);
  };
  if (!hold.persons.empty()) {
    std::string persons;
    for (int64_t id : hold.persons) {
      if (!persons.empty()) persons += " ";
      persons += instance::PersonId(id);
    }
    add(hold.persons.size() == 1 ? "person" : "persons", persons);
    return out;
  }
  for (const HoldRuleField& field : HoldRuleFields()) {
    const std::string& value = hold.*field.member;
    if (!value.empty()) add(field.words, field.quoted ? "\"" + value + "\"" : value);
  }
  return out.empty() ? "(no scope)" : out;
}

std::string HoldId(int64_t id) { return "H" + std::to_string(id); }

Status CheckDay(std::string_view text, std::string_view what) {
  auto date = registry::ParseDate(text);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !date.ok() ||
      date->precision != registry::PartialDate::Precision::kDay) {
    std::string why = date.ok() ? "" : " (" + date.status().message() + ")";
    return Status::Usage(std::string(what) + " '" + std::string(text) +
                         "' is not a day; write it as YYYY-MM-DD, such as 2025-07-18" + why);
  }
  return Status::Ok();
}

}  // namespace canje::negotiation
