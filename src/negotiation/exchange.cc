#include "negotiation/exchange.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "instance/event_types.h"
#include "instance/ids.h"
#include "instance/need_to_know.h"
#include "negotiation/occurred_at.h"
#include "solver/instance_json.h"
#include "store/agreement_tables.h"
#include "store/exchange_participant_tables.h"

namespace canje::negotiation {
namespace {

using instance::Action;
using instance::Instance;
using instance::Recorder;
using instance::Role;

bool IsBlocName(std::string_view name) {
  return !name.empty() && name.size() <= 32 && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '+';
  });
}

Status CheckNumber(double value, std::string_view what) {
  if (!std::isfinite(value) || value < 0) {
    return Status::Usage(std::string(what) + " must be a finite number >= 0");
  }
  return Status::Ok();
}

Status ExchangeNotFound(int64_t exchange_id) {
  return Status::NotFound("no exchange " + ExchangeId(exchange_id) +
                          " that you may see; list them with `canje exchange list`");
}

// The exchange, or kNotFound naming how to see the existing ones.
Result<store::ExchangeRow> FindExchangeOrFail(Instance& instance, int64_t exchange_id) {
  CANJE_ASSIGN_OR_RETURN(auto exchange, store::FindExchange(instance.store(), exchange_id));
  if (!exchange) return ExchangeNotFound(exchange_id);
  return *exchange;
}

// May the acting user read `exchange` as a whole (its sides, claims, candidates)?
Result<bool> MayRead(Instance& instance, const store::ExchangeRow& exchange) {
  if (!instance.Authorize(Action::kReadExchanges).ok()) return false;
  return SeesExchange(instance, exchange);
}

Result<std::set<std::string>> PartiesOf(Instance& instance, int64_t exchange_id) {
  CANJE_ASSIGN_OR_RETURN(auto rows, store::ExchangeParties(instance.store(), exchange_id));
  std::set<std::string> parties;
  for (const auto& row : rows) parties.insert(row.party);
  return parties;
}

Status NotAParty(int64_t exchange_id, std::string_view party) {
  return Status::Usage(std::string(party) + " is not a party to " + ExchangeId(exchange_id) +
                       "; a mediator adds it with `canje exchange party add " +
                       ExchangeId(exchange_id) + " " + std::string(party) + " --bloc SIDE`");
}

// The parties of exchange `exchange_id`, once the actor may claim in it and read it: what claims
// and release costs check first.
Result<std::set<std::string>> PartiesToClaimIn(Instance& instance, int64_t exchange_id) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kClaimInExchange));
  CANJE_ASSIGN_OR_RETURN(store::ExchangeRow exchange, FindExchangeOrFail(instance, exchange_id));
  CANJE_ASSIGN_OR_RETURN(bool readable, MayRead(instance, exchange));
  if (!readable) return ExchangeNotFound(exchange_id);
  return PartiesOf(instance, exchange_id);
}

}  // namespace

std::string ExchangeId(int64_t id) { return "X" + std::to_string(id); }

std::string ExchangeStart(const store::ExchangeRow& exchange) {
  return EffectiveTime(exchange.occurred_at, exchange.created_at);
}

// A claim that writes nothing checks it on the store as read.
Status CheckExchangeRevision(store::Store& store, int64_t exchange_id, int64_t expected) {
  if (expected == 0) return Status::Ok();
  CANJE_ASSIGN_OR_RETURN(int64_t now, store::ExchangeRevision(store, exchange_id));
  if (now == expected) return Status::Ok();
  return Status::Conflict(ExchangeId(exchange_id) + " is at revision " + std::to_string(now) +
                          ", not " + std::to_string(expected) +
                          ": it changed since you read it; read it again and decide on what it "
                          "now says");
}

