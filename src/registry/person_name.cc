#include "registry/person_name.h"

#include <algorithm>

#include "registry/text_fold.h"

namespace canje::registry {
namespace {

constexpr std::string_view kParticles[] = {"de",  "del", "la",  "las", "los", "y",
                                           "da",  "das", "do",  "dos", "di",  "van",
                                           "von", "der", "den", "san", "santa"};

// Folded (see FoldForMatching) words that complete a devotional given name after a particle.
constexpr std::string_view kDevotional[] = {
    "angeles", "carmen",  "jesus",    "valle",    "pilar",     "lourdes",   "rosario", "fatima",
    "mercedes", "socorro", "dolores", "consuelo", "luz",       "paz",       "milagros", "nieves",
    "remedios", "rocio",  "mar",      "gracia",   "asuncion",  "concepcion", "montserrat"};

bool IsSpaceAt(std::string_view text, size_t i, size_t* width) {
  const char c = text[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
    *width = 1;
    return true;
  }
  if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
    *width = 2;
    return true;
  }
  return false;
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    size_t width = 0;
    if (IsSpaceAt(text, i, &width)) {
      if (in_word) words.push_back(text.substr(start, i - start));
      in_word = false;
      i += width;
    } else {
      if (!in_word) start = i;
      in_word = true;
      ++i;
    }
  }
  if (in_word) words.push_back(text.substr(start));
  return words;
}

// A unit: one word with the particles before it; `last` is the index of that word.
struct Unit {
  size_t first;  // index of its first word
  size_t last;   // index of its last word
  bool has_particle() const { return last > first; }
};

std::vector<Unit> Units(const std::vector<std::string_view>& words) {
  std::vector<Unit> units;
  size_t start = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (IsNameParticle(words[i]) && i + 1 < words.size()) continue;
    if (IsNameParticle(words[i]) && !units.empty()) {
      units.back().last = i;  // trailing particles join the unit before them
    } else {
      units.push_back({start, i});
    }
    start = i + 1;
  }
  return units;
}

std::string Join(const std::vector<std::string_view>& words, size_t first, size_t last) {
  std::string text;
  for (size_t i = first; i <= last; ++i) {
    if (i > first) text += ' ';
    text += words[i];
  }
  return text;
}

// Letters written in capitals: at least two letters, none lower case. Non-ASCII letters count
// through their UTF-8 lead byte: Latin-1 lower-case letters are U+00DF..U+00FF (C3 9F..C3 BF).
enum class Case { kUpper, kOther, kNeutral };
Case CaseOf(std::string_view word) {
  if (IsNameParticle(word)) return Case::kNeutral;
  int letters = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c >= 'a' && c <= 'z') return Case::kOther;
    if (c >= 'A' && c <= 'Z') ++letters;
    if (c == '\xC3' && i + 1 < word.size()) {
      const auto next = static_cast<unsigned char>(word[i + 1]);
      if (next >= 0x9F) return Case::kOther;
      if (next >= 0x80) ++letters;
      ++i;
    }
  }
  return letters >= 2 ? Case::kUpper : Case::kNeutral;
}

std::vector<std::string> WordsToStrings(const std::vector<std::string_view>& words, size_t first,
                                        size_t end) {
  std::vector<std::string> out;
  for (size_t i = first; i < end; ++i) out.emplace_back(words[i]);
  return out;
}

std::vector<std::string> FamilyUnits(const std::vector<std::string_view>& words, size_t first,
                                     size_t end) {
  const std::vector<std::string_view> part(words.begin() + static_cast<ptrdiff_t>(first),
                                           words.begin() + static_cast<ptrdiff_t>(end));
  std::vector<std::string> out;
  for (const Unit& unit : Units(part)) out.push_back(Join(part, unit.first, unit.last));
  return out;
}

// Rule 2: capitals at one end. Returns false when it does not apply.
bool SplitByCapitals(const std::vector<std::string_view>& words, PersonName* name) {
  std::vector<Case> cases;
  bool any_upper = false, any_other = false;
  for (std::string_view word : words) {
    cases.push_back(CaseOf(word));
    any_upper |= cases.back() == Case::kUpper;
    any_other |= cases.back() == Case::kOther;
  }
  if (!any_upper || !any_other) return false;
  // The split point: every upper word before every other word, or the reverse.
  auto first_of = [&](Case c) {
    return static_cast<size_t>(std::find(cases.begin(), cases.end(), c) - cases.begin());
  };
  auto last_of = [&](Case c) {
    return static_cast<size_t>(cases.rend() - std::find(cases.rbegin(), cases.rend(), c) - 1);
  };
  if (last_of(Case::kUpper) < first_of(Case::kOther)) {
    const size_t split = first_of(Case::kOther);
    name->family_names = FamilyUnits(words, 0, split);
    name->given_names = WordsToStrings(words, split, words.size());
    return true;
  }
  if (last_of(Case::kOther) < first_of(Case::kUpper)) {
    // Particles between the two parts belong to the family names.
    size_t split = first_of(Case::kUpper);
    while (split > 0 && cases[split - 1] == Case::kNeutral && IsNameParticle(words[split - 1])) {
      --split;
    }
    name->given_names = WordsToStrings(words, 0, split);
    name->family_names = FamilyUnits(words, split, words.size());
    return true;
  }
  return false;
}

