#include "scenario/error_model.h"

#include <functional>
#include <span>
#include <utility>

#include "scenario/latin_text.h"

namespace canje::scenario {
namespace {

// --- Rule-based respelling ---

enum class Context {
  kAnywhere,
  kBeforeVowel,
  kNotBeforeVowel,
  kAfterVowelNotBeforeVowel,  // after a, e or o
  kNotAfterDigraphLetter,     // not the h of ch, sh, th, ph, kh
  kWordEnd,
};

struct Rule {
  std::u32string_view from;  // lower case, without accents
  std::u32string_view to;
  Context context;
};

bool IsVowel(char32_t c) {
  c = ToLowerLetter(BaseLetter(c));
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// The letter at i for matching: lower case, no accent.
char32_t Folded(const std::u32string& text, size_t i) { return ToLowerLetter(BaseLetter(text[i])); }

bool Matches(const std::u32string& text, size_t at, const Rule& rule) {
  if (at + rule.from.size() > text.size()) return false;
  for (size_t k = 0; k < rule.from.size(); ++k) {
    if (Folded(text, at + k) != rule.from[k]) return false;
  }
  const size_t end = at + rule.from.size();
  const bool vowel_after = end < text.size() && IsVowel(text[end]);
  const bool letter_after = end < text.size() && IsLetter(text[end]);
  switch (rule.context) {
    case Context::kAnywhere:
      return true;
    case Context::kBeforeVowel:
      return vowel_after;
    case Context::kNotBeforeVowel:
      return !vowel_after;
    case Context::kAfterVowelNotBeforeVowel: {
      // "Deivis" -> "Deyvis"; never after u ("Luis", "Quintero").
      const bool after_open_vowel = at > 0 && IsVowel(text[at - 1]) && Folded(text, at - 1) != 'u';
      return after_open_vowel && !vowel_after;
    }
    case Context::kNotAfterDigraphLetter: {
      if (at == 0) return true;
      const char32_t before = Folded(text, at - 1);
      return before != 'c' && before != 's' && before != 't' && before != 'p' && before != 'k';
    }
    case Context::kWordEnd:
      return !letter_after;
  }
  return false;
}

// Replaces text[at, at + from.size()) by `to`, keeping an upper-case first letter upper case.
std::u32string Replace(const std::u32string& text, size_t at, size_t length,
                       std::u32string_view to) {
  std::u32string replacement(to);
  if (!replacement.empty() && ToLowerLetter(text[at]) != text[at]) {
    replacement[0] = ToUpperLetter(replacement[0]);
  }
  std::u32string out = text.substr(0, at);
  out += replacement;
  out += text.substr(at + length);
  return out;
}

std::optional<std::string> ApplyOneRule(std::string_view name, std::span<const Rule> rules,
                                        Random& random) {
  const std::u32string text = DecodeUtf8(name);
  std::vector<std::pair<size_t, const Rule*>> candidates;
  for (size_t at = 0; at < text.size(); ++at) {
    for (const Rule& rule : rules) {
      if (Matches(text, at, rule)) candidates.emplace_back(at, &rule);
    }
  }
  if (candidates.empty()) return std::nullopt;
  const auto& [at, rule] = candidates[random.Below(candidates.size())];
  std::u32string out = Replace(text, at, rule->from.size(), rule->to);
  // A replacement that removed the first letter of a capitalised word: capitalise the new one.
  if (at == 0 && rule->to.empty() && !out.empty() && ToLowerLetter(text[0]) != text[0]) {
    out[0] = ToUpperLetter(out[0]);
  }
  return EncodeUtf8(out);
}

constexpr Rule kPhoneticRules[] = {
    {U"b", U"v", Context::kAnywhere},
    {U"v", U"b", Context::kAnywhere},
    {U"ll", U"y", Context::kAnywhere},
    {U"y", U"ll", Context::kBeforeVowel},
    {U"y", U"i", Context::kNotBeforeVowel},
    {U"i", U"y", Context::kAfterVowelNotBeforeVowel},
    {U"z", U"s", Context::kAnywhere},
    {U"s", U"z", Context::kBeforeVowel},
    {U"ce", U"se", Context::kAnywhere},
    {U"ci", U"si", Context::kAnywhere},
    {U"se", U"ce", Context::kAnywhere},
    {U"si", U"ci", Context::kAnywhere},
    {U"h", U"", Context::kNotAfterDigraphLetter},
    {U"que", U"ke", Context::kAnywhere},
    {U"qui", U"ki", Context::kAnywhere},
    {U"ca", U"ka", Context::kAnywhere},
    {U"co", U"ko", Context::kAnywhere},
    {U"cu", U"ku", Context::kAnywhere},
    {U"ge", U"je", Context::kAnywhere},
    {U"gi", U"ji", Context::kAnywhere},
    {U"je", U"ge", Context::kAnywhere},
    {U"ji", U"gi", Context::kAnywhere},
    {U"x", U"j", Context::kAnywhere},
};

constexpr Rule kTransliterationRules[] = {
    {U"ks", U"x", Context::kAnywhere},  {U"x", U"ks", Context::kAnywhere},
    {U"ye", U"e", Context::kAnywhere},  {U"yo", U"e", Context::kAnywhere},
    {U"iy", U"y", Context::kAnywhere},  {U"yu", U"iu", Context::kAnywhere},
    {U"ya", U"ia", Context::kAnywhere}, {U"kh", U"h", Context::kAnywhere},
    {U"ts", U"tz", Context::kAnywhere}, {U"ay", U"ai", Context::kAnywhere},
    {U"ey", U"ei", Context::kAnywhere}, {U"sh", U"sch", Context::kAnywhere},
    {U"zh", U"j", Context::kAnywhere},  {U"ov", U"ow", Context::kWordEnd},
    {U"ev", U"ew", Context::kWordEnd},
};

// --- Typos ---

// Neighbours of each letter on a QWERTY keyboard.
std::string_view KeyboardNeighbours(char32_t letter) {
  static constexpr std::string_view kNeighbours[26] = {
      "qwsz",   "vghn",  "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv", "gyujnb", "ujko",
      "huikmn", "jiolm", "kop",  "njk",    "bhjm", "iklp",   "ol",     "wa",     "edft",
      "awedxz", "rfgy",  "yhji", "cfgb",   "qase", "zsdc",   "tghu",   "asx"};
  if (letter < 'a' || letter > 'z') return "aeiou";
  return kNeighbours[letter - 'a'];
}

std::vector<size_t> LetterPositions(const std::u32string& text) {
  std::vector<size_t> positions;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsLetter(text[i])) positions.push_back(i);
  }
  return positions;
}

// --- Record-level helpers ---

// The name fields a token-level operation may touch, each as (vector, index).
std::vector<std::string*> NameTokens(Record& record) {
  std::vector<std::string*> tokens;
  for (std::string& name : record.given_names) tokens.push_back(&name);
  for (std::string& name : record.family_names) tokens.push_back(&name);
  return tokens;
}

// Applies `op` to one name token, trying tokens in a random order until one changes.
bool ApplyToOneToken(
    Record& record, Random& random,
    const std::function<std::optional<std::string>(std::string_view, Random&)>& op) {
  std::vector<std::string*> tokens = NameTokens(record);
  while (!tokens.empty()) {
    const size_t pick = random.Below(tokens.size());
    std::string* token = tokens[pick];
    if (std::optional<std::string> changed = op(*token, random); changed && *changed != *token) {
      *token = std::move(*changed);
      return true;
    }
    tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(pick));
  }
  return false;
}

