#include "linkage/consonant_skeleton.h"

#include <gtest/gtest.h>

namespace canje::linkage {
namespace {

TEST(ConsonantSkeletonTest, LatinSpellingsOfOneArabicNameShareASkeleton) {
  for (const char* spelling : {"mohammed", "muhammad", "mohamad", "mohamed", "mhmd"}) {
    EXPECT_EQ(ConsonantSkeleton(spelling), "mhmd") << spelling;
  }
}

TEST(ConsonantSkeletonTest, LongVowelLettersDropExceptAtTheStart) {
  EXPECT_EQ(ConsonantSkeleton("mhmwd"), ConsonantSkeleton("mahmoud"));
  EXPECT_EQ(ConsonantSkeleton("hsyn"), ConsonantSkeleton("hussein"));
  EXPECT_EQ(ConsonantSkeleton("ywsf"), "ysf");
  EXPECT_EQ(ConsonantSkeleton("yusuf"), "ysf");
  EXPECT_EQ(ConsonantSkeleton("walid"), "wld");
}

TEST(ConsonantSkeletonTest, FinalHQAndRepeats) {
  EXPECT_EQ(ConsonantSkeleton("fatimah"), ConsonantSkeleton("fatima"));
  EXPECT_EQ(ConsonantSkeleton("qasim"), ConsonantSkeleton("kassem"));
  EXPECT_EQ(ConsonantSkeleton("h"), "h");  // a word of one h keeps it
}

TEST(ConsonantSkeletonTest, JoinsWordsWithoutSpaces) {
  EXPECT_EQ(ConsonantSkeleton("abd al rahman"), "bdlrhmn");
  EXPECT_EQ(ConsonantSkeleton("abdelrahman"), "bdlrhmn");
  EXPECT_EQ(ConsonantSkeleton("bd alrhmn"), "bdlrhmn");
  EXPECT_EQ(ConsonantSkeleton("aaa"), "");
}

TEST(ConsonantSkeletonTest, DistinctNamesDiffer) {
  EXPECT_NE(ConsonantSkeleton("mohammed"), ConsonantSkeleton("ahmed"));
  EXPECT_NE(ConsonantSkeleton("yusuf"), ConsonantSkeleton("younes"));
  EXPECT_NE(ConsonantSkeleton("khaled"), ConsonantSkeleton("karim"));
}

}  // namespace
}  // namespace canje::linkage
