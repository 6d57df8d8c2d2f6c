// The kinds of list canje imports, named once. A list's kind is stored as its name
// (`lists.kind`); what each kind means:
//   custody_roster      a party's own statement of whom it holds: it creates custody rows, and
//                       its record is the representative when reconciliation merges persons
//   claim_list          whom a party asks for
//   documentation_list  whom an organisation documents as detained
//   transfer_manifest   whom a party moved (a removal flight's manifest)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "registry/person.h"

namespace canje::registry {

// "custody_roster" → ListKind; kUsage names the accepted kinds.
Result<ListKind> ParseListKind(std::string_view text);
std::string_view ListKindName(ListKind kind);
// Every kind's name, in the order above (for the command line's check and its completion).
std::vector<std::string> ListKindNames();

// Whether a list of kind `kind` (its stored name) is its party's statement of whom it holds:
// a custody roster. Only such a list confirms custody.
bool ConfirmsCustody(std::string_view kind);

}  // namespace canje::registry
