#include "registry/person.h"

#include <gtest/gtest.h>

namespace canje::registry {
namespace {

using Precision = PartialDate::Precision;

TEST(PartialDate, ToIsoWritesItsPrecision) {
  EXPECT_EQ((PartialDate{1990, 4, 3, Precision::kDay}).ToIso(), "1990-04-03");
  EXPECT_EQ((PartialDate{1990, 4, 0, Precision::kMonth}).ToIso(), "1990-04");
  EXPECT_EQ((PartialDate{1990, 0, 0, Precision::kYear}).ToIso(), "1990");
  EXPECT_EQ((PartialDate{812, 1, 9, Precision::kDay}).ToIso(), "0812-01-09");
}

TEST(PersonName, DisplayPutsGivenNamesFirst) {
  EXPECT_EQ((PersonName{{"José", "Luis"}, {"Pérez", "de la Cruz"}}).Display(),
            "José Luis Pérez de la Cruz");
  EXPECT_EQ((PersonName{{}, {"PÉREZ"}}).Display(), "PÉREZ");
  EXPECT_EQ((PersonName{{"Ana"}, {}}).Display(), "Ana");
  EXPECT_EQ(PersonName().Display(), "");
}

}  // namespace
}  // namespace canje::registry