Result<ExchangeAccess> AccessToExchange(Instance& instance, const store::ExchangeRow& exchange) {
  if (instance::SeesEveryPerson(instance.role())) return ExchangeAccess::kWhole;
  const std::string& party = instance.actor().party;
  if (exchange.mediator == party) return ExchangeAccess::kWhole;
  CANJE_ASSIGN_OR_RETURN(auto parties, store::ExchangeParties(instance.store(), exchange.id));
  if (std::any_of(parties.begin(), parties.end(),
                  [&](const store::ExchangePartyRow& row) { return row.party == party; })) {
    return ExchangeAccess::kWhole;
  }
  auto listed = [&](std::string_view role) -> Result<bool> {
    CANJE_ASSIGN_OR_RETURN(auto rows,
                           store::ExchangeParticipants(instance.store(), exchange.id, role));
    return std::any_of(rows.begin(), rows.end(), [&](const store::ExchangeParticipantRow& row) {
      return row.party == party;
    });
  };
  // A guarantor signs the agreement: its users read the exchange as its parties' do.
  CANJE_ASSIGN_OR_RETURN(bool guarantor, listed(store::kGuarantorRole));
  if (guarantor) return ExchangeAccess::kWhole;
  // An observer organisation attached to the exchange: only its users with the role observer.
  if (instance.role() != Role::kObserver) return ExchangeAccess::kNone;
  CANJE_ASSIGN_OR_RETURN(bool observer, listed(store::kObserverRole));
  return observer ? ExchangeAccess::kObserved : ExchangeAccess::kNone;
}

Result<bool> SeesExchange(Instance& instance, const store::ExchangeRow& exchange) {
  CANJE_ASSIGN_OR_RETURN(ExchangeAccess access, AccessToExchange(instance, exchange));
  return access != ExchangeAccess::kNone;
}

Result<bool> SeesVersionOf(Instance& instance, const store::ExchangeRow& exchange,
                           int64_t version_id) {
  CANJE_ASSIGN_OR_RETURN(ExchangeAccess access, AccessToExchange(instance, exchange));
  if (access != ExchangeAccess::kObserved) return access == ExchangeAccess::kWhole;
  CANJE_ASSIGN_OR_RETURN(auto state, store::FindExchangeState(instance.store(), exchange.id));
  return state && state->agreed_version != 0 && state->agreed_version == version_id;
}

Result<int64_t> ParseExchangeId(std::string_view text) {
  return instance::ParseId(text, 'X', "exchange");
}

Result<solver::Rule::Kind> ParseRuleKind(std::string_view text) {
  if (text == "none") return solver::Rule::Kind::kNone;
  if (text == "count") return solver::Rule::Kind::kCount;
  if (text == "value") return solver::Rule::Kind::kValue;
  return Status::Usage("unknown rule '" + std::string(text) +
                       "'; use none, count (number received >= ratio x number given) or value "
                       "(value received >= ratio x cost given)");
}

Result<solver::Objective> ParseObjective(std::string_view text) {
  if (text == "people") return solver::Objective::kPeople;
  if (text == "value") return solver::Objective::kValue;
  return Status::Usage("unknown objective '" + std::string(text) +
                       "'; use people (most persons released) or value (most value)");
}

std::string ObjectiveName(solver::Objective objective) {
  return objective == solver::Objective::kValue ? "value" : "people";
}

Result<int64_t> CreateExchange(Instance& instance, const NewExchange& exchange) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageExchanges));
  if (exchange.name.empty()) return Status::Usage("an exchange needs a name");
  if (!exchange.occurred_at.empty()) {
    CANJE_RETURN_IF_ERROR(CheckOccurredAt(instance, exchange.occurred_at, {}));
  }
  CANJE_ASSIGN_OR_RETURN(auto mediator, instance.store().FindParty(exchange.mediator));
  if (!mediator) {
    return Status::NotFound("no party " + exchange.mediator +
                            "; list the parties with `canje party list`");
  }
  int64_t id = 0;
  CANJE_RETURN_IF_ERROR(instance.Change([&](Recorder& recorder) -> Status {
    store::ExchangeRow row;
    row.name = exchange.name;
    row.mediator = exchange.mediator;
    row.occurred_at = exchange.occurred_at;
    CANJE_ASSIGN_OR_RETURN(id, store::AddExchange(recorder.transaction(), row));
    nlohmann::json payload = {
        {"exchange", ExchangeId(id)}, {"name", exchange.name}, {"mediator", exchange.mediator}};
    AddOccurredAt(payload, exchange.occurred_at);
    return recorder.Record(events::kExchangeCreated, {ExchangeId(id), exchange.mediator}, payload)
        .status();
  }));
  return id;
}

