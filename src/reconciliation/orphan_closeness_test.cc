// How sure "not on roster" is, on a real store (instance/testing/test_instance.h): a claimed
// person absent from the holder's roster carries the probability of the closest roster record
// the latest `canje link` found (statuses.h, store/orphan_tables.h); a person whose holder has
// no roster carries none; each run replaces the figures, it never adds to them.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <optional>
#include <string>

#include "instance/testing/test_instance.h"
#include "reconciliation/cecot_test_store.h"
#include "reconciliation/linker.h"
#include "reconciliation/statuses.h"
#include "registry/importer.h"
#include "store/link_tables.h"
#include "store/orphan_tables.h"

namespace canje::reconciliation {
namespace {

class OrphanClosenessTest : public CecotFifthTest {
 protected:
  void SetUp() override {
    CecotFifthTest::SetUp();
    if (HasFatalFailure()) return;
    // Two claimed persons: one said to be held by SLV, whose roster does not name him; one said
    // to be held by USA, which has no custody roster in the scenario (only a transfer manifest).
    claims_ = Import("closeness_claims.csv",
                     "given_names,family_names,date_of_birth,sex,nationality,holder\n"
                     "Eustaquio Ildefonso,Pardo Zubizarreta,1979-06-14,M,VEN,SLV\n"
                     "Anacleto Severiano,Urquiza Balderrama,1985-09-02,M,VEN,USA\n",
                     "claim_list", "VEN", "synthetic family association");
  }

  int64_t Import(const char* name, const char* text, const char* kind, const char* party,
                 const char* source) {
    Result<registry::ImportReport> imported = ImportText(name, text, kind, party, source);
    EXPECT_TRUE(imported.ok()) << imported.status().ToString();
    if (!imported.ok()) return 0;
    EXPECT_EQ(imported->imported, imported->rows) << name;
    return imported->list_id;
  }

  // The record of line `line` (1: the first row) of the claim list.
  int64_t ClaimRecord(int64_t line) {
    int64_t found = 0;
    Status read = store::ForEachLinkRecord(store_.admin().store(), [&](const auto& record) {
      if (record.list_id == claims_ && record.line == line + 1) found = record.record_id;
      return Status::Ok();
    });
    EXPECT_TRUE(read.ok()) << read.ToString();
    EXPECT_NE(found, 0) << "line " << line;
    return found;
  }

  // The status entry of the claim list holding `record`.
  ListEntry EntryOf(int64_t record) {
    Result<ReconciliationStatus> status = ReadStatus(store_.admin());
    EXPECT_TRUE(status.ok()) << status.status().ToString();
    if (!status.ok()) return {};
    for (const ListEntry& entry : status->entries) {
      if (entry.list_id != claims_) continue;
      for (int64_t own : entry.records) {
        if (own == record) return entry;
      }
    }
    ADD_FAILURE() << "no entry of record R" << record;
    return {};
  }

  // The rows the latest run kept, by record.
  std::map<int64_t, store::OrphanClosenessRow> Kept() {
    Result<std::vector<store::OrphanClosenessRow>> rows =
        store::OrphanCloseness(store_.admin().store());
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    std::map<int64_t, store::OrphanClosenessRow> kept;
    if (!rows.ok()) return kept;
    for (const auto& row : *rows) {
      EXPECT_TRUE(kept.emplace(row.record_id, row).second) << "one row per record";
    }
    return kept;
  }

  int64_t claims_ = 0;
};

TEST_F(OrphanClosenessTest, NotOnRosterSaysHowCloseTheHoldersRosterCameAndEachRunReplacesIt) {
  ASSERT_NE(claims_, 0);
  const LinkStoreReport first = Link();
  ASSERT_TRUE(first.changed);
  ASSERT_FALSE(first.orphan_search_skipped);
  const int64_t weak = ClaimRecord(1), no_roster = ClaimRecord(2);

  // Held by SLV, absent from its roster: the closest roster record scored, below the floor.
  const ListEntry absent = EntryOf(weak);
  ASSERT_EQ(absent.status, "not_on_roster");
  ASSERT_TRUE(absent.closest_roster_probability.has_value());
  EXPECT_GE(*absent.closest_roster_probability, 0.0);
  EXPECT_LT(*absent.closest_roster_probability, kDefaultOrphanFloor)
      << "at the floor, the pair would wait for review";
  // Held by USA, which has no roster: no figure at all.
  const ListEntry unrostered = EntryOf(no_roster);
  ASSERT_EQ(unrostered.status, "not_on_roster");
  EXPECT_FALSE(unrostered.closest_roster_probability.has_value());

  // The store keeps one row per orphan of the run, the figure and no roster record's id.
  std::map<int64_t, store::OrphanClosenessRow> kept = Kept();
  EXPECT_EQ(static_cast<int64_t>(kept.size()), first.orphans);
  ASSERT_TRUE(kept.contains(weak) && kept.contains(no_roster));
  EXPECT_EQ(kept[weak].probability, absent.closest_roster_probability);
  EXPECT_FALSE(kept[no_roster].probability.has_value());
  EXPECT_FALSE(kept[weak].search_skipped);

  // Unchanged lists: nothing written, the figures as they were.
  EXPECT_FALSE(Link().changed);
  EXPECT_EQ(Kept()[weak].probability, absent.closest_roster_probability);

  // USA's first roster, naming someone else: the only change is USA's orphans' figures, and
  // the run writes them.
  Import("closeness_usa_roster.csv",
         "given_names,family_names,date_of_birth,sex,nationality\n"
         "Teodomiro,Castellanos Ibarra,1960-01-01,M,USA\n",
         "custody_roster", "USA", "synthetic USA roster");
  const LinkStoreReport second = Link();
  EXPECT_TRUE(second.changed) << "the figures changed, so the run writes";
  const ListEntry now_compared = EntryOf(no_roster);
  EXPECT_EQ(now_compared.status, "not_on_roster");
  ASSERT_TRUE(now_compared.closest_roster_probability.has_value());
  EXPECT_LT(*now_compared.closest_roster_probability, kDefaultOrphanFloor);
  kept = Kept();
  EXPECT_EQ(static_cast<int64_t>(kept.size()), second.orphans) << "replaced, not added to";
  EXPECT_EQ(kept[no_roster].probability, now_compared.closest_roster_probability);

  // SLV's new roster names the first man: he is held, and no figure of his is left.
  Import("closeness_slv_roster.csv",
         "given_names,family_names,date_of_birth,sex,nationality\n"
         "Eustaquio Ildefonso,Pardo Zubizarreta,1979-06-14,M,VEN\n",
         "custody_roster", "SLV", "synthetic SLV transfer roster");
  const LinkStoreReport third = Link();
  EXPECT_TRUE(third.changed);
  const ListEntry found = EntryOf(weak);
  EXPECT_EQ(found.status, "held");
  EXPECT_FALSE(found.closest_roster_probability.has_value());
  kept = Kept();
  EXPECT_FALSE(kept.contains(weak)) << "a record on its holder's roster is no orphan";
  EXPECT_EQ(static_cast<int64_t>(kept.size()), third.orphans);
  EXPECT_TRUE(kept[no_roster].probability.has_value()) << "USA's roster is still compared";
}

}  // namespace
}  // namespace canje::reconciliation
