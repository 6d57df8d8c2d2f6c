#include "registry/person_codec.h"

#include <gtest/gtest.h>

namespace canje::registry {
namespace {

PersonRecord FullRecord() {
  PersonRecord record;
  record.record_id = "VEN-0001";
  record.name = {{"José", "Luis"}, {"Pérez", "de la Cruz"}};
  record.aliases = {"Cheo"};
  record.sex = Sex::kMale;
  record.date_of_birth = PartialDate{1984, 3, 0, PartialDate::Precision::kMonth};
  record.nationalities = {"VEN", "COL"};
  record.documents = {{"cedula", "V-12.345.678", "VEN"}};
  record.holder = "VEN";
  record.facility = "Centro 1";
  record.custody_since = PartialDate{2024, 8, 2, PartialDate::Precision::kDay};
  record.legal_basis = "art. 1";
  record.charges = {{"incitement", "pending"}};
  record.evidence_disclosed = false;
  record.categories = {"journalist", "political_prisoner"};
  record.status = ReportedStatus::kHeld;
  record.notes = "line one\nline two";
  record.place_of_birth = "Maracaibo, Zulia";
  return record;
}

TEST(PersonCodecTest, EveryFieldRoundTrips) {
  PersonRecord record = FullRecord();
  Result<PersonRecord> decoded = DecodePersonRecord(EncodePersonRecord(record));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, record);
  PersonRecord empty;
  EXPECT_EQ(*DecodePersonRecord(EncodePersonRecord(empty)), empty);
}

// A record sealed before the place of birth existed (version 1) still reads, with no place of
// birth. Version 1 is today's encoding without the fields appended since.
TEST(PersonCodecTest, AVersionOneRecordReadsWithAnEmptyPlaceOfBirth) {
  PersonRecord record = FullRecord();
  record.place_of_birth.clear();
  std::string bytes = EncodePersonRecord(record);
  ASSERT_EQ(bytes[0], '\x02');
  ASSERT_EQ(bytes.back(), '\x00');  // the empty place of birth: a zero length
  bytes[0] = '\x01';
  bytes.pop_back();
  Result<PersonRecord> decoded = DecodePersonRecord(bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, record);
  // A version 1 record does not carry the field: one more string after the notes is damage.
  EXPECT_FALSE(DecodePersonRecord(bytes + std::string(1, '\x00')).ok());
}

TEST(PersonCodecTest, AVersionFromTheFutureIsRefused) {
  std::string bytes = EncodePersonRecord(FullRecord());
  bytes[0] = '\x03';
  EXPECT_FALSE(DecodePersonRecord(bytes).ok());
  bytes[0] = '\x00';
  EXPECT_FALSE(DecodePersonRecord(bytes).ok());
}

TEST(PersonCodecTest, EveryTruncationIsRefusedWithoutReadingPastTheEnd) {
  std::string bytes = EncodePersonRecord(FullRecord());
  for (size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_FALSE(DecodePersonRecord(std::string_view(bytes).substr(0, size)).ok()) << size;
  }
  EXPECT_FALSE(DecodePersonRecord(bytes + "x").ok());
}

TEST(PersonCodecTest, RawRowsRoundTrip) {
  RawRow row{{"nombres", "apellidos"}, {"Ana", "Díaz, \"la\" Flaca"}};
  EXPECT_EQ(*DecodeRawRow(EncodeRawRow(row.keys, row.values)), row);
  EXPECT_FALSE(DecodeRawRow("\x01\x05").ok());
}

}  // namespace
}  // namespace canje::registry
