#include "registry/record_fingerprint.h"

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
  return vault.IndexHash("record", EncodePersonRecord(identity));
}

}  // namespace canje::registry
