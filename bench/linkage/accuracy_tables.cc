#include "accuracy_tables.h"

#include <fstream>

#include "registry/csv_reader.h"

namespace canje::bench {

Result<std::map<std::string, std::string>> ReadPersonKeys(const std::string& path,
                                                          const std::string& id_column,
                                                          const std::string& key_column,
                                                          const std::string& file_column,
                                                          const std::string& file) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Invalid("cannot read " + path);
  CANJE_ASSIGN_OR_RETURN(registry::CsvReader reader, registry::CsvReader::Open(in));
  int id = -1, key = -1, file_index = -1;
  for (std::size_t c = 0; c < reader.header().size(); ++c) {
    if (reader.header()[c] == id_column) id = static_cast<int>(c);
    if (reader.header()[c] == key_column) key = static_cast<int>(c);
    if (!file_column.empty() && reader.header()[c] == file_column) file_index = static_cast<int>(c);
  }
  if (id < 0 || key < 0 || (!file_column.empty() && file_index < 0)) {
    return Status::Invalid(path + ": needs the columns " + id_column + " and " + key_column);
  }
  std::map<std::string, std::string> keys;
  registry::Row row;
  while (true) {
    CANJE_ASSIGN_OR_RETURN(bool more, reader.Next(&row));
    if (!more) break;
    if (file_index >= 0 && row.values[static_cast<std::size_t>(file_index)] != file) continue;
    keys[row.values[static_cast<std::size_t>(id)]] = row.values[static_cast<std::size_t>(key)];
  }
  return keys;
}

linkage::RecordTable Concatenate(linkage::RecordTable a, const linkage::RecordTable& b) {
  a.ids.insert(a.ids.end(), b.ids.begin(), b.ids.end());
  a.given.insert(a.given.end(), b.given.begin(), b.given.end());
  a.family.insert(a.family.end(), b.family.begin(), b.family.end());
  for (std::size_t f = 0; f < a.dates.size(); ++f) {
    a.dates[f].insert(a.dates[f].end(), b.dates[f].begin(), b.dates[f].end());
  }
  for (std::size_t f = 0; f < a.identifiers.size(); ++f) {
    a.identifiers[f].insert(a.identifiers[f].end(), b.identifiers[f].begin(),
                            b.identifiers[f].end());
  }
  for (std::size_t f = 0; f < a.exact.size(); ++f) {
    a.exact[f].insert(a.exact[f].end(), b.exact[f].begin(), b.exact[f].end());
  }
  for (std::size_t f = 0; f < a.text.size(); ++f) {
    a.text[f].insert(a.text[f].end(), b.text[f].begin(), b.text[f].end());
  }
  if (a.lists.empty() || b.lists.empty()) {
    a.lists.clear();  // which list a record comes from is known for both tables or not at all
  } else {
    a.lists.insert(a.lists.end(), b.lists.begin(), b.lists.end());
  }
  a.unparsed_dates += b.unparsed_dates;
  return a;
}

IdPair MakeIdPair(std::string a, std::string b) {
  if (b < a) std::swap(a, b);
  return {std::move(a), std::move(b)};
}

Accuracy Measure(const std::set<IdPair>& truth, const std::vector<IdPair>& predicted,
                 const std::function<bool(const IdPair&)>& counts) {
  Accuracy accuracy;
  for (const IdPair& pair : truth) accuracy.true_pairs += counts(pair);
  for (const IdPair& pair : predicted) {
    if (!counts(pair)) continue;
    ++accuracy.predicted;
    accuracy.correct += truth.count(pair);
  }
  return accuracy;
}

}  // namespace canje::bench
