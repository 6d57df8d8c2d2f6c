#include "ledger/checkpoint.h"

#include <optional>

#include "core/encoding.h"
#include "ledger/utf8.h"

namespace canje::ledger {
namespace {

// A line of checkpoint text: non-empty UTF-8 without control characters (the newline included).
Status CheckLine(std::string_view line, std::string_view what) {
  if (line.empty()) return Status::Invalid(std::string(what) + " is empty");
  std::optional<std::u32string> code_points = DecodeUtf8(line);
  if (!code_points) return Status::Invalid(std::string(what) + " is not valid UTF-8");
  for (char32_t c : *code_points) {
    if (c < 0x20 || c == 0x7F) {
      return Status::Invalid(std::string(what) + " contains a control character");
    }
  }
  return Status::Ok();
}

}  // namespace

std::optional<int64_t> ParseTreeSize(std::string_view digits) {
  if (digits.empty() || digits.size() > 19) return std::nullopt;
  if (digits.size() > 1 && digits[0] == '0') return std::nullopt;
  int64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    const int digit = c - '0';
    if (value > (kMaxTreeSize - digit) / 10) return std::nullopt;  // would pass 2^62
    value = value * 10 + digit;
  }
  return value;
}

Result<std::string> FormatCheckpoint(const Checkpoint& checkpoint) {
  CANJE_RETURN_IF_ERROR(CheckLine(checkpoint.origin, "the checkpoint's origin"));
  if (checkpoint.size < 0 || checkpoint.size > kMaxTreeSize) {
    return Status::Invalid("checkpoint size " + std::to_string(checkpoint.size) +
                           " is out of range");
  }
  std::string text = checkpoint.origin + "\n" + std::to_string(checkpoint.size) + "\n" +
                     Base64Encode(checkpoint.root) + "\n";
  for (size_t i = 0; i < checkpoint.extensions.size(); ++i) {
    CANJE_RETURN_IF_ERROR(
        CheckLine(checkpoint.extensions[i], "checkpoint extension line " + std::to_string(i + 1)));
    text += checkpoint.extensions[i] + "\n";
  }
  return text;
}

Result<Checkpoint> ParseCheckpoint(std::string_view text) {
  if (text.empty() || text.back() != '\n') {
    return Status::Invalid("the checkpoint text does not end in a newline");
  }
  std::vector<std::string_view> lines;
  size_t position = 0;
  while (position < text.size()) {
    const size_t end = text.find('\n', position);
    lines.push_back(text.substr(position, end - position));
    position = end + 1;
  }
  if (lines.size() < 3) {
    return Status::Invalid("the checkpoint has " + std::to_string(lines.size()) +
                           " lines; it needs at least three: origin, tree size and root hash");
  }
  Checkpoint checkpoint;
  CANJE_RETURN_IF_ERROR(CheckLine(lines[0], "line 1 (the origin)"));
  checkpoint.origin = std::string(lines[0]);

  std::optional<int64_t> size = ParseTreeSize(lines[1]);
  if (!size) {
    return Status::Invalid("line 2 (the tree size) '" + std::string(lines[1].substr(0, 40)) +
                           "' is not a decimal number without leading zeroes between 0 and 2^62");
  }
  checkpoint.size = *size;

  std::optional<Bytes> root = Base64Decode(lines[2]);
  if (!root) {
    return Status::Invalid("line 3 (the root hash) is not standard padded base64");
  }
  if (root->size() != checkpoint.root.size()) {
    return Status::Invalid("line 3 (the root hash) is " + std::to_string(root->size()) +
                           " bytes; a SHA-256 root hash is 32");
  }
  std::copy(root->begin(), root->end(), checkpoint.root.begin());

  for (size_t i = 3; i < lines.size(); ++i) {
    CANJE_RETURN_IF_ERROR(CheckLine(lines[i], "line " + std::to_string(i + 1) + " (an extension)"));
    checkpoint.extensions.emplace_back(lines[i]);
  }
  return checkpoint;
}

}  // namespace canje::ledger
