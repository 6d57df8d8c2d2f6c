// What `canje link` compares: every list record of the current lists, with the identity its
// own person holds, decrypted in memory only and prepared for the linkage engine.
//
// Which lists take part: the latest version of each list — the last one imported with the same
// kind, source and party (`canje import --again` of a corrected file supersedes the earlier
// one). Superseded lists keep their records and links but take no part in comparisons or
// counts. Records of erased persons take part in counts, never in comparisons (their keys are
// gone). Records imported before schema version 2 have no person of their own and are left out.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "linkage/link_settings.h"
#include "linkage/record_table.h"
#include "store/link_tables.h"
#include "store/store.h"

namespace canje::reconciliation {

// The ids of the current lists (see above), and for each superseded list the one replacing it.
struct ListVersions {
  std::set<int64_t> current;
  std::map<int64_t, int64_t> superseded_by;
};
ListVersions CurrentListVersions(const std::vector<store::ListRow>& lists);

struct LinkInput {
  std::vector<store::ListRow> lists;
  std::map<int64_t, const store::ListRow*> list_by_id;
  ListVersions versions;
  std::vector<store::LinkRecordRow> records;  // every record, in id order
  // The records compared, as indexes into `records`; table row i is records[compared[i]].
  std::vector<uint32_t> compared;
  linkage::LinkSettings settings;  // the fields of `table`
  linkage::RecordTable table;
  int64_t before_schema_2 = 0;             // records without a person of their own (left out)
  std::map<int64_t, int64_t> merged_into;  // every person merged into another -> that one

  const store::ListRow& ListOf(const store::LinkRecordRow& record) const {
    return *list_by_id.at(record.list_id);
  }
};

// Reads and decrypts as described above. kNotPermitted if a person's key does not open.
Result<LinkInput> LoadLinkInput(instance::Instance& instance, int threads = 2);

}  // namespace canje::reconciliation
