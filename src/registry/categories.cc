#include "registry/categories.h"

#include <algorithm>
#include <unordered_map>

#include "registry/suggestions.h"
#include "registry/text_fold.h"

namespace canje::registry {
namespace {

constexpr std::string_view kCanonical[] = {
    "political_prisoner", "journalist",       "lawyer",   "opposition",
    "intellectual",       "human_rights_defender", "foreign_national", "deportee",
    "minor",              "sick_or_wounded",  "military", "other",
};

struct Synonym {
  std::string_view text;
  std::string_view category;
};

constexpr Synonym kSynonyms[] = {
    {"preso_político", "political_prisoner"},
    {"presa_política", "political_prisoner"},
    {"presos_políticos", "political_prisoner"},
    {"prisionero_político", "political_prisoner"},
    {"periodista", "journalist"},
    {"abogado", "lawyer"},
    {"abogada", "lawyer"},
    {"opositor", "opposition"},
    {"opositora", "opposition"},
    {"oposición", "opposition"},
    {"opposition_member", "opposition"},
    {"intelectual", "intellectual"},
    {"académico", "intellectual"},
    {"académica", "intellectual"},
    {"defensor_ddhh", "human_rights_defender"},
    {"defensora_ddhh", "human_rights_defender"},
    {"defensor_de_derechos_humanos", "human_rights_defender"},
    {"defensora_de_derechos_humanos", "human_rights_defender"},
    {"extranjero", "foreign_national"},
    {"extranjera", "foreign_national"},
    {"foreigner", "foreign_national"},
    {"deportado", "deportee"},
    {"deportada", "deportee"},
    {"menor", "minor"},
    {"menor_de_edad", "minor"},
    {"child", "minor"},
    {"enfermo", "sick_or_wounded"},
    {"enferma", "sick_or_wounded"},
    {"herido", "sick_or_wounded"},
    {"herida", "sick_or_wounded"},
    {"enfermo_o_herido", "sick_or_wounded"},
    {"sick", "sick_or_wounded"},
    {"wounded", "sick_or_wounded"},
    {"militar", "military"},
    {"otro", "other"},
    {"otra", "other"},
};

struct Table {
  std::unordered_map<std::string, std::string_view> by_folded;
  std::vector<std::string> folded_names;
  std::vector<std::string_view> folded_views;
  std::vector<std::string_view> documented;  // parallel to folded_views
};

const Table& Lookup() {
  static const Table* table = [] {
    auto* t = new Table;
    auto add = [t](std::string_view text, std::string_view category) {
      std::string folded = FoldForMatching(text);
      t->by_folded.emplace(folded, category);
      t->folded_names.push_back(std::move(folded));
      t->documented.push_back(text);
    };
    for (std::string_view name : kCanonical) add(name, name);
    for (const Synonym& synonym : kSynonyms) add(synonym.text, synonym.category);
    for (const std::string& name : t->folded_names) t->folded_views.push_back(name);
    return t;
  }();
  return *table;
}

}  // namespace

std::span<const std::string_view> CanonicalCategories() { return kCanonical; }

Result<std::string_view> ParseCategory(std::string_view text) {
  const Table& table = Lookup();
  const std::string folded = FoldForMatching(text);
  auto it = table.by_folded.find(folded);
  if (it != table.by_folded.end()) return it->second;
  std::string reason = "unknown category '" + std::string(TrimSpace(text)) + "'";
  if (auto close = ClosestMatch(folded, table.folded_views, SuggestionDistanceFor(folded))) {
    const size_t index = static_cast<size_t>(
        std::find(table.folded_views.begin(), table.folded_views.end(), *close) -
        table.folded_views.begin());
    reason += "; did you mean '" + std::string(table.documented[index]) + "'?";
  }
  reason += " Accepted categories:";
  for (std::string_view name : kCanonical) reason += " " + std::string(name);
  reason += " (or their Spanish names, see docs/formats.md)";
  return Status::Invalid(reason);
}

Result<std::vector<std::string>> ParseCategories(std::span<const std::string_view> items) {
  std::vector<std::string> categories;
  for (std::string_view item : items) {
    if (item.empty()) continue;
    CANJE_ASSIGN_OR_RETURN(std::string_view category, ParseCategory(item));
    if (std::find(categories.begin(), categories.end(), category) == categories.end()) {
      categories.emplace_back(category);
    }
  }
  return categories;
}

}  // namespace canje::registry