bool TransformAllNames(Record& record, std::string (*transform)(std::string_view)) {
  bool changed = false;
  for (std::string* token : NameTokens(record)) {
    std::string next = transform(*token);
    if (next != *token) {
      *token = std::move(next);
      changed = true;
    }
  }
  return changed;
}

}  // namespace

std::string_view ErrorOpName(ErrorOp op) {
  switch (op) {
    case ErrorOp::kCutSecondSurname:
      return "cut_second_surname";
    case ErrorOp::kCutSecondGivenName:
      return "cut_second_given_name";
    case ErrorOp::kInitialSecondGivenName:
      return "initial_second_given_name";
    case ErrorOp::kPhoneticSpelling:
      return "phonetic_spelling";
    case ErrorOp::kTransliterationVariant:
      return "transliteration_variant";
    case ErrorOp::kTypoSubstitution:
      return "typo_substitution";
    case ErrorOp::kTypoDeletion:
      return "typo_deletion";
    case ErrorOp::kTypoTransposition:
      return "typo_transposition";
    case ErrorOp::kDropAccents:
      return "drop_accents";
    case ErrorOp::kUpperCaseNames:
      return "upper_case_names";
    case ErrorOp::kSwapGivenFamily:
      return "swap_given_family";
    case ErrorOp::kSwapDayMonth:
      return "swap_day_month";
    case ErrorOp::kMissingDateOfBirth:
      return "missing_date_of_birth";
    case ErrorOp::kMissingDocument:
      return "missing_document";
  }
  return "";
}

std::string ErrorSetText(ErrorSet set) {
  std::string out;
  for (int i = 0; i < kErrorOpCount; ++i) {
    const auto op = static_cast<ErrorOp>(i);
    if (!Contains(set, op)) continue;
    if (!out.empty()) out.push_back('|');
    out.append(ErrorOpName(op));
  }
  return out;
}

bool CutSecondSurname(std::vector<std::string>& family_names) {
  if (family_names.size() < 2) return false;
  family_names.resize(1);
  return true;
}

bool CutSecondGivenName(std::vector<std::string>& given_names) {
  if (given_names.size() < 2) return false;
  given_names.resize(1);
  return true;
}

bool ReduceSecondGivenNameToInitial(std::vector<std::string>& given_names) {
  if (given_names.size() < 2) return false;
  // The initial of the last word ("del Valle" -> "V.", "Luis" -> "L.").
  const std::u32string second = DecodeUtf8(given_names[1]);
  const size_t word_start = second.find_last_of(U' ');
  const size_t at = word_start == std::u32string::npos ? 0 : word_start + 1;
  if (at >= second.size() || !IsLetter(second[at])) return false;
  std::u32string initial(1, ToUpperLetter(second[at]));
  initial.push_back(U'.');
  given_names.resize(2);
  given_names[1] = EncodeUtf8(initial);
  return true;
}

