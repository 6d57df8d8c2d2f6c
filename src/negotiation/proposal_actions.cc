#include "negotiation/proposal_actions.h"

#include "negotiation/stages.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "core/clock.h"
#include "instance/event_types.h"
#include "instance/ids.h"
#include "instance/sealed_texts.h"
#include "negotiation/agreement_manifest.h"
#include "negotiation/eligibility.h"
#include "negotiation/exchange.h"
#include "negotiation/exchange_solve.h"
#include "negotiation/occurred_at.h"
#include "negotiation/stages.h"
#include "negotiation/workflow.h"
#include "registry/list_kinds.h"

namespace canje::negotiation {
namespace {

using instance::Action;
using instance::Instance;
using instance::Recorder;

// A step's own action, or, dated after the fact, Action::kRecordAfterTheFact in its place.
Status AuthorizeStep(const Instance& instance, Action action, const std::string& occurred_at) {
  return instance.Authorize(occurred_at.empty() ? action : Action::kRecordAfterTheFact);
}

// When version `row` was really made.
std::string MadeAt(const store::ProposalVersionRow& row) {
  return EffectiveTime(row.occurred_at, row.created_at);
}

// When version `row` was really tabled (its making when the store does not say: tabled before
// schema 13).
std::string TabledAt(const store::ProposalVersionRow& row) {
  return row.tabled_at.empty() ? MadeAt(row) : EffectiveTime(row.tabled_occurred_at, row.tabled_at);
}

std::vector<std::string> PartiesOf(const ExchangeDetails& details) {
  std::vector<std::string> parties;
  for (const ExchangeBloc& bloc : details.blocs) {
    parties.insert(parties.end(), bloc.parties.begin(), bloc.parties.end());
  }
  std::sort(parties.begin(), parties.end());
  return parties;
}

BalanceTerms TermsOf(const ExchangeDetails& details) {
  BalanceTerms terms;
  for (const ExchangeBloc& bloc : details.blocs) {
    if (bloc.parties.empty()) continue;
    terms.blocs.push_back({bloc.name, bloc.parties, bloc.rule});
  }
  for (const store::ClaimRow& claim : details.claims) {
    terms.claim_values[{claim.person_id, claim.claimant, claim.destination}] = claim.value;
  }
  for (const store::CostRow& cost : details.costs) {
    terms.release_costs[{cost.person_id, cost.holder}] = cost.cost;
  }
  return terms;
}

Result<ProposalContent> StoredContent(store::Store& store, const store::ProposalVersionRow& row) {
  ProposalContent content;
  content.named = row.kind == "named";
  CANJE_ASSIGN_OR_RETURN(auto transfers, store::TransfersOf(store, row.id));
  for (const auto& t : transfers) {
    content.transfers.push_back(
        {t.person_id, t.from_party, t.to_party, t.beneficiary, t.unconditional});
  }
  CANJE_ASSIGN_OR_RETURN(auto counts, store::CountsOf(store, row.id));
  for (const auto& c : counts) content.counts.push_back({c.from_party, c.to_party, c.persons});
  return content;
}

// Every transfer of `content` that an obstacle blocks, as the acting user may read it:
// "P17 to VEN: <reason>". Empty when none is blocked.
Result<std::vector<std::string>> BlockedTransfers(Instance& instance,
                                                  const ProposalContent& content,
                                                  std::string_view date) {
  std::map<std::string, std::vector<int64_t>> persons_by_destination;
  for (const Transfer& transfer : content.transfers) {
    persons_by_destination[transfer.to].push_back(transfer.person_id);
  }
  std::vector<std::string> blocked;
  for (const auto& [destination, persons] : persons_by_destination) {
    CANJE_ASSIGN_OR_RETURN(
        auto obstacles,
        TransferObstaclesForAll(instance.store(), instance.vault(), persons, destination, date));
    for (const auto& [person, list] : obstacles) {
      std::vector<Obstacle> blocking;
      for (const Obstacle& obstacle : list) {
        if (obstacle.blocks_selection) blocking.push_back(obstacle);
      }
      if (blocking.empty()) continue;
      std::string reasons;
      for (const std::string& reason : DescribeObstacles(blocking, instance.role())) {
        reasons += (reasons.empty() ? "" : "; ") + reason;
      }
      blocked.push_back(instance::PersonId(person) + " to " + destination + ": " + reasons);
    }
  }
  return blocked;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "\n  " + line;
  return out;
}

Result<ExchangeState> CurrentExchangeState(store::Store& store, int64_t exchange_id) {
  CANJE_ASSIGN_OR_RETURN(auto row, store::FindExchangeState(store, exchange_id));
  if (!row) return ExchangeState::kNegotiating;
  return ParseExchangeState(row->state);
}

// A version made while the exchange executes re-plans it: it names persons, counters the
// agreed version (or a re-planning version tabled or rejected since), and keeps every transfer
// already handed over. kInvalid naming what is missing otherwise.
Status CheckReplan(Instance& instance, const NewProposal& proposal,
                   const ProposalContent& content) {
  const std::string exchange = ExchangeId(proposal.exchange_id);
  CANJE_ASSIGN_OR_RETURN(auto state, store::FindExchangeState(instance.store(), proposal.exchange_id));
  const int64_t agreed = state ? state->agreed_version : 0;
  const std::string head = "exchange " + exchange + " is executing on " + VersionId(agreed) + "; ";
  if (proposal.parent_id == 0) {
    return Status::Invalid(head + "a version that re-plans it counters " + VersionId(agreed) +
                           " (--parent " + VersionId(agreed) + ")");
  }
  if (!content.named) {
    return Status::Invalid(head + "a version that re-plans it names the persons (--transfers FILE)");
  }
  if (proposal.parent_id < agreed) {
    return Status::Invalid(head + VersionId(proposal.parent_id) +
                           " was made before it; a re-planning version counters " +
                           VersionId(agreed) + " or a re-planning version made since");
  }
  CANJE_ASSIGN_OR_RETURN(auto handovers, store::HandoversOf(instance.store(), proposal.exchange_id));
  std::vector<std::string> missing;
  for (const store::HandoverRow& handover : handovers) {
    const bool kept = std::any_of(content.transfers.begin(), content.transfers.end(),
                                  [&](const Transfer& t) {
                                    return t.person_id == handover.person_id &&
                                           t.to == handover.to_party;
                                  });
    if (!kept) {
      missing.push_back(instance::PersonId(handover.person_id) + " (handed over to " +
                        handover.to_party + " at " + handover.handed_over_at + ")");
    }
  }
  if (missing.empty()) return Status::Ok();
  std::string list;
  for (size_t i = 0; i < missing.size(); ++i) list += (i == 0 ? "" : ", ") + missing[i];
  return Status::Invalid(head + "a version that re-plans it keeps every transfer already "
                         "handed over; " + std::to_string(missing.size()) + " are missing: " + list);
}

// kConflict when the version was superseded, is not in the state the caller expected, or (when
// `expect_revision` is not 0) has moved since the revision the caller read.
Status CheckCurrent(const ProposalView& view, const std::string& expect_state,
                    int64_t expect_revision = 0) {
  const std::string id = VersionId(view.version.id);
  if (view.version.state == ProposalStateName(ProposalState::kCountered)) {
    std::string by;
    for (const auto& child : view.children) {
      if (child.state != ProposalStateName(ProposalState::kDraft)) {
        by = " by " + VersionId(child.id) + " (tabled by " + child.created_by + " of " +
             child.created_party + ")";
        break;
      }
    }
    return Status::Conflict(id + " was superseded" + by + "; act on the latest version instead");
  }
  if (!expect_state.empty() && expect_state != view.version.state) {
    return Status::Conflict(id + " is " + view.version.state + ", not " + expect_state +
                            " as expected: it changed since you read it (last change by event " +
                            std::to_string(view.version.event_seq) +
                            "); read it again with `canje proposal show " + id + "`");
  }
  if (expect_revision != 0 && expect_revision != view.version.revision) {
    return Status::Conflict(id + " is at revision " + std::to_string(view.version.revision) +
                            ", not " + std::to_string(expect_revision) +
                            " as expected: it changed since you read it (last change by event " +
                            std::to_string(view.version.event_seq) + "); read it again");
  }
  return Status::Ok();
}

Status CheckPartyInExchange(const ProposalView& view, const std::string& party) {
  if (std::find(view.parties.begin(), view.parties.end(), party) == view.parties.end()) {
    std::string parties;
    for (const auto& p : view.parties) parties += (parties.empty() ? "" : ", ") + p;
    return Status::Invalid(party + " is not a party to exchange " +
                           ExchangeId(view.version.exchange_id) + " (its parties: " + parties +
                           ")");
  }
  return Status::Ok();
}

Status CheckTransfersInExchange(const ProposalContent& content,
                                const std::vector<std::string>& parties) {
  auto known = [&](const std::string& party) {
    return std::find(parties.begin(), parties.end(), party) != parties.end();
  };
  for (const DirectionCount& count : content.counts) {
    for (const std::string& party : {count.from, count.to}) {
      if (!known(party)) {
        return Status::Invalid(party + " (in " + count.from + ">" + count.to +
                               ") is not a party to the exchange; add it with `canje exchange "
                               "party add` first");
      }
    }
  }
  for (const Transfer& transfer : content.transfers) {
    if (!known(transfer.beneficiary)) {
      return Status::Invalid(instance::PersonId(transfer.person_id) + ": beneficiary " +
                             transfer.beneficiary + " is not a party to the exchange");
    }
  }
  return Status::Ok();
}

// Every transfer's holder holds the person in confirmed custody (plan: a custody row with that
// holder and status held, from a custody roster the holder itself submitted). kNotFound for an
// unknown person, kInvalid naming the person and the holders the store confirms.
Status CheckConfirmedHolders(store::Store& store, const ProposalContent& content) {
  std::map<int64_t, std::optional<store::ListRow>> lists;
  for (const Transfer& transfer : content.transfers) {
    const std::string person_id = instance::PersonId(transfer.person_id);
    CANJE_ASSIGN_OR_RETURN(auto person, store.FindPerson(transfer.person_id));
    if (!person) return Status::NotFound("no person " + person_id);
    std::set<std::string> confirmed;
    for (const store::CustodyRow& custody : person->custody) {
      if (custody.status != "held" || custody.list_id == 0) continue;
      if (lists.count(custody.list_id) == 0) {
        CANJE_ASSIGN_OR_RETURN(lists[custody.list_id], store.FindList(custody.list_id));
      }
      const auto& list = lists[custody.list_id];
      if (list && registry::ConfirmsCustody(list->kind) && list->party == custody.holder) {
        confirmed.insert(custody.holder);
      }
    }
    if (confirmed.count(transfer.from) == 1) continue;
    std::string holders;
    for (const std::string& holder : confirmed) holders += (holders.empty() ? "" : ", ") + holder;
    return Status::Invalid(person_id + " is not confirmed as held by " + transfer.from +
                           " (no custody record with status held on " + transfer.from +
                           "'s own roster" +
                           (holders.empty() ? "" : "; confirmed holders: " + holders) +
                           "); name the party that holds them");
  }
  return Status::Ok();
}

std::string Today(const std::string& date) { return date.empty() ? TodayIso() : date; }

// The transfers of the solver's best deal on the exchange.
Result<std::vector<Transfer>> SolverTransfers(Instance& instance, int64_t exchange_id,
                                              const std::string& date) {
  SolveExchangeOptions options;
  options.date = date;
  CANJE_ASSIGN_OR_RETURN(ExchangeDeal deal, SolveExchange(instance, exchange_id, options));
  std::map<std::string, size_t> index;
  const auto& candidates = deal.candidates.instance.candidates;
  for (size_t i = 0; i < candidates.size(); ++i) index[candidates[i].id] = i;
  std::vector<Transfer> transfers;
  for (const std::string& id : deal.solution.deal.selected) {
    const size_t i = index.at(id);
    const solver::Candidate& candidate = candidates[i];
    transfers.push_back({deal.candidates.candidates[i].person_id, candidate.from, candidate.to,
                         candidate.beneficiary, candidate.unconditional});
  }
  if (transfers.empty()) {
    return Status::Invalid("the solver found no deal for " + ExchangeId(exchange_id) +
                           "; see `canje exchange solve " + ExchangeId(exchange_id) +
                           " --explain`");
  }
  return transfers;
}

bool SameCounts(const ProposalContent& a, const ProposalContent& b) { return a.counts == b.counts; }

nlohmann::json ContentJson(const ProposalContent& content) {
  nlohmann::json transfers = nlohmann::json::array();
  for (const Transfer& transfer : content.transfers) transfers.push_back(TransferLine(transfer));
  return {{"kind", content.named ? "named" : "counts"},
          {"counts", FormatCounts(content.counts)},
          {"transfers", transfers}};
}

std::vector<std::string> PersonSubjects(const ProposalContent& content) {
  std::vector<std::string> subjects;
  for (const Transfer& transfer : content.transfers) {
    subjects.push_back(instance::PersonId(transfer.person_id));
  }
  return subjects;
}

// A version agreed while the exchange executes becomes its agreed version; the exchange stays
// executing, and the persons the version leaves out leave their stages (stages.h).
Status RecordReplan(Recorder& recorder, const ProposalView& view, const std::string& occurred_at) {
  const int64_t exchange_id = view.version.exchange_id;
  const std::string exchange = ExchangeId(exchange_id);
  store::Store& store = recorder.transaction().store();
  CANJE_ASSIGN_OR_RETURN(auto row, store::FindExchangeState(store, exchange_id));
  if (!row) return Status::Internal("exchange " + exchange + " executes without a state row");
  CANJE_ASSIGN_OR_RETURN(std::vector<int64_t> dropped,
                         DropStagePersonsNotIn(recorder, exchange_id, view.content.transfers));
  const std::string id = VersionId(view.version.id);
  std::vector<std::string> subjects = {exchange, id};
  nlohmann::json unstaged = nlohmann::json::array();
  for (int64_t person : dropped) {
    unstaged.push_back(instance::PersonId(person));
    subjects.push_back(instance::PersonId(person));
  }
  nlohmann::json payload = {{"exchange", exchange},
                            {"version", id},
                            {"replaces", VersionId(row->agreed_version)},
                            {"unstaged", unstaged}};
  AddOccurredAt(payload, occurred_at);
  CANJE_ASSIGN_OR_RETURN(int64_t seq,
                         recorder.Record(events::kExchangeReplanned, subjects, payload));
  // The version it replaces is no longer executed; its signatures stay verifiable.
  CANJE_ASSIGN_OR_RETURN(auto replaced, store::FindProposalVersion(store, row->agreed_version));
  if (!replaced) return Status::Internal("exchange " + exchange + " has no agreed version row");
  const std::string replaced_id = VersionId(replaced->id);
  CANJE_RETURN_IF_ERROR(CheckTransition(replaced_id, ProposalState::kAgreed,
                                        ProposalState::kReplaced));
  CANJE_RETURN_IF_ERROR(store::UpdateProposalState(recorder.transaction(), replaced->id,
                                                   ProposalStateName(ProposalState::kReplaced),
                                                   replaced->revision, seq));
  CANJE_RETURN_IF_ERROR(instance::OpenExchangeReason(recorder.vault(), *row));
  row->agreed_version = view.version.id;
  row->event_seq = seq;
  instance::SealExchangeReason(recorder.vault(), *row);
  return store::PutExchangeState(recorder.transaction(), *row);
}

// Moves the version to its agreed state (and the exchange to agreed on a named version).
Status RecordAgreement(Recorder& recorder, const ProposalView& view, int64_t revision,
                       const std::string& occurred_at) {
  const bool named = view.content.named;
  const ProposalState target = named ? ProposalState::kAgreed : ProposalState::kAgreedInPrinciple;
  const std::string id = VersionId(view.version.id);
  const std::string exchange = ExchangeId(view.version.exchange_id);
  CANJE_RETURN_IF_ERROR(CheckTransition(id, ProposalState::kTabled, target));
  nlohmann::json agreed = {{"exchange", exchange}, {"version", id}, {"parties", view.parties}};
  AddOccurredAt(agreed, occurred_at);
  CANJE_ASSIGN_OR_RETURN(
      int64_t seq,
      recorder.Record(named ? events::kProposalAgreed : events::kProposalAgreedInPrinciple,
                      {exchange, id}, agreed));
  CANJE_RETURN_IF_ERROR(store::UpdateProposalState(recorder.transaction(), view.version.id,
                                                   ProposalStateName(target), revision, seq));
  if (!named) return Status::Ok();
  store::Store& store = recorder.transaction().store();
  CANJE_ASSIGN_OR_RETURN(ExchangeState state,
                         CurrentExchangeState(store, view.version.exchange_id));
  if (state == ExchangeState::kExecuting) return RecordReplan(recorder, view, occurred_at);
  CANJE_RETURN_IF_ERROR(CheckTransition("exchange " + exchange, state, ExchangeState::kAgreed));
  nlohmann::json exchange_agreed = {{"exchange", exchange}, {"version", id}};
  AddOccurredAt(exchange_agreed, occurred_at);
  CANJE_ASSIGN_OR_RETURN(int64_t exchange_seq,
                         recorder.Record(events::kExchangeAgreed, {exchange, id}, exchange_agreed));
  return store::PutExchangeState(
      recorder.transaction(),
      {view.version.exchange_id, std::string(ExchangeStateName(ExchangeState::kAgreed)),
       view.version.id, "", "", "", exchange_seq});
}

bool AllAccepted(const ProposalView& view, const std::string& also) {
  std::set<std::string> accepted = {also};
  for (const auto& response : view.responses) {
    if (response.response == "accepted") accepted.insert(response.party);
  }
  return std::all_of(view.parties.begin(), view.parties.end(),
                     [&](const std::string& party) { return accepted.count(party) == 1; });
}

// The version a party answers. Dated after the fact, the answer is entered by an admin or a
// mediator for `party`, and dated from the version's tabling to now.
Result<ProposalView> LoadForResponse(Instance& instance, int64_t version_id,
                                     const std::string& party, const std::string& expect_state,
                                     int64_t expect_revision, const std::string& occurred_at) {
  CANJE_RETURN_IF_ERROR(AuthorizeStep(instance, Action::kRespondToProposal, occurred_at));
  CANJE_RETURN_IF_ERROR(
      instance::AuthorizeForParty(instance.role(), instance.actor().party, party));
  CANJE_ASSIGN_OR_RETURN(ProposalView view, LoadProposal(instance, version_id));
  CANJE_RETURN_IF_ERROR(CheckCurrent(view, expect_state, expect_revision));
  CANJE_RETURN_IF_ERROR(CheckPartyInExchange(view, party));
  if (!occurred_at.empty()) {
    CANJE_RETURN_IF_ERROR(CheckOccurredAt(
        instance, occurred_at,
        {"the tabling of " + VersionId(version_id), TabledAt(view.version)}));
  }
  return view;
}

const store::ResponseRow* ResponseOf(const ProposalView& view, const std::string& party) {
  for (const auto& response : view.responses) {
    if (response.party == party) return &response;
  }
  return nullptr;
}

}  // namespace

std::string VersionId(int64_t id) { return "V" + std::to_string(id); }

Result<int64_t> ParseVersionId(std::string_view text) {
  return instance::ParseId(text, 'V', "proposal version");
}

Result<ProposalView> LoadProposal(Instance& instance, int64_t version_id) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadProposals));
  store::Store& store = instance.store();
  // An unknown version and one in an exchange the user may not see read the same.
  const Status not_found = Status::NotFound("no proposal version " + VersionId(version_id) +
                                            " that you may see; see `canje proposal list "
                                            "EXCHANGE`");
  CANJE_ASSIGN_OR_RETURN(auto row, store::FindProposalVersion(store, version_id));
  if (!row) return not_found;
  Result<ExchangeDetails> details = LoadExchangeTerms(instance, row->exchange_id);
  if (!details.ok()) {
    return details.status().code() == StatusCode::kNotFound ? not_found : details.status();
  }
  CANJE_ASSIGN_OR_RETURN(ExchangeAccess access, AccessToExchange(instance, details->exchange));
  CANJE_ASSIGN_OR_RETURN(bool sees_version, SeesVersionOf(instance, details->exchange, version_id));
  if (!sees_version) return not_found;
  ProposalView view;
  view.version = *row;
  view.exchange_name = details->exchange.name;
  CANJE_ASSIGN_OR_RETURN(view.content, StoredContent(store, *row));
  CANJE_ASSIGN_OR_RETURN(view.responses, store::ResponsesTo(store, version_id));
  CANJE_RETURN_IF_ERROR(instance::OpenResponses(instance.vault(), view.responses));
  view.parties = PartiesOf(*details);
  view.guarantors = details->guarantors;
  CANJE_ASSIGN_OR_RETURN(view.override_row, store::FindOverride(store, version_id));
  if (view.override_row) {
    CANJE_RETURN_IF_ERROR(instance::OpenOverride(instance.vault(), *view.override_row));
  }
  CANJE_ASSIGN_OR_RETURN(view.children, store::ChildVersions(store, version_id));
  if (access == ExchangeAccess::kWhole) {
    view.balance = Balance(TermsOf(*details), view.content);
    view.broken_rules = BrokenRules(view.balance);
  }
  return view;
}

