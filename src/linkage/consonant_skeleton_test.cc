#include "linkage/consonant_skeleton.h"

#include <gtest/gtest.h>

#include "core/testing/text_cases.h"

namespace canje::linkage {
namespace {

using table_testing::ExpectEachMapsTo;

TEST(ConsonantSkeletonTest, LatinSpellingsOfOneArabicNameShareASkeleton) {
  for (const char* spelling : {"mohammed", "muhammad", "mohamad", "mohamed", "mhmd"}) {
    EXPECT_EQ(ConsonantSkeleton(spelling), "mhmd") << spelling;
  }
}

TEST(ConsonantSkeletonTest, LongVowelLettersDropExceptAtTheStart) {
  EXPECT_EQ(ConsonantSkeleton("mhmwd"), ConsonantSkeleton("mahmoud"));
  EXPECT_EQ(ConsonantSkeleton("hsyn"), ConsonantSkeleton("hussein"));
  const table_testing::TextCases cases = {
      {"ywsf", "ysf"},
      {"yusuf", "ysf"},
      {"walid", "wld"},
  };
  ExpectEachMapsTo(ConsonantSkeleton, cases);
}

TEST(ConsonantSkeletonTest, FinalHQAndRepeats) {
  EXPECT_EQ(ConsonantSkeleton("fatimah"), ConsonantSkeleton("fatima"));
  EXPECT_EQ(ConsonantSkeleton("qasim"), ConsonantSkeleton("kassem"));
  EXPECT_EQ(ConsonantSkeleton("h"), "h");  // a word of one h keeps it
}

TEST(ConsonantSkeletonTest, JoinsWordsWithoutSpaces) {
  const table_testing::TextCases cases = {
      {"abd al rahman", "bdlrhmn"},
      {"abdelrahman", "bdlrhmn"},
      {"bd alrhmn", "bdlrhmn"},
      {"aaa", ""},
  };
  ExpectEachMapsTo(ConsonantSkeleton, cases);
}

TEST(ConsonantSkeletonTest, DistinctNamesDiffer) {
  EXPECT_NE(ConsonantSkeleton("mohammed"), ConsonantSkeleton("ahmed"));
  EXPECT_NE(ConsonantSkeleton("yusuf"), ConsonantSkeleton("younes"));
  EXPECT_NE(ConsonantSkeleton("khaled"), ConsonantSkeleton("karim"));
}

}  // namespace
}  // namespace canje::linkage
