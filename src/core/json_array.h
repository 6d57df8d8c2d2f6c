// A JSON array built from rows: what a list answer of the API and a list printed with --json
// both write.
#pragma once

#include <nlohmann/json.hpp>

namespace canje {

// `map(row)` for each of `rows`, in order; an empty array for no rows.
template <typename Rows, typename Map>
nlohmann::json JsonArrayOf(const Rows& rows, Map map) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : rows) out.push_back(map(row));
  return out;
}

}  // namespace canje