Result<std::vector<store::ProposalVersionRow>> ListProposalVersions(Instance& instance,
                                                                    int64_t exchange_id) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kReadProposals));
  CANJE_ASSIGN_OR_RETURN(store::ExchangeRow exchange, FindVisibleExchange(instance, exchange_id));
  CANJE_ASSIGN_OR_RETURN(auto versions, store::ProposalVersionsOf(instance.store(), exchange_id));
  std::vector<store::ProposalVersionRow> seen;
  for (auto& version : versions) {
    CANJE_ASSIGN_OR_RETURN(bool sees, SeesVersionOf(instance, exchange, version.id));
    if (sees) seen.push_back(std::move(version));
  }
  return seen;
}

Result<int64_t> CounterProposal(Instance& instance, int64_t parent_id, NewProposal proposal) {
  CANJE_RETURN_IF_ERROR(AuthorizeStep(instance, Action::kDraftProposal, proposal.occurred_at));
  CANJE_ASSIGN_OR_RETURN(ProposalView countered, LoadProposal(instance, parent_id));
  proposal.exchange_id = countered.version.exchange_id;
  proposal.parent_id = parent_id;
  return CreateProposal(instance, proposal);
}

Result<int64_t> CreateProposal(Instance& instance, const NewProposal& proposal) {
  CANJE_RETURN_IF_ERROR(AuthorizeStep(instance, Action::kDraftProposal, proposal.occurred_at));
  CANJE_ASSIGN_OR_RETURN(ExchangeDetails details, LoadExchange(instance, proposal.exchange_id));
  const std::string exchange = ExchangeId(proposal.exchange_id);
  if (!proposal.occurred_at.empty()) {
    CANJE_RETURN_IF_ERROR(CheckOccurredAt(instance, proposal.occurred_at,
                                          {"the start of " + exchange,
                                           ExchangeStart(details.exchange)}));
  }
  CANJE_ASSIGN_OR_RETURN(ExchangeState exchange_state,
                         CurrentExchangeState(instance.store(), proposal.exchange_id));
  // While executing, a version re-plans the agreed one (CheckReplan); otherwise proposals are
  // made only while negotiating.
  const bool replan = exchange_state == ExchangeState::kExecuting;
  if (exchange_state != ExchangeState::kNegotiating && !replan) {
    return Status::Invalid("exchange " + exchange + " is " +
                           std::string(ExchangeStateName(exchange_state)) +
                           "; proposals are made only while it is negotiating (or, to re-plan "
                           "it, while it is executing)");
  }
  const std::string date = Today(proposal.date);
  ProposalContent content;
  std::string source;
  switch (proposal.source) {
    case NewProposal::Source::kSolver: {
      CANJE_ASSIGN_OR_RETURN(auto transfers, SolverTransfers(instance, proposal.exchange_id, date));
      CANJE_ASSIGN_OR_RETURN(content, NamedContent(std::move(transfers)));
      source = "solver";
      break;
    }
    case NewProposal::Source::kTransfers: {
      CANJE_ASSIGN_OR_RETURN(content, NamedContent(proposal.transfers));
      source = "transfers";
      break;
    }
    case NewProposal::Source::kCounts: {
      CANJE_ASSIGN_OR_RETURN(content, CountsContent(proposal.counts));
      source = "counts";
      break;
    }
  }
  const std::vector<std::string> parties = PartiesOf(details);
  CANJE_RETURN_IF_ERROR(CheckTransfersInExchange(content, parties));
  CANJE_RETURN_IF_ERROR(CheckConfirmedHolders(instance.store(), content));
  CANJE_ASSIGN_OR_RETURN(auto blocked, BlockedTransfers(instance, content, date));
  if (!blocked.empty()) {
    return Status::NotPermitted(
        // Neutral words: a negotiator must not learn from them that a person refused.
        "these transfers cannot be in any version, and no override exists for them; leave "
        "them out:" +
        JoinLines(blocked));
  }

  if (replan) CANJE_RETURN_IF_ERROR(CheckReplan(instance, proposal, content));
  int64_t refers_to = 0;
  if (proposal.parent_id != 0) {
    CANJE_ASSIGN_OR_RETURN(ProposalView parent, LoadProposal(instance, proposal.parent_id));
    const std::string parent_id = VersionId(parent.version.id);
    if (parent.version.exchange_id != proposal.exchange_id) {
      return Status::Invalid(parent_id + " belongs to exchange " +
                             ExchangeId(parent.version.exchange_id) + ", not " + exchange);
    }
    CANJE_RETURN_IF_ERROR(CheckCurrent(parent, ""));
    if (!proposal.occurred_at.empty()) {
      CANJE_RETURN_IF_ERROR(
          CheckOccurredAt(instance, proposal.occurred_at,
                          {"the making of " + parent_id, MadeAt(parent.version)}));
    }
    const std::string& state = parent.version.state;
    if (state == ProposalStateName(ProposalState::kAgreedInPrinciple)) {
      if (!content.named) {
        return Status::Invalid(parent_id +
                               " is agreed in principle; a counter to it names the "
                               "persons (--transfers FILE or --from-solve)");
      }
      if (!SameCounts(parent.content, content)) {
        return Status::Invalid("the counts " + FormatCounts(content.counts) +
                               " do not match those agreed in principle in " + parent_id + " (" +
                               FormatCounts(parent.content.counts) + ")");
      }
      refers_to = parent.version.id;
    } else if (replan && state == ProposalStateName(ProposalState::kAgreed)) {
      // CheckReplan: the exchange's agreed version, re-planned.
    } else if (state == ProposalStateName(ProposalState::kTabled) ||
               state == ProposalStateName(ProposalState::kRejected)) {
      if (parent.version.refers_to != 0 && SameCounts(parent.content, content)) {
        refers_to = parent.version.refers_to;
      }
    } else {
      return Status::Invalid(parent_id + " is " + state +
                             "; a counter-proposal answers a tabled, rejected or "
                             "agreed-in-principle version");
    }
  }

  int64_t new_id = 0;
  CANJE_RETURN_IF_ERROR(instance.Change([&](Recorder& recorder) -> Status {
    CANJE_ASSIGN_OR_RETURN(new_id, store::NextProposalVersionId(recorder.transaction()));
    const std::string id = VersionId(new_id);
    std::vector<std::string> subjects = {exchange, id};
    for (const std::string& person : PersonSubjects(content)) subjects.push_back(person);
    nlohmann::json payload = ContentJson(content);
    payload["exchange"] = exchange;
    payload["version"] = id;
    payload["parent"] = proposal.parent_id == 0 ? "" : VersionId(proposal.parent_id);
    payload["refers_to"] = refers_to == 0 ? "" : VersionId(refers_to);
    payload["source"] = source;
    AddOccurredAt(payload, proposal.occurred_at);
    CANJE_ASSIGN_OR_RETURN(int64_t seq,
                           recorder.Record(events::kProposalCreated, subjects, payload));
    store::ProposalVersionRow row;
    row.id = new_id;
    row.exchange_id = proposal.exchange_id;
    row.parent_id = proposal.parent_id;
    row.kind = content.named ? "named" : "counts";
    row.refers_to = refers_to;
    row.source = source;
    row.state = std::string(ProposalStateName(ProposalState::kDraft));
    row.event_seq = seq;
    row.occurred_at = proposal.occurred_at;
    std::vector<store::TransferRow> transfers;
    for (const Transfer& t : content.transfers) {
      transfers.push_back({t.person_id, t.from, t.to, t.beneficiary, t.unconditional});
    }
    std::vector<store::DirectionCountRow> counts;
    for (const DirectionCount& c : content.counts) counts.push_back({c.from, c.to, c.persons});
    return store::AddProposalVersion(recorder.transaction(), row, transfers, counts);
  }));
  return new_id;
}

