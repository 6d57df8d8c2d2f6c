#include "linkage/comparison_schema.h"

#include <cstdio>

#include "linkage/date_comparison.h"
#include "linkage/document_comparison.h"
#include "linkage/name_comparison.h"
#include "linkage/string_distance.h"

namespace canje::linkage {
namespace {

std::string ToUtf8Ascii(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) out.push_back(c < 0x80 ? static_cast<char>(c) : '?');
  return out;
}

std::string DateText(const ComparableDate& date) {
  if (date.missing()) return "";
  char buffer[16];
  switch (date.precision) {
    case ComparableDate::Precision::kYear:
      std::snprintf(buffer, sizeof buffer, "%04d", date.year);
      break;
    case ComparableDate::Precision::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
      break;
    case ComparableDate::Precision::kDay:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
      break;
  }
  return buffer;
}

}  // namespace

ComparisonLevel CompareTexts(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return ComparisonLevel::kMissing;
  if (a == b) return ComparisonLevel::kExact;
  const double similarity = JaroWinklerSimilarity(a, b);
  if (similarity >= 0.92) return ComparisonLevel::kJaroWinklerHigh;
  if (similarity >= 0.88) return ComparisonLevel::kJaroWinklerMedium;
  return ComparisonLevel::kDifferent;
}

Result<ComparisonSchema> ComparisonSchema::FromSettings(const LinkSettings& settings) {
  ComparisonSchema schema;
  bool names = false, identifiers = false, patronymic = false, service_number = false;
  for (const FieldSettings& field : settings.left.fields) {
    names = names || field.kind == FieldKind::kGivenName || field.kind == FieldKind::kFamilyName ||
            field.kind == FieldKind::kFullName;
    identifiers = identifiers || field.kind == FieldKind::kIdentifier;
    patronymic = patronymic || field.kind == FieldKind::kPatronymic;
    service_number = service_number || field.kind == FieldKind::kServiceNumber;
  }
  if (names) {
    schema.given_index_ = static_cast<int>(schema.comparisons_.size());
    schema.comparisons_.push_back(
        {"given_name", ComparisonKind::kGivenName, ComparisonSource::kGivenName, 0});
    schema.family_index_ = static_cast<int>(schema.comparisons_.size());
    schema.comparisons_.push_back(
        {"family_name", ComparisonKind::kFamilyName, ComparisonSource::kFamilyName, 0});
  }
  if (patronymic) {
    schema.comparisons_.push_back(
        {"patronymic", ComparisonKind::kPatronymic, ComparisonSource::kPatronymic, 0});
  }
  int dates = 0, exact = 0, text = 0;
  for (const FieldSettings& field : settings.left.fields) {
    switch (field.kind) {
      case FieldKind::kDate:
        schema.comparisons_.push_back(
            {field.column, ComparisonKind::kDate, ComparisonSource::kDate, dates++});
        break;
      case FieldKind::kExact:
        schema.comparisons_.push_back(
            {field.column, ComparisonKind::kExactValue, ComparisonSource::kExact, exact++});
        break;
      case FieldKind::kText:
        schema.comparisons_.push_back(
            {field.column, ComparisonKind::kText, ComparisonSource::kText, text++});
        break;
      default:
        break;
    }
  }
  if (identifiers) {
    schema.comparisons_.push_back(
        {"identifier", ComparisonKind::kDocumentNumber, ComparisonSource::kIdentifiers, 0});
  }
  if (service_number) {
    schema.comparisons_.push_back({"service_number", ComparisonKind::kDocumentNumber,
                                   ComparisonSource::kServiceNumber, 0});
  }
  if (schema.comparisons_.size() > kMaxComparisons) {
    return Status::Invalid(settings.file_name + ": at most " + std::to_string(kMaxComparisons) +
                           " comparisons are supported; remove some fields");
  }
  return schema;
}

void ComparisonSchema::Compare(const RecordTable& a, std::size_t i, const RecordTable& b,
                               std::size_t j, ComparisonVector& out) const {
  out.fill(0);
  if (given_index_ >= 0) {
    const PersonNameLevels names =
        ComparePersonNames(a.given[i], a.family[i], b.given[j], b.family[j]);
    out[static_cast<std::size_t>(given_index_)] =
        static_cast<uint8_t>(LevelSetFor(ComparisonKind::kGivenName).IndexOf(names.given));
    out[static_cast<std::size_t>(family_index_)] =
        static_cast<uint8_t>(LevelSetFor(ComparisonKind::kFamilyName).IndexOf(names.family));
  }
  for (std::size_t c = 0; c < comparisons_.size(); ++c) {
    const ComparisonSpec& spec = comparisons_[c];
    const std::size_t f = static_cast<std::size_t>(spec.field);
    ComparisonLevel level = ComparisonLevel::kMissing;
    switch (spec.source) {
      case ComparisonSource::kGivenName:
      case ComparisonSource::kFamilyName:
        continue;
      case ComparisonSource::kDate:
        level = CompareDates(a.dates[f][i], b.dates[f][j]);
        break;
      case ComparisonSource::kExact:
        level = CompareExactValues(a.exact[f][i], b.exact[f][j]);
        break;
      case ComparisonSource::kText:
        level = CompareTexts(a.text[f][i], b.text[f][j]);
        break;
      case ComparisonSource::kPatronymic:
        level = ComparePatronymics(a.patronymic[i], b.patronymic[j]);
        break;
      case ComparisonSource::kServiceNumber:
        level = CompareDocumentNumbers(a.service_numbers[i], b.service_numbers[j]);
        break;
      case ComparisonSource::kIdentifiers: {
        level = ComparisonLevel::kMissing;
        for (const auto& left_column : a.identifiers) {
          for (const auto& right_column : b.identifiers) {
            const ComparisonLevel one = CompareDocumentNumbers(left_column[i], right_column[j]);
            level = level == ComparisonLevel::kMissing
                        ? one
                        : (one == ComparisonLevel::kMissing
                               ? level
                               : BetterLevel(ComparisonKind::kDocumentNumber, level, one));
          }
        }
        break;
      }
    }
    out[c] = static_cast<uint8_t>(LevelSetFor(spec.kind).IndexOf(level));
  }
}

std::string ComparisonSchema::ValueOf(const RecordTable& table, std::size_t record, int c) const {
  const ComparisonSpec& spec = comparisons_[static_cast<std::size_t>(c)];
  const std::size_t f = static_cast<std::size_t>(spec.field);
  switch (spec.source) {
    case ComparisonSource::kGivenName:
      return ToUtf8Ascii(table.given[record].joined());
    case ComparisonSource::kFamilyName:
      return ToUtf8Ascii(table.family[record].joined());
    case ComparisonSource::kDate:
      return DateText(table.dates[f][record]);
    case ComparisonSource::kExact:
      return table.exact[f][record];
    case ComparisonSource::kText:
      return ToUtf8Ascii(table.text[f][record]);
    case ComparisonSource::kPatronymic:
      return ToUtf8Ascii(table.patronymic[record].joined());
    case ComparisonSource::kServiceNumber:
      return table.service_numbers[record];
    case ComparisonSource::kIdentifiers: {
      std::string out;
      for (const auto& column : table.identifiers) {
        if (column[record].empty()) continue;
        if (!out.empty()) out += " ";
        out += column[record];
      }
      return out;
    }
  }
  return "";
}

}  // namespace canje::linkage
