#include "negotiation/eligibility_report.h"

#include <algorithm>

#include "core/clock.h"
#include "instance/ids.h"
#include "instance/need_to_know.h"
#include "negotiation/eligibility.h"
#include "negotiation/hold_scope.h"
#include "registry/categories.h"

namespace canje::negotiation {

Result<std::vector<PersonEligibility>> ReportEligibility(instance::Instance& instance,
                                                         const EligibilityQuery& query,
                                                         std::string* fault) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadRegistry));
  auto at = [fault](std::string_view name, Status status) {
    if (fault != nullptr && !status.ok()) *fault = name;
    return status;
  };
  if (query.destination.empty()) {
    return at("destination",
              Status::Usage("say the destination of the transfer: --destination VEN"));
  }
  CANJE_ASSIGN_OR_RETURN(auto party, instance.store().FindParty(query.destination));
  if (!party) {
    return at("destination",
              Status::NotFound("no party " + query.destination + " for --destination"));
  }
  std::string day = query.date.empty() ? TodayIso() : query.date;
  CANJE_RETURN_IF_ERROR(at("date", CheckDay(day, "--on")));
  instance::Role viewer = instance.role();

  store::PersonFilter filter;
  filter.holder = query.holder;
  filter.nationality = query.nationality;
  if (!query.category.empty()) {
    auto category = registry::ParseCategory(query.category);
    if (!category.ok()) {
      return at("category", Status::Usage("--category: " + category.status().message()));
    }
    filter.category = std::string(*category);
  }
  instance::RestrictToNeedToKnow(instance, filter);
  std::vector<int64_t> ids;
  std::vector<int64_t> wanted = query.persons;
  std::sort(wanted.begin(), wanted.end());
  if (wanted.size() == 1) filter.person_id = wanted.front();
  CANJE_RETURN_IF_ERROR(instance.store().ForEachPerson(filter, [&](const store::PersonView& p) {
    if (wanted.empty() || std::binary_search(wanted.begin(), wanted.end(), p.person.id)) {
      ids.push_back(p.person.id);
    }
    return Status::Ok();
  }));
  for (int64_t id : wanted) {
    if (!std::binary_search(ids.begin(), ids.end(), id)) {
      // Unknown, filtered out, or not visible to the reader: all read the same.
      return Status::NotFound(
          "no person " + instance::PersonId(id) +
          (filter.holder.empty() && filter.nationality.empty() && filter.category.empty()
               ? ""
               : " matching the filters"));
    }
  }
  CANJE_ASSIGN_OR_RETURN(auto obstacles,
                         TransferObstaclesForAll(instance.store(), instance.vault(), ids, query.destination, day));
  std::vector<PersonEligibility> out;
  out.reserve(ids.size());
  for (int64_t id : ids) {
    PersonEligibility entry;
    entry.person_id = id;
    entry.ready_for_handover = obstacles[id].empty();
    entry.selectable = !BlocksSelection(obstacles[id]);
    for (ObstacleAsRead& read : ObstaclesAsRead(obstacles[id], viewer)) {
      entry.reasons.push_back({std::move(read.kind), read.blocks_selection, std::move(read.text)});
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace canje::negotiation