Result<ProposalOutcome> TableProposal(Instance& instance, int64_t version_id,
                                      const std::string& expect_state, int64_t expect_revision,
                                      const std::string& occurred_at) {
  CANJE_RETURN_IF_ERROR(AuthorizeStep(instance, Action::kDraftProposal, occurred_at));
  CANJE_ASSIGN_OR_RETURN(ProposalView view, LoadProposal(instance, version_id));
  CANJE_RETURN_IF_ERROR(CheckCurrent(view, expect_state, expect_revision));
  const std::string id = VersionId(version_id);
  if (!occurred_at.empty()) {
    CANJE_RETURN_IF_ERROR(
        CheckOccurredAt(instance, occurred_at, {"the making of " + id, MadeAt(view.version)}));
  }
  CANJE_ASSIGN_OR_RETURN(ProposalState state, ParseProposalState(view.version.state));
  CANJE_RETURN_IF_ERROR(CheckTransition(id, state, ProposalState::kTabled));
  std::optional<ProposalView> parent;
  if (view.version.parent_id != 0) {
    CANJE_ASSIGN_OR_RETURN(parent, LoadProposal(instance, view.version.parent_id));
    CANJE_RETURN_IF_ERROR(CheckCurrent(*parent, ""));
  }
  CANJE_RETURN_IF_ERROR(instance.Change([&](Recorder& recorder) -> Status {
    const std::string exchange = ExchangeId(view.version.exchange_id);
    nlohmann::json tabled = {{"exchange", exchange}, {"version", id}};
    AddOccurredAt(tabled, occurred_at);
    CANJE_ASSIGN_OR_RETURN(int64_t seq, recorder.Record(events::kProposalTabled, {exchange, id},
                                                        tabled));
    CANJE_RETURN_IF_ERROR(store::UpdateProposalState(recorder.transaction(), version_id,
                                                     ProposalStateName(ProposalState::kTabled),
                                                     view.version.revision, seq));
    CANJE_RETURN_IF_ERROR(store::SetTabledTimes(recorder.transaction(), version_id, occurred_at));
    if (!parent || parent->version.state != ProposalStateName(ProposalState::kTabled)) {
      return Status::Ok();
    }
    const std::string parent_id = VersionId(parent->version.id);
    CANJE_RETURN_IF_ERROR(
        CheckTransition(parent_id, ProposalState::kTabled, ProposalState::kCountered));
    nlohmann::json countered = {{"exchange", exchange}, {"version", parent_id}, {"counter", id}};
    AddOccurredAt(countered, occurred_at);
    CANJE_ASSIGN_OR_RETURN(
        int64_t countered_seq,
        recorder.Record(events::kProposalCountered, {exchange, parent_id, id}, countered));
    return store::UpdateProposalState(recorder.transaction(), parent->version.id,
                                      ProposalStateName(ProposalState::kCountered),
                                      parent->version.revision, countered_seq);
  }));
  return ProposalOutcome{std::string(ProposalStateName(ProposalState::kTabled)), true, ""};
}

