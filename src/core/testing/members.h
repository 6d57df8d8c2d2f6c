// For tests only (not part of any library): one member of each item of a list, so that a test
// compares the list as a whole ("these ids, in this order") with one EXPECT_EQ.
#pragma once

#include <vector>

namespace canje::table_testing {

// The `member` of each of `items`, in order: MembersOf(found, &PersonEntry::id).
template <typename Item, typename Member>
std::vector<Member> MembersOf(const std::vector<Item>& items, Member Item::*member) {
  std::vector<Member> values;
  values.reserve(items.size());
  for (const Item& item : items) values.push_back(item.*member);
  return values;
}

}  // namespace canje::table_testing
