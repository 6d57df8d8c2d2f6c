// The transliteration skeleton: one key on which a name written in Cyrillic and its Latin
// spellings under the common standards meet.
//
// The standards disagree on a few sounds only — х is kh, h or x; ц ts, c or cz; ч ch or č; ш sh or
// š; щ shch, šč, ŝ or shh; ж zh or ž; й y, j or i; ю yu, ju, iu or û; я ya, ja, ia or â; е after a
// vowel ye or e; ё ë, yo or e; Ukrainian г h where Russian г is g — and on the soft sign, written
// ʹ, `, ' or not at all. The skeleton writes each of these one way, so the Cyrillic name (through
// cyrillic_transliteration.h) and every spelling land on the same key:
//   Шевченко, Shevchenko, Ševčenko -> "sevcenko"; Юлия, Yuliya, Ûliâ, Iuliia -> "ula";
//   Щербаков, Shcherbakov, Ŝerbakov, Shherbakov -> "serbakov"; Хохлов, Khokhlov, Xoxlov ->
//   "hohlov"; Григорій, Hryhorii, Grigorìj -> "hrihori".
//
// Input: Latin text in lower case without accents — a comparison form (normalize.h, whose accent
// and apostrophe removal turn š into s and drop ʹ), or the output of CyrillicToLatin. Output:
// lower-case letters, words separated by one space as in the input. Rules, within each word:
//   1. Left to right, the longest of these is replaced by one letter: shch shh sch sh -> s;
//      zh -> z; kh x g -> h; ch ts tz cz -> c; w -> v; j y -> i. Other characters are kept.
//   2. A run of i becomes one i (iy, ii, yi, ij: the ending of Dmitriy, Dmitrii, Dmitrij, Dmitry).
//   3. io becomes e (ё written yo, io or ë: Fyodorov, Fëdorov, Fedorov).
//   4. An i before a vowel (a e o u) is dropped: it writes the glide of я ю є е (ya, ia, â).
//   5. Repeated letters collapse (Kirill, Kiril).
// It is coarse on purpose (ш, щ and с meet; so do ч and ц, г and х): two names with the same
// skeleton are alike, not equal, and the linkage model learns what agreement is worth. The
// comparisons use it only when one of the two names is written in Cyrillic (name_comparison.h).
#pragma once

#include <string>
#include <string_view>

namespace canje::linkage {

// Appends the skeleton of `latin` (code points) to `out`; repeats collapse only within what this
// call appends.
void AppendTransliterationSkeleton(std::u32string_view latin, std::u32string& out);

// The skeleton of UTF-8 text.
std::string TransliterationSkeleton(std::string_view latin);

}  // namespace canje::linkage