std::optional<std::string> PhoneticSpelling(std::string_view name, Random& random) {
  return ApplyOneRule(name, kPhoneticRules, random);
}

std::optional<std::string> TransliterationVariant(std::string_view name, Random& random) {
  return ApplyOneRule(name, kTransliterationRules, random);
}

std::optional<std::string> TypoSubstitution(std::string_view name, Random& random) {
  std::u32string text = DecodeUtf8(name);
  const std::vector<size_t> letters = LetterPositions(text);
  if (letters.size() < 3) return std::nullopt;
  const size_t at = letters[random.Below(letters.size())];
  const char32_t base = ToLowerLetter(BaseLetter(text[at]));
  const std::string_view neighbours = KeyboardNeighbours(base);
  char32_t replacement = static_cast<char32_t>(neighbours[random.Below(neighbours.size())]);
  if (ToLowerLetter(text[at]) != text[at]) replacement = ToUpperLetter(replacement);
  text[at] = replacement;
  return EncodeUtf8(text);
}

std::optional<std::string> TypoDeletion(std::string_view name, Random& random) {
  std::u32string text = DecodeUtf8(name);
  const std::vector<size_t> letters = LetterPositions(text);
  if (letters.size() < 3) return std::nullopt;
  const size_t at = letters[random.Below(letters.size())];
  const bool capital = at == 0 && ToLowerLetter(text[0]) != text[0];
  text.erase(at, 1);
  if (capital && !text.empty()) text[0] = ToUpperLetter(text[0]);
  return EncodeUtf8(text);
}

std::optional<std::string> TypoTransposition(std::string_view name, Random& random) {
  std::u32string text = DecodeUtf8(name);
  if (LetterPositions(text).size() < 3) return std::nullopt;
  // Adjacent letter pairs that differ (swapping "ll" changes nothing). The first letter is left
  // in place: typists rarely swap it, and the capital would move.
  std::vector<size_t> pairs;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (IsLetter(text[i]) && IsLetter(text[i + 1]) && text[i] != text[i + 1]) pairs.push_back(i);
  }
  if (pairs.empty()) return std::nullopt;
  const size_t at = pairs[random.Below(pairs.size())];
  std::swap(text[at], text[at + 1]);
  return EncodeUtf8(text);
}

bool SwapDayMonth(Date& date) {
  if (date.month == 0 || date.day == 0 || date.day > 12 || date.day == date.month) return false;
  std::swap(date.day, date.month);
  return true;
}

ErrorSet ApplyErrors(const ErrorRates& rates, Random& random, Record& record) {
  ErrorSet applied = 0;
  auto maybe = [&](ErrorOp op, const std::function<bool()>& apply) {
    // Draw for every operation, even one with rate 0, so that the random stream (and thus
    // every later choice) does not depend on which operations a list enables.
    const bool chosen = random.Chance(rates[op]);
    if (chosen && apply()) applied |= ErrorBit(op);
  };
  maybe(ErrorOp::kCutSecondSurname, [&] { return CutSecondSurname(record.family_names); });
  maybe(ErrorOp::kCutSecondGivenName, [&] { return CutSecondGivenName(record.given_names); });
  maybe(ErrorOp::kInitialSecondGivenName,
        [&] { return ReduceSecondGivenNameToInitial(record.given_names); });
  maybe(ErrorOp::kPhoneticSpelling,
        [&] { return ApplyToOneToken(record, random, PhoneticSpelling); });
  maybe(ErrorOp::kTransliterationVariant,
        [&] { return ApplyToOneToken(record, random, TransliterationVariant); });
  maybe(ErrorOp::kTypoSubstitution,
        [&] { return ApplyToOneToken(record, random, TypoSubstitution); });
  maybe(ErrorOp::kTypoDeletion, [&] { return ApplyToOneToken(record, random, TypoDeletion); });
  maybe(ErrorOp::kTypoTransposition,
        [&] { return ApplyToOneToken(record, random, TypoTransposition); });
  maybe(ErrorOp::kDropAccents, [&] { return TransformAllNames(record, DropAccents); });
  maybe(ErrorOp::kUpperCaseNames, [&] { return TransformAllNames(record, UpperCase); });
  maybe(ErrorOp::kSwapGivenFamily, [&] {
    if (record.given_names.empty() || record.family_names.empty()) return false;
    std::swap(record.given_names, record.family_names);
    return true;
  });
  maybe(ErrorOp::kSwapDayMonth,
        [&] { return record.date_of_birth.has_value() && SwapDayMonth(*record.date_of_birth); });
  maybe(ErrorOp::kMissingDateOfBirth, [&] {
    if (!record.date_of_birth) return false;
    record.date_of_birth.reset();
    return true;
  });
  maybe(ErrorOp::kMissingDocument, [&] {
    if (record.document.empty()) return false;
    record.document.clear();
    record.document_type.clear();
    return true;
  });
  return applied;
}

}  // namespace canje::scenario
