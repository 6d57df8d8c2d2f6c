#include "protect/password_hash.h"

#include <gtest/gtest.h>

namespace canje::protect {
namespace {

// A cheap cost for tests; the stored form carries it, so verification uses it too.
constexpr PasswordCost kTestCost{1024, 8, 1};

TEST(PasswordHash, VerifiesTheRightPasswordOnly) {
  auto stored = HashPassword("correct horse battery staple", kTestCost);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->rfind("scrypt$1024$8$1$", 0), 0u) << *stored;
  EXPECT_EQ(stored->find("correct"), std::string::npos) << "the password itself is not stored";
  EXPECT_TRUE(VerifyPassword("correct horse battery staple", *stored));
  EXPECT_FALSE(VerifyPassword("correct horse battery stapler", *stored));
  EXPECT_FALSE(VerifyPassword("", *stored));
  auto again = HashPassword("correct horse battery staple", kTestCost);
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*again, *stored) << "a new salt each time";
}

TEST(PasswordHash, RefusesShortOrMalformedPasswordsAndUnreadableHashes) {
  EXPECT_EQ(HashPassword("short", kTestCost).status().code(), StatusCode::kUsage);
  EXPECT_EQ(HashPassword("ñññññññññññ", kTestCost).status().code(), StatusCode::kUsage)
      << "11 characters, though 22 bytes";
  EXPECT_TRUE(HashPassword("ñññññññññññññ", kTestCost).ok());
  EXPECT_EQ(HashPassword("twelve chars\xff", kTestCost).status().code(), StatusCode::kUsage);
  EXPECT_EQ(HashPassword(std::string(1025, 'a'), kTestCost).status().code(), StatusCode::kUsage);
  for (const char* stored : {"", "scrypt$", "scrypt$1024$8$1$AAAA$AAAA", "bcrypt$1$2$3$4$5",
                             "scrypt$1025$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" 
                             "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                             "scrypt$4194304$8$1$AAAAAAAAAAAAAAAAAAAAAA==$"
                             "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}) {
    EXPECT_FALSE(VerifyPassword("correct horse battery staple", stored)) << stored;
  }
}

}  // namespace
}  // namespace canje::protect
