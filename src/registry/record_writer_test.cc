#include "registry/record_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "registry/registry_test_util.h"

namespace canje::registry {
namespace {

using namespace testing;  // NOLINT: the registry's test kit (registry_test_util.h)
using Precision = PartialDate::Precision;

// The records written by a writer of type `Writer` (CsvRecordWriter, JsonRecordWriter).
template <typename Writer>
std::string WriteWith(const std::vector<PersonRecord>& records) {
  std::ostringstream out;
  Writer writer(out);
  for (const PersonRecord& record : records) {
    Status status = writer.Write(record);
    EXPECT_TRUE(status.ok()) << status.ToString();
  }
  EXPECT_TRUE(writer.Finish().ok());
  return out.str();
}

std::string WriteCsv(const std::vector<PersonRecord>& records) {
  return WriteWith<CsvRecordWriter>(records);
}

std::string WriteJson(const std::vector<PersonRecord>& records) {
  return WriteWith<JsonRecordWriter>(records);
}

// Reads `text` back; every row must be valid.
std::vector<PersonRecord> ReadBack(const std::string& text, ListFormat format) {
  Result<std::vector<ParsedRecord>> rows = ReadAll(text, format);
  EXPECT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << text;
  std::vector<PersonRecord> records;
  if (!rows.ok()) return records;
  for (const ParsedRecord& row : *rows) {
    EXPECT_THAT(row.errors, IsEmpty()) << Reasons(row) << "\n" << text;
    records.push_back(row.record);
  }
  return records;
}

// Records with everything that is hard to write: commas, quotes, line breaks, accents,
// separators inside items, names that the particle rule would split differently.
std::vector<PersonRecord> HardRecords() {
  const PersonRecord full = FullRecord();

  PersonRecord none;
  none.name = {{"María José"}, {"Ortega y Gasset"}};  // one given name with a space; one surname
  none.charges = {{"", "none"}};
  none.date_of_birth = PartialDate{1990, 0, 0, Precision::kYear};
  none.evidence_disclosed = true;
  none.status = ReportedStatus::kDead;
  none.sex = Sex::kOther;

  PersonRecord single_semicolon;
  single_semicolon.name = {{"Ana"}, {}};
  single_semicolon.aliases = {"a;b"};
  single_semicolon.charges = {{"x; y", "convicted"}};
  single_semicolon.documents = {{"passport", "1", ""}, {"", "2", ""}};

  PersonRecord family_only;
  family_only.name = {{}, {"PÉREZ", "RODRÍGUEZ"}};
  family_only.status = ReportedStatus::kUnknown;
  family_only.sex = Sex::kFemale;
  return {full, none, single_semicolon, family_only};
}

TEST(RecordWriter, CsvReadsBackEqual) {
  const std::vector<PersonRecord> records = HardRecords();
  const std::string csv = WriteCsv(records);
  EXPECT_EQ(ReadBack(csv, ListFormat::kCsv), records) << csv;
}

TEST(RecordWriter, JsonReadsBackEqual) {
  const std::vector<PersonRecord> records = HardRecords();
  const std::string json = WriteJson(records);
  EXPECT_EQ(ReadBack(json, ListFormat::kJson), records) << json;
}

TEST(RecordWriter, AnImportedFileRoundTripsThroughBothFormats) {
  const std::string input =
      "\xEF\xBB\xBFregistro;nombre_completo;alias;fecha_nacimiento;nacionalidad;cédula;cargos;"
      "estado_cargos;categoria;notas\n"
      "1;\"PÉREZ DE LA CRUZ, MARÍA\nDE LOS ÁNGELES\";\"La \"\"Negra\"\", Mari\";25/12/1980;ven;"
      "V-1;;sin cargos;presa política;\"línea 1\nlínea 2\"\n"
      "2;José de Jesús Rodríguez Gómez;;1975-07;VEN|ESP;V-2;rebelión|traición;pendiente;"
      "opositor|periodista;\n";
  const std::vector<PersonRecord> imported = ReadBack(input, ListFormat::kCsv);
  ASSERT_EQ(imported.size(), 2u);
  EXPECT_EQ(imported[0].name.Display(), "MARÍA DE LOS ÁNGELES PÉREZ DE LA CRUZ");
  EXPECT_EQ(ReadBack(WriteCsv(imported), ListFormat::kCsv), imported);
  EXPECT_EQ(ReadBack(WriteJson(imported), ListFormat::kJson), imported);
}

TEST(RecordWriter, WritesTheCanonicalHeader) {
  const std::string csv = WriteCsv({});
  EXPECT_EQ(csv,
            "record_id,given_names,family_names,aliases,sex,date_of_birth,nationality,document,"
            "document_type,document_country,holder,facility,custody_since,legal_basis,charges,"
            "charge_status,evidence_disclosed,categories,status,notes,place_of_birth,patronymic,"
            "rank,unit,service_number,place_of_capture,ihl_status,date_of_capture\n");
  EXPECT_EQ(WriteJson({}), "[]\n");
}

TEST(RecordWriter, RefusesWhatWouldNotReadBack) {
  std::ostringstream out;
  CsvRecordWriter writer(out);
  PersonRecord bar;
  bar.record_id = "R-9";
  bar.name = {{"Ana"}, {}};
  bar.aliases = {"a|b"};
  Status status = writer.Write(bar);
  EXPECT_EQ(status.code(), StatusCode::kInvalid);
  EXPECT_THAT(status.message(), HasSubstr("record 'R-9'"));
  EXPECT_THAT(status.message(), HasSubstr("contains '|'"));
  PersonRecord mixed;
  mixed.name = {{"Ana"}, {}};
  mixed.charges = {{"robo", "pending"}, {"", "none"}};
  EXPECT_EQ(writer.Write(mixed).code(), StatusCode::kInvalid);
}

TEST(RecordWriter, AFailingStreamIsCannotWrite) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  CsvRecordWriter writer(out);
  EXPECT_EQ(writer.Finish().code(), StatusCode::kCannotWrite);
}

}  // namespace
}  // namespace canje::registry
