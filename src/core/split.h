// Splitting a text at each occurrence of a separator.
#pragma once

#include <string_view>
#include <vector>

namespace canje {

// The pieces of `text` between the occurrences of `separator`, in order, empty ones kept:
// SplitAt("a//b", '/') is {"a", "", "b"}; SplitAt("", '/') is {""}. The pieces view `text`.
std::vector<std::string_view> SplitAt(std::string_view text, char separator);

}  // namespace canje
