// Proposals in the store: versions created, tabled, accepted, rejected, overridden,
// compared, and their manifests. Every change is one transaction with its event.
//
// Rules (docs/workflow.md):
//  - A version is created as a draft in an exchange that is negotiating: named transfers (from
//    the solver's deal or a CSV) or counts only. Every party named must be a party to the
//    exchange; each transfer's holder must hold the person in confirmed custody (a custody row
//    with status held on a custody roster that holder submitted). A transfer of a person
//    with an obstacle that blocks selection (an active legal hold, a personal assessment that
//    does not clear them for that destination, erasure — negotiation/eligibility.h) is refused
//    (kNotPermitted) in any version, and again at every acceptance and override: no role can
//    override it. The reasons read as the caller may read them (one "not available
//    (confidential)" for every personal one).
//  - A counter-proposal names its parent. The parent must be tabled, rejected, or (for a
//    named version) agreed in principle; tabling the counter makes a tabled parent "countered".
//    A named version whose parent is a counts version agreed in principle refers to it and must
//    match its counts; a counter of a referring version keeps the reference while its counts
//    still match.
//  - Accepting and rejecting: only the party's own negotiator (Action::kRespondToProposal; the
//    mediator may not answer for a state). Accepting twice is a no-op. When every party to the
//    exchange has accepted, a named version becomes agreed (and the exchange agreed on it), a
//    counts version agreed in principle — unless a bloc's rule is broken and no override is
//    recorded: it then stays tabled until the mediator records one. One rejection rejects.
//  - After the fact (negotiation/occurred_at.h): creating, tabling, accepting and rejecting take
//    the time the step really happened (`occurred_at`, empty: now). Only admins and mediators
//    date a step (Action::kRecordAfterTheFact, in place of the step's own action): a dated
//    acceptance or rejection is a party's earlier answer entered by them, for the party it names
//    (a party to the exchange), and is recorded as entered by them. A version is dated from the
//    exchange's start (and its parent's making) to now; its tabling from its making; an answer
//    from its tabling.
//  - Acting on a version that was superseded (countered), whose state is not the one the
//    caller expected (`expect_state`), or whose revision moved since the one the caller read
//    (`expect_revision`, when not 0: HTTP's If-Match), is kConflict saying what changed;
//    nothing is written. The revision moves with every change of the version, a party's
//    answer included.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "negotiation/proposal.h"
#include "negotiation/proposal_diff.h"
#include "store/agreement_tables.h"

namespace canje::negotiation {

// "V7" for version 7.
std::string VersionId(int64_t id);
// "V7", "v7" or "7"; kUsage otherwise.
Result<int64_t> ParseVersionId(std::string_view text);

struct NewProposal {
  int64_t exchange_id = 0;
  enum class Source { kSolver, kTransfers, kCounts } source = Source::kTransfers;
  std::vector<Transfer> transfers;     // kTransfers
  std::vector<DirectionCount> counts;  // kCounts
  int64_t parent_id = 0;               // 0: a first offer
  std::string date;                    // holds in force on this day; empty: today
  std::string occurred_at;             // made earlier, recorded after the fact; empty: now
};

// Creates a draft; returns its id. Records "proposal.created".
Result<int64_t> CreateProposal(instance::Instance& instance, const NewProposal& proposal);
// Creates a draft that counters version `parent_id`, in its exchange (`proposal`'s exchange and
// parent are set from it). A role that may not draft is refused before the version is looked up.
Result<int64_t> CounterProposal(instance::Instance& instance, int64_t parent_id,
                                NewProposal proposal);

// A version with everything said about it.
struct ProposalView {
  store::ProposalVersionRow version;
  std::string exchange_name;
  ProposalContent content;
  std::vector<store::ResponseRow> responses;  // by party
  std::vector<std::string> parties;           // who must accept: the exchange's parties, sorted
  std::vector<std::string> guarantors;  // who signs beside the parties: the exchange's, sorted
  std::optional<store::OverrideRow> override_row;
  std::vector<store::ProposalVersionRow> children;  // counter-proposals, by id
  std::vector<solver::BlocReport> balance;
  std::vector<std::string> broken_rules;  // BrokenRules(balance)
};

// kNotFound, with one message, for an unknown version and for one the user may not see
// (negotiation/exchange.h SeesVersionOf: an observer organisation reads only the agreed version,
// and without the sides' balance, which is made of the claims' values).
Result<ProposalView> LoadProposal(instance::Instance& instance, int64_t version_id);

// The versions of an exchange the user may see (SeesVersionOf), by id. kNotFound as
// FindVisibleExchange.
Result<std::vector<store::ProposalVersionRow>> ListProposalVersions(instance::Instance& instance,
                                                                     int64_t exchange_id);

// What a state change did, for the command's message.
struct ProposalOutcome {
  std::string state;    // the version's state afterwards
  bool changed = true;  // false: an idempotent repeat, nothing written
  std::string note;     // e.g. "awaiting the mediator's override: bloc VEN ..."
};

// draft -> tabled (a counter also moves a tabled parent to countered). Records
// "proposal.tabled". kConflict, nothing written, when `expect_revision` is not 0 and the version
// moved since that revision (as for AcceptProposal).
Result<ProposalOutcome> TableProposal(instance::Instance& instance, int64_t version_id,
                                      const std::string& expect_state,
                                      int64_t expect_revision = 0,
                                      const std::string& occurred_at = "");
// Records "proposal.accepted" (and "proposal.agreed" / "proposal.agreed_in_principle",
// "exchange.agreed" when it completes the set). Parties answering at the same moment are each
// recorded once: an answer whose write finds the version moved by another party's answer is
// decided again on the version as it now is (kConflict only when the version itself changed:
// superseded, not in `expect_state`, agreed or rejected meanwhile — or, with
// `expect_revision`, any change since that revision).
Result<ProposalOutcome> AcceptProposal(instance::Instance& instance, int64_t version_id,
                                       const std::string& party, const std::string& expect_state,
                                       int64_t expect_revision = 0,
                                       const std::string& occurred_at = "");
// tabled -> rejected with a reason. Records "proposal.rejected".
Result<ProposalOutcome> RejectProposal(instance::Instance& instance, int64_t version_id,
                                       const std::string& party, const std::string& reason,
                                       const std::string& expect_state,
                                       int64_t expect_revision = 0,
                                       const std::string& occurred_at = "");
// The mediator's humanitarian override of the broken rules of a tabled version (Geneva
// Convention III, Art. 109-110). kInvalid when it breaks no rule or the justification is empty;
// kNotPermitted when a transfer is blocked by a hold, a personal assessment or erasure (no
// override exists for those). Records "proposal.overridden" (and "proposal.agreed" when every party accepted).
// `expect_revision` as for TableProposal.
Result<ProposalOutcome> OverrideProposal(instance::Instance& instance, int64_t version_id,
                                         const std::string& justification,
                                         int64_t expect_revision = 0);

// The diff from version `before` to `after` (same exchange).
Result<ProposalDiff> DiffVersions(instance::Instance& instance, int64_t before, int64_t after);

// The manifest bytes of a version (negotiation/agreement_manifest.h).
Result<std::string> ProposalManifest(instance::Instance& instance, int64_t version_id);

}  // namespace canje::negotiation
