#include "negotiation/eligibility.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "instance/ids.h"
#include "instance/need_to_know.h"
#include "instance/sealed_texts.h"
#include "negotiation/hold_scope.h"
#include "store/link_tables.h"
#include "store/holds_tables.h"

namespace canje::negotiation {
namespace {

Obstacle ErasedObstacle(const store::PersonRow& person) {
  return {ObstacleKind::kErased, true, false,
          instance::PersonId(person.id) + " was erased on " + person.erased_at};
}

Obstacle HoldObstacle(const store::HoldRow& hold) {
  std::string detail = "legal hold " + HoldId(hold.id) + ": " + hold.issuer + ", " +
                       hold.reference + " (in force from " + hold.effective_from;
  if (!hold.effective_until.empty()) detail += " until " + hold.effective_until;
  detail += ")";
  return {ObstacleKind::kLegalHold, true, false, detail};
}

std::string InterviewLabel(const store::InterviewRow& interview) {
  return "interview I" + std::to_string(interview.id) + " of " + interview.interviewed_on + " by " +
         interview.recorded_by;
}

// The latest interview about `destination` among `interviews` (any person), or null.
const store::InterviewRow* LatestInterview(
    const std::vector<const store::InterviewRow*>& interviews, std::string_view destination) {
  const store::InterviewRow* latest = nullptr;
  for (const store::InterviewRow* interview : interviews) {
    if (interview->destination != destination) continue;
    if (latest == nullptr || std::tie(interview->interviewed_on, interview->id) >
                                 std::tie(latest->interviewed_on, latest->id)) {
      latest = interview;
    }
  }
  return latest;
}

void AddInterviewObstacles(const store::InterviewRow* interview, std::string_view destination,
                           std::vector<Obstacle>& out) {
  if (interview == nullptr) {
    out.push_back({ObstacleKind::kConsentNotGiven, false, true,
                   "no interview yet about a transfer to " + std::string(destination)});
    return;
  }
  // An interview that does not clear the person blocks selection too, whatever the reason: so
  // that a refusal reads like every other personal assessment (eligibility.h).
  std::string label = InterviewLabel(*interview);
  std::string short_label =
      "I" + std::to_string(interview->id) + " of " + interview->interviewed_on;
  if (interview->consent == "refuses") {
    // A refusal says everything: nothing else from the interview is shown beside it.
    out.push_back({ObstacleKind::kConsentRefused, true, true,
                   "refused a transfer to " + std::string(destination) + " (" + label + ")"});
    return;
  }
  if (interview->consent != "consents") {
    out.push_back(
        {ObstacleKind::kConsentNotGiven, true, true,
         "undecided about a transfer to " + std::string(destination) + " (" + label + ")"});
  }
  if (interview->identity != "confirmed") {
    out.push_back({ObstacleKind::kIdentityUnconfirmed, true, true,
                   "identity not confirmed (" + short_label + ")"});
  }
  if (!interview->fit_to_travel) {
    out.push_back(
        {ObstacleKind::kUnfitToTravel, true, true, "not fit to travel (" + short_label + ")"});
  }
}

// Obstacles of one person, given the holds in force and the person's interviews. `merged` are
// the ids reconciliation merged into the person: the same human being, so holds listing them
// cover the person too (their interviews are among `interviews`).
std::vector<Obstacle> ObstaclesOf(const store::PersonView& person,
                                  const std::vector<int64_t>& merged,
                                  const std::vector<store::HoldRow>& holds_in_force,
                                  const std::vector<const store::InterviewRow*>& interviews,
                                  std::string_view destination) {
  std::vector<Obstacle> out;
  for (const store::HoldRow& hold : holds_in_force) {
    bool covered = HoldCovers(hold, person);
    for (int64_t alias : merged) {
      covered = covered || (!hold.persons.empty() && std::binary_search(hold.persons.begin(),
                                                                        hold.persons.end(), alias));
    }
    if (covered) out.push_back(HoldObstacle(hold));
  }
  if (!person.person.erased_at.empty()) {
    out.push_back(ErasedObstacle(person.person));
  } else {
    AddInterviewObstacles(LatestInterview(interviews, destination), destination, out);
  }
  std::stable_sort(out.begin(), out.end(), [](const Obstacle& a, const Obstacle& b) {
    return static_cast<int>(a.kind) < static_cast<int>(b.kind);
  });
  return out;
}

Result<std::vector<store::HoldRow>> HoldsInForce(store::Store& store, protect::Vault& vault,
                                                 std::string_view date) {
  CANJE_ASSIGN_OR_RETURN(auto holds, store::Holds(store));
  CANJE_RETURN_IF_ERROR(instance::OpenHolds(vault, holds));
  std::erase_if(holds, [&](const store::HoldRow& hold) { return !HoldInForce(hold, date); });
  return holds;
}

}  // namespace

Result<std::vector<Obstacle>> TransferObstacles(store::Store& store, protect::Vault& vault,
                                                int64_t person_id, std::string_view destination,
                                                std::string_view date) {
  CANJE_ASSIGN_OR_RETURN(auto all,
                         TransferObstaclesForAll(store, vault, {person_id}, destination, date));
  return std::move(all[person_id]);
}

Result<std::map<int64_t, std::vector<Obstacle>>> TransferObstaclesForAll(
    store::Store& store, protect::Vault& vault, const std::vector<int64_t>& person_ids,
    std::string_view destination, std::string_view date) {
  std::map<int64_t, std::vector<Obstacle>> result;
  if (person_ids.empty()) return result;
  CANJE_ASSIGN_OR_RETURN(auto holds, HoldsInForce(store, vault, date));
  // Reconciliation: a person merged into another is that person (their representative).
  CANJE_ASSIGN_OR_RETURN(auto merged, store::MergedPersonsByRepresentative(store));
  std::vector<int64_t> interviewed = person_ids;
  for (const auto& [representative, ids] : merged) {
    interviewed.push_back(representative);
    interviewed.insert(interviewed.end(), ids.begin(), ids.end());
  }
  CANJE_ASSIGN_OR_RETURN(auto interviews, store::InterviewsOfPersons(store, interviewed));
  instance::PersonKeys keys(store, vault);
  CANJE_RETURN_IF_ERROR(instance::OpenInterviews(keys, vault, interviews));
  std::unordered_map<int64_t, std::vector<const store::InterviewRow*>> by_person;
  for (const store::InterviewRow& interview : interviews) {
    by_person[interview.person_id].push_back(&interview);
  }
  std::set<int64_t> wanted(person_ids.begin(), person_ids.end());
  // Evaluates the representative `person` for the id `asked` (itself, or one merged into it).
  auto evaluate_as = [&](int64_t asked, const store::PersonView& person) {
    static const std::vector<int64_t> kNone;
    auto found = merged.find(person.person.id);
    const std::vector<int64_t>& aliases = found == merged.end() ? kNone : found->second;
    std::vector<const store::InterviewRow*> all = by_person[person.person.id];
    for (int64_t alias : aliases) {
      all.insert(all.end(), by_person[alias].begin(), by_person[alias].end());
    }
    result[asked] = ObstaclesOf(person, aliases, holds, all, destination);
  };
  auto evaluate = [&](const store::PersonView& person) { evaluate_as(person.person.id, person); };
  // One id: its representative's view when it was merged.
  auto evaluate_id = [&](int64_t id) -> Status {
    CANJE_ASSIGN_OR_RETURN(auto person, store.FindPerson(id));
    if (!person) return Status::NotFound("no person " + instance::PersonId(id));
    if (person->person.merged_into != 0) {
      CANJE_ASSIGN_OR_RETURN(auto representative, store.FindPerson(person->person.merged_into));
      if (representative) person = std::move(representative);
    }
    evaluate_as(id, *person);
    return Status::Ok();
  };
  if (wanted.size() <= 64) {
    for (int64_t id : wanted) CANJE_RETURN_IF_ERROR(evaluate_id(id));
    return result;
  }
  // Many persons: one ordered pass over the persons table instead of a query each.
  CANJE_RETURN_IF_ERROR(store.ForEachPerson({}, [&](const store::PersonView& person) -> Status {
    if (wanted.contains(person.person.id)) evaluate(person);
    return Status::Ok();
  }));
  // Persons the pass does not visit (merged into another by reconciliation) are read one by one.
  for (int64_t id : wanted) {
    if (!result.contains(id)) CANJE_RETURN_IF_ERROR(evaluate_id(id));
  }
  return result;
}

std::vector<ObstacleAsRead> ObstaclesAsRead(const std::vector<Obstacle>& obstacles,
                                            instance::Role viewer) {
  const bool reads_why = instance::ReadsPersonalAssessments(viewer);
  std::vector<ObstacleAsRead> out;
  size_t hidden = obstacles.size();  // the index of the confidential line, once there is one
  for (const Obstacle& obstacle : obstacles) {
    if (!obstacle.confidential || reads_why) {
      out.push_back({std::string(ObstacleKindName(obstacle.kind)), obstacle.detail,
                     obstacle.blocks_selection});
      continue;
    }
    if (hidden == obstacles.size()) {
      hidden = out.size();
      out.push_back({"confidential", std::string(kNotAvailableConfidential), false});
    }
    out[hidden].blocks_selection = out[hidden].blocks_selection || obstacle.blocks_selection;
  }
  return out;
}

std::vector<std::string> DescribeObstacles(const std::vector<Obstacle>& obstacles,
                                           instance::Role viewer) {
  std::vector<std::string> out;
  for (ObstacleAsRead& read : ObstaclesAsRead(obstacles, viewer)) out.push_back(read.text);
  return out;
}

bool BlocksSelection(const std::vector<Obstacle>& obstacles) {
  return std::any_of(obstacles.begin(), obstacles.end(),
                     [](const Obstacle& obstacle) { return obstacle.blocks_selection; });
}

bool NoOverrideExists(const std::vector<Obstacle>& obstacles) {
  return std::any_of(obstacles.begin(), obstacles.end(), [](const Obstacle& obstacle) {
    return obstacle.kind == ObstacleKind::kLegalHold ||
           (obstacle.confidential && obstacle.blocks_selection);
  });
}

std::string_view ObstacleKindName(ObstacleKind kind) {
  switch (kind) {
    case ObstacleKind::kLegalHold:
      return "legal_hold";
    case ObstacleKind::kConsentRefused:
      return "consent_refused";
    case ObstacleKind::kConsentNotGiven:
      return "consent_not_given";
    case ObstacleKind::kIdentityUnconfirmed:
      return "identity_unconfirmed";
    case ObstacleKind::kUnfitToTravel:
      return "unfit_to_travel";
    case ObstacleKind::kErased:
      return "erased";
  }
  return "unknown";
}

}  // namespace canje::negotiation
