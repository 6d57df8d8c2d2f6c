// Configuration files whose keys are a command's flags: `canje serve --config FILE`
// (/etc/canje/serve.conf for the packaged service).
//
// Format, one setting a line:
//
//   # a comment (a line whose first non-blank character is '#')
//   listen = 127.0.0.1:8420
//   db = /var/lib/canje/canje.db
//
// A key is a flag's long name without "--"; the value is the rest of the line after '=', with
// the spaces around it removed (no quoting, no comment after a value), checked exactly as the
// flag's value is. Blank lines are ignored. A key given twice, a line without '=', an unknown
// key or a bad value is an error naming FILE:LINE. A flag given on the command line wins over
// the file.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace canje::cli {

struct ConfigurationEntry {
  std::string key;
  std::string value;
  int line = 0;
};

// Parses `text` read from `file_name` (for messages). kUsage "FILE:LINE: ..." for a line
// without '=', an empty key, or a key given twice.
Result<std::vector<ConfigurationEntry>> ParseConfiguration(std::string_view text,
                                                           const std::string& file_name);
// Reads and parses `path`. kNotFound when it cannot be read.
Result<std::vector<ConfigurationEntry>> ReadConfigurationFile(const std::string& path);

// Sets each entry's option from `accepted` (looked up by long name) as if the flag had been
// given with that value: the value is checked and converted by the option itself, into the
// variable it is bound to. Entries naming an option in `given` (set on the command line) are
// skipped. kUsage "FILE:LINE: ..." for an unknown key (listing the accepted ones) or a value
// the option refuses.
Status ApplyConfiguration(const std::vector<ConfigurationEntry>& entries,
                          const std::string& file_name, const std::vector<CLI::Option*>& accepted,
                          const std::vector<const CLI::Option*>& given);

}  // namespace canje::cli
