// Golden tests of the proposal shapes (proposal_json.h), with synthetic parties and persons.
#include "wire/proposal_json.h"

#include <gtest/gtest.h>

#include "wire/golden.h"
#include "wire/wire_test_samples.h"

namespace canje::wire {
namespace {

store::ProposalVersionRow SampleVersion() {
  store::ProposalVersionRow version;
  version.id = 7;
  version.exchange_id = 4;
  version.parent_id = 5;
  version.kind = "named";
  version.source = "transfers";
  version.state = "tabled";
  version.revision = 3;
  version.created_at = "2030-02-02T10:00:00Z";
  version.created_by = "negotiator.aaa";
  version.created_party = "AAA";
  version.tabled_at = "2030-02-02T11:00:00Z";
  return version;
}

// A version a mediator recorded after the fact: made on 15 January, tabled on the 16th (a date
// alone), both entered on 2 February.
store::ProposalVersionRow SampleVersionAfterTheFact() {
  store::ProposalVersionRow version = SampleVersion();
  version.id = 3;
  version.parent_id = 0;
  version.created_by = "mediator.one";
  version.created_party = "MED";
  version.occurred_at = "2030-01-15T08:00:00Z";
  version.tabled_at = "2030-02-02T10:05:00Z";
  version.tabled_occurred_at = "2030-01-16";
  return version;
}

solver::BlocReport SampleBloc(const std::string& name, int given, int received, bool holds) {
  solver::BlocReport bloc;
  bloc.name = name;
  bloc.given = given;
  bloc.received = received;
  bloc.cost_given = given;
  bloc.value_received = received * 1.5;
  bloc.rule = testing::CountRule(1);
  bloc.holds = holds;
  return bloc;
}

const Names kProposalNames = testing::PersonNames({3});

negotiation::ProposalView SampleView() {
  negotiation::ProposalView view;
  view.version = SampleVersion();
  view.exchange_name = testing::SampleExchangeRow().name;
  view.content.transfers = {{3, "AAA", "BBB", "BBB", false}, {8, "BBB", "AAA", "CCC", true}};
  view.content.counts = {{"AAA", "BBB", 1}, {"BBB", "AAA", 1}};
  store::ResponseRow response;
  response.version_id = 7;
  response.party = "BBB";
  response.response = "accepted";
  response.responded_at = "2030-02-03T10:00:00Z";
  response.responded_by = "negotiator.bbb";
  // AAA's answer of 20 January, entered by the mediator on 3 February.
  store::ResponseRow earlier = response;
  earlier.party = "AAA";
  earlier.responded_by = "mediator.one";
  earlier.occurred_at = "2030-01-20T09:30:00Z";
  view.responses = {earlier, response};
  view.parties = {"AAA", "BBB"};
  view.guarantors = {"MED"};
  store::OverrideRow override_row;
  override_row.version_id = 7;
  override_row.justification = "synthetic justification";
  override_row.blocs = "BBB";
  override_row.overridden_at = "2030-02-04T10:00:00Z";
  override_row.overridden_by = "mediator.one";
  view.override_row = override_row;
  store::ProposalVersionRow child = SampleVersion();
  child.id = 9;
  view.children = {child};
  view.balance = {SampleBloc("AAA", 1, 1, true), SampleBloc("BBB", 1, 0, false)};
  view.broken_rules = {"BBB"};
  return view;
}

TEST(ProposalJsonTest, View) {
  EXPECT_TRUE(MatchesGolden(ProposalViewJson(SampleView(), kProposalNames), "proposal_view"));
}

TEST(ProposalJsonTest, VersionCreatedAndOutcome) {
  negotiation::ProposalView view = SampleView();
  view.version.refers_to = 2;
  nlohmann::json answers = {
      {"version", ProposalVersionJson(SampleVersion())},
      {"version_after_the_fact", ProposalVersionJson(SampleVersionAfterTheFact())},
      {"created", ProposalCreatedJson(7, view)},
      {"outcome", ProposalOutcomeJson(7, {"tabled", false, "already tabled"})},
  };
  EXPECT_TRUE(MatchesGolden(answers, "proposal_version"));
}

TEST(ProposalJsonTest, Diff) {
  negotiation::ProposalDiff diff;
  diff.added = {{3, "AAA", "BBB", "BBB", false}};
  diff.removed = {{8, "BBB", "AAA", "AAA", false}};
  diff.moved = {{{5, "AAA", "BBB", "BBB", false}, {5, "AAA", "CCC", "BBB", false}}};
  diff.counts = {{"AAA", "BBB", 1, 2}, {"BBB", "AAA", 1, 0}};
  diff.blocs = {{SampleBloc("AAA", 1, 1, true), SampleBloc("AAA", 2, 0, false)}};
  EXPECT_TRUE(MatchesGolden(ProposalDiffJson(5, 7, diff, kProposalNames), "proposal_diff"));
}

}  // namespace
}  // namespace canje::wire
