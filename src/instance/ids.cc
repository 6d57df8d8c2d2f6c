#include "instance/ids.h"

#include <cctype>
#include <charconv>

namespace canje::instance {

std::string PersonId(int64_t id) { return "P" + std::to_string(id); }
std::string ListId(int64_t id) { return "L" + std::to_string(id); }
std::string RecordId(int64_t id) { return "R" + std::to_string(id); }

Result<int64_t> ParseId(std::string_view text, char prefix, std::string_view what) {
  std::string_view digits = text;
  if (!digits.empty() && std::toupper(static_cast<unsigned char>(digits.front())) == prefix) {
    digits.remove_prefix(1);
  }
  int64_t id = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || id <= 0) {
    return Status::Usage("'" + std::string(text) + "' is not a " + std::string(what) +
                         " id; write it as " + std::string(1, prefix) + "17 or 17");
  }
  return id;
}

Result<int64_t> ParseOptionalId(std::string_view text, char prefix, std::string_view what) {
  if (text.empty()) return int64_t{0};
  return ParseId(text, prefix, what);
}

}  // namespace canje::instance
