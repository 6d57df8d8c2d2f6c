#include "negotiation/candidates.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "core/clock.h"
#include "instance/ids.h"
#include "registry/dates.h"
#include "registry/list_kinds.h"

namespace canje::negotiation {
namespace {

bool IsConfirmedCustody(const store::ClaimedCustodyRow& row) {
  return row.status == "held" && registry::ConfirmsCustody(row.list_kind) &&
         row.list_party == row.holder;
}

// What the store says about a person who is not confirmed as held, without personal data.
std::string CustodyProblem(const std::vector<store::ClaimedCustodyRow>& rows) {
  if (rows.empty()) return "not confirmed as held: no custody record";
  std::string text = "not confirmed as held: ";
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    if (i > 0) text += "; ";
    std::string source = row.list_id == 0 ? std::string("no list")
                                          : instance::ListId(row.list_id) + " (" + row.list_kind +
                                                " of " + row.list_party + ")";
    if (row.status != "held") {
      text += row.holder + " reports " + row.status + " in " + source;
    } else {
      text += "held by " + row.holder + " according to " + source + ", not " + row.holder +
              "'s own custody roster";
    }
  }
  return text;
}

int CapToInt(int64_t cap) {
  return static_cast<int>(std::min<int64_t>(cap, std::numeric_limits<int>::max()));
}

}  // namespace

ClaimDecision DecideClaim(const store::ClaimRow& claim,
                          const std::vector<store::ClaimedCustodyRow>& custody_of_person,
                          const std::vector<Obstacle>& obstacles, const ExchangeDetails& exchange) {
  ClaimDecision decision;
  for (const Obstacle& obstacle : obstacles) {
    (obstacle.blocks_selection ? decision.blocking : decision.handover).push_back(obstacle);
  }
  std::set<std::string> confirmed;
  for (const auto& row : custody_of_person) {
    if (row.person_id == claim.person_id && IsConfirmedCustody(row)) confirmed.insert(row.holder);
  }
  std::vector<std::string> outside;
  for (const std::string& holder : confirmed) {
    if (exchange.BlocOf(holder) != nullptr) {
      decision.holders.push_back(holder);
    } else {
      outside.push_back(holder);
    }
  }
  if (confirmed.empty()) {
    decision.custody_problem_kind = "not_confirmed_held";
    decision.custody_problem = CustodyProblem(custody_of_person);
  } else if (decision.holders.empty()) {
    std::string holders;
    for (const std::string& holder : outside) holders += (holders.empty() ? "" : ", ") + holder;
    decision.custody_problem_kind = "holder_not_in_exchange";
    decision.custody_problem =
        "held by " + holders + ", not a party to " + ExchangeId(exchange.exchange.id);
  }
  return decision;
}

std::vector<Reason> ObstacleReasons(const std::vector<Obstacle>& obstacles, instance::Role viewer) {
  std::vector<Reason> reasons;
  for (ObstacleAsRead& read : ObstaclesAsRead(obstacles, viewer)) {
    Reason reason{std::move(read.kind), std::move(read.text)};
    if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
      reasons.push_back(std::move(reason));
    }
  }
  return reasons;
}

std::vector<Reason> ExclusionReasons(const ClaimDecision& decision, instance::Role viewer) {
  if (!decision.holders.empty() && decision.blocking.empty()) return {};
  std::vector<Reason> reasons;
  if (!decision.custody_problem_kind.empty()) {
    reasons.push_back({decision.custody_problem_kind, decision.custody_problem});
  }
  for (Reason& reason : ObstacleReasons(decision.blocking, viewer)) {
    reasons.push_back(std::move(reason));
  }
  return reasons;
}

