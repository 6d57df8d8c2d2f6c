#include "wire/link_model_json.h"

namespace canje::wire {

using nlohmann::json;

json LinkModelJson(const reconciliation::SavedLinkModel& model) {
  const reconciliation::LinkModelSettings& s = model.settings;
  json fields = json::array();
  for (const auto& [column, kind] : s.fields) fields.push_back({{"column", column}, {"kind", kind}});
  json comparisons = json::array();
  for (const reconciliation::ComparisonParameters& comparison : model.comparisons) {
    json levels = json::array();
    for (const reconciliation::LevelParameters& level : comparison.levels) {
      levels.push_back(
          {{"level", level.level}, {"m", level.m}, {"u", level.u}, {"weight", level.weight}});
    }
    comparisons.push_back({{"comparison", comparison.comparison}, {"levels", levels}});
  }
  return {{"run", model.run},
          {"runs", model.runs},
          {"event", model.event_seq},
          {"trained_at", model.trained_at},
          {"trained_by", model.trained_by},
          {"records_compared", model.records_compared},
          {"data_sha256", model.data_sha256},
          {"names_counted", model.names_counted},
          {"settings",
           {{"threshold", s.threshold},
            {"review_band", {s.review_low, s.review_high}},
            {"orphan_floor", s.orphan_floor},
            {"fields", fields},
            {"max_block_size", s.max_block_size},
            {"u_sample_pairs", s.u_sample_pairs},
            {"em_sample_pairs", s.em_sample_pairs},
            {"seed", s.seed},
            {"cluster_link_density", s.cluster_link_density},
            {"max_cluster_size", s.max_cluster_size},
            {"same_list_probability", s.same_list_probability}}},
          {"prior", model.prior},
          {"prior_log2_odds", model.prior_log2_odds},
          {"comparisons", comparisons}};
}

json ModelSourceJson(const reconciliation::ModelSource& source) {
  if (source.run == 0) return {{"run", nullptr}, {"retrained", true}};
  return {{"run", source.run}, {"event", source.event_seq}, {"trained_at", source.trained_at}};
}

}  // namespace canje::wire
