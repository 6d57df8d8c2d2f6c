#include "wire/json_values.h"

#include "instance/ids.h"

namespace canje::wire {

nlohmann::json IdsJson(const std::vector<int64_t>& ids, std::string (*id_text)(int64_t)) {
  nlohmann::json out = nlohmann::json::array();
  for (int64_t id : ids) out.push_back(id_text(id));
  return out;
}

nlohmann::json PersonIdsJson(const std::vector<int64_t>& persons) {
  return IdsJson(persons, instance::PersonId);
}

}  // namespace canje::wire
