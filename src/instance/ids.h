// Public identifiers: a letter and the row number. P17 is a person, L3 a list, R1204 a list
// record. Commands accept them with or without the letter (17 or P17).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace canje::instance {

std::string PersonId(int64_t id);
std::string ListId(int64_t id);
std::string RecordId(int64_t id);

// Parses "P17" / "p17" / "17" for prefix 'P'. kUsage names the expected form.
Result<int64_t> ParseId(std::string_view text, char prefix, std::string_view what);
// The same for a filter that may be left out: 0 when `text` is empty.
Result<int64_t> ParseOptionalId(std::string_view text, char prefix, std::string_view what);

}  // namespace canje::instance
