// Record fingerprints (record_fingerprint.h) keep review decisions attached to rows across
// re-imports: they must not change when the sealed encoding grows, and they must tell apart two
// records that differ in a part of the identity added since (the patronymic, the service number).
#include "registry/record_fingerprint.h"

#include <gtest/gtest.h>

#include "protect/master_key.h"

namespace canje::registry {
namespace {

class RecordFingerprintTest : public ::testing::Test {
 protected:
  RecordFingerprintTest() : vault(protect::MasterKeyFile{protect::GenerateMasterKey(), {}}) {
    vault.SetIndexKey(vault.NewDataKey());
  }
  protect::Vault vault;
};

TEST_F(RecordFingerprintTest, IsTheHashOfTheVersionTwoEncodingWhateverTheEncodingNow) {
  PersonRecord record;
  record.name.given_names = {"Остап"};
  record.notes = "not identity: left out";
  record.rank = "not identity either";
  // Version 2 of this identity, written by hand: version, empty record id, one given name, then
  // fifteen empty fields and the empty place of birth.
  const std::string version_2 =
      std::string("\x02\x00\x01\x0a", 4) + "Остап" + std::string(16, '\x00');
  EXPECT_EQ(RecordFingerprint(vault, record), vault.IndexHash("record", version_2));
}

TEST_F(RecordFingerprintTest, ThePatronymicAndTheServiceNumberAreIdentity) {
  PersonRecord record;
  record.name.given_names = {"Остап"};
  const Bytes without = RecordFingerprint(vault, record);
  PersonRecord with_patronymic = record;
  with_patronymic.name.patronymic = "Маркович";
  PersonRecord with_service_number = record;
  with_service_number.service_number = "0-123456";
  EXPECT_NE(RecordFingerprint(vault, with_patronymic), without);
  EXPECT_NE(RecordFingerprint(vault, with_service_number), without);
  EXPECT_NE(RecordFingerprint(vault, with_patronymic),
            RecordFingerprint(vault, with_service_number));
}

}  // namespace
}  // namespace canje::registry
