#include "linkage/transliteration_skeleton.h"

#include "linkage/code_points.h"

namespace canje::linkage {
namespace {

struct Digraph {
  std::u32string_view from;
  char32_t to;
};

// Rule 1, longest first.
constexpr Digraph kSpellings[] = {
    {U"shch", U's'}, {U"shh", U's'}, {U"sch", U's'}, {U"sh", U's'}, {U"zh", U'z'},
    {U"kh", U'h'},   {U"ch", U'c'},  {U"ts", U'c'},  {U"tz", U'c'}, {U"cz", U'c'},
    {U"x", U'h'},    {U"g", U'h'},   {U"w", U'v'},   {U"j", U'i'},  {U"y", U'i'},
};

bool IsSkeletonVowel(char32_t c) { return c == U'a' || c == U'e' || c == U'o' || c == U'u'; }

// Rules 1 to 5 on one word.
void AppendWord(std::u32string_view word, std::u32string& out) {
  std::u32string letters;
  for (std::size_t i = 0; i < word.size();) {
    bool replaced = false;
    for (const Digraph& spelling : kSpellings) {
      if (word.substr(i, spelling.from.size()) == spelling.from) {
        letters.push_back(spelling.to);
        i += spelling.from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) letters.push_back(word[i++]);
  }
  std::u32string glides;  // rules 2 and 3
  for (std::size_t i = 0; i < letters.size(); ++i) {
    if (letters[i] == U'i' && !glides.empty() && glides.back() == U'i') continue;
    if (letters[i] == U'o' && !glides.empty() && glides.back() == U'i') {
      glides.back() = U'e';
      continue;
    }
    glides.push_back(letters[i]);
  }
  const std::size_t start = out.size();
  for (std::size_t i = 0; i < glides.size(); ++i) {
    if (glides[i] == U'i' && i + 1 < glides.size() && IsSkeletonVowel(glides[i + 1])) continue;  // rule 4
    if (out.size() > start && out.back() == glides[i]) continue;                       // rule 5
    out.push_back(glides[i]);
  }
}

}  // namespace

void AppendTransliterationSkeleton(std::u32string_view latin, std::u32string& out) {
  std::size_t i = 0;
  bool first = true;
  while (i < latin.size()) {
    while (i < latin.size() && latin[i] == U' ') ++i;
    std::size_t end = i;
    while (end < latin.size() && latin[end] != U' ') ++end;
    if (end > i) {
      if (!first) out.push_back(U' ');
      AppendWord(latin.substr(i, end - i), out);
      first = false;
    }
    i = end;
  }
}

std::string TransliterationSkeleton(std::string_view latin) {
  std::u32string skeleton;
  AppendTransliterationSkeleton(ToCodePoints(latin), skeleton);
  return ToUtf8(skeleton);
}

}  // namespace canje::linkage
