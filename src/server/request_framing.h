// The checks that keep one request from being read as two (request smuggling, RFC 9112 §6.3
// and §11.2) and that turn every malformed request into an answer instead of a silent close.
//
// A request's header is checked twice: its raw bytes before Beast parses them (bare LF, folded
// lines and NUL bytes, which Beast would accept or reject without a word), then its parsed
// framing (Transfer-Encoding and Content-Length). Every fault is a 400 (or 501 for a transfer
// coding canje does not implement) after which the connection closes: once the framing of a
// request is in doubt, nothing after it on the connection can be trusted.
#pragma once

#include <boost/beast/core/error.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "server/http_types.h"

namespace canje::server {

struct FramingFault {
  int status = 400;    // 400, or 501 for a transfer coding other than chunked
  std::string detail;  // what is wrong and what a client must send instead
};

// The result of scanning the bytes of a connection that have arrived for one request's header.
struct HeaderScan {
  enum class State { kNeedMore, kComplete, kFault } state = State::kNeedMore;
  size_t skip = 0;        // empty lines before the request line (RFC 9112 §2.2 allows them)
  size_t header_end = 0;  // kComplete: offset just past the blank line that ends the header
  FramingFault fault;     // kFault
};

// Scans `data` (the start of what has arrived) for the end of a header: every line must end in
// CRLF (a bare LF or CR is refused), no line may start with a space or tab (obsolete line
// folding is refused), and no byte may be NUL.
HeaderScan ScanHeaderBytes(std::string_view data);

// `text` without the optional white space HTTP allows around header values and list items
// (RFC 9110 section 5.6.3: spaces and horizontal tabs only).
std::string_view TrimOws(std::string_view text);

// The fault of a parsed header's body framing, if any: a Transfer-Encoding other than exactly
// "chunked" (400 when chunked is not the final coding, 501 when another coding comes before it),
// and Transfer-Encoding together with Content-Length.
std::optional<FramingFault> CheckBodyFraming(const HttpRequest& header);

// True when an HTTP/1.1 request asks for "100 Continue" before it sends its body (the field
// Expect holds 100-continue, in any case; RFC 9110 §10.1.1). HTTP/1.0 clients cannot read an
// interim answer, so theirs is ignored.
bool ExpectsContinue(const HttpRequest& header);

// What to tell a client whose request Beast's parser refused with `error`.
FramingFault ParseFault(const boost::beast::error_code& error);

// True when `error` is Beast's verdict on the request's bytes (a 400), rather than the end of
// the stream, a timeout or a reset (no answer is possible or useful then).
bool IsParseError(const boost::beast::error_code& error);

}  // namespace canje::server
