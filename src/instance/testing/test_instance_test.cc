#include "instance/testing/test_instance.h"

#include <gtest/gtest.h>

#include "instance/parties_and_users.h"

namespace canje::instance::testing {
namespace {

TEST(TestInstanceTest, MakesAStoreWhoseUsersActUnderTheirOwnRoles) {
  std::filesystem::path folder;
  {
    TestInstance store;
    ASSERT_TRUE(store.ok()) << store.error();
    folder = store.dir();
    store.AddVenezuelaNegotiator();
    if (HasFailure()) return;

    Result<std::unique_ptr<Instance>> ven = store.Open("ven");
    ASSERT_TRUE(ven.ok()) << ven.status().ToString();
    EXPECT_EQ((*ven)->actor().user, "ven");
    EXPECT_EQ((*ven)->actor().party, "VEN");
    // A negotiator may not add users: the rule, not the fixture, answers.
    EXPECT_EQ(AddUser(**ven, {"spy", "VEN", "admin"}).code(), StatusCode::kNotPermitted);
    EXPECT_EQ(store.Open("nobody").status().code(), StatusCode::kNotPermitted);

    Result<std::vector<store::UserRow>> users = ReadUsers(store.admin());
    ASSERT_TRUE(users.ok()) << users.status().ToString();
    EXPECT_EQ(users->size(), 2u);  // the admin and ven
  }
  EXPECT_FALSE(std::filesystem::exists(folder)) << "the temporary folder outlived the store";
}

}  // namespace
}  // namespace canje::instance::testing
