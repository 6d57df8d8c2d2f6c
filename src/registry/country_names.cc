#include "registry/country_names.h"

namespace canje::registry {
namespace {

// Grouped by country; in each group Russian, Ukrainian, Arabic, French, then Portuguese.
constexpr Country kCountryNames[] = {
    // Russian Federation
    {"RUS", "Россия"},
    {"RUS", "Российская Федерация"},
    {"RUS", "РФ"},
    {"RUS", "Росія"},
    {"RUS", "Російська Федерація"},
    {"RUS", "روسيا"},
    {"RUS", "روسيا الاتحادية"},
    {"RUS", "Russie"},
    {"RUS", "Fédération de Russie"},
    {"RUS", "Rússia"},
    {"RUS", "Federação Russa"},
    // Ukraine
    {"UKR", "Украина"},
    {"UKR", "Україна"},
    {"UKR", "أوكرانيا"},
    {"UKR", "اوكرانيا"},
    {"UKR", "Ucrânia"},
    // Belarus
    {"BLR", "Беларусь"},
    {"BLR", "Белоруссия"},
    {"BLR", "Республика Беларусь"},
    {"BLR", "Білорусь"},
    {"BLR", "بيلاروسيا"},
    {"BLR", "روسيا البيضاء"},
    {"BLR", "Biélorussie"},
    {"BLR", "Bielorrússia"},
    // Türkiye
    {"TUR", "Турция"},
    {"TUR", "Туреччина"},
    {"TUR", "تركيا"},
    {"TUR", "Turquie"},
    {"TUR", "Turquia"},
    // United Arab Emirates
    {"ARE", "ОАЭ"},
    {"ARE", "Объединённые Арабские Эмираты"},
    {"ARE", "Объединенные Арабские Эмираты"},
    {"ARE", "ОАЕ"},
    {"ARE", "Об'єднані Арабські Емірати"},
    {"ARE", "الإمارات"},
    {"ARE", "الامارات"},
    {"ARE", "الإمارات العربية المتحدة"},
    {"ARE", "Émirats arabes unis"},
    {"ARE", "EAU"},
    {"ARE", "Emirados Árabes Unidos"},
    // Qatar
    {"QAT", "Катар"},
    {"QAT", "قطر"},
    {"QAT", "Catar"},
    // Venezuela
    {"VEN", "Венесуэла"},
    {"VEN", "Венесуела"},
    {"VEN", "فنزويلا"},
    // El Salvador
    {"SLV", "Сальвадор"},
    {"SLV", "Эль-Сальвадор"},
    {"SLV", "السلفادور"},
    {"SLV", "Salvador"},
    // United States of America
    {"USA", "США"},
    {"USA", "Соединённые Штаты Америки"},
    {"USA", "Соединенные Штаты Америки"},
    {"USA", "Сполучені Штати Америки"},
    {"USA", "الولايات المتحدة"},
    {"USA", "الولايات المتحدة الأمريكية"},
    {"USA", "أمريكا"},
    {"USA", "États-Unis"},
    {"USA", "États-Unis d'Amérique"},
    {"USA", "Estados Unidos"},
    {"USA", "Estados Unidos da América"},
    {"USA", "EUA"},
    // Colombia
    {"COL", "Колумбия"},
    {"COL", "Колумбія"},
    {"COL", "كولومبيا"},
    {"COL", "Colombie"},
    // Cuba
    {"CUB", "Куба"},
    {"CUB", "كوبا"},
    // Nicaragua
    {"NIC", "Никарагуа"},
    {"NIC", "Нікарагуа"},
    {"NIC", "نيكاراغوا"},
    // Brazil
    {"BRA", "Бразилия"},
    {"BRA", "Бразилія"},
    {"BRA", "البرازيل"},
    {"BRA", "Brésil"},
    {"BRA", "Brasil"},
    // France
    {"FRA", "Франция"},
    {"FRA", "Франція"},
    {"FRA", "فرنسا"},
    {"FRA", "França"},
    // Portugal
    {"PRT", "Португалия"},
    {"PRT", "Португалія"},
    {"PRT", "البرتغال"},
    // Spain
    {"ESP", "Испания"},
    {"ESP", "Іспанія"},
    {"ESP", "إسبانيا"},
    {"ESP", "اسبانيا"},
    {"ESP", "Espagne"},
    {"ESP", "Espanha"},
    // Mexico
    {"MEX", "Мексика"},
    {"MEX", "المكسيك"},
    {"MEX", "Mexique"},
    // Syrian Arab Republic
    {"SYR", "Сирия"},
    {"SYR", "Сирія"},
    {"SYR", "سوريا"},
    {"SYR", "سورية"},
    {"SYR", "الجمهورية العربية السورية"},
    {"SYR", "Syrie"},
    {"SYR", "Síria"},
    // Iraq
    {"IRQ", "Ирак"},
    {"IRQ", "Ірак"},
    {"IRQ", "العراق"},
    {"IRQ", "Irak"},
    {"IRQ", "Iraque"},
    // Lebanon
    {"LBN", "Ливан"},
    {"LBN", "Ліван"},
    {"LBN", "لبنان"},
    {"LBN", "Liban"},
    {"LBN", "Líbano"},
    // Israel
    {"ISR", "Израиль"},
    {"ISR", "Ізраїль"},
    {"ISR", "إسرائيل"},
    {"ISR", "اسرائيل"},
    // Palestine
    {"PSE", "Палестина"},
    {"PSE", "فلسطين"},
    {"PSE", "دولة فلسطين"},
    {"PSE", "État de Palestine"},
    {"PSE", "Palestina"},
    // Iran
    {"IRN", "Иран"},
    {"IRN", "Іран"},
    {"IRN", "إيران"},
    {"IRN", "ايران"},
    {"IRN", "Irão"},
    {"IRN", "Irã"},
    // Afghanistan
    {"AFG", "Афганистан"},
    {"AFG", "Афганістан"},
    {"AFG", "أفغانستان"},
    {"AFG", "افغانستان"},
    {"AFG", "Afeganistão"},
    // Yemen
    {"YEM", "Йемен"},
    {"YEM", "Ємен"},
    {"YEM", "اليمن"},
    {"YEM", "Iémen"},
    // Egypt
    {"EGY", "Египет"},
    {"EGY", "Єгипет"},
    {"EGY", "مصر"},
    {"EGY", "Égypte"},
    {"EGY", "Egito"},
    {"EGY", "Egipto"},
    // Morocco
    {"MAR", "Марокко"},
    {"MAR", "المغرب"},
    {"MAR", "Maroc"},
    {"MAR", "Marrocos"},
    // Algeria
    {"DZA", "Алжир"},
    {"DZA", "الجزائر"},
    {"DZA", "Algérie"},
    {"DZA", "Argélia"},
    // Tunisia
    {"TUN", "Тунис"},
    {"TUN", "Туніс"},
    {"TUN", "تونس"},
    {"TUN", "Tunisie"},
    // Libya
    {"LBY", "Ливия"},
    {"LBY", "Лівія"},
    {"LBY", "ليبيا"},
    {"LBY", "Libye"},
    {"LBY", "Líbia"},
    // Sudan
    {"SDN", "Судан"},
    {"SDN", "السودان"},
    {"SDN", "Soudan"},
    {"SDN", "Sudão"},
    // Mali
    {"MLI", "Мали"},
    {"MLI", "Малі"},
    {"MLI", "مالي"},
    // Burkina Faso
    {"BFA", "Буркина-Фасо"},
    {"BFA", "Буркіна-Фасо"},
    {"BFA", "بوركينا فاسو"},
    // Niger
    {"NER", "Нигер"},
    {"NER", "Нігер"},
    {"NER", "النيجر"},
    // Angola
    {"AGO", "Ангола"},
    {"AGO", "أنغولا"},
    {"AGO", "انغولا"},
    // Mozambique
    {"MOZ", "Мозамбик"},
    {"MOZ", "Мозамбік"},
    {"MOZ", "موزمبيق"},
    {"MOZ", "Moçambique"},
    // Haiti
    {"HTI", "Гаити"},
    {"HTI", "Гаїті"},
    {"HTI", "هايتي"},
};

}  // namespace

std::span<const Country> CountryNamesInOtherLanguages() { return kCountryNames; }

}  // namespace canje::registry
