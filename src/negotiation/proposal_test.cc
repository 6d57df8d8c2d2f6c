#include "negotiation/proposal.h"

#include <gtest/gtest.h>

#include "negotiation/proposal_diff.h"
#include "solver/deal_checker.h"

namespace canje::negotiation {
namespace {

// Two sides: SLV+USA (no rule) and VEN (count rule 1: "an equal number").
BalanceTerms CecotTerms() {
  BalanceTerms terms;
  terms.blocs = {{"NORTH", {"SLV", "USA"}, {}},
                 {"VEN", {"VEN"}, {solver::Rule::Kind::kCount, 1.0}}};
  return terms;
}

std::vector<Transfer> Swap(int to_venezuela, int from_venezuela) {
  std::vector<Transfer> transfers;
  for (int i = 0; i < to_venezuela; ++i) transfers.push_back({100 + i, "SLV", "VEN", "VEN", false});
  for (int i = 0; i < from_venezuela; ++i)
    transfers.push_back({200 + i, "VEN", "USA", "USA", false});
  return transfers;
}

const solver::BlocReport& BlocNamed(const std::vector<solver::BlocReport>& blocs,
                                    const std::string& name) {
  for (const auto& bloc : blocs) {
    if (bloc.name == name) return bloc;
  }
  ADD_FAILURE() << "no bloc " << name;
  return blocs.front();
}

TEST(ProposalTest, CountsParseInOneFormAndRefuseEverythingElseWithTheForm) {
  auto counts = ParseCounts("VEN>SLV=252, SLV>VEN=252");
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  ASSERT_EQ(counts->size(), 2u);
  EXPECT_EQ((*counts)[0], (DirectionCount{"SLV", "VEN", 252}));
  EXPECT_EQ(FormatCounts(*counts), "SLV>VEN=252,VEN>SLV=252");
  for (const char* bad :
       {"SLV>VEN", "SLV>VEN=0", "SLV>SLV=3", "slv>VEN=3", "SLV>VEN=3,SLV>VEN=4", "SLV>VEN=x", ""}) {
    auto refused = ParseCounts(bad);
    EXPECT_EQ(refused.status().code(), StatusCode::kUsage) << bad;
    EXPECT_NE(refused.status().message().find("FROM>TO=N"), std::string::npos) << bad;
  }
}

TEST(ProposalTest, TransfersCsvWithPositionsInEveryError) {
  auto transfers =
      ParseTransfersCsv("person,from,to,unconditional\nP12,VEN,USA,yes\n7,SLV,VEN,\n", "deal.csv");
  ASSERT_TRUE(transfers.ok()) << transfers.status().ToString();
  ASSERT_EQ(transfers->size(), 2u);
  EXPECT_EQ((*transfers)[0], (Transfer{12, "VEN", "USA", "USA", true}));
  EXPECT_EQ((*transfers)[1], (Transfer{7, "SLV", "VEN", "VEN", false}));

  auto bad_person = ParseTransfersCsv("person,from,to\nP12,VEN,USA\nX9,SLV,VEN\n", "deal.csv");
  EXPECT_EQ(bad_person.status().code(), StatusCode::kInvalid);
  EXPECT_EQ(bad_person.status().message().rfind("deal.csv:3:1: ", 0), 0u)
      << bad_person.status().message();
  auto bad_party = ParseTransfersCsv("to,person,from\nusa,1,VEN\n", "deal.csv");
  EXPECT_EQ(bad_party.status().message().rfind("deal.csv:2:1: ", 0), 0u);
  auto missing = ParseTransfersCsv("person,to\n1,VEN\n", "deal.csv");
  EXPECT_NE(missing.status().message().find("missing column 'from'"), std::string::npos);
  auto twice = NamedContent(*ParseTransfersCsv("person,from,to\n1,VEN,USA\n1,VEN,SLV\n", "d"));
  EXPECT_NE(twice.status().message().find("P1 is listed twice"), std::string::npos);
}

// The balance is the solver's: it agrees with the solver's independent deal checker.
TEST(ProposalTest, BalanceAgreesWithTheSolversDealChecker) {
  const BalanceTerms terms = CecotTerms();
  for (auto [to_venezuela, from_venezuela] : {std::pair{3, 3}, {3, 2}, {2, 3}, {0, 1}}) {
    ProposalContent content = *NamedContent(Swap(to_venezuela, from_venezuela));
    auto balance = Balance(terms, content);
    const auto& ven = BlocNamed(balance, "VEN");
    EXPECT_EQ(ven.received, to_venezuela);
    EXPECT_EQ(ven.given, from_venezuela);
    solver::Instance instance = BalanceInstance(terms, content);
    std::vector<std::string> all;
    for (const auto& candidate : instance.candidates) all.push_back(candidate.id);
    const bool checker_says_valid = solver::testing::RuleViolations(instance, all).empty();
    EXPECT_EQ(BrokenRules(balance).empty(), checker_says_valid)
        << to_venezuela << " for " << from_venezuela;
    EXPECT_EQ(ven.holds, to_venezuela >= from_venezuela);
  }
}

TEST(ProposalTest, ValuesComeFromClaimsAndCostsAndUnconditionalCountsForNoSide) {
  BalanceTerms terms = CecotTerms();
  terms.blocs[1].rule = {solver::Rule::Kind::kValue, 1.0};
  terms.claim_values[{100, "VEN", "VEN"}] = 5;
  terms.release_costs[{200, "VEN"}] = 4;
  std::vector<Transfer> transfers = {{100, "SLV", "VEN", "VEN", false},
                                     {200, "VEN", "USA", "USA", false},
                                     {201, "VEN", "USA", "USA", true}};
  auto balance = Balance(terms, *NamedContent(transfers));
  const auto& ven = BlocNamed(balance, "VEN");
  EXPECT_EQ(ven.value_received, 5);
  EXPECT_EQ(ven.cost_given, 4);  // the unconditional release is not counted
  EXPECT_EQ(ven.given, 1);
  EXPECT_TRUE(ven.holds);
  EXPECT_NE(DescribeBloc(ven).find("value rule"), std::string::npos);
}

TEST(ProposalTest, ACountsOnlyVersionBalancesByItsNumbers) {
  auto content = *CountsContent(*ParseCounts("SLV>VEN=252,VEN>SLV=250"));
  auto balance = Balance(CecotTerms(), content);
  const auto& ven = BlocNamed(balance, "VEN");
  EXPECT_EQ(ven.received, 252);
  EXPECT_EQ(ven.given, 250);
  EXPECT_TRUE(ven.holds);
  auto unequal = Balance(CecotTerms(), *CountsContent(*ParseCounts("SLV>VEN=10,VEN>SLV=11")));
  ASSERT_EQ(BrokenRules(unequal).size(), 1u);
  EXPECT_NE(BrokenRules(unequal)[0].find("bloc VEN"), std::string::npos);
}

TEST(ProposalTest, DiffNamesWhoWasAddedRemovedAndMovedAndTheBalanceOnBothSides) {
  std::vector<Transfer> first = Swap(3, 3);
  std::vector<Transfer> second = first;
  second.erase(second.begin());                         // P100 removed
  second.push_back({300, "SLV", "VEN", "VEN", false});  // P300 added
  second[3].to = "SLV";                                 // P200 moved: VEN -> SLV, not USA
  second[3].beneficiary = "SLV";
  second.push_back({301, "VEN", "USA", "USA", false});  // and one more from VEN
  ProposalDiff diff = DiffProposals(CecotTerms(), *NamedContent(first), *NamedContent(second));
  ASSERT_EQ(diff.added.size(), 2u);
  EXPECT_EQ(diff.added[0].person_id, 300);
  EXPECT_EQ(diff.added[1].person_id, 301);
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_EQ(diff.removed[0].person_id, 100);
  ASSERT_EQ(diff.moved.size(), 1u);
  EXPECT_EQ(diff.moved[0].before.to, "USA");
  EXPECT_EQ(diff.moved[0].after.to, "SLV");
  bool found_ven = false;
  for (const BlocChange& bloc : diff.blocs) {
    if (bloc.before.name != "VEN") continue;
    found_ven = true;
    EXPECT_EQ(bloc.before.given, 3);
    EXPECT_EQ(bloc.after.given, 4);
    EXPECT_TRUE(bloc.before.holds);
    EXPECT_FALSE(bloc.after.holds);  // 3 received for 4 given breaks "an equal number"
  }
  EXPECT_TRUE(found_ven);
  bool found_direction = false;
  for (const CountChange& change : diff.counts) {
    if (change.from == "VEN" && change.to == "SLV") {
      found_direction = true;
      EXPECT_EQ(change.before, 0);
      EXPECT_EQ(change.after, 1);
    }
  }
  EXPECT_TRUE(found_direction);
}

}  // namespace
}  // namespace canje::negotiation