Status AddExchangeParty(Instance& instance, int64_t exchange_id, std::string_view party,
                        std::string_view bloc, int64_t expect_revision) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageExchanges));
  CANJE_RETURN_IF_ERROR(FindExchangeOrFail(instance, exchange_id).status());
  if (!IsBlocName(bloc)) {
    return Status::Usage("'" + std::string(bloc) +
                         "' is not a valid side name; use letters, digits, '-', '_' or '+', at "
                         "most 32 characters, such as WEST or SLV+USA");
  }
  CANJE_ASSIGN_OR_RETURN(auto found, instance.store().FindParty(party));
  if (!found) {
    return Status::NotFound("no party " + std::string(party) +
                            "; list the parties with `canje party list`");
  }
  for (std::string_view role : {store::kGuarantorRole, store::kObserverRole}) {
    CANJE_ASSIGN_OR_RETURN(auto rows,
                           store::ExchangeParticipants(instance.store(), exchange_id, role));
    for (const auto& row : rows) {
      if (row.party != party) continue;
      const std::string article = role == store::kGuarantorRole ? "a " : "an ";
      return Status::Invalid(std::string(party) + " is " + article + std::string(role) + " of " +
                             ExchangeId(exchange_id) +
                             ", which takes part without a side; remove it first with `canje "
                             "exchange " +
                             std::string(role) + " remove " + ExchangeId(exchange_id) + " " +
                             std::string(party) + "`");
    }
  }
  CANJE_ASSIGN_OR_RETURN(auto blocs, store::ExchangeBlocs(instance.store(), exchange_id));
  bool bloc_exists =
      std::any_of(blocs.begin(), blocs.end(),
                  [&](const store::ExchangeBlocRow& row) { return row.name == bloc; });
  return instance.Change([&](Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(
        CheckExchangeRevision(recorder.transaction().store(), exchange_id, expect_revision));
    if (!bloc_exists) {
      CANJE_RETURN_IF_ERROR(store::PutExchangeBloc(recorder.transaction(),
                                                   {exchange_id, std::string(bloc), "none", 1.0}));
    }
    CANJE_RETURN_IF_ERROR(store::PutExchangeParty(
        recorder.transaction(), {exchange_id, std::string(party), std::string(bloc), ""}));
    return recorder
        .Record(events::kExchangePartyAdded, {ExchangeId(exchange_id), std::string(party)},
                {{"exchange", ExchangeId(exchange_id)},
                 {"party", party},
                 {"bloc", bloc},
                 {"new_bloc", !bloc_exists}})
        .status();
  });
}

Status SetBlocRule(Instance& instance, int64_t exchange_id, std::string_view bloc,
                   const solver::Rule& rule, int64_t expect_revision) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageExchanges));
  CANJE_RETURN_IF_ERROR(FindExchangeOrFail(instance, exchange_id).status());
  CANJE_RETURN_IF_ERROR(CheckNumber(rule.ratio, "the ratio"));
  CANJE_ASSIGN_OR_RETURN(auto blocs, store::ExchangeBlocs(instance.store(), exchange_id));
  if (std::none_of(blocs.begin(), blocs.end(),
                   [&](const store::ExchangeBlocRow& row) { return row.name == bloc; })) {
    std::string names;
    for (const auto& row : blocs) names += (names.empty() ? "" : ", ") + row.name;
    return Status::NotFound(
        "no side " + std::string(bloc) + " in " + ExchangeId(exchange_id) +
        (names.empty() ? std::string("; it has no sides yet") : "; its sides are " + names) +
        " (a side is created by `canje exchange party add ID PARTY --bloc "
        "SIDE`)");
  }
  return instance.Change([&](Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(
        CheckExchangeRevision(recorder.transaction().store(), exchange_id, expect_revision));
    CANJE_RETURN_IF_ERROR(store::PutExchangeBloc(
        recorder.transaction(),
        {exchange_id, std::string(bloc), solver::RuleKindName(rule.kind), rule.ratio}));
    return recorder
        .Record(events::kExchangeRuleSet, {ExchangeId(exchange_id)},
                {{"exchange", ExchangeId(exchange_id)},
                 {"bloc", bloc},
                 {"rule", solver::RuleToJson(rule)}})
        .status();
  });
}

