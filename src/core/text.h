// Small ASCII text helpers every module uses: trimming, lower case, joining. They know nothing
// of scripts or accents: names are folded by registry/text_fold.h, and UTF-8 is checked by
// core/utf8.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace canje {

// `text` without leading and trailing ASCII white space (space, \t, \n, \v, \f, \r).
std::string_view TrimView(std::string_view text);
std::string Trim(std::string_view text);

// `text` with A-Z turned into a-z; every other byte as it is.
std::string AsciiLower(std::string text);

// The items in order with `separator` between them: Join({"a", "b"}) is "a, b".
std::string Join(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace canje
