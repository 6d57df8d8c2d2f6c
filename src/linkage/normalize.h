// Name normalisation on ICU: one display form to show people, one comparison form to compare.
//
// Display form (what a reviewer sees): NFC, runs of white space collapsed to one U+0020, trimmed.
// Case, accents and punctuation stay as written: "  José  Pérez-Rodríguez " -> "José
// Pérez-Rodríguez".
//
// Comparison form (what comparisons and phonetic keys read), in this order:
//   1. NFKC (full-width letters, ligatures and compatibility forms become plain letters).
//   2. Other scripts to Latin, chosen by the letters present:
//        Cyrillic: ICU "Ukrainian-Latin/BGN" when any Ukrainian-only letter (і ї є ґ, either
//          case) occurs, otherwise "Russian-Latin/BGN" ("Шевченко" -> "Shevchenko").
//        Arabic: short-vowel marks (harakat, U+064B-U+065F, U+0670), tatweel (U+0640) and ta
//          marbuta (U+0629, a final "-a"/"-ah" Latin spellings drop or vary) are removed first,
//          because written Arabic usually omits them and a record that writes them must still
//          meet one that does not; then ICU "Arabic-Latin" ("محمد" -> "mḥmd" -> "mhmd"). Compare
//          such names on their consonant skeleton too (consonant_skeleton.h), since the
//          transliteration has no short vowels and Latin spellings do.
//        Any other non-Latin letter (Greek, Armenian, Hebrew, CJK, ...): ICU "Any-Latin".
//   3. Full case folding ("ß" -> "ss", "İ" -> "i̇").
//   4. Accents removed: NFD, nonspacing marks (Mn) dropped, NFC. "José" -> "jose", "Ñ" -> "n".
//   5. Modifier letters (Lm: the BGN soft and hard signs ʹ ʺ, the ayn ʿ and hamza ʾ of
//      Arabic-Latin), apostrophes (' ’ ‘ ` ´) and the BGN separator dot (·) are deleted, so
//      "D'Alessandro" -> "dalessandro" and "Ilʹich" -> "ilich".
//   6. Latin letters without a decomposition become ASCII through ICU "Latin-ASCII" ("ø" -> "o",
//      "ł" -> "l", "æ" -> "ae").
//   7. Every other character that is not a letter or a digit (punctuation, symbols, hyphens)
//      becomes a space; white space is collapsed and trimmed. "PÉREZ-RODRÍGUEZ, José" ->
//      "perez rodriguez jose".
// Pure ASCII input takes a fast path with the same result (lower case, steps 5 and 7) without
// ICU.
//
// Invalid UTF-8 is not rejected here (the importer validates): each bad sequence is read as
// U+FFFD, which is then treated as a symbol (a space).
//
// Cost and threads: a Normalizer owns ICU Transliterator objects, which are expensive to create
// (milliseconds) and not safe to share between threads. Create one per worker thread and reuse
// it for every record; the methods are not const and must not be called concurrently on the
// same object. Normalise each record once (see prepared_name.h), never per pair.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace canje::linkage {

// The writing system of a text's letters before transliteration.
enum class Script : uint8_t {
  kNone,  // no letters at all (empty, digits, punctuation)
  kLatin,
  kCyrillic,
  kArabic,
  kGreek,
  kOther,  // any other script; transliterated with Any-Latin
};

// "none", "latin", "cyrillic", "arabic", "greek", "other".
std::string_view ScriptName(Script script);

struct NormalizedText {
  std::string display;            // see "Display form" above
  std::string comparison;         // see "Comparison form" above; ASCII for every supported script
  Script script = Script::kNone;  // the script with the most letters in the input
};

// Display form of `utf8` (no ICU objects needed, so it is a free function).
std::string DisplayForm(std::string_view utf8);

class Normalizer {
 public:
  // Creates the ICU transliterators. Fails (kInternal) only if the ICU data lacks one of them.
  static Result<Normalizer> Create();

  Normalizer(Normalizer&&) noexcept;
  Normalizer& operator=(Normalizer&&) noexcept;
  ~Normalizer();

  // Both forms and the detected script.
  NormalizedText Normalize(std::string_view utf8);

  // Only the comparison form (cheaper than Normalize when the display form is not needed).
  std::string ComparisonForm(std::string_view utf8);

  // The comparison form and the script of the input's letters.
  std::string ComparisonForm(std::string_view utf8, Script* script);

 private:
  struct Transliterators;
  explicit Normalizer(std::unique_ptr<Transliterators> transliterators);
  std::unique_ptr<Transliterators> transliterators_;
};

}  // namespace canje::linkage
