#include "reconciliation/status_people.h"

#include <map>

#include "instance/need_to_know.h"

namespace canje::reconciliation {

bool WantedList(const store::ListRow& row, const std::string& party, int64_t list_id) {
  return (list_id == 0 || row.id == list_id) && (party.empty() || row.party == party);
}

std::vector<ListEntry> PeopleBehindCounts(const instance::Instance& instance,
                                          const ReconciliationStatus& status,
                                          const std::string& party, int64_t list_id) {
  std::map<int64_t, const store::ListRow*> list_by_id;
  for (const auto& counts : status.lists) list_by_id[counts.list.id] = &counts.list;
  std::vector<ListEntry> shown;
  for (const ListEntry& entry : status.entries) {
    auto list = list_by_id.find(entry.list_id);
    if (list != list_by_id.end() && WantedList(*list->second, party, list_id) &&
        instance::OwnsOrSeesAllOf(instance, *list->second)) {
      shown.push_back(entry);
    }
  }
  return shown;
}

}  // namespace canje::reconciliation
