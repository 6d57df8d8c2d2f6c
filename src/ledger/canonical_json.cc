#include "ledger/canonical_json.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "ledger/utf8.h"

namespace canje::ledger {
namespace {

// `text` as UTF-16 code units, or nullopt when it is not well-formed UTF-8.
std::optional<std::u16string> Utf8ToUtf16(std::string_view text) {
  std::optional<std::u32string> code_points = DecodeUtf8(text);
  if (!code_points) return std::nullopt;
  std::u16string out;
  out.reserve(code_points->size());
  for (char32_t c : *code_points) {
    if (c >= 0x10000) {
      const char32_t offset = c - 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (offset >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (offset & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
  }
  return out;
}

// Appends `text` (valid UTF-8) as a JSON string literal per RFC 8785 3.2.2.2.
void AppendString(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (char c : text) {
    const auto byte = static_cast<uint8_t>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          out += "\\u00";
          out.push_back(kHex[byte >> 4]);
          out.push_back(kHex[byte & 0xF]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

Status CheckUtf8(std::string_view text, std::string_view where) {
  if (!Utf8ToUtf16(text)) {
    return Status::Invalid(std::string(where) +
                           " is not valid UTF-8; canonical JSON holds Unicode text only");
  }
  return Status::Ok();
}

Status CheckValue(const CanonicalMember& member) {
  const std::string where = "value of member \"" + member.name + "\"";
  if (const auto* text = std::get_if<std::string>(&member.value)) return CheckUtf8(*text, where);
  if (const auto* number = std::get_if<int64_t>(&member.value)) {
    if (*number > kMaxCanonicalInteger || *number < -kMaxCanonicalInteger) {
      return Status::Invalid(where + " (" + std::to_string(*number) +
                             ") is larger in magnitude than 2^53 and cannot be written exactly "
                             "as RFC 8785 requires; store it as a string");
    }
    return Status::Ok();
  }
  const auto& items = std::get<std::vector<std::string>>(member.value);
  for (size_t i = 0; i < items.size(); ++i) {
    CANJE_RETURN_IF_ERROR(CheckUtf8(items[i], where + "[" + std::to_string(i) + "]"));
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> CanonicalJson(const CanonicalObject& object) {
  std::vector<std::pair<std::u16string, const CanonicalMember*>> sorted;
  sorted.reserve(object.size());
  for (const CanonicalMember& member : object) {
    auto name16 = Utf8ToUtf16(member.name);
    if (!name16) {
      return Status::Invalid("member name is not valid UTF-8; canonical JSON holds Unicode only");
    }
    CANJE_RETURN_IF_ERROR(CheckValue(member));
    sorted.emplace_back(std::move(*name16), &member);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i].first == sorted[i - 1].first) {
      return Status::Invalid("member \"" + sorted[i].second->name +
                             "\" appears twice; each name may appear once");
    }
  }

  std::string out = "{";
  for (size_t i = 0; i < sorted.size(); ++i) {
    const CanonicalMember& member = *sorted[i].second;
    if (i > 0) out.push_back(',');
    AppendString(member.name, out);
    out.push_back(':');
    if (const auto* text = std::get_if<std::string>(&member.value)) {
      AppendString(*text, out);
    } else if (const auto* number = std::get_if<int64_t>(&member.value)) {
      out += std::to_string(*number);
    } else {
      out.push_back('[');
      const auto& items = std::get<std::vector<std::string>>(member.value);
      for (size_t k = 0; k < items.size(); ++k) {
        if (k > 0) out.push_back(',');
        AppendString(items[k], out);
      }
      out.push_back(']');
    }
  }
  out.push_back('}');
  return out;
}

}  // namespace canje::ledger
