// The request target of an HTTP request ("/v1/persons?list=L3&limit=10") split into its path
// and its query parameters, percent-decoded.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/status.h"

namespace canje::server {

struct RequestTarget {
  std::string path;                          // decoded; "/v1/persons"
  std::map<std::string, std::string> query;  // decoded; a repeated name keeps the last value
};

// kUsage for a target that is not an absolute path, a bad percent escape ("%G1", "%4"), or a
// path, parameter name or value that is not UTF-8 once decoded ("%ff"). When the fault is in
// the query, `bad_parameter` (if given) receives the parameter's name, as far as it is UTF-8.
// Messages quote the target with core/utf8.h's QuoteUntrusted, never its raw bytes.
// '+' in the query means a space (HTML forms); in the path it is itself.
Result<RequestTarget> ParseRequestTarget(std::string_view target,
                                         std::string* bad_parameter = nullptr);

}  // namespace canje::server
