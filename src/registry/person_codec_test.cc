#include "registry/person_codec.h"

#include <gtest/gtest.h>

#include "registry/registry_test_util.h"

namespace canje::registry {
namespace {

using testing::FullRecord;

// FullRecord without the fields that encoding `version` does not carry.
PersonRecord AsOfVersion(PersonRecord record, int version) {
  if (version < 3) {
    record.name.patronymic.clear();
    record.ihl_status = IhlStatus::kUnspecified;
    record.rank.clear();
    record.unit.clear();
    record.service_number.clear();
    record.date_of_capture.reset();
    record.place_of_capture.clear();
  }
  if (version < 2) record.place_of_birth.clear();
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
// birth; one sealed before the prisoner-of-war fields and the patronymic (version 2) reads with
// them empty. An older version is today's encoding without the fields appended since: version 3
// appended five strings, the status byte and the date's presence byte.
TEST(PersonCodecTest, OlderVersionsReadWithTheFieldsAddedSinceEmpty) {
  const PersonRecord version_2 = AsOfVersion(FullRecord(), 2);
  std::string bytes = EncodePersonRecord(version_2);
  ASSERT_EQ(bytes[0], '\x03');
  ASSERT_EQ(bytes.substr(bytes.size() - 7), std::string(7, '\x00'));
  bytes.resize(bytes.size() - 7);
  bytes[0] = '\x02';
  Result<PersonRecord> decoded = DecodePersonRecord(bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, version_2);
  EXPECT_EQ(bytes, EncodePersonRecordAtVersion(FullRecord(), 2));

  const PersonRecord version_1 = AsOfVersion(FullRecord(), 1);
  std::string old = EncodePersonRecordAtVersion(version_1, 2);
  ASSERT_EQ(old.back(), '\x00');  // the empty place of birth: a zero length
  old[0] = '\x01';
  old.pop_back();
  decoded = DecodePersonRecord(old);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, version_1);
  // A version 1 record does not carry the field: one more string after the notes is damage.
  EXPECT_FALSE(DecodePersonRecord(old + std::string(1, '\x00')).ok());
}

// Bytes as canje wrote them with version 2 (before the patronymic had its own part), written
// out by hand so that no change of the encoder can hide a change of what old records mean:
// record id "A", given names {"Остап", "Маркович"}, place of birth "C", every other field empty.
TEST(PersonCodecTest, AVersionTwoRecordWrittenByHandReads) {
  const std::string bytes =
      std::string("\x02\x01" "A" "\x02\x0a") + "Остап" + "\x10" + "Маркович" +
      std::string(15, '\x00') + "\x01" "C";
  Result<PersonRecord> decoded = DecodePersonRecord(bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->record_id, "A");
  EXPECT_EQ(decoded->name.given_names, (std::vector<std::string>{"Остап", "Маркович"}));
  EXPECT_EQ(decoded->name.patronymic, "");
  EXPECT_EQ(decoded->place_of_birth, "C");
  EXPECT_EQ(decoded->ihl_status, IhlStatus::kUnspecified);
  EXPECT_FALSE(decoded->date_of_capture.has_value());
}

// The status under humanitarian law is a byte of four values; anything else is damage.
TEST(PersonCodecTest, AnUnknownHumanitarianLawStatusIsRefused) {
  PersonRecord record = AsOfVersion(FullRecord(), 2);
  std::string bytes = EncodePersonRecord(record);
  ASSERT_EQ(bytes[bytes.size() - 2], '\x00');  // the status byte, then the date's absence
  bytes[bytes.size() - 2] = '\x04';
  EXPECT_TRUE(DecodePersonRecord(bytes).ok());
  bytes[bytes.size() - 2] = '\x05';
  EXPECT_FALSE(DecodePersonRecord(bytes).ok());
}

TEST(PersonCodecTest, AVersionFromTheFutureIsRefused) {
  std::string bytes = EncodePersonRecord(FullRecord());
  bytes[0] = '\x04';
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
