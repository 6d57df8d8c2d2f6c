#include "protect/key_backup.h"

#include <openssl/evp.h>

#include <sstream>

#include "core/digest.h"
#include "protect/aead.h"

namespace canje::protect {
namespace {

constexpr std::string_view kBackupHeader = "canje-key-backup v1";
constexpr size_t kMinimumPassphrase = 12;
constexpr uint64_t kMaximumBackupN = uint64_t{1} << 22;

Result<Bytes> DeriveKey(const std::string& passphrase, ByteView salt, const ScryptCost& cost) {
  Bytes key(kKeySize);
  uint64_t max_memory = 128 * cost.r * cost.n * cost.p + (uint64_t{64} << 20);
  if (EVP_PBE_scrypt(passphrase.data(), passphrase.size(), salt.data(), salt.size(), cost.n,
                     cost.r, cost.p, max_memory, key.data(), key.size()) != 1) {
    return Status::Invalid("scrypt parameters rejected (N must be a power of two)");
  }
  return key;
}

// The key file's own text form, as WriteMasterKeyFile writes it.
std::string KeyFileText(const MasterKeyFile& keys) {
  std::string text = "current " + keys.current.id + " " + Base64Encode(keys.current.key) + "\n";
  if (keys.previous) {
    text += "previous " + keys.previous->id + " " + Base64Encode(keys.previous->key) + "\n";
  }
  return text;
}

Result<MasterKeyFile> ParseKeyFileText(const std::string& text) {
  MasterKeyFile keys;
  bool has_current = false;
  std::istringstream lines(text);
  std::string label, id, encoded;
  while (lines >> label >> id >> encoded) {
    std::optional<Bytes> key = Base64Decode(encoded);
    if (!key || key->size() != kKeySize || MasterKeyId(*key) != id) {
      return Status::Invalid("the backup holds a damaged key");
    }
    if (label == "current") {
      keys.current = {id, *key};
      has_current = true;
    } else if (label == "previous") {
      keys.previous = MasterKey{id, *key};
    }
  }
  if (!has_current) return Status::Invalid("the backup holds no current key");
  return keys;
}

}  // namespace

Result<std::string> SealKeyBackup(const MasterKeyFile& keys, const std::string& passphrase,
                                  ScryptCost cost) {
  if (passphrase.size() < kMinimumPassphrase) {
    return Status::Usage("the passphrase must have at least 12 characters");
  }
  Bytes salt = RandomBytes(16);
  CANJE_ASSIGN_OR_RETURN(Bytes key, DeriveKey(passphrase, salt, cost));
  std::ostringstream header;
  header << "kdf scrypt " << cost.n << " " << cost.r << " " << cost.p;
  Aead aead;
  Bytes sealed = aead.Seal(key, AsBytes(KeyFileText(keys)), AsBytes(header.str()));
  return std::string(kBackupHeader) + "\n" + header.str() + "\nsalt " + Base64Encode(salt) +
         "\nsealed " + Base64Encode(sealed) + "\n";
}

Result<MasterKeyFile> OpenKeyBackup(const std::string& backup, const std::string& passphrase) {
  std::istringstream in(backup);
  std::string header, kdf_line, salt_line, sealed_line;
  std::getline(in, header);
  std::getline(in, kdf_line);
  std::getline(in, salt_line);
  std::getline(in, sealed_line);
  if (header != kBackupHeader) return Status::Invalid("not a canje key backup (first line)");
  std::istringstream kdf(kdf_line);
  std::string word, name;
  ScryptCost cost;
  kdf >> word >> name >> cost.n >> cost.r >> cost.p;
  if (word != "kdf" || name != "scrypt" || !kdf || cost.n < 2 || cost.n > kMaximumBackupN ||
      cost.r == 0 || cost.r > 32 || cost.p == 0 || cost.p > 16) {
    return Status::Invalid("the key backup's kdf line is damaged or asks for too much memory");
  }
  auto value = [](const std::string& line, std::string_view label) -> std::optional<Bytes> {
    if (line.rfind(std::string(label) + " ", 0) != 0) return std::nullopt;
    return Base64Decode(line.substr(label.size() + 1));
  };
  std::optional<Bytes> salt = value(salt_line, "salt");
  std::optional<Bytes> sealed = value(sealed_line, "sealed");
  if (!salt || !sealed) return Status::Invalid("the key backup is damaged (salt or sealed line)");
  CANJE_ASSIGN_OR_RETURN(Bytes key, DeriveKey(passphrase, *salt, cost));
  Aead aead;
  Result<Bytes> text = aead.Open(key, *sealed, AsBytes(kdf_line));
  if (!text.ok()) {
    return Status::NotPermitted("the passphrase does not open this key backup");
  }
  return ParseKeyFileText(std::string(AsText(*text)));
}

}  // namespace canje::protect
