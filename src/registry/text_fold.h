// Small text helpers for matching what people type in list files against fixed vocabularies
// (header names, categories, statuses). All input is UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace canje::registry {

// `text` without leading and trailing white space (ASCII space, tab, CR, LF, and U+00A0
// NO-BREAK SPACE, which spreadsheets insert).
std::string_view TrimSpace(std::string_view text);

// A key for matching a name against a vocabulary: letters and digits lower-cased, accents of
// Latin letters removed (U+00C0–U+017F: "Cédula" → "cedula", "Ñ" → "n"), and every run of other
// ASCII characters (spaces, hyphens, dots, slashes, underscores) and of no-break spaces turned
// into one "_", with none at either end. "º", "ª" and "°" fold to "o", "a", "o" ("N°" → "no").
// Other non-ASCII characters are kept as they are. This is also the key of the stored name index
// (importer.h), so what it gives for a text must not change.
//   "  Fecha de Nacimiento " → "fecha_de_nacimiento"; "Preso-Político" → "preso_politico".
std::string FoldForMatching(std::string_view text);

// FoldForMatching for vocabularies written in any script (header names, country names): the
// text is first put in Unicode normalization form C (so "и" + U+0306 COMBINING BREVE is "й",
// "ا" + U+0654 ARABIC HAMZA ABOVE is "أ", and "e" + U+0301 is "é", whose accent then goes) and
// every letter beyond Latin Extended-A is case-folded ("ФАМИЛИЯ" → "фамилия"); the typographic
// apostrophes U+2018, U+2019 and U+02BC and the Arabic comma and semicolon separate words like
// their ASCII forms. Letters are not otherwise merged: "е" and "ё", "ا" and "أ" stay distinct.
//   "Дата  Рождения" → "дата_рождения"; "Ім’я" → "ім_я"; "Prénom" → "prenom".
std::string FoldForMatchingAnyScript(std::string_view text);

// The code points of UTF-8 `text`. A byte that is not part of a well-formed sequence becomes
// kNotUtf8Byte plus the byte's value, distinct from every character and from other bytes.
inline constexpr char32_t kNotUtf8Byte = 0x110000;
std::u32string CodePointsOf(std::string_view text);

// The writing system of a folded word's first letter: what "did you mean" suggestions look in
// first (a Cyrillic header is compared with the Cyrillic names before the others).
enum class Script { kLatin, kCyrillic, kArabic, kOther };
Script ScriptOf(std::string_view folded);

// Splits `text` at every character of `separators` (ASCII only) and trims each item. Empty
// items are kept (so that parallel lists stay aligned); an empty or blank `text` gives no items.
//   SplitList(" a | b||c ", "|") → {"a", "b", "", "c"}
std::vector<std::string_view> SplitList(std::string_view text, std::string_view separators);

// `text` with ASCII letters upper-cased.
std::string ToUpperAscii(std::string_view text);

}  // namespace canje::registry
