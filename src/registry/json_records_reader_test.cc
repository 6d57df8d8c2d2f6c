#include "registry/json_records_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "registry/registry_test_util.h"

namespace canje::registry {
namespace {

using namespace testing;  // NOLINT: the registry's test kit (registry_test_util.h)

// Reads all of `text`; the Status is the fatal error, if any.
struct JsonReadResult {
  std::vector<Row> rows;
  Status status;
};

JsonReadResult ReadJson(const std::string& text) {
  JsonReadResult result;
  std::istringstream in(text);
  Result<JsonRecordsReader> reader = JsonRecordsReader::Open(in);
  if (!reader.ok()) {
    result.status = reader.status();
    return result;
  }
  Row row;
  while (true) {
    Result<bool> more = reader->Next(&row);
    if (!more.ok()) {
      result.status = more.status();
      break;
    }
    if (!*more) break;
    result.rows.push_back(row);
  }
  return result;
}

TEST(JsonRecordsReader, ReadsFlatObjectsAsKeyedRows) {
  JsonReadResult r = ReadJson(
      "[\n"
      "  {\"nombres\": \"José Luis\", \"apellidos\": \"Pérez\", \"edad\": 41,\n"
      "   \"talla\": 1.50, \"grande\": 12345678901234567890, \"neg\": -3,\n"
      "   \"evidencia\": false, \"notas\": null},\n"
      "  {\"nombres\": \"Ana \\\"la\\\" \\u00d1\"}\n"
      "]\n");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_THAT(r.rows[0].keys, ElementsAre("nombres", "apellidos", "edad", "talla", "grande",
                                          "neg", "evidencia", "notas"));
  EXPECT_THAT(r.rows[0].values, ElementsAre("José Luis", "Pérez", "41", "1.50",
                                            "12345678901234567890", "-3", "false", ""));
  EXPECT_EQ(r.rows[0].line, 2);
  EXPECT_EQ(r.rows[0].index, 0);
  EXPECT_THAT(r.rows[0].errors, IsEmpty());
  EXPECT_THAT(r.rows[1].values, ElementsAre("Ana \"la\" Ñ"));
  EXPECT_EQ(r.rows[1].line, 5);
  EXPECT_EQ(r.rows[1].index, 1);
}

TEST(JsonRecordsReader, JoinsArraysOfTextWithBars) {
  JsonReadResult r = ReadJson(R"([{"alias": ["El Flaco", "Pepe"], "cargos": [], "n": [1, "x"],)"
                              R"( "tipos": ["cedula", ""], "solo": [""]}])");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_THAT(r.rows[0].values, ElementsAre("El Flaco|Pepe", "", "1|x", "cedula||", "|"));
}

TEST(JsonRecordsReader, NestedValuesAreErrorsNamingTheirPathAndReadingGoesOn) {
  JsonReadResult r =
      ReadJson(R"([{"nombres": {"primero": "José"}},)"
               "\n"
               R"({"alias": ["a", ["b"]]}, {"alias": ["a", null]}, 42, {"ok": "yes"}])");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.rows.size(), 5u);
  ASSERT_EQ(r.rows[0].errors.size(), 1u);
  EXPECT_EQ(r.rows[0].errors[0].json_path, "$[0].nombres");
  EXPECT_THAT(r.rows[0].errors[0].reason, HasSubstr("is an object"));
  EXPECT_EQ(r.rows[1].errors[0].json_path, "$[1].alias[1]");
  EXPECT_EQ(r.rows[1].errors[0].line, 2);
  EXPECT_EQ(r.rows[2].errors[0].json_path, "$[2].alias[1]");
  EXPECT_EQ(r.rows[3].errors[0].json_path, "$[3]");
  EXPECT_THAT(r.rows[3].errors[0].reason, HasSubstr("must be an object"));
  EXPECT_THAT(r.rows[4].errors, IsEmpty());
  EXPECT_THAT(r.rows[4].values, ElementsAre("yes"));
}

TEST(JsonRecordsReader, MalformedRecordsAndRepeatedKeysAreRowErrors) {
  JsonReadResult r = ReadJson(
      "[{\"a\": \"1\",\n \"b\" \"2\"},\n"
      " {\"a\": 1, \"a\": 2},\n"
      " {\"a\": \"fine\"}]");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.rows.size(), 3u);
  ASSERT_EQ(r.rows[0].errors.size(), 1u);
  EXPECT_EQ(r.rows[0].errors[0].line, 2);
  EXPECT_THAT(r.rows[0].errors[0].reason, HasSubstr("not valid JSON"));
  EXPECT_EQ(r.rows[1].errors[0].json_path, "$[1].a");
  EXPECT_THAT(r.rows[1].errors[0].reason, HasSubstr("twice"));
  EXPECT_THAT(r.rows[2].errors, IsEmpty());
}