namespace {

// Parties answer at the same moment: each reads the version, decides, and writes only if the
// version's revision is still the one it read (store::UpdateProposalState). When another
// party's answer moved the revision in between, the answer is decided again on what is there
// now: if the version is still open to it (and in the state the caller expected), it is
// recorded, and the last acceptance to land is the one that makes the version agreed; if not,
// the caller gets that conflict or refusal. So simultaneous answers are neither lost nor
// refused for a change that does not concern them.
constexpr int kAnswerAttempts = 8;

// `answer(raced)` tries once and sets `raced` when its write lost the race.
template <typename Answer>
Result<ProposalOutcome> AnswerUntilSettled(const Answer& answer) {
  bool raced = false;
  Result<ProposalOutcome> outcome = answer(raced);
  for (int attempt = 1; attempt < kAnswerAttempts && raced; ++attempt) {
    raced = false;
    outcome = answer(raced);
  }
  return outcome;
}

Result<ProposalOutcome> AcceptOnce(Instance& instance, int64_t version_id, const std::string& party,
                                   const std::string& expect_state, int64_t expect_revision,
                                   const std::string& occurred_at, bool& raced) {
  CANJE_ASSIGN_OR_RETURN(ProposalView view,
                         LoadForResponse(instance, version_id, party, expect_state,
                                         expect_revision, occurred_at));
  const std::string id = VersionId(version_id);
  const store::ResponseRow* previous = ResponseOf(view, party);
  if (previous != nullptr && previous->response == "accepted") {
    return ProposalOutcome{view.version.state, false,
                           party + " already accepted " + id + " (" + previous->responded_by +
                               ", " + previous->responded_at + ")"};
  }
  CANJE_ASSIGN_OR_RETURN(ProposalState state, ParseProposalState(view.version.state));
  if (state != ProposalState::kTabled) {
    return CheckTransition(
        id, state, view.content.named ? ProposalState::kAgreed : ProposalState::kAgreedInPrinciple);
  }
  CANJE_ASSIGN_OR_RETURN(auto blocked, BlockedTransfers(instance, view.content, Today("")));
  if (!blocked.empty()) {
    return Status::NotPermitted(
        id +
        " cannot be accepted: these transfers are now blocked (no "
        "override exists for them); table a counter-proposal without them:" +
        JoinLines(blocked));
  }
  const bool complete = AllAccepted(view, party);
  const bool held_by_rule = complete && !view.broken_rules.empty() && !view.override_row;
  ProposalOutcome outcome{view.version.state, true, ""};
  Status written = instance.Change([&](Recorder& recorder) -> Status {
    const std::string exchange = ExchangeId(view.version.exchange_id);
    nlohmann::json accepted = {{"exchange", exchange}, {"version", id}, {"party", party}};
    AddOccurredAt(accepted, occurred_at);
    CANJE_ASSIGN_OR_RETURN(
        int64_t seq, recorder.Record(events::kProposalAccepted, {exchange, id, party}, accepted));
    store::ResponseRow response{version_id, party, "accepted", "", "", "", seq};
    response.occurred_at = occurred_at;
    CANJE_RETURN_IF_ERROR(store::AddResponse(recorder.transaction(), response));
    if (!complete || held_by_rule) {
      // The version itself is unchanged, but its revision moves so that concurrent readers
      // see that something happened.
      return store::UpdateProposalState(recorder.transaction(), version_id, view.version.state,
                                        view.version.revision, seq);
    }
    return RecordAgreement(recorder, view, view.version.revision, occurred_at);
  });
  raced = written.code() == StatusCode::kConflict;  // the version moved meanwhile
  CANJE_RETURN_IF_ERROR(written);
  if (complete && !held_by_rule) {
    outcome.state =
        std::string(view.content.named ? ProposalStateName(ProposalState::kAgreed)
                                       : ProposalStateName(ProposalState::kAgreedInPrinciple));
  } else if (held_by_rule) {
    outcome.note = "every party accepted, but " + id + " breaks a rule (" +
                   view.broken_rules.front() +
                   "): it is agreed only once the mediator records a humanitarian override "
                   "(canje proposal override " +
                   id + " --justification ...)";
  }
  return outcome;
}

Result<ProposalOutcome> RejectOnce(Instance& instance, int64_t version_id, const std::string& party,
                                   const std::string& reason, const std::string& expect_state,
                                   int64_t expect_revision, const std::string& occurred_at,
                                   bool& raced) {
  CANJE_ASSIGN_OR_RETURN(ProposalView view,
                         LoadForResponse(instance, version_id, party, expect_state,
                                         expect_revision, occurred_at));
  const std::string id = VersionId(version_id);
  const store::ResponseRow* previous = ResponseOf(view, party);
  if (previous != nullptr && previous->response == "rejected") {
    return ProposalOutcome{view.version.state, false,
                           party + " already rejected " + id + ": " + previous->reason};
  }
  CANJE_ASSIGN_OR_RETURN(ProposalState state, ParseProposalState(view.version.state));
  CANJE_RETURN_IF_ERROR(CheckTransition(id, state, ProposalState::kRejected));
  Status written = instance.Change([&](Recorder& recorder) -> Status {
    const std::string exchange = ExchangeId(view.version.exchange_id);
    nlohmann::json rejected = {
        {"exchange", exchange}, {"version", id}, {"party", party}, {"reason", reason}};
    AddOccurredAt(rejected, occurred_at);
    CANJE_ASSIGN_OR_RETURN(
        int64_t seq, recorder.Record(events::kProposalRejected, {exchange, id, party}, rejected));
    store::ResponseRow response{version_id, party, "rejected", reason, "", "", seq};
    response.occurred_at = occurred_at;
    instance::SealResponseReason(recorder.vault(), response);
    CANJE_RETURN_IF_ERROR(store::AddResponse(recorder.transaction(), response));
    return store::UpdateProposalState(recorder.transaction(), version_id,
                                      ProposalStateName(ProposalState::kRejected),
                                      view.version.revision, seq);
  });
  raced = written.code() == StatusCode::kConflict;  // the version moved meanwhile
  CANJE_RETURN_IF_ERROR(written);
  return ProposalOutcome{std::string(ProposalStateName(ProposalState::kRejected)), true, ""};
}

}  // namespace

