// Helpers for canje_linkage's tests only (not part of the library): settings of a list with every
// kind of field, reading small CSV files, splitting "|"-separated name units, and one shared
// Normalizer.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "linkage/normalize.h"

namespace canje::linkage::testing {

// Settings of a list with every kind of field: given and family names, a date of birth
// (DD/MM/YYYY), a document, sex and a town (columns id,given,family,born,doc,sex,town).
inline constexpr char kPersonSettings[] = R"({
  "id": "id",
  "fields": [
    {"column": "given", "kind": "given_name"},
    {"column": "family", "kind": "family_name"},
    {"column": "born", "kind": "date", "format": "DD/MM/YYYY"},
    {"column": "doc", "kind": "identifier"},
    {"column": "sex", "kind": "exact"},
    {"column": "town", "kind": "text"}
  ]
})";

// The rows of the RFC 4180 CSV file at `path` (quoted fields, doubled quotes, LF or CRLF rows);
// empty if the file cannot be read.
inline std::vector<std::vector<std::string>> ReadCsvRows(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();

  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool row_started = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    row_started = true;
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      row_started = false;
    } else {
      field += c;
    }
  }
  if (row_started) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

// "Pérez|de la Cruz" -> {"Pérez", "de la Cruz"}; "" -> {""}.
inline std::vector<std::string> SplitUnits(std::string_view value) {
  std::vector<std::string> units;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t bar = value.find('|', start);
    if (bar == std::string_view::npos) bar = value.size();
    units.emplace_back(value.substr(start, bar - start));
    start = bar + 1;
  }
  return units;
}

// One Normalizer for the whole test binary (creating one costs milliseconds). Tests run on one
// thread, as the Normalizer requires.
inline Normalizer& TestNormalizer() {
  static Normalizer* normalizer = [] {
    auto created = Normalizer::Create();
    if (!created.ok()) {
      ADD_FAILURE() << created.status().ToString();
      std::abort();
    }
    return new Normalizer(std::move(created).value());
  }();
  return *normalizer;
}

}  // namespace canje::linkage::testing
