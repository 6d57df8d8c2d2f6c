// Golden tests of the instance's own shapes (instance_json.h), with synthetic names.
#include "wire/instance_json.h"

#include <gtest/gtest.h>

#include "wire/golden.h"
#include "wire/wire_test_samples.h"

namespace canje::wire {
namespace {

TEST(InstanceJsonTest, CreatedPartiesAndUsers) {
  instance::InitResult init;
  init.instance_id = "inst-0001";
  init.origin = "canje.test/inst-0001";
  init.admin_name = "admin";
  init.master_key_file = "canje.db.key";
  nlohmann::json shapes = {
      {"created", InstanceCreatedJson("canje.db", init)},
      {"party_added", PartyJson(instance::NewParty{"AAA", "State of Aaa", "state"})},
      {"party_listed", PartyJson(store::PartyRow{"ORG", "Test Organisation", "organisation",
                                                 "2030-01-01T10:00:00Z"})},
      {"user_added", UserJson(instance::NewUser{"negotiator.aaa", "AAA", "negotiator"})},
      {"user_listed",
       UserJson(store::UserRow{"verifier.one", "ORG", "verifier", "2030-01-01T10:00:00Z"})},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "instance_parties_users"));
}

TEST(InstanceJsonTest, ErasureRotationAndCopy) {
  registry::ErasureReport erasure;
  erasure.person_id = 3;
  erasure.records = 2;
  erasure.events = 5;
  erasure.event_seq = 44;
  instance::RotationReport rotation{"key-old", "key-new", 12, true};
  store::CopyReport copy;
  copy.tables = {{"parties", 3}, {"events", 44}};
  copy.events = 44;
  copy.root = testing::FilledHash(0x01);
  nlohmann::json shapes = {
      {"erasure", ErasureJson(erasure)},
      {"rotation", KeyRotationJson(rotation)},
      {"copy", StoreCopyJson(copy)},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "instance_protection"));
}

}  // namespace
}  // namespace canje::wire
