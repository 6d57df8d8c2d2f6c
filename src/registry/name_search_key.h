// The keys a name search compares: what `canje persons NAME` (and GET /v1/persons?name=) treats
// as the same letters, within one script and across the Cyrillic and Latin scripts.
//
// A fragment matches a name (docs/registry.md, "Searching by name") when either
//   - its search form is a substring of the name's search form (SearchForm: case folded in every
//     script, Latin accents removed, separators as "_"), so "ГУМЕНЮК" finds "Гуменюк" and
//     "ria jos" finds "María José"; or
//   - the fragment is written in one of the Cyrillic and Latin scripts and the name in the other,
//     and the fragment's cross-script key is a substring of the name's (CrossScriptKey), so
//     "Humeniuk", "Gumenyuk", "HUMENIUK" and "Humenjuk" find "Гуменюк", "Ignatʹev" finds
//     "Игнатьев", and "Шевченко" finds "Shevchenko".
// Two names of the same script never meet through their keys: "Sanches" does not find
// "Sanchez". A cut that falls inside one letter's spelling ("Humeni" for Гуменюк, whose key
// writes ю as "u") may miss across scripts; whole words, and beginnings of words that end on a
// whole letter, do not.
#pragma once

#include <string>
#include <string_view>

namespace canje::registry {

// The script of a name, for the cross-script rule: Cyrillic when it holds a Cyrillic letter,
// Latin when it holds a Latin letter (accented or not) and no Cyrillic one, otherwise neither
// (Arabic, digits only).
enum class NameScript { kLatin, kCyrillic, kNeither };
NameScript ScriptOfName(std::string_view text);

// FoldForMatchingAnyScript (text_fold.h): the form names and fragments are compared in.
std::string SearchForm(std::string_view text);

// The cross-script key of a text: accents (NFKD nonspacing marks), modifier letters (the soft
// sign ʹ) and apostrophes (' ’ ‘ ` ´) deleted, letters lower-cased, every other character a word
// separator; then each word written in Cyrillic transliterated (linkage/cyrillic_transliteration.h)
// and every word reduced to its transliteration skeleton (linkage/transliteration_skeleton.h);
// words joined by "_", words whose key is empty left out.
//   "Гуменюк" and "Humeniuk" -> "humenuk"; "Лук'яненко Юлія" -> "lukanenko_ula".
std::string CrossScriptKey(std::string_view text);

// A fragment prepared once for a search.
struct NameFragment {
  std::string form;       // SearchForm; empty when the fragment has no letter or digit
  NameScript script = NameScript::kNeither;
  std::string cross_key;  // CrossScriptKey when script is Latin or Cyrillic, else empty

  static NameFragment Of(std::string_view text);
};

// True when `name` (any text) holds `fragment` (form not empty) by either rule above.
bool NameHoldsFragment(std::string_view name, const NameFragment& fragment);

}  // namespace canje::registry