Result<ProposalOutcome> AcceptProposal(Instance& instance, int64_t version_id,
                                       const std::string& party, const std::string& expect_state,
                                       int64_t expect_revision, const std::string& occurred_at) {
  return AnswerUntilSettled([&](bool& raced) {
    return AcceptOnce(instance, version_id, party, expect_state, expect_revision, occurred_at,
                      raced);
  });
}

Result<ProposalOutcome> RejectProposal(Instance& instance, int64_t version_id,
                                       const std::string& party, const std::string& reason,
                                       const std::string& expect_state, int64_t expect_revision,
                                       const std::string& occurred_at) {
  if (reason.empty()) return Status::Usage("a rejection needs a reason: --reason \"...\"");
  return AnswerUntilSettled([&](bool& raced) {
    return RejectOnce(instance, version_id, party, reason, expect_state, expect_revision,
                      occurred_at, raced);
  });
}

Result<ProposalOutcome> OverrideProposal(Instance& instance, int64_t version_id,
                                         const std::string& justification,
                                         int64_t expect_revision) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(Action::kOverrideBalanceRule));
  CANJE_ASSIGN_OR_RETURN(ProposalView view, LoadProposal(instance, version_id));
  const std::string id = VersionId(version_id);
  CANJE_RETURN_IF_ERROR(CheckCurrent(view, "", expect_revision));
  CANJE_ASSIGN_OR_RETURN(auto blocked, BlockedTransfers(instance, view.content, Today("")));
  if (!blocked.empty()) {
    return Status::NotPermitted(
        "no override exists for legal holds, personal assessments (refused consent, unfitness, "
        "...) or erasure (non-refoulement; court orders); " +
        id +
        " holds blocked transfers — table a counter-proposal without "
        "them:" +
        JoinLines(blocked));
  }
  if (view.version.state != ProposalStateName(ProposalState::kTabled)) {
    return Status::Invalid(id + " is " + view.version.state +
                           "; an override is recorded on a tabled version");
  }
  if (view.broken_rules.empty()) {
    return Status::Invalid(id + " breaks no bloc's rule; there is nothing to override");
  }
  if (justification.size() < 10) {
    return Status::Usage(
        "an override needs a written justification (Geneva Convention III, "
        "Art. 109-110): --justification \"...\"");
  }
  if (view.override_row) {
    return Status::Conflict(id + " already has an override (by " +
                            view.override_row->overridden_by + ")");
  }
  std::string blocs;
  for (const solver::BlocReport& bloc : view.balance) {
    if (!bloc.holds) blocs += (blocs.empty() ? "" : "|") + bloc.name;
  }
  const bool complete = AllAccepted(view, "");
  CANJE_RETURN_IF_ERROR(instance.Change([&](Recorder& recorder) -> Status {
    const std::string exchange = ExchangeId(view.version.exchange_id);
    CANJE_ASSIGN_OR_RETURN(int64_t seq, recorder.Record(events::kProposalOverridden, {exchange, id},
                                                        {{"exchange", exchange},
                                                         {"version", id},
                                                         {"blocs", blocs},
                                                         {"broken_rules", view.broken_rules},
                                                         {"justification", justification}}));
    store::OverrideRow override_row{version_id, justification, blocs, "", "", seq};
    instance::SealOverrideJustification(recorder.vault(), override_row);
    CANJE_RETURN_IF_ERROR(store::AddOverride(recorder.transaction(), override_row));
    if (!complete) {
      return store::UpdateProposalState(recorder.transaction(), version_id, view.version.state,
                                        view.version.revision, seq);
    }
    return RecordAgreement(recorder, view, view.version.revision, "");
  }));
  ProposalOutcome outcome{view.version.state, true, ""};
  if (complete) {
    outcome.state =
        std::string(view.content.named ? ProposalStateName(ProposalState::kAgreed)
                                       : ProposalStateName(ProposalState::kAgreedInPrinciple));
  }
  return outcome;
}

