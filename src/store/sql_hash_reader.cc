#include "store/sql_hash_reader.h"

#include <algorithm>

namespace canje::store {

Result<std::vector<ledger::Hash>> SqlHashReader::ReadHashes(std::span<const int64_t> indexes) {
  if (!select_) {
    CANJE_ASSIGN_OR_RETURN(select_, connection_.Prepare("SELECT hash FROM merkle_hashes WHERE idx = ?"));
  }
  std::vector<ledger::Hash> hashes;
  hashes.reserve(indexes.size());
  for (int64_t index : indexes) {
    select_->Reset();
    select_->BindInt(1, index);
    CANJE_ASSIGN_OR_RETURN(bool found, select_->Step());
    Bytes bytes = found ? select_->Blob(0) : Bytes();
    if (bytes.size() != 32) {
      select_->Reset();
      return Status::Invalid("the log's stored hash " + std::to_string(index) +
                             " is missing or damaged; run `canje log verify`");
    }
    ledger::Hash hash;
    std::copy(bytes.begin(), bytes.end(), hash.begin());
    hashes.push_back(hash);
    ++hashes_read_;
  }
  select_->Reset();
  return hashes;
}

}  // namespace canje::store
