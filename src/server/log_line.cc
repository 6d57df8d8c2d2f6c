#include "server/log_line.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace canje::server {

void AppendJsonString(std::string& out, std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      // Beyond ASCII: the library checks the UTF-8 and replaces what is not.
      out += nlohmann::json(std::string(text))
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return;
    }
  }
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void AppendMilliseconds(std::string& out, int64_t microseconds) {
  if (microseconds < 0) {
    out += '-';
    microseconds = -microseconds;
  }
  out += std::to_string(microseconds / 1000);
  out += '.';
  int64_t fraction = microseconds % 1000;
  if (fraction == 0) {
    out += '0';
    return;
  }
  char digits[4] = {static_cast<char>('0' + fraction / 100),
                    static_cast<char>('0' + fraction / 10 % 10),
                    static_cast<char>('0' + fraction % 10), 0};
  size_t length = 3;
  while (digits[length - 1] == '0') --length;
  out.append(digits, length);
}

void AppendNowWithMilliseconds(std::string& out) {
  // The date and time to the second are formatted once a second per thread (gmtime takes a
  // process-wide lock).
  thread_local std::time_t formatted_second = -1;
  thread_local char formatted[24];
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto milliseconds =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  if (seconds != formatted_second) {
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::strftime(formatted, sizeof formatted, "%Y-%m-%dT%H:%M:%S", &utc);
    formatted_second = seconds;
  }
  out += '"';
  out += formatted;
  out += '.';
  out += static_cast<char>('0' + milliseconds / 100);
  out += static_cast<char>('0' + milliseconds / 10 % 10);
  out += static_cast<char>('0' + milliseconds % 10);
  out += "Z\"";
}

}  // namespace canje::server
