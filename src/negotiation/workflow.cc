#include "negotiation/workflow.h"

#include <array>
#include <utility>

namespace canje::negotiation {
namespace {

constexpr std::array<std::pair<ProposalState, std::string_view>, 7> kProposalNames = {{
    {ProposalState::kDraft, "draft"},
    {ProposalState::kTabled, "tabled"},
    {ProposalState::kCountered, "countered"},
    {ProposalState::kRejected, "rejected"},
    {ProposalState::kAgreedInPrinciple, "agreed-in-principle"},
    {ProposalState::kAgreed, "agreed"},
    {ProposalState::kReplaced, "replaced"},
}};

constexpr std::array<std::pair<ExchangeState, std::string_view>, 6> kExchangeNames = {{
    {ExchangeState::kNegotiating, "negotiating"},
    {ExchangeState::kAgreed, "agreed"},
    {ExchangeState::kVerifying, "verifying"},
    {ExchangeState::kExecuting, "executing"},
    {ExchangeState::kCompleted, "completed"},
    {ExchangeState::kCollapsed, "collapsed"},
}};

template <typename State, size_t N>
std::string_view NameIn(const std::array<std::pair<State, std::string_view>, N>& names,
                        State state) {
  for (const auto& [candidate, name] : names) {
    if (candidate == state) return name;
  }
  return "unknown";
}

template <typename State, size_t N>
Result<State> ParseIn(const std::array<std::pair<State, std::string_view>, N>& names,
                      std::string_view text, std::string_view what) {
  std::string all;
  for (const auto& [state, name] : names) {
    if (name == text) return state;
    all += (all.empty() ? "" : ", ") + std::string(name);
  }
  return Status::Invalid("'" + std::string(text) + "' is not a " + std::string(what) +
                         " state; the states are " + all);
}

template <typename State>
std::vector<State> Targets(const std::vector<Transition<State>>& table, State from) {
  std::vector<State> out;
  for (const auto& transition : table) {
    if (transition.from == from) out.push_back(transition.to);
  }
  return out;
}

template <typename State, typename NameOf>
Status Check(const std::vector<Transition<State>>& table, std::string_view subject, State from,
             State to, NameOf name_of) {
  for (const auto& transition : table) {
    if (transition.from == from && transition.to == to) return Status::Ok();
  }
  const std::string head = std::string(subject) + " is " + std::string(name_of(from)) +
                           "; it cannot become " + std::string(name_of(to)) + ": ";
  std::vector<State> allowed = Targets(table, from);
  if (allowed.empty()) {
    return Status::Invalid(head + "nothing is allowed from " + std::string(name_of(from)) +
                           " (a final state)");
  }
  std::string list;
  for (size_t i = 0; i < allowed.size(); ++i) {
    if (i > 0) list += i + 1 == allowed.size() ? " or " : ", ";
    list += name_of(allowed[i]);
  }
  return Status::Invalid(head + "from " + std::string(name_of(from)) + " it can only become " +
                         list);
}

}  // namespace

std::string_view ProposalStateName(ProposalState state) { return NameIn(kProposalNames, state); }
std::string_view ExchangeStateName(ExchangeState state) { return NameIn(kExchangeNames, state); }

Result<ProposalState> ParseProposalState(std::string_view name) {
  return ParseIn(kProposalNames, name, "proposal");
}
Result<ExchangeState> ParseExchangeState(std::string_view name) {
  return ParseIn(kExchangeNames, name, "exchange");
}

const std::vector<Transition<ProposalState>>& ProposalTransitions() {
  using enum ProposalState;
  static const std::vector<Transition<ProposalState>> kTable = {
      {kDraft, kTabled, "table"},     {kTabled, kCountered, "counter"},
      {kTabled, kRejected, "reject"}, {kTabled, kAgreedInPrinciple, "agree in principle"},
      {kTabled, kAgreed, "agree"},    {kAgreed, kReplaced, "re-plan"},
  };
  return kTable;
}

const std::vector<Transition<ExchangeState>>& ExchangeTransitions() {
  using enum ExchangeState;
  static const std::vector<Transition<ExchangeState>> kTable = {
      {kNegotiating, kAgreed, "agree"},
      {kAgreed, kVerifying, "start verifying"},
      {kVerifying, kExecuting, "start executing"},
      {kExecuting, kCompleted, "complete"},
      {kNegotiating, kCollapsed, "collapse"},
      {kAgreed, kCollapsed, "collapse"},
      {kVerifying, kCollapsed, "collapse"},
      {kExecuting, kCollapsed, "collapse"},
  };
  return kTable;
}

std::vector<ProposalState> AllowedFrom(ProposalState from) {
  return Targets(ProposalTransitions(), from);
}
std::vector<ExchangeState> AllowedFrom(ExchangeState from) {
  return Targets(ExchangeTransitions(), from);
}

Status CheckTransition(std::string_view subject, ProposalState from, ProposalState to) {
  return Check(ProposalTransitions(), subject, from, to, ProposalStateName);
}
Status CheckTransition(std::string_view subject, ExchangeState from, ExchangeState to) {
  return Check(ExchangeTransitions(), subject, from, to, ExchangeStateName);
}

}  // namespace canje::negotiation
