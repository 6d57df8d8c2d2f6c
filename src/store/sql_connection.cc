#include "store/sql_connection.h"

namespace canje::store {

Status SqlStatement::Run() {
  Result<bool> stepped = Step();
  while (stepped.ok() && *stepped) stepped = Step();
  Reset();
  return stepped.status();
}

}  // namespace canje::store
