#include "wire/reconciliation_json.h"

#include "reconciliation/status_people.h"

#include "instance/ids.h"
#include "wire/json_values.h"

namespace canje::wire {

using nlohmann::json;

bool WantedList(const store::ListRow& row, const std::string& party, int64_t list_id) {
  return reconciliation::WantedList(row, party, list_id);
}

json ReconciliationCountsJson(const reconciliation::ReconciliationStatus& status,
                              const std::string& party, int64_t list_id) {
  json lists = json::array();
  for (const auto& counts : status.lists) {
    if (!WantedList(counts.list, party, list_id)) continue;
    lists.push_back({{"list", instance::ListId(counts.list.id)},
                     {"kind", counts.list.kind},
                     {"party", counts.list.party},
                     {"source", counts.list.source},
                     {"records", counts.records},
                     {"persons", counts.persons},
                     {"by_status", counts.by_status},
                     {"listed_twice", counts.listed_twice},
                     {"erased", counts.erased}});
  }
  json parties = json::array();
  for (const auto& counts : status.parties) {
    if (!party.empty() && counts.party != party) continue;
    parties.push_back({{"party", counts.party},
                       {"on_roster", counts.on_roster},
                       {"claimed_or_documented", counts.claimed_or_documented},
                       {"by_status", counts.by_status}});
  }
  return {{"lists", lists},
          {"parties", parties},
          {"review_queue", status.review_queue},
          {"superseded_lists", IdsJson(status.superseded_lists, instance::ListId)}};
}

json ListEntryJson(const reconciliation::ListEntry& entry) {
  return {{"list", instance::ListId(entry.list_id)},
          {"person", instance::PersonId(entry.person_id)},
          {"records", IdsJson(entry.records, instance::RecordId)},
          {"holder", entry.holder},
          {"status", entry.status},
          {"listed_twice", entry.listed_twice()},
          {"erased", entry.erased},
          {"closest_roster_probability", OrNull(entry.closest_roster_probability)}};
}

}  // namespace canje::wire