TEST(JsonRecordsReader, InvalidUtf8IsARowErrorWithItsLine) {
  JsonReadResult r = ReadJson("[{\"a\": \"ok\"},\n{\"a\":\n \"Jos\xE9\"}, {\"a\": \"b\"}]");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.rows.size(), 3u);
  ASSERT_EQ(r.rows[1].errors.size(), 1u);
  EXPECT_EQ(r.rows[1].errors[0].line, 3);
  EXPECT_EQ(r.rows[1].errors[0].json_path, "$[1]");
  EXPECT_THAT(r.rows[1].errors[0].reason, HasSubstr("invalid UTF-8"));
  EXPECT_THAT(r.rows[2].errors, IsEmpty());
}

TEST(JsonRecordsReader, EscapedQuotesAndBracketsInsideStringsDoNotEndARecord) {
  const std::string big(100000, 'x');  // longer than one read block
  JsonReadResult r = ReadJson("\xEF\xBB\xBF[{\"a\": \"}]\\\\\", \"b\": \"\\\"}" + big + "\"}, {}]");
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_THAT(r.rows[0].errors, IsEmpty());
  EXPECT_EQ(r.rows[0].values[0], "}]\\");
  EXPECT_EQ(r.rows[0].values[1], "\"}" + big);
  EXPECT_THAT(r.rows[1].keys, IsEmpty());
}

TEST(JsonRecordsReader, StructuralErrorsAreFatal) {
  EXPECT_THAT(ReadJson("").status.message(), HasSubstr("empty"));
  EXPECT_THAT(ReadJson("{\"a\": 1}").status.message(), HasSubstr("one JSON object"));
  EXPECT_THAT(ReadJson("nombres,apellidos\n").status.message(), HasSubstr("'['"));
  EXPECT_THAT(ReadJson("[{\"a\": 1},]").status.message(), HasSubstr("comma before"));
  EXPECT_THAT(ReadJson("[{\"a\": 1}] [").status.message(), HasSubstr("after the closing"));
  EXPECT_THAT(ReadJson("[{\"a\": 1} {\"b\": 2}]").status.message(), HasSubstr("expected ','"));
  EXPECT_THAT(ReadJson("[{\"a\": 1}").status.message(), HasSubstr("ends before"));
  Status unclosed = ReadJson("[{\"a\": 1},\n{\"b\": \"x").status;
  EXPECT_THAT(unclosed.message(), HasSubstr("$[1]"));
  EXPECT_THAT(unclosed.message(), HasSubstr("line 2"));
  EXPECT_THAT(unclosed.message(), HasSubstr("never closed"));
}

TEST(JsonRecordsReader, AnEmptyArrayHasNoRows) {
  JsonReadResult r = ReadJson("  [ ]  \n");
  EXPECT_TRUE(r.status.ok());
  EXPECT_THAT(r.rows, IsEmpty());
}

}  // namespace
}  // namespace canje::registry