Status SetExchangeCaps(Instance& instance, int64_t exchange_id, const ExchangeCaps& caps,
                       int64_t expect_revision) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageExchanges));
  CANJE_ASSIGN_OR_RETURN(store::ExchangeRow row, FindExchangeOrFail(instance, exchange_id));
  if ((caps.max_size && *caps.max_size < 0) || (caps.max_parties && *caps.max_parties < 0)) {
    return Status::Usage("caps must be numbers >= 0");
  }
  row.max_size = caps.max_size;
  row.max_parties = caps.max_parties;
  row.objective = ObjectiveName(caps.objective);
  auto cap_json = [](const std::optional<int64_t>& cap) {
    return cap ? nlohmann::json(*cap) : nlohmann::json(nullptr);
  };
  return instance.Change([&](Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(
        CheckExchangeRevision(recorder.transaction().store(), exchange_id, expect_revision));
    CANJE_RETURN_IF_ERROR(store::SetExchangeCaps(recorder.transaction(), row));
    return recorder
        .Record(events::kExchangeCapsSet, {ExchangeId(exchange_id)},
                {{"exchange", ExchangeId(exchange_id)},
                 {"max_size", cap_json(row.max_size)},
                 {"max_parties", cap_json(row.max_parties)},
                 {"objective", row.objective}})
        .status();
  });
}

Result<ExchangeCaps> ChangeExchangeCaps(Instance& instance, int64_t exchange_id,
                                        const ExchangeCapsChange& change, int64_t expect_revision) {
  // The role first: what it may not change, it learns nothing about (not even that it exists).
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kManageExchanges));
  CANJE_ASSIGN_OR_RETURN(ExchangeDetails details, LoadExchange(instance, exchange_id));
  ExchangeCaps caps{details.exchange.max_size, details.exchange.max_parties,
                    solver::Objective::kPeople};
  CANJE_ASSIGN_OR_RETURN(caps.objective, ParseObjective(details.exchange.objective));
  if (change.max_size) caps.max_size = *change.max_size;
  if (change.max_parties) caps.max_parties = *change.max_parties;
  if (change.objective) caps.objective = *change.objective;
  CANJE_RETURN_IF_ERROR(SetExchangeCaps(instance, exchange_id, caps, expect_revision));
  return caps;
}

Result<ClaimOutcome> AddClaims(Instance& instance, int64_t exchange_id,
                               const std::vector<NewClaim>& claims, ClaimMode mode,
                               int64_t expect_revision) {
  CANJE_ASSIGN_OR_RETURN(std::set<std::string> parties, PartiesToClaimIn(instance, exchange_id));
  std::vector<store::ClaimRow> rows;
  std::set<std::string> known_destinations;
  for (const NewClaim& claim : claims) {
    CANJE_RETURN_IF_ERROR(
        instance::AuthorizeForParty(instance.role(), instance.actor().party, claim.claimant));
    if (!parties.count(claim.claimant)) return NotAParty(exchange_id, claim.claimant);
    CANJE_RETURN_IF_ERROR(CheckNumber(claim.value, "the value"));
    if (claim.priority < 1) return Status::Usage("the priority must be 1 (most urgent) or more");
    store::ClaimRow row;
    row.exchange_id = exchange_id;
    row.person_id = claim.person_id;
    row.claimant = claim.claimant;
    row.destination = claim.destination.empty() ? claim.claimant : claim.destination;
    row.value = claim.value;
    row.priority = claim.priority;
    row.unconditional = claim.unconditional;
    if (!known_destinations.count(row.destination)) {
      CANJE_ASSIGN_OR_RETURN(auto destination, instance.store().FindParty(row.destination));
      if (!destination) {
        return Status::NotFound("no party " + row.destination +
                                " for the destination; list the parties with `canje party list`");
      }
      known_destinations.insert(row.destination);
    }
    CANJE_ASSIGN_OR_RETURN(auto person, instance.store().FindPerson(claim.person_id));
    if (!person) return Status::NotFound("no person " + instance::PersonId(claim.person_id));
    // A person merged by reconciliation is claimed as the person they were found to be.
    if (person->person.merged_into != 0) row.person_id = person->person.merged_into;
    rows.push_back(std::move(row));
  }
  // Whether an earlier claim stays as it is, untouched: the claimant claimed the person before
  // at a more urgent priority, and the new claim does not ask to replace it.
  auto kept = [&](const std::optional<store::ClaimRow>& existing, const store::ClaimRow& row) {
    return existing && mode == ClaimMode::kKeepStronger && existing->priority < row.priority;
  };
  ClaimOutcome outcome;
  bool writes = false;
  for (const store::ClaimRow& row : rows) {
    CANJE_ASSIGN_OR_RETURN(auto existing,
                           store::FindClaim(instance.store(), exchange_id, row.person_id,
                                            row.claimant, row.destination));
    writes |= !kept(existing, row);
  }
  if (!writes) {  // every claim kept as it was: nothing to write, nothing to log
    CANJE_RETURN_IF_ERROR(CheckExchangeRevision(instance.store(), exchange_id, expect_revision));
    outcome.kept = static_cast<int64_t>(rows.size());
    return outcome;
  }
  CANJE_RETURN_IF_ERROR(instance.Change([&](Recorder& recorder) -> Status {
    outcome = {};
    CANJE_RETURN_IF_ERROR(
        CheckExchangeRevision(recorder.transaction().store(), exchange_id, expect_revision));
    for (store::ClaimRow& row : rows) {
      CANJE_ASSIGN_OR_RETURN(auto existing,
                             store::FindClaim(recorder.transaction().store(), exchange_id,
                                              row.person_id, row.claimant, row.destination));
      if (kept(existing, row)) {
        ++outcome.kept;  // the stronger priority stays; nothing changes, nothing is logged
        continue;
      }
      if (existing) {
        row.id = existing->id;
        CANJE_RETURN_IF_ERROR(store::UpdateClaim(recorder.transaction(), row));
        ++outcome.replaced;
      } else {
        CANJE_ASSIGN_OR_RETURN(row.id, store::AddClaim(recorder.transaction(), row));
        ++outcome.added;
      }
      nlohmann::json payload = {{"exchange", ExchangeId(exchange_id)},
                                {"claim", row.id},
                                {"person", instance::PersonId(row.person_id)},
                                {"claimant", row.claimant},
                                {"destination", row.destination},
                                {"value", row.value},
                                {"priority", row.priority},
                                {"unconditional", row.unconditional},
                                {"replaces_earlier", existing.has_value()}};
      if (existing) payload["earlier_priority"] = existing->priority;
      CANJE_RETURN_IF_ERROR(
          recorder
              .Record(events::kExchangeClaimed,
                      {ExchangeId(exchange_id), instance::PersonId(row.person_id), row.claimant},
                      payload)
              .status());
    }
    return Status::Ok();
  }));
  return outcome;
}