Result<ExchangeCandidates> BuildCandidates(instance::Instance& instance, int64_t exchange_id,
                                           std::string_view date) {
  ExchangeCandidates result;
  if (!date.empty()) {
    Result<registry::PartialDate> day = registry::ParseDate(date);
    if (!day.ok() || day->precision != registry::PartialDate::Precision::kDay ||
        day->ToIso() != date) {
      return Status::Usage("'" + std::string(date) + "' is not a date; write it as YYYY-MM-DD");
    }
  }
  CANJE_ASSIGN_OR_RETURN(result.details, LoadExchange(instance, exchange_id));
  // A claim made before `canje link` merged its person counts for the person they were found to
  // be (one level: reconciliation merges into the representative directly).
  CANJE_ASSIGN_OR_RETURN(auto merged, store::MergedClaimedPersons(instance.store(), exchange_id));
  for (auto& claim : result.details.claims) {
    auto found = merged.find(claim.person_id);
    if (found != merged.end()) claim.person_id = found->second;
  }
  result.date = date.empty() ? TodayIso() : std::string(date);
  const ExchangeDetails& details = result.details;

  CANJE_ASSIGN_OR_RETURN(auto custody_rows,
                         store::CustodyOfClaimedPersons(instance.store(), exchange_id));
  std::map<int64_t, std::vector<store::ClaimedCustodyRow>> custody;
  for (auto& row : custody_rows) custody[row.person_id].push_back(std::move(row));

  // Obstacles per destination, in one batch each.
  std::map<std::string, std::vector<int64_t>> persons_by_destination;
  for (const auto& claim : details.claims) {
    persons_by_destination[claim.destination].push_back(claim.person_id);
  }
  std::map<std::string, std::map<int64_t, std::vector<Obstacle>>> obstacles;
  for (auto& [destination, persons] : persons_by_destination) {
    std::sort(persons.begin(), persons.end());
    persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
    CANJE_ASSIGN_OR_RETURN(
        obstacles[destination],
        TransferObstaclesForAll(instance.store(), instance.vault(), persons, destination, result.date));
  }

  std::map<std::pair<int64_t, std::string>, double> costs;
  for (const auto& cost : details.costs) costs[{cost.person_id, cost.holder}] = cost.cost;

  solver::Instance& model = result.instance;
  for (const ExchangeBloc& bloc : details.blocs) {
    if (!bloc.parties.empty()) model.blocs.push_back({bloc.name, bloc.parties, bloc.rule});
  }
  if (details.exchange.max_size) model.max_size = CapToInt(*details.exchange.max_size);
  if (details.exchange.max_parties) model.max_parties = CapToInt(*details.exchange.max_parties);
  model.objective = details.exchange.objective == "value" ? solver::Objective::kValue
                                                          : solver::Objective::kPeople;

  static const std::vector<store::ClaimedCustodyRow> kNoCustody;
  for (const auto& claim : details.claims) {
    auto found = custody.find(claim.person_id);
    ClaimDecision decision = DecideClaim(claim, found == custody.end() ? kNoCustody : found->second,
                                         obstacles[claim.destination][claim.person_id], details);
    std::vector<Reason> reasons = ExclusionReasons(decision, instance.role());
    if (!reasons.empty()) {
      result.excluded.push_back(
          {claim.id, claim.person_id, claim.claimant, claim.destination, std::move(reasons)});
      continue;
    }
    std::vector<Reason> notes = ObstacleReasons(decision.handover, instance.role());
    for (const std::string& holder : decision.holders) {
      solver::Candidate candidate;
      candidate.id = "C" + std::to_string(claim.id);
      if (decision.holders.size() > 1) candidate.id += "." + holder;
      candidate.person = instance::PersonId(claim.person_id);
      candidate.from = holder;
      candidate.to = claim.destination;
      candidate.beneficiary = claim.claimant;
      candidate.value = claim.value;
      auto cost = costs.find({claim.person_id, holder});
      candidate.cost = cost == costs.end() ? 1.0 : cost->second;
      candidate.priority = static_cast<int>(std::min<int64_t>(claim.priority, 1 << 30));
      candidate.unconditional = claim.unconditional;
      model.candidates.push_back(std::move(candidate));
      result.candidates.push_back({claim.id, claim.person_id, notes});
    }
  }
  return result;
}

}  // namespace canje::negotiation
