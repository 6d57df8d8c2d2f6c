// Test support: reads a CSV file the generator wrote (RFC 4180: quoted fields, doubled quotes,
// LF line ends) into memory, and makes temporary output directories. For tests only; a test
// takes them all with `using namespace testing_support;`.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace canje::scenario::testing_support {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  bool Has(const std::string& column) const {
    for (const std::string& name : header) {
      if (name == column) return true;
    }
    return false;
  }
  size_t Index(const std::string& column) const {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == column) return i;
    }
    throw std::runtime_error("no column " + column);
  }
  const std::string& Get(size_t row, const std::string& column) const {
    return rows[row][Index(column)];
  }
};

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline CsvTable ReadCsv(const std::filesystem::path& path) {
  const std::string text = ReadFile(path);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      // A quoted field: up to the closing quote; "" is a quote.
      for (++i; i < text.size(); ++i) {
        if (text[i] != '"') {
          field.push_back(text[i]);
        } else if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          ++i;
          break;
        }
      }
      continue;
    }
    const size_t special = text.find_first_of(",\n\"", i);
    const size_t end = special == std::string::npos ? text.size() : special;
    field.append(text, i, end - i);
    i = end;
    if (i >= text.size() || text[i] == '"') continue;
    row.push_back(std::move(field));
    field.clear();
    if (text[i] == '\n') {
      rows.push_back(std::move(row));
      row.clear();
    }
    ++i;
  }
  CsvTable table;
  if (rows.empty()) return table;
  table.header = rows.front();
  table.rows.assign(rows.begin() + 1, rows.end());
  return table;
}

// A fresh directory under the system's temporary directory, removed by the destructor.
class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("canje_scenario_test_" + std::to_string(::getpid()) + "_" + name)) {
    std::filesystem::remove_all(path_);
  }
  ~TemporaryDirectory() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// truth.csv as (file -> record_id -> person_key) and (file -> record_id -> errors).
struct Truth {
  std::map<std::string, std::map<std::string, std::string>> person;
  std::map<std::string, std::map<std::string, std::string>> errors;
};

inline Truth ReadTruth(const std::filesystem::path& dir) {
  const CsvTable table = ReadCsv(dir / "truth.csv");
  Truth truth;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    truth.person[table.Get(i, "file")][table.Get(i, "record_id")] = table.Get(i, "person_key");
    truth.errors[table.Get(i, "file")][table.Get(i, "record_id")] = table.Get(i, "errors");
  }
  return truth;
}

// The person keys of a list's records, as a multiset in row order.
inline std::vector<std::string> PersonsOf(const std::filesystem::path& dir, const Truth& truth,
                                          const std::string& file) {
  const CsvTable table = ReadCsv(dir / file);
  std::vector<std::string> persons;
  for (size_t i = 0; i < table.rows.size(); ++i) {
    persons.push_back(truth.person.at(file).at(table.Get(i, "record_id")));
  }
  return persons;
}

// The items of a field that lists several separated by '|' ("minor|sick_or_wounded"), in order.
inline std::vector<std::string> FieldItems(const std::string& field) {
  std::vector<std::string> items;
  std::stringstream parts(field);
  std::string part;
  while (std::getline(parts, part, '|')) items.push_back(part);
  return items;
}

// Whether `item` is one of the '|'-separated items of `field`.
inline bool HasItem(const std::string& field, const std::string& item) {
  for (const std::string& part : FieldItems(field)) {
    if (part == item) return true;
  }
  return false;
}

inline std::set<std::string> AsSet(const std::vector<std::string>& values) {
  return {values.begin(), values.end()};
}

}  // namespace canje::scenario::testing_support
