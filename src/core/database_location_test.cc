#include "core/database_location.h"

#include <gtest/gtest.h>

namespace canje {
namespace {

TEST(DatabaseLocationTest, RecognisesPostgresUrlsAndTakesTheRestForPaths) {
  EXPECT_TRUE(IsPostgresUrl("postgresql://canje@localhost/db"));
  EXPECT_TRUE(IsPostgresUrl("postgres://localhost/db"));
  EXPECT_FALSE(IsPostgresUrl("canje.db"));
  EXPECT_FALSE(IsPostgresUrl("/var/lib/postgresql://x"));
}

TEST(DatabaseLocationTest, HidesAUrlsPasswordAndNothingElse) {
  EXPECT_EQ(RedactedUrl("postgresql://canje:s3cret@db.example:5432/m?sslmode=require"),
            "postgresql://canje:***@db.example:5432/m?sslmode=require");
  EXPECT_EQ(RedactedUrl("postgresql://canje@db.example/m"), "postgresql://canje@db.example/m");
  EXPECT_EQ(RedactedUrl("/srv/canje/canje.db"), "/srv/canje/canje.db");
}

}  // namespace
}  // namespace canje
