#include "core/csv_writer.h"

#include <gtest/gtest.h>

namespace canje {
namespace {

TEST(CsvWriterTest, QuotesOnlyWhatNeedsQuoting) {
  std::string out;
  AppendCsvRow({"Pérez", "PÉREZ, JOSÉ", "say \"no\"", "two\nlines", " padded", ""}, out);
  EXPECT_EQ(out, "Pérez,\"PÉREZ, JOSÉ\",\"say \"\"no\"\"\",\"two\nlines\",\" padded\",\n");
}

TEST(CsvWriterTest, NeutralisesFormulasForSpreadsheets) {
  std::string out;
  AppendCsvRow({"=cmd|' /C calc'!A0", "@SUM(A1:A9)", "+1+1", "-2+3", "\tx", "-12", "+3.5", "7"},
               out);
  EXPECT_EQ(out, "'=cmd|' /C calc'!A0,'@SUM(A1:A9),'+1+1,'-2+3,'\tx,-12,+3.5,7\n");
}

TEST(CsvWriterTest, UnguardingGivesBackEveryValue) {
  for (std::string value :
       {"=1+1", "'=1+1", "''=1+1", "'", "''", "'plain", "plain", "-", "-12", "--1", "+", "@", "",
        "O'Brien", "'Abd", "\r=", "-1.5.2"}) {
    std::string out;
    AppendCsvField(value, out);
    std::string written = out;
    if (written.size() >= 2 && written.front() == '"') {  // quoted: undo the quoting
      written = written.substr(1, written.size() - 2);
      for (size_t at = written.find("\"\""); at != std::string::npos;
           at = written.find("\"\"", at + 1)) {
        written.erase(at, 1);
      }
    }
    EXPECT_EQ(UnguardCsvField(written), value) << "written as " << out;
    EXPECT_EQ(NeedsFormulaGuard(value), written.size() > value.size()) << value;
  }
}

}  // namespace
}  // namespace canje