Result<std::vector<int64_t>> PersonsOfList(Instance& instance, int64_t list_id) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadRegistry));
  CANJE_ASSIGN_OR_RETURN(auto list, instance.store().FindList(list_id));
  if (!list || !instance::OwnsOrSeesAllOf(instance, *list)) {
    return Status::NotFound("no list " + instance::ListId(list_id) +
                            " that you may see; see them with `canje lists`");
  }
  std::set<int64_t> persons;
  CANJE_RETURN_IF_ERROR(
      instance.store().ForEachRecord(list_id, [&](const store::RecordRow& record) {
        if (record.person_id != 0) persons.insert(record.person_id);
        return Status::Ok();
      }));
  if (persons.empty()) {
    return Status::Invalid("no record of " + instance::ListId(list_id) +
                           " is linked to a person; run `canje link` first");
  }
  return std::vector<int64_t>(persons.begin(), persons.end());
}

Result<std::vector<int64_t>> PersonOrListPersons(Instance& instance, std::string_view person,
                                                 std::string_view list) {
  if (person.empty() == list.empty()) {
    return Status::Usage("name one PERSON (P17) or one --list L3, not both");
  }
  if (!list.empty()) {
    CANJE_ASSIGN_OR_RETURN(int64_t list_id, instance::ParseId(list, 'L', "list"));
    return PersonsOfList(instance, list_id);
  }
  CANJE_ASSIGN_OR_RETURN(int64_t person_id, instance::ParseId(person, 'P', "person"));
  return std::vector<int64_t>{person_id};
}

