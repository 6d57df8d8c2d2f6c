// Small UTF-8 helpers for the Latin-script names the generator writes.
//
// The generator only ever handles its own text (valid UTF-8 from its name tables), so these
// functions do not validate; they understand ASCII and the Latin-1 Supplement and Latin
// Extended-A letters (á, ñ, ü, ß, š, ł, ...) and pass every other code point through unchanged.
// They are not a general Unicode library: the importer uses ICU for real input.
#pragma once

#include <string>
#include <string_view>

namespace canje::scenario {

std::u32string DecodeUtf8(std::string_view text);
std::string EncodeUtf8(std::u32string_view text);

// The letter without its diacritic: 'á' -> 'a', 'Ñ' -> 'N', 'š' -> 's'. Other code points are
// returned unchanged ('ß' too: DropAccents spells it "ss").
char32_t BaseLetter(char32_t c);
char32_t ToLowerLetter(char32_t c);
char32_t ToUpperLetter(char32_t c);
bool IsLetter(char32_t c);

// "José Núñez Müller" -> "Jose Nunez Muller"; "Straße" -> "Strasse".
std::string DropAccents(std::string_view text);
// "José de la Cruz" -> "JOSÉ DE LA CRUZ" (accents kept).
std::string UpperCase(std::string_view text);
// "JOSÉ" -> "josé".
std::string LowerCase(std::string_view text);

}  // namespace canje::scenario
