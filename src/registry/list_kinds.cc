#include "registry/list_kinds.h"

#include <array>
#include <utility>

#include "core/text.h"

namespace canje::registry {
namespace {

constexpr std::array<std::pair<ListKind, std::string_view>, 4> kListKinds = {{
    {ListKind::kCustodyRoster, "custody_roster"},
    {ListKind::kClaimList, "claim_list"},
    {ListKind::kDocumentationList, "documentation_list"},
    {ListKind::kTransferManifest, "transfer_manifest"},
}};

}  // namespace

Result<ListKind> ParseListKind(std::string_view text) {
  for (const auto& [kind, name] : kListKinds) {
    if (name == text) return kind;
  }
  std::vector<std::string> names = ListKindNames();
  const std::string last = names.back();
  names.pop_back();
  return Status::Usage("unknown list kind '" + std::string(text) + "'; use " + Join(names, ", ") +
                       " or " + last);
}

std::string_view ListKindName(ListKind kind) {
  for (const auto& [candidate, name] : kListKinds) {
    if (candidate == kind) return name;
  }
  return "";
}

std::vector<std::string> ListKindNames() {
  std::vector<std::string> names;
  for (const auto& [kind, name] : kListKinds) names.emplace_back(name);
  return names;
}

bool ConfirmsCustody(std::string_view kind) {
  return kind == ListKindName(ListKind::kCustodyRoster);
}

}  // namespace canje::registry
