#include "registry/countries.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "registry/country_names.h"
#include "registry/suggestions.h"
#include "registry/text_fold.h"

namespace canje::registry {
namespace {

// ISO 3166-1, officially assigned alpha-3 codes, sorted by code (checked by a test).
constexpr std::array<Country, 249> kCountries = {{
    {"ABW", "Aruba"},
    {"AFG", "Afghanistan"},
    {"AGO", "Angola"},
    {"AIA", "Anguilla"},
    {"ALA", "Åland Islands"},
    {"ALB", "Albania"},
    {"AND", "Andorra"},
    {"ARE", "United Arab Emirates"},
    {"ARG", "Argentina"},
    {"ARM", "Armenia"},
    {"ASM", "American Samoa"},
    {"ATA", "Antarctica"},
    {"ATF", "French Southern Territories"},
    {"ATG", "Antigua and Barbuda"},
    {"AUS", "Australia"},
    {"AUT", "Austria"},
    {"AZE", "Azerbaijan"},
    {"BDI", "Burundi"},
    {"BEL", "Belgium"},
    {"BEN", "Benin"},
    {"BES", "Bonaire, Sint Eustatius and Saba"},
    {"BFA", "Burkina Faso"},
    {"BGD", "Bangladesh"},
    {"BGR", "Bulgaria"},
    {"BHR", "Bahrain"},
    {"BHS", "Bahamas"},
    {"BIH", "Bosnia and Herzegovina"},
    {"BLM", "Saint Barthélemy"},
    {"BLR", "Belarus"},
    {"BLZ", "Belize"},
    {"BMU", "Bermuda"},
    {"BOL", "Bolivia (Plurinational State of)"},
    {"BRA", "Brazil"},
    {"BRB", "Barbados"},
    {"BRN", "Brunei Darussalam"},
    {"BTN", "Bhutan"},
    {"BVT", "Bouvet Island"},
    {"BWA", "Botswana"},
    {"CAF", "Central African Republic"},
    {"CAN", "Canada"},
    {"CCK", "Cocos (Keeling) Islands"},
    {"CHE", "Switzerland"},
    {"CHL", "Chile"},
    {"CHN", "China"},
    {"CIV", "Côte d'Ivoire"},
    {"CMR", "Cameroon"},
    {"COD", "Congo, Democratic Republic of the"},
    {"COG", "Congo"},
    {"COK", "Cook Islands"},
    {"COL", "Colombia"},
    {"COM", "Comoros"},
    {"CPV", "Cabo Verde"},
    {"CRI", "Costa Rica"},
    {"CUB", "Cuba"},
    {"CUW", "Curaçao"},
    {"CXR", "Christmas Island"},
    {"CYM", "Cayman Islands"},
    {"CYP", "Cyprus"},
    {"CZE", "Czechia"},
    {"DEU", "Germany"},
    {"DJI", "Djibouti"},
    {"DMA", "Dominica"},
    {"DNK", "Denmark"},
    {"DOM", "Dominican Republic"},
    {"DZA", "Algeria"},
    {"ECU", "Ecuador"},
    {"EGY", "Egypt"},
    {"ERI", "Eritrea"},
    {"ESH", "Western Sahara"},
    {"ESP", "Spain"},
    {"EST", "Estonia"},
    {"ETH", "Ethiopia"},
    {"FIN", "Finland"},
    {"FJI", "Fiji"},
    {"FLK", "Falkland Islands (Malvinas)"},
    {"FRA", "France"},
    {"FRO", "Faroe Islands"},
    {"FSM", "Micronesia (Federated States of)"},
    {"GAB", "Gabon"},
    {"GBR", "United Kingdom of Great Britain and Northern Ireland"},
    {"GEO", "Georgia"},
    {"GGY", "Guernsey"},
    {"GHA", "Ghana"},
    {"GIB", "Gibraltar"},
    {"GIN", "Guinea"},
    {"GLP", "Guadeloupe"},
    {"GMB", "Gambia"},
    {"GNB", "Guinea-Bissau"},
    {"GNQ", "Equatorial Guinea"},
    {"GRC", "Greece"},
    {"GRD", "Grenada"},
    {"GRL", "Greenland"},
    {"GTM", "Guatemala"},
    {"GUF", "French Guiana"},
    {"GUM", "Guam"},
    {"GUY", "Guyana"},
    {"HKG", "Hong Kong"},
    {"HMD", "Heard Island and McDonald Islands"},
    {"HND", "Honduras"},
    {"HRV", "Croatia"},
    {"HTI", "Haiti"},
    {"HUN", "Hungary"},
    {"IDN", "Indonesia"},
    {"IMN", "Isle of Man"},
    {"IND", "India"},
    {"IOT", "British Indian Ocean Territory"},
    {"IRL", "Ireland"},
    {"IRN", "Iran (Islamic Republic of)"},
    {"IRQ", "Iraq"},
    {"ISL", "Iceland"},
    {"ISR", "Israel"},
    {"ITA", "Italy"},
    {"JAM", "Jamaica"},
    {"JEY", "Jersey"},
    {"JOR", "Jordan"},
    {"JPN", "Japan"},
    {"KAZ", "Kazakhstan"},
    {"KEN", "Kenya"},
    {"KGZ", "Kyrgyzstan"},
    {"KHM", "Cambodia"},
    {"KIR", "Kiribati"},
    {"KNA", "Saint Kitts and Nevis"},
    {"KOR", "Korea, Republic of"},
    {"KWT", "Kuwait"},
    {"LAO", "Lao People's Democratic Republic"},
    {"LBN", "Lebanon"},
    {"LBR", "Liberia"},
    {"LBY", "Libya"},
    {"LCA", "Saint Lucia"},
    {"LIE", "Liechtenstein"},
    {"LKA", "Sri Lanka"},
    {"LSO", "Lesotho"},
    {"LTU", "Lithuania"},
    {"LUX", "Luxembourg"},
    {"LVA", "Latvia"},
    {"MAC", "Macao"},
    {"MAF", "Saint Martin (French part)"},
    {"MAR", "Morocco"},
    {"MCO", "Monaco"},
    {"MDA", "Moldova, Republic of"},
    {"MDG", "Madagascar"},
    {"MDV", "Maldives"},
    {"MEX", "Mexico"},
    {"MHL", "Marshall Islands"},
    {"MKD", "North Macedonia"},
    {"MLI", "Mali"},
    {"MLT", "Malta"},
    {"MMR", "Myanmar"},
    {"MNE", "Montenegro"},
    {"MNG", "Mongolia"},
    {"MNP", "Northern Mariana Islands"},
    {"MOZ", "Mozambique"},
    {"MRT", "Mauritania"},
    {"MSR", "Montserrat"},
    {"MTQ", "Martinique"},
    {"MUS", "Mauritius"},
    {"MWI", "Malawi"},
    {"MYS", "Malaysia"},
    {"MYT", "Mayotte"},
    {"NAM", "Namibia"},
    {"NCL", "New Caledonia"},
    {"NER", "Niger"},
    {"NFK", "Norfolk Island"},
    {"NGA", "Nigeria"},
    {"NIC", "Nicaragua"},
    {"NIU", "Niue"},
    {"NLD", "Netherlands, Kingdom of the"},
    {"NOR", "Norway"},
    {"NPL", "Nepal"},
    {"NRU", "Nauru"},
    {"NZL", "New Zealand"},
    {"OMN", "Oman"},
    {"PAK", "Pakistan"},
    {"PAN", "Panama"},
    {"PCN", "Pitcairn"},
    {"PER", "Peru"},
    {"PHL", "Philippines"},
    {"PLW", "Palau"},
    {"PNG", "Papua New Guinea"},
    {"POL", "Poland"},
    {"PRI", "Puerto Rico"},
    {"PRK", "Korea (Democratic People's Republic of)"},
    {"PRT", "Portugal"},
    {"PRY", "Paraguay"},
    {"PSE", "Palestine, State of"},
    {"PYF", "French Polynesia"},
    {"QAT", "Qatar"},
    {"REU", "Réunion"},
    {"ROU", "Romania"},
    {"RUS", "Russian Federation"},
    {"RWA", "Rwanda"},
    {"SAU", "Saudi Arabia"},
    {"SDN", "Sudan"},
    {"SEN", "Senegal"},
    {"SGP", "Singapore"},
    {"SGS", "South Georgia and the South Sandwich Islands"},
    {"SHN", "Saint Helena, Ascension and Tristan da Cunha"},
    {"SJM", "Svalbard and Jan Mayen"},
    {"SLB", "Solomon Islands"},
    {"SLE", "Sierra Leone"},
    {"SLV", "El Salvador"},
    {"SMR", "San Marino"},
    {"SOM", "Somalia"},
    {"SPM", "Saint Pierre and Miquelon"},
    {"SRB", "Serbia"},
    {"SSD", "South Sudan"},
    {"STP", "Sao Tome and Principe"},
    {"SUR", "Suriname"},
    {"SVK", "Slovakia"},
    {"SVN", "Slovenia"},
    {"SWE", "Sweden"},
    {"SWZ", "Eswatini"},
    {"SXM", "Sint Maarten (Dutch part)"},
    {"SYC", "Seychelles"},
    {"SYR", "Syrian Arab Republic"},
    {"TCA", "Turks and Caicos Islands"},
    {"TCD", "Chad"},
    {"TGO", "Togo"},
    {"THA", "Thailand"},
    {"TJK", "Tajikistan"},
    {"TKL", "Tokelau"},
    {"TKM", "Turkmenistan"},
    {"TLS", "Timor-Leste"},
    {"TON", "Tonga"},
    {"TTO", "Trinidad and Tobago"},
    {"TUN", "Tunisia"},
    {"TUR", "Türkiye"},
    {"TUV", "Tuvalu"},
    {"TWN", "Taiwan, Province of China"},
    {"TZA", "Tanzania, United Republic of"},
    {"UGA", "Uganda"},
    {"UKR", "Ukraine"},
    {"UMI", "United States Minor Outlying Islands"},
    {"URY", "Uruguay"},
    {"USA", "United States of America"},
    {"UZB", "Uzbekistan"},
    {"VAT", "Holy See"},
    {"VCT", "Saint Vincent and the Grenadines"},
    {"VEN", "Venezuela (Bolivarian Republic of)"},
    {"VGB", "Virgin Islands (British)"},
    {"VIR", "Virgin Islands (U.S.)"},
    {"VNM", "Viet Nam"},
    {"VUT", "Vanuatu"},
    {"WLF", "Wallis and Futuna"},
    {"WSM", "Samoa"},
    {"YEM", "Yemen"},
    {"ZAF", "South Africa"},
    {"ZMB", "Zambia"},
    {"ZWE", "Zimbabwe"},
}};

// The name without the part after a comma or parenthesis, folded: "Korea, Republic of" →
// "korea"; "Venezuela (Bolivarian Republic of)" → "venezuela".
std::string FoldedShortName(std::string_view name) {
  const size_t cut = name.find_first_of(",(");
  return FoldForMatchingAnyScript(name.substr(0, cut));
}

// Every name of a country that canje recognises, folded: the English names of kCountries (whole
// and short) and the names in other languages (country_names.h).
struct NameTable {
  std::unordered_map<std::string, const Country*> by_folded;
  SuggestionIndex suggestions;
  // Parallel to `suggestions`: the country and its name as shown in a suggestion.
  std::vector<std::pair<const Country*, std::string_view>> shown;
};

const NameTable& CountryNameTable() {
  static const NameTable* table = [] {
    auto* t = new NameTable;
    auto add = [t](const Country& country, std::string folded, std::string_view name) {
      if (!t->by_folded.emplace(folded, &country).second) return;  // the first one keeps it
      t->suggestions.Add(std::move(folded));
      t->shown.emplace_back(&country, name);
    };
    // Whole names first: "Congo" is COG, though COD's name also begins with it.
    for (const Country& country : kCountries) {
      add(country, FoldForMatchingAnyScript(country.name), country.name);
    }
    for (const Country& country : kCountries) {
      add(country, FoldedShortName(country.name), country.name);
    }
    for (const Country& other : CountryNamesInOtherLanguages()) {
      add(*FindCountry(other.alpha3), FoldForMatchingAnyScript(other.name), other.name);
    }
    return t;
  }();
  return *table;
}

}  // namespace

std::span<const Country> AllCountries() { return kCountries; }

const Country* FindCountry(std::string_view code) {
  code = TrimSpace(code);
  if (code.size() != 3) return nullptr;
  const std::string upper = ToUpperAscii(code);
  auto it =
      std::lower_bound(kCountries.begin(), kCountries.end(), upper,
                       [](const Country& c, const std::string& key) { return c.alpha3 < key; });
  if (it == kCountries.end() || it->alpha3 != upper) return nullptr;
  return &*it;
}

Result<std::string> ParseCountryCode(std::string_view text) {
  text = TrimSpace(text);
  if (const Country* country = FindCountry(text)) return std::string(country->alpha3);
  const std::string quoted = "'" + std::string(text) + "'";
  const std::string folded = FoldForMatchingAnyScript(text);
  auto suggest = [&](const Country& country, std::string_view lead) {
    return Status::Invalid(std::string(lead) + "; did you mean " + std::string(country.alpha3) +
                           " (" + std::string(country.name) +
                           ")? Countries are written as ISO 3166-1 alpha-3 codes");
  };
  if (!folded.empty()) {
    const NameTable& names = CountryNameTable();
    // A country's name instead of its code, in English or in another language.
    if (auto it = names.by_folded.find(folded); it != names.by_folded.end()) {
      return Status::Invalid(quoted + " is a country name; write its ISO 3166-1 alpha-3 code, " +
                             std::string(it->second->alpha3));
    }
    // A made-up code that begins the name: "GER" for Germany.
    if (folded.size() >= 3) {
      for (const Country& country : kCountries) {
        if (FoldForMatching(country.name).starts_with(folded)) {
          return suggest(country, "unknown country code " + quoted);
        }
      }
    }
    if (folded.size() == 3) {
      // One edit away; codes with the same first letter first ("VNE" → VEN, not MNE).
      const std::string upper = ToUpperAscii(text);
      std::vector<std::string_view> same_start, others;
      for (const Country& country : kCountries) {
        (country.alpha3[0] == upper[0] ? same_start : others).push_back(country.alpha3);
      }
      auto close = ClosestMatch(upper, same_start, 1);
      if (!close) close = ClosestMatch(upper, others, 1);
      if (close) return suggest(*FindCountry(*close), "unknown country code " + quoted);
    }
    // A name misspelt: the nearest name, in the script it is written in ("Украйина" → Украина).
    if (CountCodePoints(folded) > 3) {
      if (std::vector<size_t> nearest = names.suggestions.Nearest(folded, 1); !nearest.empty()) {
        const auto& [country, name] = names.shown[nearest.front()];
        return Status::Invalid("unknown country " + quoted + "; did you mean " +
                               std::string(country->alpha3) + " (" + std::string(name) +
                               ")? Countries are written as ISO 3166-1 alpha-3 codes");
      }
    }
  }
  return Status::Invalid("unknown country code " + quoted +
                         "; countries are written as ISO 3166-1 alpha-3 codes such as VEN, SLV, "
                         "USA, DEU");
}

}  // namespace canje::registry
