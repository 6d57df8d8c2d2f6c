#include "wire/tar_archive.h"

#include <cstdio>
#include <set>

namespace canje::wire {
namespace {

constexpr size_t kTarBlock = 512;

// `value` in octal, `width` - 1 digits and a NUL, into the header at `offset`.
void PutTarOctal(std::string& header, size_t offset, size_t width, uint64_t value) {
  std::string digits(width - 1, '0');
  for (size_t i = width - 1; i-- > 0 && value != 0; value >>= 3) {
    digits[i] = static_cast<char>('0' + (value & 7));
  }
  header.replace(offset, width - 1, digits);
  header[offset + width - 1] = '\0';
}

// One ustar header block: `type` '0' for a file, '5' for a folder.
std::string TarHeader(const std::string& name, uint64_t size, char type) {
  std::string header(kTarBlock, '\0');
  header.replace(0, name.size(), name);
  PutTarOctal(header, 100, 8, type == '5' ? 0755 : 0644);  // mode
  PutTarOctal(header, 108, 8, 0);                          // uid
  PutTarOctal(header, 116, 8, 0);                          // gid
  PutTarOctal(header, 124, 12, size);
  PutTarOctal(header, 136, 12, 0);  // mtime
  header[156] = type;
  header.replace(257, 6, std::string("ustar\0", 6));
  header.replace(263, 2, "00");
  header.replace(148, 8, std::string(8, ' '));  // the checksum counts itself as spaces
  uint64_t sum = 0;
  for (char c : header) sum += static_cast<unsigned char>(c);
  PutTarOctal(header, 148, 7, sum);  // six digits and a NUL, then the space
  header[155] = ' ';
  return header;
}

Status CheckTarPath(const std::string& path) {
  bool bad = path.empty() || path.size() > 99 || path.front() == '/' || path.back() == '/';
  size_t start = 0;
  while (!bad && start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string part = path.substr(start, end - start);
    bad = part.empty() || part == "." || part == "..";
    start = end + 1;
  }
  if (bad) return Status::Invalid("cannot archive the path '" + path + "'");
  return Status::Ok();
}

}  // namespace

Result<std::string> TarArchive(const std::vector<ArchivedFile>& files) {
  std::string out;
  std::set<std::string> folders;
  for (const ArchivedFile& file : files) {
    CANJE_RETURN_IF_ERROR(CheckTarPath(file.path));
    for (size_t slash = file.path.find('/'); slash != std::string::npos;
         slash = file.path.find('/', slash + 1)) {
      const std::string folder = file.path.substr(0, slash + 1);
      if (folders.insert(folder).second) out += TarHeader(folder, 0, '5');
    }
    out += TarHeader(file.path, file.bytes.size(), '0');
    out += file.bytes;
    out.append((kTarBlock - file.bytes.size() % kTarBlock) % kTarBlock, '\0');
  }
  out.append(2 * kTarBlock, '\0');
  return out;
}

}  // namespace canje::wire
