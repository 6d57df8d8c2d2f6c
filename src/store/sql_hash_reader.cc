#include "store/sql_hash_reader.h"

#include <algorithm>

namespace canje::store {

namespace {
constexpr size_t kIndexesPerQuery = 64;
}  // namespace

Result<std::vector<ledger::Hash>> SqlHashReader::ReadHashes(std::span<const int64_t> indexes) {
  std::vector<ledger::Hash> hashes(indexes.size());
  std::vector<bool> found(indexes.size(), false);
  for (size_t start = 0; start < indexes.size(); start += kIndexesPerQuery) {
    const size_t count = std::min(kIndexesPerQuery, indexes.size() - start);
    std::unique_ptr<SqlStatement>& select = selects_[count];
    if (!select) {
      std::string sql = "SELECT idx, hash FROM merkle_hashes WHERE idx IN (?";
      for (size_t i = 1; i < count; ++i) sql += ", ?";
      CANJE_ASSIGN_OR_RETURN(select, connection_.Prepare(sql + ")"));
    }
    for (size_t i = 0; i < count; ++i) select->BindInt(static_cast<int>(i) + 1, indexes[start + i]);
    while (true) {
      Result<bool> row = select->Step();
      if (!row.ok()) {
        select->Reset();
        return row.status();
      }
      if (!*row) break;
      int64_t index = select->Int(0);
      Bytes bytes = select->Blob(1);
      if (bytes.size() != 32) {
        select->Reset();
        return Status::Invalid("the log's stored hash " + std::to_string(index) +
                               " is damaged; run `canje log verify`");
      }
      for (size_t i = start; i < start + count; ++i) {  // an index may be asked for twice
        if (indexes[i] == index) {
          std::copy(bytes.begin(), bytes.end(), hashes[i].begin());
          found[i] = true;
        }
      }
    }
    select->Reset();
  }
  for (size_t i = 0; i < indexes.size(); ++i) {
    if (!found[i]) {
      return Status::Invalid("the log's stored hash " + std::to_string(indexes[i]) +
                             " is missing; run `canje log verify`");
    }
  }
  hashes_read_ += static_cast<int64_t>(indexes.size());
  return hashes;
}

Result<std::vector<ledger::Hash>> CachedHashReader::ReadHashes(std::span<const int64_t> indexes) {
  std::vector<ledger::Hash> hashes(indexes.size());
  std::vector<int64_t> missing;
  for (size_t i = 0; i < indexes.size(); ++i) {
    auto cached = cache_.find(indexes[i]);
    if (cached == cache_.end()) {
      missing.push_back(indexes[i]);
    } else {
      hashes[i] = cached->second;
    }
  }
  if (missing.empty()) return hashes;
  CANJE_ASSIGN_OR_RETURN(std::vector<ledger::Hash> read, database_.ReadHashes(missing));
  for (size_t i = 0; i < missing.size(); ++i) Remember(missing[i], read[i]);
  for (size_t i = 0; i < indexes.size(); ++i) {
    auto position = std::find(missing.begin(), missing.end(), indexes[i]);
    if (position != missing.end()) hashes[i] = read[position - missing.begin()];
  }
  return hashes;
}

void CachedHashReader::Remember(int64_t index, const ledger::Hash& hash) {
  if (cache_.size() >= kMaxCached) cache_.clear();
  cache_[index] = hash;
}

}  // namespace canje::store
