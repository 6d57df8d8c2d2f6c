#include "negotiation/claim_fields.h"

#include <algorithm>
#include <set>

#include "instance/ids.h"
#include "instance/need_to_know.h"
#include "negotiation/exchange.h"
#include "registry/categories.h"
#include "registry/countries.h"
#include "registry/enumerated_fields.h"
#include "registry/person_directory.h"
#include "registry/text_fold.h"

namespace canje::negotiation {
namespace {

using registry::Column;

constexpr std::string_view kFields =
    "ihl_status, categories, rank, unit, sex, nationality or status";

// The canonical form of one alternative of `column`, or the reason it cannot be read.
Result<std::string> Canonical(Column column, std::string_view value) {
  switch (column) {
    case Column::kIhlStatus: {
      CANJE_ASSIGN_OR_RETURN(registry::IhlStatus status, registry::ParseIhlStatus(value));
      return std::string(registry::IhlStatusName(status));
    }
    case Column::kCategories: {
      const std::string_view items[] = {value};
      CANJE_ASSIGN_OR_RETURN(std::vector<std::string> categories,
                             registry::ParseCategories(items));
      return categories.empty() ? std::string() : categories.front();
    }
    case Column::kRank:
    case Column::kUnit:
      return registry::FoldForMatchingAnyScript(value);
    case Column::kSex: {
      CANJE_ASSIGN_OR_RETURN(registry::Sex sex, registry::ParseSex(value));
      return std::string(registry::SexName(sex));
    }
    case Column::kNationality:
      return registry::ParseCountryCode(value);
    case Column::kStatus: {
      CANJE_ASSIGN_OR_RETURN(registry::ReportedStatus status, registry::ParseReportedStatus(value));
      return std::string(registry::ReportedStatusName(status));
    }
    default:
      return Status::Usage("a claim cannot select by " +
                           std::string(registry::CanonicalColumnName(column)) + "; select by " +
                           std::string(kFields));
  }
}

bool Contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

Result<FieldCondition> ParseFieldCondition(std::string_view text) {
  const size_t equals = text.find('=');
  if (equals == std::string_view::npos) {
    return Status::Usage("'" + std::string(text) +
                         "' is not a condition; write FIELD=VALUE, such as "
                         "ihl_status=prisoner_of_war (fields: " + std::string(kFields) + ")");
  }
  const std::string_view field = registry::TrimSpace(text.substr(0, equals));
  const std::optional<registry::ColumnMatch> match = registry::MatchColumnName(field);
  if (!match) {
    return Status::Usage("unknown field '" + std::string(field) + "' in '" + std::string(text) +
                         "'; select by " + std::string(kFields));
  }
  FieldCondition condition{match->column, std::string(text), {}};
  for (std::string_view item : registry::SplitList(text.substr(equals + 1), "|")) {
    if (item.empty()) continue;
    Result<std::string> canonical = Canonical(match->column, item);
    if (!canonical.ok()) {
      return Status::Usage("in '" + std::string(text) + "': " + canonical.status().message());
    }
    if (canonical->empty()) continue;
    condition.alternatives.push_back(std::move(*canonical));
  }
  if (condition.alternatives.empty()) {
    return Status::Usage("'" + std::string(text) + "' gives no value; write FIELD=VALUE, such as " +
                         std::string(registry::CanonicalColumnName(match->column)) + "=...");
  }
  return condition;
}

bool RecordMeets(const registry::PersonRecord& record, const FieldCondition& condition) {
  for (const std::string& wanted : condition.alternatives) {
    switch (condition.column) {
      case Column::kIhlStatus:
        if (registry::IhlStatusName(record.ihl_status) == wanted) return true;
        break;
      case Column::kCategories:
        if (Contains(record.categories, wanted)) return true;
        break;
      case Column::kRank:
      case Column::kUnit: {
        const std::string& text = condition.column == Column::kRank ? record.rank : record.unit;
        if (!text.empty() && registry::FoldForMatchingAnyScript(text) == wanted) return true;
        break;
      }
      case Column::kSex:
        if (registry::SexName(record.sex) == wanted) return true;
        break;
      case Column::kNationality:
        if (Contains(record.nationalities, wanted)) return true;
        break;
      case Column::kStatus:
        if (registry::ReportedStatusName(record.status) == wanted) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

Result<std::vector<int64_t>> PersonsOfListWhere(instance::Instance& instance, int64_t list_id,
                                                const std::vector<FieldCondition>& conditions) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadRegistry));
  CANJE_ASSIGN_OR_RETURN(auto list, instance.store().FindList(list_id));
  if (!list || !instance::OwnsOrSeesAllOf(instance, *list)) {
    return Status::NotFound("no list " + instance::ListId(list_id) +
                            " that you may see; see them with `canje lists`");
  }
  std::vector<store::RecordRow> records;
  CANJE_RETURN_IF_ERROR(
      instance.store().ForEachRecord(list_id, [&](const store::RecordRow& record) {
        if (record.person_id != 0 && record.own_person_id != 0) records.push_back(record);
        return Status::Ok();
      }));
  if (records.empty()) {
    return Status::Invalid("no record of " + instance::ListId(list_id) +
                           " is linked to a person; run `canje link` first");
  }
  std::set<int64_t> persons;
  for (const store::RecordRow& record : records) {
    CANJE_ASSIGN_OR_RETURN(auto own, instance.store().FindPerson(record.own_person_id));
    if (!own || own->person.data_key.empty()) continue;  // erased: says nothing any more
    CANJE_ASSIGN_OR_RETURN(registry::PersonRecord data,
                           registry::OpenPerson(instance, own->person));
    const bool meets = std::all_of(conditions.begin(), conditions.end(),
                                   [&](const FieldCondition& c) { return RecordMeets(data, c); });
    if (meets) persons.insert(record.person_id);
  }
  if (persons.empty()) {
    std::string written;
    for (const FieldCondition& condition : conditions) {
      written += (written.empty() ? "" : " and ") + condition.written;
    }
    return Status::Invalid("no record of " + instance::ListId(list_id) + " has " + written +
                           "; nothing claimed");
  }
  return std::vector<int64_t>(persons.begin(), persons.end());
}

Result<std::vector<int64_t>> PersonsToClaim(instance::Instance& instance, std::string_view person,
                                            std::string_view list,
                                            const std::vector<std::string>& where) {
  if (where.empty()) return PersonOrListPersons(instance, person, list);
  std::vector<FieldCondition> conditions;
  for (const std::string& text : where) {
    CANJE_ASSIGN_OR_RETURN(FieldCondition condition, ParseFieldCondition(text));
    conditions.push_back(std::move(condition));
  }
  if (list.empty() || !person.empty()) {
    return Status::Usage("a claim with conditions (--where) selects among the records of one "
                         "list: name a --list L3 and no PERSON");
  }
  CANJE_ASSIGN_OR_RETURN(int64_t list_id, instance::ParseId(list, 'L', "list"));
  return PersonsOfListWhere(instance, list_id, conditions);
}

}  // namespace canje::negotiation
