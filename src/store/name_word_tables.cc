#include "store/name_word_tables.h"

#include "store/sql_query.h"

namespace canje::store {

Status ForEachNameWord(Store& store,
                       const std::function<Status(ByteView hash, ByteView sealed)>& visit) {
  return Query(store.connection(), "SELECT hash, sealed FROM name_words", NoBind(),
               [&](const SqlStatement& row) {
                 Bytes hash = row.Blob(0);
                 Bytes sealed = row.Blob(1);
                 return visit(hash, sealed);
               });
}

}  // namespace canje::store
