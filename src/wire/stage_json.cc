#include "wire/stage_json.h"

#include "instance/ids.h"
#include "negotiation/exchange.h"
#include "wire/execution_json.h"

namespace canje::wire {

nlohmann::json StageJson(const negotiation::StageView& view, const Names& names) {
  const store::StageRow& stage = view.stage;
  nlohmann::json persons = nlohmann::json::array();
  for (const negotiation::Transfer& transfer : view.persons) {
    nlohmann::json person = {{"person", instance::PersonId(transfer.person_id)},
                             {"from", transfer.from},
                             {"to", transfer.to}};
    if (std::string name = NameOf(names, transfer.person_id); !name.empty()) person["name"] = name;
    persons.push_back(std::move(person));
  }
  nlohmann::json out = {{"exchange", negotiation::ExchangeId(stage.exchange_id)},
                        {"stage", stage.number},
                        {"name", stage.name},
                        {"date", stage.planned_on},
                        {"place", stage.place},
                        {"state", stage.state},
                        {"postponements", stage.postponements},
                        {"started_at", stage.started_at},
                        {"completed_at", stage.completed_at},
                        {"counts", view.counts},
                        {"handed_over", view.handed_over},
                        {"not_travelling", view.not_travelling},
                        {"persons", persons}};
  if (!stage.postponed_reason.empty()) out["postponed_reason"] = stage.postponed_reason;
  return out;
}

std::vector<int64_t> PersonsOf(const std::vector<negotiation::StageView>& views) {
  std::vector<int64_t> persons;
  for (const negotiation::StageView& view : views) {
    for (const negotiation::Transfer& transfer : view.persons) persons.push_back(transfer.person_id);
  }
  return persons;
}

}  // namespace canje::wire
