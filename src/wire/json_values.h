// Small JSON values that several wire shapes carry: a list of ids in their text form ("P3",
// "L2", ...) and a value that may be absent (null). The mappings build them here so that each
// form is written once.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace canje::wire {

// [id_text(ids[0]), id_text(ids[1]), ...]: the ids in their order, each in its text form
// (instance::PersonId, instance::ListId, instance::RecordId); [] for none.
nlohmann::json IdsJson(const std::vector<int64_t>& ids, std::string (*id_text)(int64_t));

// IdsJson(persons, instance::PersonId): ["P3", "P5", ...].
nlohmann::json PersonIdsJson(const std::vector<int64_t>& persons);

// `value` as JSON, or null when it is absent.
template <typename T>
nlohmann::json OrNull(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// What `map` (a function or a member function of T) makes of `value`, or null when it is absent.
template <typename T, typename Map>
nlohmann::json OrNull(const std::optional<T>& value, Map map) {
  return value ? nlohmann::json(std::invoke(map, *value)) : nlohmann::json(nullptr);
}

}  // namespace canje::wire
