#include "core/csv_writer.h"

#include <gtest/gtest.h>

namespace canje {
namespace {

TEST(CsvWriterTest, QuotesOnlyWhatNeedsQuoting) {
  std::string out;
  AppendCsvRow({"Pérez", "PÉREZ, JOSÉ", "say \"no\"", "two\nlines", " padded", ""}, out);
  EXPECT_EQ(out, "Pérez,\"PÉREZ, JOSÉ\",\"say \"\"no\"\"\",\"two\nlines\",\" padded\",\n");
}

}  // namespace
}  // namespace canje
