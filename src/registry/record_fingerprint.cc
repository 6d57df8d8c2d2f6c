#include "registry/record_fingerprint.h"

#include <string>

#include "registry/person_codec.h"

namespace canje::registry {

Bytes RecordFingerprint(const protect::Vault& vault, const PersonRecord& record) {
  PersonRecord identity;
  identity.name = record.name;
  identity.aliases = record.aliases;
  identity.sex = record.sex;
  identity.date_of_birth = record.date_of_birth;
  identity.nationalities = record.nationalities;
  identity.documents = record.documents;
  // The encoding of version 2, so that a record's fingerprint stays what it was when the sealed
  // encoding grows; the identity parts added since follow only when the record has them.
  std::string bytes = EncodePersonRecordAtVersion(identity, 2);
  if (!record.name.patronymic.empty()) bytes += "\x01patronymic=" + record.name.patronymic;
  if (!record.service_number.empty()) bytes += "\x01service_number=" + record.service_number;
  return vault.IndexHash("record", bytes);
}

}  // namespace canje::registry
