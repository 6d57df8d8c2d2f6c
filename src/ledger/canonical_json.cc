#include "ledger/canonical_json.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "core/utf8.h"

namespace canje::ledger {
namespace {

bool IsContinuation(uint8_t byte) { return (byte & 0xC0) == 0x80; }

// The code point that starts at `text[at]` (valid UTF-8) as UTF-16 code units: one, or a
// surrogate pair (high, low). Returns how many.
int Utf16At(std::string_view text, size_t at, char16_t units[2]) {
  const auto byte = static_cast<uint8_t>(text[at]);
  char32_t c = 0;
  size_t length = 1;
  if (byte < 0x80) {
    c = byte;
  } else if (byte < 0xE0) {
    c = byte & 0x1F;
    length = 2;
  } else if (byte < 0xF0) {
    c = byte & 0x0F;
    length = 3;
  } else {
    c = byte & 0x07;
    length = 4;
  }
  for (size_t k = 1; k < length; ++k) c = (c << 6) | (static_cast<uint8_t>(text[at + k]) & 0x3F);
  if (c < 0x10000) {
    units[0] = static_cast<char16_t>(c);
    return 1;
  }
  units[0] = static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
  units[1] = static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
  return 2;
}

// `a` < `b` compared as arrays of UTF-16 code units (RFC 8785 3.2.3), both valid UTF-8, without
// converting them. UTF-8's byte order is code point order, which is UTF-16 order except that
// code points above U+FFFF (surrogate pairs, D800..DBFF first) sort before U+E000..U+FFFF. So the
// bytes decide unless the first difference is inside two non-ASCII characters: then those two
// characters' code units decide (they differ, and neither can be a prefix of the other).
bool Utf16Less(std::string_view a, std::string_view b) {
  const size_t common = std::min(a.size(), b.size());
  size_t i = 0;
  while (i < common && a[i] == b[i]) ++i;
  if (i == a.size() || i == b.size()) return a.size() < b.size();  // a prefix sorts first
  const auto x = static_cast<uint8_t>(a[i]);
  const auto y = static_cast<uint8_t>(b[i]);
  if (x < 0x80 || y < 0x80) return x < y;  // an ASCII character decides, in any encoding
  size_t start = i;  // back to the first byte of the character that differs
  while (start > 0 && IsContinuation(static_cast<uint8_t>(a[start]))) --start;
  char16_t ua[2];
  char16_t ub[2];
  const int na = Utf16At(a, start, ua);
  const int nb = Utf16At(b, start, ub);
  return std::u16string_view(ua, na) < std::u16string_view(ub, nb);
}

// The message for a string that is not valid UTF-8.
Status NotUtf8(std::string_view where) {
  return Status::Invalid(std::string(where) +
                         " is not valid UTF-8; canonical JSON holds Unicode text only");
}

Status CheckValue(const CanonicalMember& member) {
  const auto where = [&] { return "value of member \"" + member.name + "\""; };
  if (const auto* text = std::get_if<std::string>(&member.value)) {
    return IsValidUtf8(*text) ? Status::Ok() : NotUtf8(where());
  }
  if (const auto* number = std::get_if<int64_t>(&member.value)) {
    if (*number > kMaxCanonicalInteger || *number < -kMaxCanonicalInteger) {
      return Status::Invalid(where() + " (" + std::to_string(*number) +
                             ") is larger in magnitude than 2^53 and cannot be written exactly "
                             "as RFC 8785 requires; store it as a string");
    }
    return Status::Ok();
  }
  const auto& items = std::get<std::vector<std::string>>(member.value);
  for (size_t i = 0; i < items.size(); ++i) {
    if (!IsValidUtf8(items[i])) return NotUtf8(where() + "[" + std::to_string(i) + "]");
  }
  return Status::Ok();
}

}  // namespace

void AppendCanonicalString(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;  // start of the bytes not yet copied: copied in runs between escapes
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<uint8_t>(text[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (byte) {
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
        out += "\\u00";
        out.push_back(kHex[byte >> 4]);
        out.push_back(kHex[byte & 0xF]);
    }
  }
  out.append(text.data() + run, text.size() - run);
  out.push_back('"');
}

void AppendCanonicalInteger(int64_t number, std::string& out) {
  char digits[24];
  const auto written = std::to_chars(digits, digits + sizeof digits, number);
  out.append(digits, written.ptr);
}

Result<std::string> CanonicalJson(const CanonicalObject& object) {
  std::vector<const CanonicalMember*> sorted;
  sorted.reserve(object.size());
  for (const CanonicalMember& member : object) {
    if (!IsValidUtf8(member.name)) {
      return Status::Invalid("member name is not valid UTF-8; canonical JSON holds Unicode only");
    }
    CANJE_RETURN_IF_ERROR(CheckValue(member));
    sorted.push_back(&member);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* x, const auto* y) { return Utf16Less(x->name, y->name); });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i]->name == sorted[i - 1]->name) {
      return Status::Invalid("member \"" + sorted[i]->name +
                             "\" appears twice; each name may appear once");
    }
  }

  std::string out = "{";
  for (size_t i = 0; i < sorted.size(); ++i) {
    const CanonicalMember& member = *sorted[i];
    if (i > 0) out.push_back(',');
    AppendCanonicalString(member.name, out);
    out.push_back(':');
    if (const auto* text = std::get_if<std::string>(&member.value)) {
      AppendCanonicalString(*text, out);
    } else if (const auto* number = std::get_if<int64_t>(&member.value)) {
      AppendCanonicalInteger(*number, out);
    } else {
      out.push_back('[');
      const auto& items = std::get<std::vector<std::string>>(member.value);
      for (size_t k = 0; k < items.size(); ++k) {
        if (k > 0) out.push_back(',');
        AppendCanonicalString(items[k], out);
      }
      out.push_back(']');
    }
  }
  out.push_back('}');
  return out;
}

}  // namespace canje::ledger
