#include "reconciliation/statuses.h"

#include <algorithm>
#include <set>

#include "registry/list_kinds.h"

namespace canje::reconciliation {
ReconciliationStatus ComputeStatus(const std::vector<store::ListRow>& lists,
                                   const std::vector<store::LinkRecordRow>& records,
                                   const std::vector<store::ReviewQueueRow>& queue,
                                   const std::vector<store::OrphanClosenessRow>& closeness) {
  ReconciliationStatus result;
  result.review_queue = static_cast<int64_t>(queue.size());
  const ListVersions versions = CurrentListVersions(lists);
  for (const auto& [list, by] : versions.superseded_by) result.superseded_lists.push_back(list);
  std::map<int64_t, const store::ListRow*> list_by_id;
  for (const store::ListRow& list : lists) list_by_id[list.id] = &list;

  std::set<int64_t> in_review;
  for (const store::ReviewQueueRow& pair : queue) {
    in_review.insert(pair.left_record);
    in_review.insert(pair.right_record);
  }
  std::map<int64_t, std::optional<double>> closest_of;  // orphan record -> its figure
  for (const store::OrphanClosenessRow& row : closeness) closest_of[row.record_id] = row.probability;
  // Per person: the roster status by holder (current rosters only), in (person, holder) order.
  std::map<std::pair<int64_t, std::string>, std::string> roster_status;
  auto on_any_roster = [&roster_status](int64_t person) {
    auto first = roster_status.lower_bound({person, std::string()});
    return first != roster_status.end() && first->first.first == person;
  };
  // Entries per (list, person), each with the reported status of its own records ("dead" over
  // "released").
  struct EntryAndReport {
    ListEntry entry;
    std::string own_report;
  };
  std::map<std::pair<int64_t, int64_t>, EntryAndReport> entries;
  for (const store::LinkRecordRow& record : records) {
    if (!versions.current.contains(record.list_id) || record.person_id == 0) continue;
    const store::ListRow& list = *list_by_id.at(record.list_id);
    EntryAndReport& entry_and_report = entries[{record.list_id, record.person_id}];
    std::string& own_report = entry_and_report.own_report;
    if (record.reported_status == "dead" ||
        (record.reported_status == "released" && own_report != "dead")) {
      own_report = record.reported_status;
    }
    ListEntry& entry = entry_and_report.entry;
    entry.list_id = record.list_id;
    entry.person_id = record.person_id;
    entry.records.push_back(record.record_id);
    entry.erased = entry.erased || record.erased;
    if (registry::ConfirmsCustody(list.kind)) {
      const std::string holder = record.holder.empty() ? list.party : record.holder;
      entry.holder = holder;
      std::string& status = roster_status[{record.person_id, holder}];
      if (status.empty() || status == "unspecified") status = record.reported_status;
    } else if (entry.holder.empty()) {
      entry.holder = record.holder;
    }
  }

  std::map<int64_t, ListStatusCounts> list_counts;
  std::map<std::string, PartyStatusCounts> party_counts;
  for (const store::ListRow& list : lists) {
    if (versions.current.contains(list.id)) list_counts[list.id].list = list;
  }
  for (auto& [key, entry_and_report] : entries) {
    ListEntry& entry = entry_and_report.entry;
    const std::string& own_report = entry_and_report.own_report;
    const store::ListRow& list = *list_by_id.at(entry.list_id);
    bool review = false;
    for (int64_t record : entry.records) review = review || in_review.contains(record);
    if (registry::ConfirmsCustody(list.kind)) {
      const std::string status = roster_status[{entry.person_id, entry.holder}];
      entry.status = review ? "needs_review" : status == "unspecified" ? "held" : status;
      PartyStatusCounts& party = party_counts[entry.holder];
      party.party = entry.holder;
      ++party.on_roster;
    } else {
      std::string roster;  // the holder's roster status, if on it
      bool on_roster = false;
      if (entry.holder.empty()) {
        on_roster = on_any_roster(entry.person_id);
      } else {
        auto found = roster_status.find({entry.person_id, entry.holder});
        on_roster = found != roster_status.end();
        if (on_roster) roster = found->second;
      }
      if (review) {
        entry.status = "needs_review";
      } else if (own_report == "dead" || roster == "dead") {
        entry.status = "reported_dead";
      } else if (own_report == "released" || roster == "released") {
        entry.status = "reported_released";
      } else if (on_roster) {
        entry.status = "held";
      } else {
        entry.status = "not_on_roster";
        for (int64_t record : entry.records) {
          auto figure = closest_of.find(record);
          if (figure == closest_of.end() || !figure->second) continue;
          entry.closest_roster_probability =
              std::max(entry.closest_roster_probability.value_or(0), *figure->second);
        }
      }
      if (!entry.holder.empty()) {
        PartyStatusCounts& party = party_counts[entry.holder];
        party.party = entry.holder;
        ++party.claimed_or_documented;
        ++party.by_status[entry.status];
      }
    }
    ListStatusCounts& counts = list_counts[entry.list_id];
    counts.records += static_cast<int64_t>(entry.records.size());
    ++counts.persons;
    ++counts.by_status[entry.status];
    if (entry.listed_twice()) ++counts.listed_twice;
    if (entry.erased) ++counts.erased;
    result.entries.push_back(std::move(entry));
  }
  for (auto& [id, counts] : list_counts) result.lists.push_back(std::move(counts));
  for (auto& [code, counts] : party_counts) result.parties.push_back(std::move(counts));
  return result;
}

Result<ReconciliationStatus> ReadStatus(instance::Instance& instance) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadRegistry));
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(auto lists, store.Lists());
  std::vector<store::LinkRecordRow> records;
  CANJE_RETURN_IF_ERROR(store::ForEachLinkRecord(store, [&](const store::LinkRecordRow& record) {
    // Without its fingerprint, which the status does not read (at 10,000,000 records, 10
    // million allocations fewer).
    records.push_back(store::LinkRecordRow{record.record_id, record.list_id, record.line,
                                           record.person_id, record.own_person_id,
                                           record.reported_status, record.holder, Bytes(),
                                           record.erased});
    return Status::Ok();
  }));
  CANJE_ASSIGN_OR_RETURN(auto queue, store::ReviewQueue(store));
  CANJE_ASSIGN_OR_RETURN(auto closeness, store::OrphanCloseness(store));
  return ComputeStatus(lists, records, queue, closeness);
}

}  // namespace canje::reconciliation
