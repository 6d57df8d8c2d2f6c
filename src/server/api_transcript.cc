#include "server/api_transcript.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

namespace canje::server::testing {

void RecordAnswer(std::string_view method, std::string_view target, int status,
                  std::string_view content_type, std::string_view body) {
  const char* dir = getenv("CANJE_API_TRANSCRIPT_DIR");
  if (dir == nullptr || *dir == '\0') return;
  static std::mutex mutex;
  const std::string origin = program_invocation_short_name;
  nlohmann::json line = {{"origin", origin},
                         {"method", method},
                         {"target", target},
                         {"status", status},
                         {"content_type", content_type},
                         {"body", body}};
  const std::string path =
      std::string(dir) + "/" + origin + "-" + std::to_string(getpid()) + ".jsonl";
  std::lock_guard<std::mutex> lock(mutex);
  std::ofstream out(path, std::ios::app | std::ios::binary);
  out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace canje::server::testing
