#include "core/text.h"

#include <cstdio>

namespace canje {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

}  // namespace

std::string_view TrimView(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string Trim(std::string_view text) { return std::string(TrimView(text)); }

std::string AsciiLower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += separator;
    text += items[i];
  }
  return text;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) {
    if (!text.empty()) text += ' ';
    text += word;
  }
  return text;
}

namespace {

std::string Formatted(const char* format, double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

}  // namespace

ByteEscapes::ByteEscapes(std::initializer_list<std::pair<char, std::string_view>> replacements) {
  for (const auto& [byte, replacement] : replacements) {
    replacement_[static_cast<unsigned char>(byte)] = replacement;
  }
}

void ByteEscapes::AppendTo(std::string& out, std::string_view text) const {
  out.reserve(out.size() + text.size());
  for (char c : text) {
    std::string_view replacement = replacement_[static_cast<unsigned char>(c)];
    if (replacement.empty()) {
      out += c;
    } else {
      out += replacement;
    }
  }
}

std::string NumberText(double value) { return Formatted("%g", value); }

std::string ExactNumberText(double value) { return Formatted("%.17g", value); }

}  // namespace canje
