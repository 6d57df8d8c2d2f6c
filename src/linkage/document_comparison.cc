#include "linkage/document_comparison.h"

#include <array>

#include "linkage/code_points.h"
#include "linkage/cyrillic_transliteration.h"

namespace canje::linkage {
namespace {

using L = ComparisonLevel;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// True when `letters` is a concatenation of known prefixes (longest first at each position).
bool IsKnownPrefix(std::string_view letters) {
  static constexpr std::array<std::string_view, 9> kPrefixes = {"DNI", "NRO", "NUM", "CI", "CC",
                                                                "NO",  "V",   "E",   "N"};
  if (letters.empty()) return false;
  while (!letters.empty()) {
    bool matched = false;
    for (std::string_view prefix : kPrefixes) {
      if (letters.starts_with(prefix)) {
        letters.remove_prefix(prefix.size());
        matched = true;
        break;
      }
    }
    if (!matched) return false;
  }
  return true;
}

// a and b differ by exactly one substitution, insertion or deletion.
bool OneEditApart(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > 1) return false;
  std::size_t i = 0;
  while (i < b.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i + 1) == b.substr(i);
}

bool AdjacentTransposition(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i + 1 >= a.size()) return false;
  return a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

}  // namespace

std::string NormalizeDocumentNumber(std::string_view written) {
  // Step 0: Cyrillic series letters are transliterated, not dropped.
  bool cyrillic = false;
  for (unsigned char byte : written) {
    if (byte >= 0x80) {  // ASCII numbers, nearly all of them, skip the decoding
      cyrillic = HasCyrillicLetter(ToCodePoints(written));
      break;
    }
  }
  const std::string transliterated = cyrillic ? CyrillicToLatin(written) : std::string();
  if (cyrillic) written = transliterated;
  std::string kept;
  kept.reserve(written.size());
  for (char c : written) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (IsUpper(c) || IsDigit(c)) kept.push_back(c);
  }
  std::size_t letters = 0;
  while (letters < kept.size() && IsUpper(kept[letters])) ++letters;
  bool digits_follow = letters < kept.size();
  for (std::size_t i = letters; i < kept.size() && digits_follow; ++i) {
    digits_follow = IsDigit(kept[i]);
  }
  if (!cyrillic && digits_follow && IsKnownPrefix(std::string_view(kept).substr(0, letters))) {
    kept.erase(0, letters);
  }
  bool all_digits = !kept.empty();
  for (char c : kept) all_digits = all_digits && IsDigit(c);
  if (all_digits) {
    const std::size_t first_nonzero = kept.find_first_not_of('0');
    kept.erase(0, first_nonzero == std::string::npos ? kept.size() - 1 : first_nonzero);
  }
  return kept;
}

ComparisonLevel CompareDocumentNumbers(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return L::kMissing;
  if (a == b) return L::kExact;
  if (OneEditApart(a, b)) return L::kOneDigitOff;
  if (AdjacentTransposition(a, b)) return L::kTransposedDigits;
  return L::kDifferent;
}

ComparisonLevel CompareDocumentNumberSets(std::span<const std::string> a,
                                          std::span<const std::string> b) {
  ComparisonLevel best = L::kMissing;
  for (const std::string& x : a) {
    for (const std::string& y : b) {
      best = BetterLevel(ComparisonKind::kDocumentNumber, best, CompareDocumentNumbers(x, y));
      if (best == L::kExact) return best;
    }
  }
  return best;
}

}  // namespace canje::linkage
