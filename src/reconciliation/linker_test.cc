// `canje link` over a real store, in process (instance/testing/test_instance.h): the cecot-2025
// lists loaded as `canje demo` loads them, then the rules of linker.h and decisions.h — a run
// over unchanged lists changes nothing and logs nothing; a reviewer's decision binds the next
// run, both ways, whatever the engine's score.
#include "reconciliation/linker.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "instance/testing/test_instance.h"
#include "reconciliation/cecot_test_store.h"
#include "reconciliation/review.h"
#include "registry/importer.h"
#include "store/link_tables.h"

namespace canje::reconciliation {
namespace {

class LinkerTest : public CecotFifthTest {
 protected:
  int64_t LogSize() { return *store_.admin().store().EventCount(); }
  void Import(const char* name, const char* text, const char* kind) {
    Result<registry::ImportReport> imported =
        ImportText(name, text, kind, "SLV", "synthetic namesakes");
    ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  }
  // The namesakes of the tests below, born on `left_date` and `right_date` ("" unknown), are in
  // the queue as kept apart, scored at or above the threshold, and not one person.
  void ExpectKeptApartAndQueued(const std::string& left_date, const std::string& right_date) {
    const std::string name = "Wilfredo Anselmo Quiroga Betancourt";
    const std::optional<ReviewItem> pair = Queued(name, name, left_date, right_date);
    ASSERT_TRUE(pair.has_value()) << "the pair kept apart waits for review: " << right_date;
    EXPECT_GE(pair->probability, LinkStoreOptions{}.threshold) << "the names alone would link";
    EXPECT_EQ(pair->queued_because, QueueReason::kKeptApart) << right_date;
    EXPECT_FALSE(pair->linked) << right_date;
    EXPECT_NE(PersonOf(pair->left.record_id), PersonOf(pair->right.record_id)) << right_date;
  }
  // Links, and expects at least `held` pairs held back by a link rule and each pair of dates
  // (left, right) kept apart and queued.
  void LinkAndExpectKeptApart(int64_t held,
                              const std::vector<std::pair<std::string, std::string>>& dates) {
    EXPECT_GE(Link().held, held);
    for (const auto& [left, right] : dates) ExpectKeptApartAndQueued(left, right);
  }
  static std::string DateOf(const ReviewSide& side) {
    return side.person.date_of_birth ? side.person.date_of_birth->ToIso() : "";
  }
  // The queued pair of two records with these names and dates of birth ("" none), if queued.
  std::optional<ReviewItem> Queued(const std::string& left_name, const std::string& right_name,
                                   const std::string& left_date, const std::string& right_date) {
    Result<std::vector<ReviewItem>> queue = ListReviewQueue(store_.admin(), 0);
    EXPECT_TRUE(queue.ok()) << queue.status().ToString();
    if (!queue.ok()) return std::nullopt;
    for (const ReviewItem& item : *queue) {
      for (const auto& [x, y] : {std::pair{item.left, item.right}, std::pair{item.right, item.left}}) {
        if (x.person.name.Display() == left_name && y.person.name.Display() == right_name &&
            DateOf(x) == left_date && DateOf(y) == right_date) {
          return item;
        }
      }
    }
    return std::nullopt;
  }
  int64_t PersonOf(int64_t record) {
    auto row = store::FindLinkRecord(store_.admin().store(), record);
    EXPECT_TRUE(row.ok() && row->has_value()) << "record " << record;
    return row.ok() && row->has_value() ? (*row)->person_id : 0;
  }
};

TEST_F(LinkerTest, ARunOverUnchangedListsAndDecisionsChangesNothingAndLogsNothing) {
  const LinkStoreReport first = Link();
  ASSERT_TRUE(first.changed);
  EXPECT_GE(first.event_seq, 0);
  EXPECT_GT(first.merged, 0) << "the demo's lists name the same people several times";
  EXPECT_LT(first.persons, first.compared);

  const int64_t size = LogSize();
  const LinkStoreReport second = Link();
  EXPECT_FALSE(second.changed);
  EXPECT_EQ(second.event_seq, -1);
  EXPECT_EQ(second.relinked, 0);
  EXPECT_EQ(second.merged, 0);
  EXPECT_EQ(second.persons, first.persons);
  EXPECT_EQ(LogSize(), size) << "an idempotent run appends no event";
}

TEST_F(LinkerTest, AReviewersDecisionBindsTheNextRunBothWays) {
  Link();
  Result<std::vector<ReviewItem>> queue = ListReviewQueue(store_.admin(), 0);
  ASSERT_TRUE(queue.ok()) << queue.status().ToString();
  ASSERT_FALSE(queue->empty()) << "the demo leaves pairs for review";
  const ReviewItem& pair = queue->front();
  const int64_t left = pair.left.record_id, right = pair.right.record_id;
  const bool linked_before = PersonOf(left) == PersonOf(right);

  // Decided the same: one person after the next run, whatever the score said.
  ASSERT_TRUE(DecidePair(store_.admin(), left, right, true, "same cédula on the prison's file").ok());
  EXPECT_EQ(PersonOf(left) == PersonOf(right), linked_before) << "links change only at a run";
  Link();
  EXPECT_EQ(PersonOf(left), PersonOf(right));

  // Decided different: never one person again, and the decision is what binds.
  ASSERT_TRUE(DecidePair(store_.admin(), left, right, false, "brothers, born two years apart").ok());
  const LinkStoreReport after = Link();
  EXPECT_TRUE(after.changed);
  EXPECT_NE(PersonOf(left), PersonOf(right));
  EXPECT_FALSE(Link().changed) << "the split holds on the run after";

  // Deciding again what already binds is refused and changes nothing.
  const int64_t size = LogSize();
  EXPECT_EQ(DecidePair(store_.admin(), left, right, false, "again").status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(LogSize(), size);
}

// Every queued pair says why it is queued, and whether its records are one person: a pair of
// the review band is linked exactly when it scored at or above the threshold; a pair above the
// threshold that is not linked is there for another reason, which it names. Two namesakes of
// one custody roster, without documents or dates of birth (nothing tells them apart), both
// resembling one claim-list entry without a birth date, are kept apart by the roster guard, and
// the link it cut is queued as such.
TEST_F(LinkerTest, TheQueueSaysWhyEachPairIsInIt) {
  Import("namesakes_roster.csv",
         "given_names,family_names,sex,nationality\n"
         "Wilfredo Anselmo,Quiroga Betancourt,M,VEN\n"
         "Wilfredo Anselmo,Quiroga Betancourt,M,VEN\n",
         "custody_roster");
  Import("namesakes_claims.csv",
         "given_names,family_names,sex,nationality,holder\n"
         "Wilfredo Anselmo,Quiroga Betancourt,M,VEN,SLV\n",
         "documentation_list");
  const LinkStoreOptions options;
  const LinkStoreReport report = Link();
  EXPECT_GT(report.roster_splits, 0);
  Result<std::vector<ReviewItem>> queue = ListReviewQueue(store_.admin(), 0);
  ASSERT_TRUE(queue.ok()) << queue.status().ToString();
  int guard_cuts = 0;
  bool namesakes_cut = false;
  for (const ReviewItem& item : *queue) {
    ASSERT_TRUE(item.queued_because.has_value());
    EXPECT_EQ(item.linked, PersonOf(item.left.record_id) == PersonOf(item.right.record_id));
    // The reason agrees with the score and the links.
    const bool above = item.probability >= options.threshold;
    switch (*item.queued_because) {
      case QueueReason::kAboveThreshold:
        EXPECT_TRUE(above && item.linked);
        break;
      case QueueReason::kLinkedThroughOthers:
        EXPECT_TRUE(!above && item.linked);
        break;
      case QueueReason::kKeptApart:
        EXPECT_TRUE(above && !item.linked);
        break;
      case QueueReason::kBelowThreshold:
        EXPECT_TRUE(!above && !item.linked);
        break;
      case QueueReason::kRosterGuard:
      case QueueReason::kClosestRoster:
        break;
      case QueueReason::kReviewBand:
        ADD_FAILURE() << "a run of this version names the band's case";
    }
    if (*item.queued_because == QueueReason::kRosterGuard) {
      ++guard_cuts;
      EXPECT_FALSE(item.linked);
      const bool namesakes = item.left.person.name.Display() == "Wilfredo Anselmo Quiroga Betancourt" &&
                             item.right.person.name.Display() == item.left.person.name.Display();
      namesakes_cut = namesakes_cut || namesakes;
    }
  }
  EXPECT_GE(guard_cuts, report.roster_splits);
  EXPECT_TRUE(namesakes_cut) << "the link cut between the namesakes' chain is queued as such";
}

// Two namesakes on two lists whose dates of birth conflict, with no document to say otherwise:
// the names alone would link them; the date rule (linkage/link_rules.h) keeps them apart, and
// the pair waits for review as kept apart, whatever its score.
TEST_F(LinkerTest, NamesakesWithConflictingDatesAreKeptApartAndQueued) {
  Import("namesake_roster.csv",
         "given_names,family_names,date_of_birth,sex,nationality\n"
         "Wilfredo Anselmo,Quiroga Betancourt,1981-02-03,M,VEN\n",
         "custody_roster");
  Import("namesake_documented.csv",
         "given_names,family_names,date_of_birth,sex,nationality,holder\n"
         "Wilfredo Anselmo,Quiroga Betancourt,1994-11-21,M,VEN,SLV\n",
         "documentation_list");
  LinkAndExpectKeptApart(1, {{"1981-02-03", "1994-11-21"}});
}

// A record without a date of birth whose name matches two namesakes the dates tell apart is
// linked to neither on its name: both pairs wait for review.
TEST_F(LinkerTest, ARecordWithoutADateIsNotLinkedOnItsNameAmongNamesakes) {
  Import("namesakes_documented.csv",
         "given_names,family_names,date_of_birth,sex,nationality,holder\n"
         "Wilfredo Anselmo,Quiroga Betancourt,1981-02-03,M,VEN,SLV\n"
         "Wilfredo Anselmo,Quiroga Betancourt,1994-11-21,M,VEN,SLV\n",
         "documentation_list");
  Import("namesake_claim.csv",
         "given_names,family_names,sex,nationality,holder\n"
         "Wilfredo Anselmo,Quiroga Betancourt,M,VEN,SLV\n",
         "claim_list");
  LinkAndExpectKeptApart(2, {{"", "1981-02-03"}, {"", "1994-11-21"}});
}

// Two entries of one claim list with the same name, one without a date of birth and no document:
// the list may name one man twice or two namesakes, and the name is all the score has. They are
// not one person on the names (linkage/link_rules.h, undated_same_list); the pair waits for
// review as kept apart.
TEST_F(LinkerTest, TwoEntriesOfOneListOneWithoutADateAreNotLinkedOnTheirNames) {
  Import("namesakes_claimed.csv",
         "given_names,family_names,date_of_birth,sex,nationality,holder\n"
         "Wilfredo Anselmo,Quiroga Betancourt,1981-02-03,M,VEN,SLV\n"
         "Wilfredo Anselmo,Quiroga Betancourt,,M,VEN,SLV\n",
         "claim_list");
  LinkAndExpectKeptApart(1, {{"", "1981-02-03"}});
}

}  // namespace
}  // namespace canje::reconciliation
