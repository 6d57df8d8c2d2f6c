#include "linkage/phonetic.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace canje::linkage {
namespace {

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
  EXPECT_EQ(Key("vasquez"), "BASKES");
  EXPECT_EQ(Key("perez"), "PERES");
  EXPECT_EQ(Key("rojas"), "ROJAS");
  EXPECT_EQ(Key("accion"), "AKSION");
  EXPECT_EQ(Key("maximiliano"), "MAKSIMILIANO");
  EXPECT_EQ(Key("chavez"), "CABES");
  EXPECT_EQ(Key("quique"), "KIKE");
  EXPECT_EQ(Key("guillermo"), "GIYERMO");
}

TEST(PhoneticTest, KeepsWordsApart) {
  EXPECT_EQ(Key("de la cruz"), "DE LA KRUS");
  EXPECT_EQ(Key("  perez   rodriguez "), "PERES RODRIGES");
  EXPECT_EQ(Key("h perez"), "PERES");  // a silent word leaves no trace
  EXPECT_EQ(Key(""), "");
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
  EXPECT_EQ(Key("ana2"), "ANA2");
  EXPECT_EQ(Key("çelik"), "SELIK");
}

}  // namespace
}  // namespace canje::linkage
