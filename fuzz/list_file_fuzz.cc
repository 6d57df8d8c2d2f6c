// Fuzz target: list files as `canje import` reads them — the first byte picks CSV or JSON, the
// rest is the file. Every message about the file must be valid UTF-8 and printable as JSON
// (`import --json` once aborted on a message that cut a character in two).
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

#include "core/utf8.h"
#include "fuzz/fuzz_target.h"
#include "registry/list_file_reader.h"

namespace {

void CheckMessage(const std::string& message) {
  FuzzCheck(canje::IsValidUtf8(message), "a message about a list file is not UTF-8");
  nlohmann::json as_json = {{"error", message}};
  (void)as_json.dump();  // throws (and the run aborts) on text nlohmann cannot write
}

}  // namespace

std::vector<std::string> FuzzSeeds() {
  return {
      "cid,nombres,apellidos,fecha_nacimiento,nacionalidad,custodio\nA1,Ana,Díaz,1980-01-01,VEN,"
      "VEN\nA2,\"Pérez, José\",Luis,1990,VEN,VEN\n",
      "csemicolons;given_names;family_names\n1;Ana;Díaz\n",
      "j[{\"nombre_completo\": \"PÉREZ RODRÍGUEZ, JOSÉ LUIS\", \"nacionalidad\": \"VEN\"},"
      "{\"given_names\": \"Ana\", \"aliases\": [\"La Flaca\"], \"date_of_birth\": \"1980-02\"}]",
      "j[{\"given_names\":\"Jos\xc3\xa9\"}]",
  };
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using namespace canje::registry;
  const ListFormat format = data[0] == 'j' ? ListFormat::kJson : ListFormat::kCsv;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  ListFileReaderOptions options;
  options.parser.today = *ParseDate("2026-12-01");
  auto reader = ListFileReader::Open(in, format, options);
  if (!reader.ok()) {
    CheckMessage(reader.status().message());
    return 0;
  }
  ParsedRecord parsed;
  for (int rows = 0; rows < 10000; ++rows) {
    auto more = (*reader)->Next(&parsed);
    if (!more.ok()) {
      CheckMessage(more.status().message());
      break;
    }
    if (!*more) break;
    for (const FieldError& error : parsed.errors) CheckMessage(error.ToString("list.csv"));
  }
  return 0;
}
