#include "reconciliation/review_access.h"

#include <nlohmann/json.hpp>

#include "instance/event_types.h"
#include "instance/ids.h"
#include "instance/need_to_know.h"

namespace canje::reconciliation {

Status RecordNotFound(int64_t record_id) {
  return Status::NotFound("no record " + instance::RecordId(record_id) +
                          " that you may see; `canje review list` and `canje person show` name "
                          "records");
}

Result<bool> SeesLinkRecord(instance::Instance& instance, const store::LinkRecordRow& record,
                            const store::ListRow& list) {
  return instance::SeesRecord(instance, list, record.person_id);
}

Result<PairSight> SightOfPair(instance::Instance& instance, const store::LinkRecordRow& left,
                              const store::ListRow& left_list, const store::LinkRecordRow& right,
                              const store::ListRow& right_list) {
  CANJE_ASSIGN_OR_RETURN(bool sees_left, SeesLinkRecord(instance, left, left_list));
  CANJE_ASSIGN_OR_RETURN(bool sees_right, SeesLinkRecord(instance, right, right_list));
  if (sees_left && sees_right) return PairSight::kBoth;
  if (sees_left) return PairSight::kLeftOnly;
  if (sees_right) return PairSight::kRightOnly;
  return PairSight::kNeither;
}

Status AuthorizeDecision(instance::Instance& instance, const store::ListRow& left_list,
                         const store::ListRow& right_list, bool queued) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReviewLinks));
  if (instance::SeesEveryPerson(instance.role())) return Status::Ok();
  const std::string& party = instance.actor().party;
  if (left_list.party != party && right_list.party != party) {
    return Status::NotPermitted(
        "a " + std::string(instance::RoleName(instance.role())) + " of " + party +
        " may review only pairs with a record on a list " + party + " submitted; these records "
        "are on " + instance::ListId(left_list.id) + " (" + left_list.party + ") and " +
        instance::ListId(right_list.id) + " (" + right_list.party + ")");
  }
  if (!queued) {
    return Status::NotPermitted("a " + std::string(instance::RoleName(instance.role())) +
                                " decides only the pairs the review queue offers it (canje "
                                "review list); ask a mediator or a verifier to decide on "
                                "other pairs");
  }
  return Status::Ok();
}

Status RecordPairReads(instance::Instance& instance,
                       const std::vector<std::pair<int64_t, int64_t>>& pairs,
                       const std::string& command) {
  if (pairs.empty()) return Status::Ok();
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& [left, right] : pairs) {
    listed.push_back({instance::RecordId(left), instance::RecordId(right)});
  }
  return instance.Change([&](instance::Recorder& recorder) -> Status {
    return recorder.Record(events::kReviewRead, {}, {{"command", command}, {"pairs", listed}})
        .status();
  });
}

}  // namespace canje::reconciliation
