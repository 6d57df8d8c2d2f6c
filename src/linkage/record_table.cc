#include "linkage/record_table.h"

#include <algorithm>
#include <fstream>
#include <thread>

#include "linkage/document_comparison.h"
#include "linkage/normalize.h"
#include "registry/csv_reader.h"
#include "registry/person_name.h"

namespace canje::linkage {
namespace {

std::string Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

std::u32string AsciiToCodePoints(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (unsigned char c : text) out.push_back(c);
  return out;
}

// Raw values of the fields the settings name, by column, before preparation.
struct RawColumns {
  std::vector<std::string> given, family, full, patronymic, service_number;
  std::vector<std::vector<std::string>> dates, identifiers, exact, text;
};

void PrepareRange(const SideSettings& side, const RawColumns& raw, std::size_t begin,
                  std::size_t end, Normalizer& normalizer, RecordTable* table,
                  int64_t* unparsed_dates) {
  std::vector<const FieldSettings*> date_fields;
  for (const FieldSettings& field : side.fields) {
    if (field.kind == FieldKind::kDate) date_fields.push_back(&field);
  }
  for (std::size_t r = begin; r < end; ++r) {
    if (table->has_names) {
      std::vector<std::string> given_units;
      std::vector<std::string> family_units;
      if (!raw.full.empty()) {
        registry::PersonName name = registry::SplitFullName(raw.full[r]);
        given_units = std::move(name.given_names);
        family_units = std::move(name.family_names);
      } else {
        if (!raw.given.empty()) given_units = registry::SplitGivenNames(raw.given[r]);
        if (!raw.family.empty()) family_units = registry::SplitFamilyNames(raw.family[r]);
      }
      table->given[r] = PreparedName::FromWritten(normalizer, given_units);
      table->family[r] = PreparedName::FromWritten(normalizer, family_units);
    }
    if (table->has_patronymics) {
      // One unit, however many words ("Алирза оглы").
      std::vector<std::string> units;
      if (std::string unit = registry::CollapseSpaces(raw.patronymic[r]); !unit.empty()) {
        units.push_back(std::move(unit));
      }
      table->patronymic[r] = PreparedName::FromWritten(normalizer, units);
    }
    if (table->has_service_numbers) {
      table->service_numbers[r] = NormalizeDocumentNumber(raw.service_number[r]);
    }
    for (std::size_t d = 0; d < raw.dates.size(); ++d) {
      const std::string& text = raw.dates[d][r];
      ComparableDate date = date_fields[d]->format.Read(text);
      if (date.missing() && !Trim(text).empty()) ++*unparsed_dates;
      table->dates[d][r] = date;
    }
    for (std::size_t i = 0; i < raw.identifiers.size(); ++i) {
      table->identifiers[i][r] = NormalizeDocumentNumber(raw.identifiers[i][r]);
    }
    for (std::size_t i = 0; i < raw.exact.size(); ++i) {
      table->exact[i][r] = normalizer.ComparisonForm(raw.exact[i][r]);
    }
    for (std::size_t i = 0; i < raw.text.size(); ++i) {
      table->text[i][r] = AsciiToCodePoints(normalizer.ComparisonForm(raw.text[i][r]));
    }
  }
}

}  // namespace

Result<RecordTable> LoadRecordTableFromStream(std::istream& in, const std::string& file_name,
                                              const SideSettings& side,
                                              const std::string& settings_file_name, int threads) {
  Result<registry::CsvReader> opened = registry::CsvReader::Open(in);
  if (!opened.ok()) {
    const std::string& message = opened.status().message();
    if (message.rfind("line ", 0) == 0) return opened.status().WithContext(file_name);
    return Status(opened.status().code(), file_name + ":1:1: " + message);
  }
  registry::CsvReader& reader = *opened;
  std::vector<std::string> header;
  for (const std::string& name : reader.header()) header.push_back(Trim(name));
  auto find_column = [&](const std::string& name, int line, int column) -> Result<int> {
    const std::string wanted = Trim(name);
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == wanted) return static_cast<int>(i);
    }
    std::string known;
    for (const std::string& h : header) known += (known.empty() ? "" : ", ") + h;
    return Status::Invalid(settings_file_name + ":" + std::to_string(line) + ":" +
                           std::to_string(column) + ": column '" + name + "' is not in " +
                           file_name + ":" + std::to_string(reader.header_line()) +
                           " (its columns are: " + known + ")");
  };

  RecordTable table;
  table.file_name = file_name;
  RawColumns raw;
  CANJE_ASSIGN_OR_RETURN(const int id_index,
                         find_column(side.id_column, side.id_line, side.id_column_in_settings));
  struct Source {
    int column;
    std::vector<std::string>* target;
  };
  std::vector<Source> sources;
  int date_count = 0, identifier_count = 0, exact_count = 0, text_count = 0;
  for (const FieldSettings& field : side.fields) {
    date_count += field.kind == FieldKind::kDate;
    identifier_count += field.kind == FieldKind::kIdentifier;
    exact_count += field.kind == FieldKind::kExact;
    text_count += field.kind == FieldKind::kText;
  }
  raw.dates.resize(date_count);
  raw.identifiers.resize(identifier_count);
  raw.exact.resize(exact_count);
  raw.text.resize(text_count);
  int dates = 0, identifiers = 0, exacts = 0, texts = 0;
  for (const FieldSettings& field : side.fields) {
    CANJE_ASSIGN_OR_RETURN(const int index,
                           find_column(field.column, field.line, field.column_in_settings));
    std::vector<std::string>* target = nullptr;
    switch (field.kind) {
      case FieldKind::kGivenName:
        target = &raw.given;
        break;
      case FieldKind::kFamilyName:
        target = &raw.family;
        break;
      case FieldKind::kFullName:
        target = &raw.full;
        break;
      case FieldKind::kDate:
        target = &raw.dates[dates++];
        break;
      case FieldKind::kIdentifier:
        target = &raw.identifiers[identifiers++];
        break;
      case FieldKind::kExact:
        target = &raw.exact[exacts++];
        break;
      case FieldKind::kText:
        target = &raw.text[texts++];
        break;
      case FieldKind::kPatronymic:
        target = &raw.patronymic;
        table.has_patronymics = true;
        break;
      case FieldKind::kServiceNumber:
        target = &raw.service_number;
        table.has_service_numbers = true;
        break;
    }
    table.has_names = table.has_names || field.kind == FieldKind::kGivenName ||
                      field.kind == FieldKind::kFamilyName || field.kind == FieldKind::kFullName;
    sources.push_back({index, target});
  }
  // Name columns are read into `given`/`family`/`full` only when present; keep the other two
  // empty so PrepareRange knows which exist.
  registry::Row row;
  while (true) {
    Result<bool> more = reader.Next(&row);
    if (!more.ok()) {
      const std::string& message = more.status().message();
      if (message.rfind("line ", 0) == 0) return more.status().WithContext(file_name);
      return more.status().WithContext(file_name);
    }
    if (!*more) break;
    if (!row.errors.empty()) return Status::Invalid(row.errors.front().ToString(file_name));
    if (row.values.size() != header.size()) {
      const std::size_t column = std::min(row.values.size(), header.size()) + 1;
      return Status::Invalid(
          file_name + ":" + std::to_string(row.line) + ":" + std::to_string(column) +
          ": the row has " + std::to_string(row.values.size()) + " fields but the header has " +
          std::to_string(header.size()) + "; quote values that contain the delimiter");
    }
    std::string id = Trim(row.values[static_cast<std::size_t>(id_index)]);
    if (id.empty()) {
      return Status::Invalid(file_name + ":" + std::to_string(row.line) + ":" +
                             std::to_string(id_index + 1) + ": the record id ('" + side.id_column +
                             "') is empty; every record needs one");
    }
    table.ids.push_back(std::move(id));
    for (const Source& source : sources) {
      source.target->push_back(row.values[static_cast<std::size_t>(source.column)]);
    }
  }
  if (table.ids.empty()) {
    return Status::Invalid(file_name + ":" + std::to_string(reader.header_line() + 1) +
                           ":1: the file has a header but no records");
  }

  const std::size_t n = table.ids.size();
  if (table.has_names) {
    table.given.resize(n);
    table.family.resize(n);
  }
  if (table.has_patronymics) table.patronymic.resize(n);
  if (table.has_service_numbers) table.service_numbers.resize(n);
  table.dates.assign(raw.dates.size(), std::vector<ComparableDate>(n));
  table.identifiers.assign(raw.identifiers.size(), std::vector<std::string>(n));
  table.exact.assign(raw.exact.size(), std::vector<std::string>(n));
  table.text.assign(raw.text.size(), std::vector<std::u32string>(n));

  threads = std::max(1, std::min<int>(threads, static_cast<int>(n / 2000) + 1));
  std::vector<int64_t> unparsed(static_cast<std::size_t>(threads), 0);
  std::vector<Status> statuses(static_cast<std::size_t>(threads));
  auto work = [&](int t) {
    Result<Normalizer> normalizer = Normalizer::Create();
    if (!normalizer.ok()) {
      statuses[static_cast<std::size_t>(t)] = normalizer.status();
      return;
    }
    const std::size_t begin = n * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
    const std::size_t end = n * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(threads);
    PrepareRange(side, raw, begin, end, *normalizer, &table,
                 &unparsed[static_cast<std::size_t>(t)]);
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (std::thread& worker : workers) worker.join();
  for (const Status& status : statuses) CANJE_RETURN_IF_ERROR(status);
  for (int64_t count : unparsed) table.unparsed_dates += count;
  return table;
}

Result<RecordTable> LoadRecordTable(const std::string& path, const SideSettings& side,
                                    const std::string& settings_file_name, int threads) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Invalid(path + ": cannot open the file");
  return LoadRecordTableFromStream(in, path, side, settings_file_name, threads);
}

}  // namespace canje::linkage
