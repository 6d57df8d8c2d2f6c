// The roster guard (roster_guard.h) on small clusters built by hand: a chain of three records
// joining two detainees of one roster is split at its weakest link, unless a document or a
// reviewer's decision joins them.
#include "reconciliation/roster_guard.h"

#include <gtest/gtest.h>

namespace canje::reconciliation {
namespace {

using linkage::LinkageEngine;
using linkage::ScoredPair;

constexpr int64_t kRoster = 1;  // a custody roster
constexpr int64_t kClaims = 2;  // a claim list

// Roster record 0 — claim 1 — roster record 2, one cluster.
const std::vector<GuardedRecord> kChain = {{kRoster, true}, {kClaims, false}, {kRoster, true}};
const std::vector<ScoredPair> kChainLinks = {{0, 1, 0.95}, {1, 2, 0.80}};

bool NoDocument(uint32_t, uint32_t) { return false; }

TEST(RosterGuardTest, AChainOfThreeIsCutAtItsWeakestLink) {
  std::vector<uint32_t> cluster_of = {1, 1, 1};
  const RosterGuardResult result =
      SeparateRosterRecords(kChain, kChainLinks, {}, NoDocument, cluster_of);
  EXPECT_EQ(result.clusters_split, 1);
  ASSERT_EQ(result.cut.size(), 1u);
  EXPECT_EQ(result.cut[0].left, 1u);
  EXPECT_EQ(result.cut[0].right, 2u);
  EXPECT_DOUBLE_EQ(result.cut[0].probability, 0.80);
  EXPECT_EQ(cluster_of, (std::vector<uint32_t>{1, 1, 2})) << "the claim stays with its best match";
}

TEST(RosterGuardTest, ADocumentOrADecisionKeepsTheRosterRecordsTogether) {
  std::vector<uint32_t> cluster_of = {1, 1, 1};
  auto document = [](uint32_t i, uint32_t j) { return i + j == 2; };  // rows 0 and 2
  RosterGuardResult result = SeparateRosterRecords(kChain, kChainLinks, {}, document, cluster_of);
  EXPECT_EQ(result.clusters_split, 0);
  EXPECT_EQ(cluster_of, (std::vector<uint32_t>{1, 1, 1}));

  const std::unordered_map<uint64_t, bool> same = {{LinkageEngine::PairKey(0, 2), true}};
  result = SeparateRosterRecords(kChain, kChainLinks, same, NoDocument, cluster_of);
  EXPECT_EQ(result.clusters_split, 0);
  EXPECT_TRUE(result.cut.empty());
  EXPECT_EQ(cluster_of, (std::vector<uint32_t>{1, 1, 1}));

  // A "different" decision is no licence: the pair is still split.
  const std::unordered_map<uint64_t, bool> different = {{LinkageEngine::PairKey(0, 2), false}};
  result = SeparateRosterRecords(kChain, kChainLinks, different, NoDocument, cluster_of);
  EXPECT_EQ(result.clusters_split, 1);
}

TEST(RosterGuardTest, ADecidedLinkIsNeverCutAndDecidedChainsStay) {
  // The weaker link was confirmed by a reviewer: the stronger, unconfirmed one is cut instead.
  std::vector<uint32_t> cluster_of = {1, 1, 1};
  std::unordered_map<uint64_t, bool> decided = {{LinkageEngine::PairKey(1, 2), true}};
  RosterGuardResult result =
      SeparateRosterRecords(kChain, kChainLinks, decided, NoDocument, cluster_of);
  ASSERT_EQ(result.cut.size(), 1u);
  EXPECT_EQ(result.cut[0].left, 0u);
  EXPECT_EQ(result.cut[0].right, 1u);
  EXPECT_EQ(cluster_of, (std::vector<uint32_t>{1, 2, 2}));

  // Both links confirmed: the reviewers joined the two roster records; nothing is cut.
  cluster_of = {1, 1, 1};
  decided[LinkageEngine::PairKey(0, 1)] = true;
  result = SeparateRosterRecords(kChain, kChainLinks, decided, NoDocument, cluster_of);
  EXPECT_TRUE(result.cut.empty());
  EXPECT_EQ(cluster_of, (std::vector<uint32_t>{1, 1, 1}));
}

TEST(RosterGuardTest, EveryChainBetweenTheTwoIsCutAndOtherClustersAreRenumbered) {
  // Cluster 1: a lone record. Cluster 2: roster rows 1 and 3 joined through claims 2 and 4 by
  // two chains. Two rosters of different lists (rows 5 and 6) may share a person.
  const std::vector<GuardedRecord> records = {{kClaims, false}, {kRoster, true}, {kClaims, false},
                                              {kRoster, true},  {kClaims, false}, {7, true},
                                              {8, true}};
  const std::vector<ScoredPair> links = {
      {1, 2, 0.90}, {2, 3, 0.80}, {1, 4, 0.85}, {3, 4, 0.75}, {5, 6, 0.99}};
  std::vector<uint32_t> cluster_of = {1, 2, 2, 2, 2, 3, 3};
  const RosterGuardResult result =
      SeparateRosterRecords(records, links, {}, NoDocument, cluster_of);
  EXPECT_EQ(result.clusters_split, 1);
  ASSERT_EQ(result.cut.size(), 2u);
  EXPECT_DOUBLE_EQ(result.cut[0].probability, 0.80);
  EXPECT_DOUBLE_EQ(result.cut[1].probability, 0.75);
  EXPECT_EQ(cluster_of, (std::vector<uint32_t>{1, 2, 2, 3, 2, 4, 4}));
}

TEST(RosterGuardTest, ClustersWithoutTwoRecordsOfOneRosterAreLeftAsTheyAre) {
  std::vector<uint32_t> cluster_of = {1, 1, 2};
  const std::vector<ScoredPair> links = {{0, 1, 0.95}};
  const RosterGuardResult result = SeparateRosterRecords(kChain, links, {}, NoDocument, cluster_of);
  EXPECT_EQ(result.clusters_split, 0);
  EXPECT_EQ(cluster_of, (std::vector<uint32_t>{1, 1, 2}));
}

}  // namespace
}  // namespace canje::reconciliation
