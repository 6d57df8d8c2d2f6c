#include "linkage/phonetic.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/testing/text_cases.h"

namespace canje::linkage {
namespace {

using table_testing::ExpectEachMapsTo;

std::string Key(std::string_view text) { return SpanishPhoneticKey(text); }

void ExpectSameKey(const std::vector<std::string>& spellings) {
  for (const std::string& spelling : spellings) {
    EXPECT_EQ(Key(spelling), Key(spellings.front()))
        << "'" << spelling << "' vs '" << spellings.front() << "'";
  }
}

TEST(PhoneticTest, SpellingVariantsShareAKey) {
  ExpectSameKey({"Vásquez", "Basquez", "Vazques", "vasquez", "VAZQUEZ"});
  ExpectSameKey({"Yépez", "Llepes", "yepes"});
  ExpectSameKey({"Hernández", "Ernandez", "hernandes"});
  ExpectSameKey({"Quintero", "Kintero"});
  ExpectSameKey({"Jiménez", "Giménez", "Ximénez", "Jimenes"});
  ExpectSameKey({"Cervantes", "Servantes", "Zervantes"});
  ExpectSameKey({"Carrasco", "Carasco", "Karrasco"});
  ExpectSameKey({"Guevara", "Guebara"});
  ExpectSameKey({"Guillermo", "Guiyermo"});
  ExpectSameKey({"Zambrano", "Sanbrano", "Sambrano"});
  ExpectSameKey({"Hierro", "Yerro"});
  ExpectSameKey({"Godoy", "Godoi"});
  ExpectSameKey({"Ybarra", "Ibarra"});
  ExpectSameKey({"Wilmer", "Uilmer", "Wuilmer"});
  ExpectSameKey({"Iolanda", "Yolanda"});
  ExpectSameKey({"Saavedra", "Savedra"});
  ExpectSameKey({"Núñez", "Nunez"});
  ExpectSameKey({"Xavier", "Javier"});
  ExpectSameKey({"Chávez", "Chaves"});
  ExpectSameKey({"Philipe", "Filipe"});
}

TEST(PhoneticTest, DistinctNamesKeepDistinctKeys) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"Pérez", "Páez"},      {"Rojas", "Rosas"}, {"Mora", "Muro"},     {"Mora", "Moya"},
      {"Castro", "Castillo"}, {"Ramos", "Ramón"}, {"Gil", "Gal"},       {"Lara", "Lora"},
      {"Chávez", "Sánchez"},  {"Luna", "Lina"},   {"Díaz", "Ruiz"},     {"Garza", "Garcés"},
      {"Rivas", "Rivera"},    {"Gómez", "Gámez"}, {"Medina", "Molina"}, {"Cruz", "Cruces"},
  };
  for (const auto& [a, b] : pairs) EXPECT_NE(Key(a), Key(b)) << a << " vs " << b;
}

TEST(PhoneticTest, DocumentedSymbols) {
  const table_testing::TextCases cases = {
      {"vasquez", "BASKES"},
      {"perez", "PERES"},
      {"rojas", "ROJAS"},
      {"accion", "AKSION"},
      {"maximiliano", "MAKSIMILIANO"},
      {"chavez", "CABES"},
      {"quique", "KIKE"},
      {"guillermo", "GIYERMO"},
  };
  ExpectEachMapsTo(Key, cases);
}

TEST(PhoneticTest, KeepsWordsApart) {
  // "h" is a silent word: it leaves no trace.
  const table_testing::TextCases cases = {
      {"de la cruz", "DE LA KRUS"},
      {"  perez   rodriguez ", "PERES RODRIGES"},
      {"h perez", "PERES"},
      {"", ""},
  };
  ExpectEachMapsTo(Key, cases);
}

TEST(PhoneticTest, FinalDDroppingIsOptional) {
  EXPECT_NE(Key("Trinidad"), Key("Trinida"));
  PhoneticOptions options;
  options.drop_final_d = true;
  EXPECT_EQ(SpanishPhoneticKey("Trinidad", options), SpanishPhoneticKey("Trinida", options));
  EXPECT_EQ(SpanishPhoneticKey("David", options), "DABI");
  EXPECT_EQ(SpanishPhoneticKey("d", options), "D");  // a lone d is kept
}

TEST(PhoneticTest, CopiesOtherCharacters) {
  const table_testing::TextCases cases = {
      {"ana2", "ANA2"},
      {"çelik", "SELIK"},
  };
  ExpectEachMapsTo(Key, cases);
}

}  // namespace
}  // namespace canje::linkage
