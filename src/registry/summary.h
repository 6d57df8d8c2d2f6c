// The instance at a glance: parties, lists and their sizes, people held by each party, how many
// have no charges, and categories. Computed from the columns kept in the clear; decrypts nothing,
// so it is cheap at any size and safe to show to every role.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "store/store.h"

namespace canje::registry {

struct HolderSummary {
  std::string holder;
  int64_t persons = 0;                        // persons with custody by this holder
  std::map<std::string, int64_t> by_status;   // held, released, dead, unknown, unspecified
  std::map<std::string, int64_t> by_charges;  // none, pending, convicted, dropped, charged, unknown
  int64_t no_evidence_disclosed = 0;          // evidence_disclosed = no
  std::map<std::string, int64_t> by_category;
  std::map<std::string, int64_t> by_nationality;  // first nationality
};

struct InstanceSummary {
  std::vector<store::PartyRow> parties;
  std::vector<store::ListRow> lists;
  std::vector<HolderSummary> holders;  // by holder code
  int64_t persons = 0;
  int64_t erased = 0;
  int64_t events = 0;
};

Result<InstanceSummary> Summarize(instance::Instance& instance);

// Every imported list's metadata, in id order (`canje lists`, GET /v1/lists): public to every
// role that may read the registry (docs/security.md, "Need to know").
Result<std::vector<store::ListRow>> ReadLists(instance::Instance& instance);

}  // namespace canje::registry