bool IsDevotionalUnit(const std::vector<std::string_view>& words, const Unit& unit) {
  if (!unit.has_particle()) return false;
  const std::string folded = FoldForMatching(words[unit.last]);
  return std::find(std::begin(kDevotional), std::end(kDevotional), folded) !=
         std::end(kDevotional);
}

constexpr std::string_view kNameOrderNames[] = {"given-family", "family-given",
                                                 "family-given-patronymic"};

// The second word of a Turkic patronymic written in Cyrillic ("Алирза оглы"), folded.
constexpr std::string_view kPatronymicSuffixes[] = {"оглы", "кызы", "улы", "угли", "ули", "қызы"};

bool IsPatronymicSuffix(std::string_view word) {
  const std::string folded = FoldForMatchingAnyScript(word);
  return std::find(std::begin(kPatronymicSuffixes), std::end(kPatronymicSuffixes), folded) !=
         std::end(kPatronymicSuffixes);
}

// Where the patronymic begins among `words` (from `first`, which holds at least two words): the
// last word, or the last two when the last is a Turkic оглы, кызы, ...
size_t PatronymicStart(const std::vector<std::string_view>& words, size_t first) {
  size_t start = words.size() - 1;
  if (IsPatronymicSuffix(words[start]) && start - first >= 2) --start;
  return start;
}

// Splits `words` (no comma) in a declared order; see person_name.h.
PersonName SplitInOrder(const std::vector<std::string_view>& words, NameOrder order) {
  PersonName name;
  const std::vector<Unit> units = Units(words);
  if (order == NameOrder::kGivenFamily) {
    if (units.size() == 1) {
      name.given_names = WordsToStrings(words, 0, words.size());
      return name;
    }
    const size_t split = units.back().first;
    name.given_names = WordsToStrings(words, 0, split);
    name.family_names = FamilyUnits(words, split, words.size());
    return name;
  }
  size_t split = units.front().last + 1;  // after the family name
  size_t given_end = words.size();
  if (order == NameOrder::kFamilyGivenPatronymic && units.size() >= 3) {
    given_end = PatronymicStart(words, 0);
    if (units.size() >= 4) split = given_end - 1;  // one given name, the rest family names
  }
  name.family_names = FamilyUnits(words, 0, split);
  name.given_names = WordsToStrings(words, split, given_end);
  name.patronymic = Join(words, given_end, words.size() - 1);
  return name;
}

std::vector<std::string> SplitAtBars(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view item : SplitList(text, "|")) {
    if (!item.empty()) out.push_back(CollapseSpaces(item));
  }
  return out;
}

}  // namespace

bool IsNameParticle(std::string_view word) {
  if (word.size() > 5) return false;
  std::string lower(word);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return std::find(std::begin(kParticles), std::end(kParticles), lower) != std::end(kParticles);
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  for (std::string_view word : Words(text)) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

std::vector<std::string> SplitGivenNames(std::string_view text) {
  if (text.find('|') != std::string_view::npos) return SplitAtBars(text);
  const std::vector<std::string_view> words = Words(text);
  return WordsToStrings(words, 0, words.size());
}

std::vector<std::string> SplitFamilyNames(std::string_view text) {
  if (text.find('|') != std::string_view::npos) return SplitAtBars(text);
  const std::vector<std::string_view> words = Words(text);
  return FamilyUnits(words, 0, words.size());
}

std::span<const std::string_view> NameOrderNames() { return kNameOrderNames; }

Result<NameOrder> ParseNameOrder(std::string_view name) {
  if (name == kNameOrderNames[0]) return NameOrder::kGivenFamily;
  if (name == kNameOrderNames[1]) return NameOrder::kFamilyGiven;
  if (name == kNameOrderNames[2]) return NameOrder::kFamilyGivenPatronymic;
  return Status::Usage("the name order is given-family, family-given or family-given-patronymic");
}

PersonName SplitFullName(std::string_view text, NameOrder order) {
  PersonName name;
  const size_t comma = text.find(',');
  if (comma != std::string_view::npos) {
    name.family_names = SplitFamilyNames(text.substr(0, comma));
    std::string given(text.substr(comma + 1));
    std::replace(given.begin(), given.end(), ',', ' ');
    name.given_names = SplitGivenNames(given);
    if (order == NameOrder::kFamilyGivenPatronymic && given.find('|') == std::string::npos) {
      const std::vector<std::string_view> words = Words(given);
      if (words.size() >= 2) {
        const size_t start = PatronymicStart(words, 0);
        name.given_names = WordsToStrings(words, 0, start);
        name.patronymic = Join(words, start, words.size() - 1);
      }
    }
    return name;
  }
  const std::vector<std::string_view> words = Words(text);
  if (words.empty()) return name;
  if (order != NameOrder::kGuessed) return SplitInOrder(words, order);
  if (SplitByCapitals(words, &name)) return name;
  const std::vector<Unit> units = Units(words);
  size_t given_units = 1;
  if (units.size() >= 3 && IsDevotionalUnit(words, units[1])) given_units = 2;
  const size_t family_units = std::min<size_t>(2, units.size() - given_units);
  given_units = units.size() - family_units;
  const size_t given_words_end = units[given_units - 1].last + 1;
  name.given_names = WordsToStrings(words, 0, given_words_end);
  name.family_names = FamilyUnits(words, given_words_end, words.size());
  return name;
}

}  // namespace canje::registry