Status SetReleaseCosts(Instance& instance, int64_t exchange_id, const std::vector<NewCost>& costs,
                       int64_t expect_revision) {
  CANJE_ASSIGN_OR_RETURN(std::set<std::string> parties, PartiesToClaimIn(instance, exchange_id));
  for (const NewCost& cost : costs) {
    CANJE_RETURN_IF_ERROR(
        instance::AuthorizeForParty(instance.role(), instance.actor().party, cost.holder));
    if (!parties.count(cost.holder)) return NotAParty(exchange_id, cost.holder);
    CANJE_RETURN_IF_ERROR(CheckNumber(cost.cost, "the cost"));
    CANJE_ASSIGN_OR_RETURN(auto person, instance.store().FindPerson(cost.person_id));
    if (!person) return Status::NotFound("no person " + instance::PersonId(cost.person_id));
  }
  return instance.Change([&](Recorder& recorder) -> Status {
    CANJE_RETURN_IF_ERROR(
        CheckExchangeRevision(recorder.transaction().store(), exchange_id, expect_revision));
    for (const NewCost& cost : costs) {
      CANJE_RETURN_IF_ERROR(store::PutCost(
          recorder.transaction(), {exchange_id, cost.person_id, cost.holder, cost.cost, "", ""}));
      CANJE_RETURN_IF_ERROR(
          recorder
              .Record(events::kExchangeCostSet,
                      {ExchangeId(exchange_id), instance::PersonId(cost.person_id), cost.holder},
                      {{"exchange", ExchangeId(exchange_id)},
                       {"person", instance::PersonId(cost.person_id)},
                       {"holder", cost.holder},
                       {"cost", cost.cost}})
              .status());
    }
    return Status::Ok();
  });
}

const ExchangeBloc* ExchangeDetails::BlocOf(std::string_view party) const {
  for (const ExchangeBloc& bloc : blocs) {
    if (std::find(bloc.parties.begin(), bloc.parties.end(), party) != bloc.parties.end()) {
      return &bloc;
    }
  }
  return nullptr;
}

Result<store::ExchangeRow> FindVisibleExchange(Instance& instance, int64_t exchange_id) {
  CANJE_ASSIGN_OR_RETURN(store::ExchangeRow exchange, FindExchangeOrFail(instance, exchange_id));
  CANJE_ASSIGN_OR_RETURN(bool visible, SeesExchange(instance, exchange));
  if (!visible) return ExchangeNotFound(exchange_id);
  return exchange;
}

Result<ExchangeDetails> LoadExchange(Instance& instance, int64_t exchange_id) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadExchanges));
  return LoadExchangeTerms(instance, exchange_id);
}

Result<ExchangeDetails> LoadExchangeTerms(Instance& instance, int64_t exchange_id) {
  ExchangeDetails details;
  // The revision first: what is read after it is at least as new, so that an ETag never
  // vouches for more than the reader saw.
  CANJE_ASSIGN_OR_RETURN(details.revision, store::ExchangeRevision(instance.store(), exchange_id));
  CANJE_ASSIGN_OR_RETURN(details.exchange, FindVisibleExchange(instance, exchange_id));
  CANJE_ASSIGN_OR_RETURN(auto blocs, store::ExchangeBlocs(instance.store(), exchange_id));
  CANJE_ASSIGN_OR_RETURN(auto parties, store::ExchangeParties(instance.store(), exchange_id));
  for (const auto& bloc : blocs) {
    ExchangeBloc entry;
    entry.name = bloc.name;
    CANJE_ASSIGN_OR_RETURN(entry.rule.kind, ParseRuleKind(bloc.rule_kind));
    entry.rule.ratio = bloc.ratio;
    for (const auto& party : parties) {
      if (party.bloc == bloc.name) entry.parties.push_back(party.party);
    }
    details.blocs.push_back(std::move(entry));
  }
  CANJE_ASSIGN_OR_RETURN(details.claims, store::ClaimsOf(instance.store(), exchange_id));
  CANJE_ASSIGN_OR_RETURN(details.costs, store::CostsOf(instance.store(), exchange_id));
  for (auto [role, into] : {std::pair{store::kGuarantorRole, &details.guarantors},
                            std::pair{store::kObserverRole, &details.observers}}) {
    CANJE_ASSIGN_OR_RETURN(auto rows,
                           store::ExchangeParticipants(instance.store(), exchange_id, role));
    for (const auto& row : rows) into->push_back(row.party);
  }
  return details;
}

Result<std::vector<store::ExchangeRow>> ListExchanges(Instance& instance) {
  if (!instance.Authorize(Action::kReadExchanges).ok()) {
    CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadExecution));
  }
  CANJE_ASSIGN_OR_RETURN(auto all, store::Exchanges(instance.store()));
  std::vector<store::ExchangeRow> visible;
  for (auto& exchange : all) {
    CANJE_ASSIGN_OR_RETURN(bool readable, SeesExchange(instance, exchange));
    if (readable) visible.push_back(std::move(exchange));
  }
  return visible;
}

}  // namespace canje::negotiation
