// TransferObstacles on a real (SQLite) store: holds, interviews and erasure together, and the
// batch form agreeing with the one-person form on both of its paths (few and many persons).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/testing/members.h"
#include "instance/sealed_texts.h"
#include "negotiation/eligibility.h"
#include "protect/master_key.h"
#include "store/holds_tables.h"

namespace canje::negotiation {
namespace {

using store::Store;
using store::WriteTransaction;

store::SealedPayload Payload() {
  store::SealedPayload payload;
  payload.salt = Bytes(32, 1);
  payload.sha256 = Bytes(32, 2);
  payload.wrapped_key = Bytes(69, 3);
  payload.sealed = Bytes(40, 4);
  return payload;
}

std::vector<ObstacleKind> Kinds(const std::vector<Obstacle>& obstacles) {
  return table_testing::MembersOf(obstacles, &Obstacle::kind);
}

class EligibilityStoreTest : public ::testing::Test {
 protected:
  static constexpr int kPersons = 100;

  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("canje-eligibility-test-" + std::to_string(getpid()) + ".db");
    Remove();
    vault_.SetTextKey(vault_.NewDataKey());
    auto opened = Store::Open({path_.string(), true});
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
    Status filled = store_->Write(actor_, [&](WriteTransaction& transaction) -> Status {
      for (const char* code : {"SLV", "VEN", "USA"}) {
        CANJE_RETURN_IF_ERROR(transaction.AddParty({code, code, "state", ""}));
      }
      for (int i = 1; i <= kPersons; ++i) {
        CANJE_ASSIGN_OR_RETURN(int64_t id, transaction.AllocatePersonId());
        store::PersonRow person;
        person.id = id;
        person.created_at = "2026-01-01T00:00:00Z";
        person.sex = "M";
        person.nationalities = id % 2 == 0 ? "VEN" : "COL";
        person.categories = "deportee";
        person.data_key = vault_.WrapKey(vault_.NewDataKey(), "person " + std::to_string(id));
        person.sealed = Bytes(60, 6);
        CANJE_RETURN_IF_ERROR(transaction.AddPerson(person));
        store::CustodyRow custody;
        custody.person_id = id;
        custody.holder = "SLV";
        custody.facility = "CECOT";
        custody.since = "2025-03-16";
        custody.legal_basis = "custody agreement";
        custody.charge_status = "none";
        custody.status = "held";
        CANJE_RETURN_IF_ERROR(transaction.AddCustody(custody).status());
      }
      store::HoldRow rule;  // Venezuelans held by SLV, from 2025-04-19
      rule.issuer = "Court";
      rule.reference = "R-1";
      rule.effective_from = "2025-04-19";
      rule.rule_holder = "SLV";
      rule.rule_nationality = "VEN";
      CANJE_ASSIGN_OR_RETURN(rule.id, store::NextHoldId(transaction));
      instance::SealHoldTexts(vault_, rule);
      CANJE_RETURN_IF_ERROR(store::AddHold(transaction, rule).status());
      store::HoldRow listed;  // person 3 only, lifted from 2025-08-01
      listed.issuer = "Ministry";
      listed.reference = "D-7";
      listed.effective_from = "2025-01-01";
      listed.persons = {3};
      CANJE_ASSIGN_OR_RETURN(listed.id, store::NextHoldId(transaction));
      instance::SealHoldTexts(vault_, listed);
      CANJE_ASSIGN_OR_RETURN(int64_t listed_id, store::AddHold(transaction, listed));
      CANJE_RETURN_IF_ERROR(store::LiftHold(
          transaction, listed_id, "2025-08-01",
          instance::SealHoldLiftReason(vault_, listed_id, "vacated")));
      auto interview = [&](int64_t person, std::string destination, std::string consent,
                           std::string day, bool fit) -> Status {
        CANJE_ASSIGN_OR_RETURN(int64_t id, store::NextInterviewId(transaction));
        store::InterviewRow row;
        row.id = id;
        row.person_id = person;
        row.destination = std::move(destination);
        row.interviewed_on = std::move(day);
        row.identity = "confirmed";
        row.consent = std::move(consent);
        row.fit_to_travel = fit;
        instance::PersonKeys keys(transaction.store(), vault_);
        CANJE_RETURN_IF_ERROR(instance::SealInterviewOutcome(keys, vault_, row));
        return store::AddInterview(transaction, row);
      };
      CANJE_RETURN_IF_ERROR(interview(5, "VEN", "refuses", "2025-07-01", true));
      CANJE_RETURN_IF_ERROR(interview(7, "VEN", "refuses", "2025-07-01", true));
      CANJE_RETURN_IF_ERROR(interview(7, "VEN", "consents", "2025-07-02", false));  // changed
      CANJE_RETURN_IF_ERROR(interview(9, "USA", "refuses", "2025-07-01", true));
      CANJE_RETURN_IF_ERROR(interview(11, "VEN", "consents", "2025-07-01", true));
      CANJE_RETURN_IF_ERROR(transaction.ErasePerson(13, "P13", "test").status());
      return transaction.AppendEvent({"test", {}}, Payload()).status();
    });
    ASSERT_TRUE(filled.ok()) << filled.ToString();
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }

  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
  protect::Vault vault_{protect::MasterKeyFile{protect::GenerateMasterKey(), std::nullopt}};
  store::Actor actor_{"admin", "OPERATOR", "admin"};
};

TEST_F(EligibilityStoreTest, HoldsInterviewsAndErasureBecomeTheRightObstacles) {
  using enum ObstacleKind;
  auto kinds = [&](int64_t person, std::string destination, std::string day) {
    auto obstacles = TransferObstacles(*store_, vault_, person, destination, day);
    EXPECT_TRUE(obstacles.ok()) << obstacles.status().ToString();
    return obstacles.ok() ? Kinds(*obstacles) : std::vector<ObstacleKind>{};
  };
  using Kinds = std::vector<ObstacleKind>;
  EXPECT_EQ(kinds(2, "VEN", "2025-07-05"), (Kinds{kLegalHold, kConsentNotGiven}));  // VEN
  EXPECT_EQ(kinds(2, "VEN", "2025-04-18"), (Kinds{kConsentNotGiven}));  // before the hold
  EXPECT_EQ(kinds(3, "VEN", "2025-07-31"), (Kinds{kLegalHold, kConsentNotGiven}));  // listed
  EXPECT_EQ(kinds(3, "VEN", "2025-08-01"), (Kinds{kConsentNotGiven}));  // lifted that day
  EXPECT_EQ(kinds(5, "VEN", "2025-07-05"), (Kinds{kConsentRefused}));
  EXPECT_EQ(kinds(5, "USA", "2025-07-05"), (Kinds{kConsentNotGiven}));  // another question
  EXPECT_EQ(kinds(7, "VEN", "2025-07-05"), (Kinds{kUnfitToTravel}));    // the later interview
  EXPECT_EQ(kinds(9, "USA", "2025-07-05"), (Kinds{kConsentRefused}));
  EXPECT_EQ(kinds(11, "VEN", "2025-07-05"), (Kinds{}));
  EXPECT_EQ(kinds(13, "VEN", "2025-07-05"), (Kinds{kErased}));
  auto refused = TransferObstacles(*store_, vault_, 5, "VEN", "2025-07-05");
  ASSERT_TRUE(refused.ok());
  EXPECT_TRUE((*refused)[0].confidential);
  EXPECT_TRUE((*refused)[0].blocks_selection);
  // Unfitness in the latest interview blocks selection as a refusal does; no interview yet only
  // the handover; both are personal.
  auto unfit = TransferObstacles(*store_, vault_, 7, "VEN", "2025-07-05");
  ASSERT_TRUE(unfit.ok());
  EXPECT_TRUE((*unfit)[0].confidential);
  EXPECT_TRUE((*unfit)[0].blocks_selection);
  auto not_yet = TransferObstacles(*store_, vault_, 5, "USA", "2025-07-05");
  ASSERT_TRUE(not_yet.ok());
  EXPECT_TRUE((*not_yet)[0].confidential);
  EXPECT_FALSE((*not_yet)[0].blocks_selection);
  EXPECT_EQ(TransferObstacles(*store_, vault_, 999, "VEN", "2025-07-05").status().code(),
            StatusCode::kNotFound);
}

TEST_F(EligibilityStoreTest, TheBatchFormAgreesWithTheOnePersonFormForFewAndMany) {
  std::vector<int64_t> all;
  for (int64_t id = 1; id <= kPersons; ++id) all.push_back(id);
  for (const std::vector<int64_t>& ids : {all, std::vector<int64_t>{2, 3, 5, 7, 13}}) {
    auto batch = TransferObstaclesForAll(*store_, vault_, ids, "VEN", "2025-07-05");
    ASSERT_TRUE(batch.ok()) << batch.status().ToString();
    ASSERT_EQ(batch->size(), ids.size());
    for (int64_t id : ids) {
      auto one = TransferObstacles(*store_, vault_, id, "VEN", "2025-07-05");
      ASSERT_TRUE(one.ok());
      EXPECT_EQ(Kinds(batch->at(id)), Kinds(*one)) << "P" << id;
    }
  }
  std::vector<int64_t> with_unknown = all;
  with_unknown.push_back(999);
  EXPECT_EQ(TransferObstaclesForAll(*store_, vault_, with_unknown, "VEN", "2025-07-05").status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace canje::negotiation
