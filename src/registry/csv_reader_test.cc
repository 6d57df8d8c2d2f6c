#include "registry/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/csv_writer.h"
#include "registry/registry_test_util.h"

namespace canje::registry {
namespace {

using namespace testing;  // NOLINT: the registry's test kit (registry_test_util.h)

struct ReadResult {
  std::vector<std::string> header;
  char delimiter = 0;
  std::vector<Row> rows;
};

// Expects `row` to have one error, at `line` and `column`, whose reason says `reason`.
void ExpectOneError(const Row& row, int64_t line, int column, const std::string& reason) {
  ASSERT_EQ(row.errors.size(), 1u);
  EXPECT_EQ(row.errors[0].line, line);
  EXPECT_EQ(row.errors[0].column, column);
  EXPECT_THAT(row.errors[0].reason, HasSubstr(reason));
}

// Reads all of `text`; fails the test on a fatal error.
ReadResult ReadCsv(const std::string& text, CsvOptions options = {}) {
  std::istringstream in(text);
  Result<CsvReader> reader = CsvReader::Open(in, options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  ReadResult result;
  if (!reader.ok()) return result;
  result.header = reader->header();
  result.delimiter = reader->delimiter();
  Row row;
  while (true) {
    Result<bool> more = reader->Next(&row);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    result.rows.push_back(row);
  }
  return result;
}

// The Status that stops reading `text`, at Open or at a later row.
Status FatalError(const std::string& text) {
  std::istringstream in(text);
  Result<CsvReader> reader = CsvReader::Open(in);
  if (!reader.ok()) return reader.status();
  Row row;
  while (true) {
    Result<bool> more = reader->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) return Status::Ok();
  }
}

TEST(CsvReader, ReadsHeaderAndRowsWithLineNumbers) {
  ReadResult r = ReadCsv("id,nombres\n1,José\n2,María\n");
  EXPECT_THAT(r.header, ElementsAre("id", "nombres"));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_THAT(r.rows[0].values, ElementsAre("1", "José"));
  EXPECT_EQ(r.rows[0].line, 2);
  EXPECT_EQ(r.rows[0].index, 0);
  EXPECT_EQ(r.rows[1].line, 3);
  EXPECT_EQ(r.rows[1].index, 1);
  EXPECT_THAT(r.rows[1].errors, IsEmpty());
}

TEST(CsvReader, AcceptsCrlfCrAndAMissingFinalNewline) {
  for (const char* text : {"a,b\r\n1,2\r\n3,4", "a,b\r1,2\r3,4\r", "a,b\n1,2\n3,4"}) {
    ReadResult r = ReadCsv(text);
    ASSERT_EQ(r.rows.size(), 2u) << text;
    EXPECT_THAT(r.rows[1].values, ElementsAre("3", "4"));
    EXPECT_EQ(r.rows[1].line, 3);
  }
}

TEST(CsvReader, QuotedFieldsKeepDelimitersQuotesAndLineBreaks) {
  ReadResult r = ReadCsv(
      "full_name,notes\n"
      "\"PÉREZ RODRÍGUEZ, JOSÉ LUIS\",\"said \"\"no\"\"\"\n"
      "\"Ana\",\"line one\r\nline two\nline three\"\n"
      "next,row\n");
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_THAT(r.rows[0].values, ElementsAre("PÉREZ RODRÍGUEZ, JOSÉ LUIS", "said \"no\""));
  EXPECT_THAT(r.rows[1].values, ElementsAre("Ana", "line one\r\nline two\nline three"));
  EXPECT_EQ(r.rows[1].line, 3);
  EXPECT_EQ(r.rows[2].line, 6);  // the embedded line breaks are counted
  EXPECT_THAT(r.rows[2].errors, IsEmpty());
}

TEST(CsvReader, KeepsEmptyFieldsAndSkipsEmptyLines) {
  ReadResult r = ReadCsv("a,b,c\n\n1,,3\n\r\n,,\n\n");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_THAT(r.rows[0].values, ElementsAre("1", "", "3"));
  EXPECT_EQ(r.rows[0].line, 3);
  EXPECT_THAT(r.rows[1].values, ElementsAre("", "", ""));
  EXPECT_EQ(r.rows[1].line, 5);
}

TEST(CsvReader, StripsTheUtf8ByteOrderMark) {
  ReadResult r = ReadCsv("\xEF\xBB\xBFid;nombres\n1;Ana\n");
  EXPECT_THAT(r.header, ElementsAre("id", "nombres"));
  EXPECT_EQ(r.delimiter, ';');
}

TEST(CsvReader, DetectsTheDelimiterFromTheHeaderOutsideQuotes) {
  EXPECT_EQ(ReadCsv("a;b;c\n1;2,5;3\n").delimiter, ';');
  EXPECT_EQ(ReadCsv("a,b,c\n1,\"2;5\",3\n").delimiter, ',');
  EXPECT_EQ(ReadCsv("\"x;y;z\",b\n1,2\n").delimiter, ',');  // semicolons only inside quotes
  EXPECT_EQ(ReadCsv("a;b,c\n").delimiter, ',');             // a tie means comma
  EXPECT_EQ(ReadCsv("nombres\nAna\n").delimiter, ',');
  ReadResult r = ReadCsv("a;b\n1;2\n", CsvOptions{.delimiter = ','});
  EXPECT_THAT(r.header, ElementsAre("a;b"));
}

TEST(CsvReader, AnUnterminatedQuoteIsFatalAndSaysWhereItStarts) {
  Status status = FatalError("a,b\n1,2\n3,\"open\nnever closed\n");
  EXPECT_EQ(status.code(), StatusCode::kInvalid);
  EXPECT_THAT(status.message(), HasSubstr("line 3, column 2"));
  EXPECT_THAT(status.message(), HasSubstr("never closed"));
}

TEST(CsvReader, AQuoteInsideAnUnquotedFieldIsARowErrorAndReadingGoesOn) {
  ReadResult r = ReadCsv("a,b\n1,ab\"c\n2,ok\n");
  ASSERT_EQ(r.rows.size(), 2u);
  ExpectOneError(r.rows[0], 2, 2, "double quote in the middle");
  EXPECT_EQ(r.rows[0].values[1], "ab\"c");
  EXPECT_THAT(r.rows[1].errors, IsEmpty());
  EXPECT_THAT(r.rows[1].values, ElementsAre("2", "ok"));
}

TEST(CsvReader, TextAfterAClosingQuoteIsARowError) {
  ReadResult r = ReadCsv("a,b\n\"x\"y,2\n");
  ASSERT_EQ(r.rows.size(), 1u);
  ASSERT_FALSE(r.rows[0].errors.empty());
  EXPECT_EQ(r.rows[0].errors[0].column, 1);
  EXPECT_THAT(r.rows[0].errors[0].reason, HasSubstr("after the closing quote"));
}

TEST(CsvReader, InvalidUtf8IsReportedWithLineAndColumn) {
  ReadResult r = ReadCsv("a,b,c\n1,Jos\xE9,3\n4,\"ok\nbad \xFF\",6\n7,8,9\n");
  ASSERT_EQ(r.rows.size(), 3u);
  ExpectOneError(r.rows[0], 2, 2, "invalid UTF-8");
  // The line of the bad byte inside the quoted field.
  ExpectOneError(r.rows[1], 4, 2, "invalid UTF-8");
  EXPECT_THAT(r.rows[2].errors, IsEmpty());
}

TEST(CsvReader, RefusesEmptyUtf16AndOverlongInput) {
  EXPECT_THAT(FatalError("").message(), HasSubstr("empty"));
  EXPECT_THAT(FatalError("\n\n").message(), HasSubstr("empty"));
  EXPECT_THAT(FatalError(std::string("\xFF\xFEi\0d\0", 6)).message(), HasSubstr("UTF-16"));
  std::istringstream in("a\n\"" + std::string(5000, 'x') + "\n");
  Result<CsvReader> reader = CsvReader::Open(in, CsvOptions{.max_row_bytes = 1000});
  ASSERT_TRUE(reader.ok());
  Row row;
  Result<bool> more = reader->Next(&row);
  ASSERT_FALSE(more.ok());
  EXPECT_THAT(more.status().message(), HasSubstr("longer than 1000 bytes"));
  EXPECT_THAT(more.status().message(), HasSubstr("line 2"));

  // An endless unquoted line (a binary file, say) is cut off the same way.
  std::istringstream binary("a\n" + std::string(5000, 'x'));
  reader = CsvReader::Open(binary, CsvOptions{.max_row_bytes = 1000});
  ASSERT_TRUE(reader.ok());
  more = reader->Next(&row);
  ASSERT_FALSE(more.ok());
  EXPECT_THAT(more.status().message(), HasSubstr("longer than 1000 bytes"));
  EXPECT_LT(row.values.at(0).size(), size_t{1000} + (size_t{1} << 16));
}

TEST(CsvReader, HeaderErrorsAreFatal) {
  Status status = FatalError("a,b\"c\n1,2\n");
  EXPECT_EQ(status.code(), StatusCode::kInvalid);
  EXPECT_THAT(status.message(), HasSubstr("header"));
}

// Random fields full of quotes, delimiters, line breaks and accents, written by the core CSV
// writer, read back exactly, across many buffer refills.
TEST(CsvReader, ReadsBackWhatAnRfc4180WriterWrites) {
  std::mt19937 random(20250718);
  const std::vector<std::string> pieces = {"a", "é", ",", ";", "\"", "\n", "\r\n", " ", "xyz",
                                           "Ñ", "\"\"", "\r"};
  constexpr int kFields = 7;
  std::vector<std::vector<std::string>> rows;
  std::string text;
  std::vector<std::string> header;
  for (int i = 0; i < kFields; ++i) header.push_back("c" + std::to_string(i));
  AppendCsvRow(header, text);
  for (int r = 0; r < 4000; ++r) {
    std::vector<std::string> row;
    for (int f = 0; f < kFields; ++f) {
      std::string field;
      const int length = static_cast<int>(random() % 12);
      for (int k = 0; k < length; ++k) field += pieces[random() % pieces.size()];
      row.push_back(field);
    }
    if (r == 1000) row[3] = std::string(150000, 'q') + "\"\n\"";  // longer than one block
    AppendCsvRow(row, text);
    rows.push_back(row);
  }
  std::istringstream in(text);
  Result<CsvReader> reader = CsvReader::Open(in);
  ASSERT_TRUE(reader.ok());
  Row row;
  int64_t expected_line = 2;
  for (size_t i = 0; i < rows.size(); ++i) {
    Result<bool> more = reader->Next(&row);
    ASSERT_TRUE(more.ok() && *more) << i;
    ASSERT_EQ(row.values, rows[i]) << "row " << i;
    ASSERT_TRUE(row.errors.empty()) << i;
    ASSERT_EQ(row.line, expected_line) << i;
    for (const std::string& field : rows[i]) {
      expected_line += std::count(field.begin(), field.end(), '\n');
    }
    ++expected_line;
  }
  Result<bool> end = reader->Next(&row);
  ASSERT_TRUE(end.ok());
  EXPECT_FALSE(*end);
  EXPECT_EQ(reader->bytes_read(), text.size());
}

}  // namespace
}  // namespace canje::registry
