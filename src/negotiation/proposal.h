// What a proposal version says: either named transfers (person, holder, destination,
// beneficiary) or, "numbers first", only counts per direction ("252 for 252"). Pure: parsing,
// counting and balance; no store.
//
// Balance reuses the solver: a version's transfers become the candidates of a solver::Instance
// with the exchange's blocs and rules, each at the value its beneficiary's claim gives and the
// cost its holder set (1 when none), and the solver's own deal report (solver/solve_steps.h,
// MakeDeal over solver/exchange_model.h) says per bloc what it gives and receives and whether
// its rule holds. A counts-only version counts each person at value 1 and cost 1.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/status.h"
#include "solver/instance.h"
#include "solver/solver.h"

namespace canje::negotiation {

struct Transfer {
  int64_t person_id = 0;
  std::string from;         // holder
  std::string to;           // destination
  std::string beneficiary;  // whose claim; `to` when not given
  bool unconditional = false;
  friend bool operator==(const Transfer&, const Transfer&) = default;
};

struct DirectionCount {
  std::string from;
  std::string to;
  int64_t persons = 0;
  friend bool operator==(const DirectionCount&, const DirectionCount&) = default;
};

// A version's content: named (transfers, counts derived) or counts only (no transfers).
struct ProposalContent {
  bool named = true;
  std::vector<Transfer> transfers;     // by person id; at most one per person
  std::vector<DirectionCount> counts;  // by from, to; no zero counts
};

// Counts per direction of `transfers`, by from then to.
std::vector<DirectionCount> CountTransfers(const std::vector<Transfer>& transfers);

// "SLV>VEN=252,VEN>SLV=252": directions between party codes, each at most once, counts >= 1.
// kUsage naming the offending item and the expected form.
Result<std::vector<DirectionCount>> ParseCounts(std::string_view text);
// The same form back, in stored order.
std::string FormatCounts(const std::vector<DirectionCount>& counts);

// A CSV of transfers with a header naming the columns person, from, to and optionally
// beneficiary and unconditional (yes/no, true/false, 1/0), in any order. Persons are P17 or 17.
// kInvalid with `file_name`:line:column for a bad cell, an unknown column, a missing one, or a
// person listed twice. The result is sorted by person id.
Result<std::vector<Transfer>> ParseTransfersCsv(std::string_view text, std::string_view file_name);

// Builds named content (sorted, counts derived) or counts-only content. kInvalid when a person
// appears twice or a transfer goes from a party to itself.
Result<ProposalContent> NamedContent(std::vector<Transfer> transfers);
Result<ProposalContent> CountsContent(std::vector<DirectionCount> counts);

// The exchange's terms for balance: its blocs and rules, what each claim is worth to its
// claimant, what each release costs its holder.
struct BalanceTerms {
  std::vector<solver::Bloc> blocs;
  // (person, beneficiary, destination) -> value of that claim
  std::map<std::tuple<int64_t, std::string, std::string>, double> claim_values;
  // (person, holder) -> cost of releasing them
  std::map<std::pair<int64_t, std::string>, double> release_costs;
};

// The solver's instance in which every transfer (or, for counts, every counted person) is one
// candidate, in order.
solver::Instance BalanceInstance(const BalanceTerms& terms, const ProposalContent& content);

// Per bloc: given, received, cost given, value received, the rule and whether it holds — the
// solver's report for a deal that selects every candidate of BalanceInstance.
std::vector<solver::BlocReport> Balance(const BalanceTerms& terms, const ProposalContent& content);

// The blocs whose rule `balance` breaks, and a sentence per bloc ("bloc VEN: received 10 <
// 1 x given 12 (count rule)").
std::vector<std::string> BrokenRules(const std::vector<solver::BlocReport>& balance);
std::string DescribeBloc(const solver::BlocReport& bloc);

}  // namespace canje::negotiation
