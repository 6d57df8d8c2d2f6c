#include "server/request_framing.h"

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <cctype>
#include <vector>

namespace canje::server {
namespace {

namespace http = boost::beast::http;

HeaderScan Fault(std::string detail) {
  HeaderScan scan;
  scan.state = HeaderScan::State::kFault;
  scan.fault = {400, std::move(detail)};
  return scan;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The comma-separated codings of every Transfer-Encoding field, in order, lower case.
std::vector<std::string> TransferCodings(const HttpRequest& header) {
  std::vector<std::string> codings;
  auto [first, last] = header.equal_range(http::field::transfer_encoding);
  for (auto field = first; field != last; ++field) {
    std::string_view value = View(field->value());
    while (true) {
      size_t comma = value.find(',');
      codings.push_back(Lower(TrimOws(value.substr(0, comma))));
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  }
  return codings;
}

}  // namespace

HeaderScan ScanHeaderBytes(std::string_view data) {
  HeaderScan scan;
  while (data.substr(scan.skip, 2) == "\r\n") scan.skip += 2;
  for (size_t i = scan.skip; i < data.size(); ++i) {
    const char c = data[i];
    if (c == '\0') return Fault("the request header holds a NUL byte");
    if (c == '\n') return Fault("a header line ends in a bare LF; end every line with CRLF");
    if (c != '\r') continue;
    if (i + 1 == data.size()) return scan;  // the LF has not arrived yet
    if (data[i + 1] != '\n') {
      return Fault("a header line holds a CR that is not followed by LF; end lines with CRLF");
    }
    if (i + 2 == data.size()) return scan;
    const char next = data[i + 2];
    if (next == ' ' || next == '\t') {
      return Fault("a header line is folded onto the next (obsolete line folding); write each "
                   "field on one line");
    }
    if (next == '\r') {
      if (i + 3 == data.size()) return scan;
      if (data[i + 3] != '\n') return Fault("the blank line that ends the header must be CRLF");
      scan.state = HeaderScan::State::kComplete;
      scan.header_end = i + 4;
      return scan;
    }
    ++i;  // past the LF
  }
  return scan;
}

std::string_view TrimOws(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<FramingFault> CheckBodyFraming(const HttpRequest& header) {
  if (header.find(http::field::transfer_encoding) == header.end()) return std::nullopt;
  if (header.find(http::field::content_length) != header.end()) {
    return FramingFault{400,
                        "the request has both Transfer-Encoding and Content-Length; send one"};
  }
  std::vector<std::string> codings = TransferCodings(header);
  if (codings.empty() || codings.back() != "chunked") {
    return FramingFault{400,
                        "Transfer-Encoding must end with chunked (RFC 9112 §6.3); send "
                        "'Transfer-Encoding: chunked' or a Content-Length"};
  }
  if (codings.size() > 1) {
    return FramingFault{501,
                        "canje accepts only 'Transfer-Encoding: chunked', without other codings"};
  }
  return std::nullopt;
}

bool ExpectsContinue(const HttpRequest& header) {
  if (header.version() < 11) return false;
  auto field = header.find(http::field::expect);
  if (field == header.end()) return false;
  const std::string_view value = TrimOws({field->value().data(), field->value().size()});
  return boost::beast::iequals(boost::beast::string_view(value.data(), value.size()),
                               "100-continue");
}

bool IsParseError(const boost::beast::error_code& error) {
  if (error.category() != http::make_error_code(http::error::bad_method).category()) return false;
  return error != http::error::end_of_stream && error != http::error::partial_message &&
         error != http::error::need_more;
}

FramingFault ParseFault(const boost::beast::error_code& error) {
  if (error == http::error::bad_method || error == http::error::bad_target ||
      error == http::error::bad_version) {
    return {400, "the request line must be METHOD TARGET HTTP/1.1, such as 'GET /v1/whoami "
                 "HTTP/1.1'"};
  }
  if (error == http::error::bad_field) {
    return {400, "a header field's name is not a token (letters, digits and !#$%&'*+-.^_`|~)"};
  }
  if (error == http::error::bad_value) {
    return {400, "a header field's value holds a control character"};
  }
  if (error == http::error::bad_content_length) {
    return {400, "Content-Length must be one decimal number (no sign, no hex, given once)"};
  }
  if (error == http::error::bad_transfer_encoding) {
    return {400, "Transfer-Encoding is malformed; send 'Transfer-Encoding: chunked'"};
  }
  if (error == http::error::bad_chunk || error == http::error::bad_chunk_extension) {
    return {400, "the chunked body is malformed (RFC 9112 §7.1)"};
  }
  if (error == http::error::bad_line_ending) {
    return {400, "a line of the request does not end in CRLF"};
  }
  if (error == http::error::bad_obs_fold) {
    return {400, "a header line is folded onto the next; write each field on one line"};
  }
  if (error == http::error::need_more) {
    return {400, "the request line or a header field is cut short; the request line must be "
                 "METHOD TARGET HTTP/1.1"};
  }
  return {400, "the request is not HTTP/1.1 canje can read (" + error.message() + ")"};
}

}  // namespace canje::server