Result<ProposalDiff> DiffVersions(Instance& instance, int64_t before, int64_t after) {
  CANJE_ASSIGN_OR_RETURN(ProposalView old_view, LoadProposal(instance, before));
  CANJE_ASSIGN_OR_RETURN(ProposalView new_view, LoadProposal(instance, after));
  if (old_view.version.exchange_id != new_view.version.exchange_id) {
    return Status::Invalid(VersionId(before) + " and " + VersionId(after) +
                           " belong to different exchanges");
  }
  CANJE_ASSIGN_OR_RETURN(ExchangeDetails details,
                         LoadExchangeTerms(instance, new_view.version.exchange_id));
  return DiffProposals(TermsOf(details), old_view.content, new_view.content);
}

Result<std::string> ProposalManifest(Instance& instance, int64_t version_id) {
  CANJE_ASSIGN_OR_RETURN(ProposalView view, LoadProposal(instance, version_id));
  CANJE_ASSIGN_OR_RETURN(auto instance_id, instance.store().Meta("instance_id"));
  ManifestInput input;
  input.instance_id = instance_id ? std::string(AsText(*instance_id)) : "";
  input.exchange_id = view.version.exchange_id;
  input.exchange_name = view.exchange_name;
  input.version_id = view.version.id;
  input.parent_id = view.version.parent_id;
  input.refers_to = view.version.refers_to;
  input.content = view.content;
  for (const auto& response : view.responses) {
    if (response.response == "accepted") input.parties.push_back(response.party);
  }
  if (view.override_row) input.override_justification = view.override_row->justification;
  input.guarantors = view.guarantors;
  return ManifestJson(input);
}

}  // namespace canje::negotiation
