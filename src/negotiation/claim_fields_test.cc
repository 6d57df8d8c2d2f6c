// Claims by field (claim_fields.h) on a real store: the persons of a roster selected by what the
// roster says about them — status under humanitarian law, categories — claimed at priority 1;
// conditions that cannot be read are refused, and a negotiator selects only among the records
// of a list it may act on as a whole.
#include "negotiation/claim_fields.h"

#include <gtest/gtest.h>

#include "negotiation/exchange.h"
#include "negotiation/exchange_test_store.h"
#include "registry/importer.h"
#include "store/exchange_tables.h"

namespace canje::negotiation {
namespace {

class ClaimFieldsTest : public testing::ExchangeTestStore {
 protected:
  void SetUp() override {
    SetUpExchange();
    if (HasFatalFailure()) return;
    // El Salvador's second roster, in Ukrainian headers: two prisoners of war (one sick or
    // wounded), a sick civilian internee and a sick person of no stated status.
    const std::string roster =
        "id,прізвище,ім'я,статус військовополоненого,категорія,звання,custodio\n"
        "W1,Тестенко,Остап,військовополонений,enfermo o herido,солдат,SLV\n"
        "W2,Вигаданко,Зеновій,prisoner of war,,сержант,SLV\n"
        "W3,Пробенко,Ганна,civilian internee,sick_or_wounded,,SLV\n"
        "W4,Зразко,Іван,,sick_or_wounded,Солдат,SLV\n";
    ImportSlvRoster("slv-pow.csv", roster, "synthetic prisoner of war roster", pow_list_, pow_);
    if (HasFatalFailure()) return;
    ASSERT_EQ(pow_.size(), 4u);
  }

  Result<std::vector<int64_t>> Where(const std::string& user,
                                     const std::vector<std::string>& where) {
    return PersonsToClaim(As(user), "", "L" + std::to_string(pow_list_), where);
  }

  int64_t pow_list_ = 0;
  std::vector<int64_t> pow_;  // W1..W4's persons
};

TEST_F(ClaimFieldsTest, ThePrisonersOfWarWhoAreSickOrWoundedAreClaimedAtPriorityOne) {
  auto sick_prisoners =
      Where("med", {"ihl_status=prisoner_of_war", "categories=sick_or_wounded"});
  ASSERT_TRUE(sick_prisoners.ok()) << sick_prisoners.status().ToString();
  EXPECT_EQ(*sick_prisoners, std::vector<int64_t>({pow_[0]}));

  std::vector<NewClaim> claims;
  for (int64_t person : *sick_prisoners) claims.push_back({person, "VEN", "", 1, 1, true});
  auto outcome = AddClaims(As("med"), exchange_, claims);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(outcome->added, 1);
  auto stored = store::ClaimsOf(store_.admin().store(), exchange_);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_EQ((*stored)[0].person_id, pow_[0]);
  EXPECT_EQ((*stored)[0].priority, 1);

  // Every prisoner of war, in whatever language the roster wrote the status.
  auto prisoners = Where("med", {"ihl_status=военнопленный"});
  ASSERT_TRUE(prisoners.ok()) << prisoners.status().ToString();
  EXPECT_EQ(*prisoners, std::vector<int64_t>({pow_[0], pow_[1]}));
  // Alternatives, with a header synonym for the field.
  auto sick_detained = Where("med", {"статус за МГП=prisoner_of_war|civilian_internee",
                                     "categories=sick_or_wounded"});
  ASSERT_TRUE(sick_detained.ok()) << sick_detained.status().ToString();
  EXPECT_EQ(*sick_detained, std::vector<int64_t>({pow_[0], pow_[2]}));
  // Rank compares folded: "Солдат" and "солдат" are one rank.
  auto soldiers = Where("med", {"rank=СОЛДАТ"});
  ASSERT_TRUE(soldiers.ok()) << soldiers.status().ToString();
  EXPECT_EQ(*soldiers, std::vector<int64_t>({pow_[0], pow_[3]}));
}

TEST_F(ClaimFieldsTest, ConditionsThatCannotBeReadAreRefusedAndNothingMatchingIsSaid) {
  for (const std::vector<std::string>& where :
       std::vector<std::vector<std::string>>{{"ihl_status"},
                                             {"estatus_militar=prisoner_of_war"},
                                             {"ihl_status=prisionero"},
                                             {"notes=anything"},
                                             {"ihl_status="}}) {
    auto refused = Where("med", where);
    ASSERT_FALSE(refused.ok()) << where[0];
    EXPECT_EQ(refused.status().code(), StatusCode::kUsage) << refused.status().ToString();
  }
  auto unknown_value = Where("med", {"ihl_status=prisionero"});
  EXPECT_NE(unknown_value.status().message().find("prisoner_of_war"), std::string::npos)
      << unknown_value.status().ToString();
  // A PERSON with conditions: they select among a list's records only.
  auto with_person = PersonsToClaim(As("med"), "P1", "", {"ihl_status=prisoner_of_war"});
  EXPECT_EQ(with_person.status().code(), StatusCode::kUsage);

  auto none = Where("med", {"ihl_status=detained_civilian"});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kInvalid) << none.status().ToString();
}

TEST_F(ClaimFieldsTest, ANegotiatorSelectsOnlyAmongTheRecordsOfItsOwnLists) {
  // Venezuela may not read El Salvador's roster: it cannot learn who on it is a prisoner of war.
  auto refused = Where("ven", {"ihl_status=prisoner_of_war"});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kNotFound) << refused.status().ToString();
  // El Salvador's negotiator selects on its own roster.
  auto own = Where("slv", {"ihl_status=prisoner_of_war"});
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  EXPECT_EQ(own->size(), 2u);
}

}  // namespace
}  // namespace canje::negotiation
