// The messages of C2SP tlog-witness's `POST <prefix>/add-checkpoint`, as text (no HTTP here).
//
// Request body:
//   old <size>\n                 the size the client believes the witness cosigned last (0: none)
//   <base64 hash>\n ...          the consistency proof from that size, at most 63 lines
//   \n
//   <the signed checkpoint note, all its signature lines>
//
// Answers the witness gives (the caller maps them to HTTP):
//   200  one or more cosignature lines ("— NAME BASE64\n")
//   409  when `old` is not the size it cosigned last: that size, "<size>\n", with
//        Content-Type text/x.tlog.size (also 409 for the same size with another root)
//   400  a malformed body, or old > the checkpoint's size
//   403  no signature by the log's key verifies; 404  an origin it does not watch
//   422  the consistency proof does not verify
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ledger/merkle_tree.h"

namespace canje::ledger {

inline constexpr size_t kMaxAddCheckpointProofLines = 63;
inline constexpr std::string_view kTlogSizeContentType = "text/x.tlog.size";

struct AddCheckpointRequest {
  int64_t old_size = 0;
  std::vector<Hash> proof;
  std::string checkpoint_note;  // the note as sent, signatures included
};

std::string FormatAddCheckpointRequest(const AddCheckpointRequest& request);

// kUsage (HTTP 400) naming the line at fault: no "old N" line, a size with a sign or leading
// zeroes, a proof line that is not base64 of 32 bytes, more than 63 proof lines, no blank line,
// or an empty checkpoint.
Result<AddCheckpointRequest> ParseAddCheckpointRequest(std::string_view body);

// The 409 body: "<size>\n".
std::string FormatTreeSizeBody(int64_t size);
// Reads a 409 body. kInvalid when it is not one decimal size and a newline.
Result<int64_t> ParseTreeSizeBody(std::string_view body);

// Splits a 200 body into its signature lines (each with its newline). kInvalid when the body is
// empty or a line does not start with "— ".
Result<std::vector<std::string>> SplitCosignatureLines(std::string_view body);

}  // namespace canje::ledger
