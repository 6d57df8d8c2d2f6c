#include "registry/summary.h"

#include "registry/text_fold.h"

namespace canje::registry {

Result<InstanceSummary> Summarize(instance::Instance& instance) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadRegistry));
  InstanceSummary summary;
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(summary.parties, store.Parties());
  CANJE_ASSIGN_OR_RETURN(summary.lists, store.Lists());
  CANJE_ASSIGN_OR_RETURN(summary.events, store.EventCount());
  std::map<std::string, HolderSummary> holders;
  CANJE_RETURN_IF_ERROR(store.ForEachPerson({}, [&](const store::PersonView& view) {
    ++summary.persons;
    if (!view.person.erased_at.empty()) ++summary.erased;
    for (const store::CustodyRow& custody : view.custody) {
      HolderSummary& holder = holders[custody.holder];
      holder.holder = custody.holder;
      ++holder.persons;
      ++holder.by_status[custody.status];
      ++holder.by_charges[custody.charge_status];
      if (custody.evidence_disclosed && !*custody.evidence_disclosed) {
        ++holder.no_evidence_disclosed;
      }
      for (std::string_view category : SplitList(view.person.categories, "|")) {
        if (!category.empty()) ++holder.by_category[std::string(category)];
      }
      std::vector<std::string_view> nationalities = SplitList(view.person.nationalities, "|");
      ++holder.by_nationality[nationalities.empty() ? "" : std::string(nationalities.front())];
    }
    return Status::Ok();
  }));
  for (auto& [code, holder] : holders) summary.holders.push_back(std::move(holder));
  return summary;
}

Result<std::vector<store::ListRow>> ReadLists(instance::Instance& instance) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadRegistry));
  return instance.store().Lists();
}

}  // namespace canje::registry
