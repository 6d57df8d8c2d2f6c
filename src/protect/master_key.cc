#include "protect/master_key.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "core/atomic_file.h"
#include "core/digest.h"
#include "protect/aead.h"

namespace canje::protect {
namespace {

constexpr std::string_view kKeyFileHeader = "canje-master-key v1";

Result<MasterKey> ParseKeyLine(std::istringstream& line, const std::string& where) {
  std::string id, encoded;
  line >> id >> encoded;
  std::optional<Bytes> key = Base64Decode(encoded);
  if (!key || key->size() != kKeySize || MasterKeyId(*key) != id) {
    return Status::Invalid(where + ": the key line is damaged (id and key do not agree); restore "
                                   "the key file from its backup with `canje key restore`");
  }
  return MasterKey{id, *key};
}

}  // namespace

std::string MasterKeyId(ByteView key) {
  Sha256Hash hash = Sha256Salted(AsBytes("canje-master-key-id\n"), key);
  return HexEncode(ByteView(hash.data(), 8));
}

MasterKey GenerateMasterKey() {
  Bytes key = RandomBytes(kKeySize);
  return MasterKey{MasterKeyId(key), key};
}

Result<MasterKeyFile> ReadMasterKeyFile(const std::filesystem::path& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return Status::NotPermitted("no master key at " + path.string() +
                                ": give the key file with --master-key or CANJE_MASTER_KEY_FILE "
                                "(canje init created it beside the database)");
  }
  if ((info.st_mode & 077) != 0) {
    return Status::NotPermitted("master key file " + path.string() +
                                " is readable by other users; run `chmod 600 " + path.string() +
                                "` and check who may have copied it");
  }
  std::ifstream in(path);
  if (!in) return Status::NotPermitted("cannot read master key file " + path.string());
  std::string line;
  std::getline(in, line);
  if (line != kKeyFileHeader) {
    return Status::Invalid(path.string() + ":1: not a canje master key file (expected '" +
                           std::string(kKeyFileHeader) + "')");
  }
  MasterKeyFile file;
  bool has_current = false;
  int line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    std::istringstream fields(line);
    std::string label;
    fields >> label;
    std::string where = path.string() + ":" + std::to_string(line_number);
    if (label != "current" && label != "previous") {
      return Status::Invalid(where + ": unknown line '" + label + "'");
    }
    CANJE_ASSIGN_OR_RETURN(MasterKey key, ParseKeyLine(fields, where));
    if (label == "current") {
      file.current = std::move(key);
      has_current = true;
    } else {
      file.previous = std::move(key);
    }
  }
  if (!has_current) return Status::Invalid(path.string() + ": no current key in the file");
  return file;
}

Status WriteMasterKeyFile(const std::filesystem::path& path, const MasterKeyFile& file,
                          bool must_not_exist) {
  if (must_not_exist && std::filesystem::exists(path)) {
    return Status::Conflict("a master key file already exists at " + path.string() +
                            "; move it away or choose another path with --master-key");
  }
  std::string text = std::string(kKeyFileHeader) + "\n";
  text += "current " + file.current.id + " " + Base64Encode(file.current.key) + "\n";
  if (file.previous) {
    text += "previous " + file.previous->id + " " + Base64Encode(file.previous->key) + "\n";
  }
  return WriteFileAtomically(
      path, text,
      {.mode = 0600, .replace = !must_not_exist, .label = "master key file " + path.string()});
}

}  // namespace canje::protect
