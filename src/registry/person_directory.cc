#include "registry/person_directory.h"

#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "core/utf8.h"
#include "instance/ids.h"
#include "instance/need_to_know.h"
#include "linkage/document_comparison.h"
#include "registry/categories.h"
#include "registry/countries.h"
#include "registry/enumerated_fields.h"
#include "registry/name_search_key.h"
#include "registry/name_words.h"
#include "registry/person_codec.h"
#include "registry/record_writer.h"
#include "registry/text_fold.h"

namespace canje::registry {
namespace {

using instance::Instance;

Result<PersonEntry> ToEntry(Instance& instance, const store::PersonView& view) {
  PersonEntry entry;
  entry.id = view.person.id;
  entry.custody = view.custody;
  entry.erased = !view.person.erased_at.empty() || view.person.data_key.empty();
  entry.erased_at = view.person.erased_at;
  entry.erasure_reason = view.person.erasure_reason;
  if (!entry.erased) {
    CANJE_ASSIGN_OR_RETURN(entry.record, OpenPerson(instance, view.person));
  }
  return entry;
}

bool NameMatches(const PersonRecord& record, const NameFragment& fragment) {
  if (fragment.form.empty()) return true;
  if (NameHoldsFragment(record.name.Display(), fragment)) return true;
  for (const auto& alias : record.aliases) {
    if (NameHoldsFragment(alias, fragment)) return true;
  }
  return false;
}

// A filter's value must be a word or words: letters, digits, spaces, '-' and '_'. The
// parsers below forgive punctuation (list files are messy), which a filter must not: `minor%`
// or `held'--` are refused instead of read as `minor` and `held`.
Status CheckFilterWord(std::string_view filter, std::string_view value) {
  for (char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || std::isalnum(byte) || c == ' ' || c == '-' || c == '_') continue;
    return Status::Usage("the " + std::string(filter) + " filter '" + QuoteUntrusted(value) +
                         "' holds '" + QuoteUntrusted(std::string_view(&c, 1)) +
                         "'; give a " + std::string(filter) + " by its name, such as " +
                         (filter == "status" ? "held" : filter == "category" ? "journalist" : "VEN"));
  }
  return Status::Ok();
}

Result<store::PersonFilter> MakeFilter(const Instance& instance, const PersonQuery& query) {
  store::PersonFilter filter;
  CANJE_RETURN_IF_ERROR(CheckFilterWord("holder", query.holder));
  CANJE_RETURN_IF_ERROR(CheckFilterWord("category", query.category));
  CANJE_RETURN_IF_ERROR(CheckFilterWord("nationality", query.nationality));
  CANJE_RETURN_IF_ERROR(CheckFilterWord("status", query.status));
  filter.holder = query.holder;
  if (!query.category.empty()) {
    Result<std::string_view> category = ParseCategory(query.category);
    if (!category.ok()) return Status::Usage("the category filter: " + category.status().message());
    filter.category = std::string(*category);
  }
  if (!query.nationality.empty()) {
    Result<std::string> code = ParseCountryCode(query.nationality);
    if (!code.ok()) return Status::Usage("the nationality filter: " + code.status().message());
    filter.nationality = *code;
  }
  if (!query.status.empty()) {
    Result<ReportedStatus> status = ParseReportedStatus(query.status);
    if (!status.ok()) return Status::Usage("the status filter: " + status.status().message());
    filter.status = std::string(ReportedStatusName(*status));
  }
  filter.list_id = query.list_id;
  if (query.name.empty()) filter.limit = query.limit;  // else the name decides after decryption
  instance::RestrictToNeedToKnow(instance, filter);
  return filter;
}

// ForEachPerson over the persons `ids` (ascending) only, a few hundred at a time, until `done`
// says the caller has what it wants (a --limit reached): the persons after that are not read.
Status VisitSome(store::Store& store, const store::PersonFilter& filter,
                 const std::set<int64_t>& ids, const std::function<bool()>& done,
                 const std::function<Status(const store::PersonView&)>& visit) {
  constexpr size_t kPersonsAtATime = 500;
  store::PersonFilter some = filter;
  for (auto next = ids.begin(); next != ids.end() && !done();) {
    some.person_ids.clear();
    while (next != ids.end() && some.person_ids.size() < kPersonsAtATime) {
      some.person_ids.push_back(*next++);
    }
    CANJE_RETURN_IF_ERROR(store.ForEachPerson(some, visit));
  }
  return Status::Ok();
}

}  // namespace

Result<PersonRecord> OpenPerson(Instance& instance, const store::PersonRow& row) {
  CANJE_ASSIGN_OR_RETURN(
      Bytes key, instance.vault().UnwrapKey(row.data_key, protect::PersonKeyContext(row.id)));
  CANJE_ASSIGN_OR_RETURN(Bytes plain,
                         instance.vault().Open(key, row.sealed, protect::PersonKeyContext(row.id)));
  return DecodePersonRecord(AsText(plain));
}

Status VisitPersons(Instance& instance, const PersonQuery& query,
                    const std::function<Status(PersonEntry&)>& visit) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadRegistry));
  CANJE_ASSIGN_OR_RETURN(store::PersonFilter filter, MakeFilter(instance, query));
  const NameFragment fragment = NameFragment::Of(query.name);
  int64_t visited = 0;
  auto limit_reached = [&] { return query.limit > 0 && visited >= query.limit; };
  auto visit_view = [&](const store::PersonView& view) -> Status {
    if (limit_reached()) return Status::Ok();
    CANJE_ASSIGN_OR_RETURN(PersonEntry entry, ToEntry(instance, view));
    if (!fragment.form.empty() && (entry.erased || !NameMatches(entry.record, fragment))) {
      return Status::Ok();
    }
    ++visited;
    return visit(entry);
  };
  // A name fragment: the persons whose name words may hold it (name_words.h), or, when the
  // index cannot say, every person.
  std::optional<std::set<int64_t>> by_name;
  if (!fragment.form.empty() && !query.open_every_person) {
    CANJE_ASSIGN_OR_RETURN(by_name, NameCandidates(instance, fragment));
  }
  if (query.document.empty() && query.exact_name.empty()) {
    if (!by_name) return instance.store().ForEachPerson(filter, visit_view);
    return VisitSome(instance.store(), filter, *by_name, limit_reached, visit_view);
  }
  // A look-up needs something to look up: "-", "." or a control character normalise to nothing.
  const std::string document = linkage::NormalizeDocumentNumber(query.document);
  const std::string exact_name = FoldForMatching(query.exact_name);
  if (!query.document.empty() && document.empty()) {
    return Status::Usage("the document number '" + QuoteUntrusted(query.document) +
                         "' has no letters or digits to look up");
  }
  if (!query.exact_name.empty() && exact_name.empty()) {
    return Status::Usage("the exact name '" + QuoteUntrusted(query.exact_name) +
                         "' has no letters to look up");
  }
  // Exact look-ups by keyed hash: the candidates, then the other filters on each.
  std::optional<std::set<int64_t>> candidates;
  auto narrow = [&](std::string_view kind, const std::string& value) -> Status {
    if (value.empty()) return Status::Ok();
    CANJE_ASSIGN_OR_RETURN(
        std::vector<int64_t> ids,
        instance.store().PersonsByIndexHash(instance.vault().IndexHash(kind, value)));
    std::set<int64_t> found;
    for (int64_t id : ids) {  // the look-up hashes name each record's own person
      CANJE_ASSIGN_OR_RETURN(auto person, instance.store().FindPerson(id));
      if (person) found.insert(person->person.merged_into != 0 ? person->person.merged_into : id);
    }
    if (candidates) {
      std::set<int64_t> both;
      for (int64_t id : found) {
        if (candidates->count(id)) both.insert(id);
      }
      found = std::move(both);
    }
    candidates = std::move(found);
    return Status::Ok();
  };
  CANJE_RETURN_IF_ERROR(narrow("document", document));
  CANJE_RETURN_IF_ERROR(narrow("name", exact_name));
  if (!candidates) return Status::Ok();  // unreachable: one of the two was not empty
  if (by_name) {
    std::set<int64_t> both;
    for (int64_t id : *candidates) {
      if (by_name->count(id)) both.insert(id);
    }
    candidates = std::move(both);
  }
  return VisitSome(instance.store(), filter, *candidates, limit_reached, visit_view);
}

Result<std::vector<PersonEntry>> FindPersons(Instance& instance, const PersonQuery& query) {
  std::vector<PersonEntry> found;
  CANJE_RETURN_IF_ERROR(VisitPersons(instance, query, [&](PersonEntry& entry) {
    found.push_back(std::move(entry));
    return Status::Ok();
  }));
  return found;
}

namespace {

// ShowPerson's reads, all inside one read transaction (Store::Read).
Result<PersonDetails> ShowPersonAsOfOneSnapshot(Instance& instance, int64_t person_id) {
  Status not_found = instance::PersonNotSeen(person_id);
  CANJE_ASSIGN_OR_RETURN(auto view, instance.store().FindPerson(person_id));
  if (!view) return not_found;
  int64_t asked_for = 0;
  if (view->person.merged_into != 0) {  // reconciliation found them to be another person
    asked_for = person_id;
    person_id = view->person.merged_into;
    CANJE_ASSIGN_OR_RETURN(view, instance.store().FindPerson(person_id));
    if (!view) return not_found;
  }
  CANJE_ASSIGN_OR_RETURN(bool visible, instance::SeesFoundPerson(instance, *view));
  if (!visible) return not_found;
  PersonDetails details;
  details.merged_from = asked_for;
  CANJE_ASSIGN_OR_RETURN(details.person, ToEntry(instance, *view));
  CANJE_ASSIGN_OR_RETURN(auto records, instance.store().RecordsOfPerson(person_id));
  std::optional<std::vector<std::string>> confirming_roles;  // read when a link needs them
  std::map<int64_t, std::optional<store::ListRow>> lists;     // by id: a person's records share few
  for (const auto& record : records) {
    auto list = lists.find(record.list_id);
    if (list == lists.end()) {
      CANJE_ASSIGN_OR_RETURN(auto row, instance.store().FindList(record.list_id));
      list = lists.emplace(record.list_id, std::move(row)).first;
    }
    PersonDetails::Source source{record.id, record.list_id, record.line, "", "", "",
                                 record.reported_status, "own"};
    if (record.own_person_id != person_id) {
      if (!confirming_roles) confirming_roles = instance::RoleNamesSeeingEveryPerson();
      CANJE_ASSIGN_OR_RETURN(bool confirmed,
                             instance.store().IsLinkConfirmed(record.id, *confirming_roles));
      source.link = confirmed ? "confirmed" : "automatic";
    }
    if (list->second) {
      source.list_kind = list->second->kind;
      source.list_source = list->second->source;
      source.list_party = list->second->party;
    }
    details.sources.push_back(std::move(source));
  }
  return details;
}

}  // namespace

Result<PersonDetails> ShowPerson(Instance& instance, int64_t person_id) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kReadRegistry));
  Result<PersonDetails> details = Status::Internal("the person was not read");
  CANJE_RETURN_IF_ERROR(instance.store().Read([&] {
    details = ShowPersonAsOfOneSnapshot(instance, person_id);
    return details.status();
  }));
  return details;
}

}  // namespace canje::registry

namespace canje::registry {

Status ExportPersons(instance::Instance& instance, const PersonQuery& query, ExportFormat format,
                     std::ostream& out) {
  CANJE_RETURN_IF_ERROR(instance.Authorize(instance::Action::kExportPersons));
  CsvRecordWriter csv(out);
  JsonRecordWriter json(out);
  CANJE_RETURN_IF_ERROR(VisitPersons(instance, query, [&](PersonEntry& person) -> Status {
    if (person.erased) return Status::Ok();
    Status written = format == ExportFormat::kCsv ? csv.Write(person.record)
                                                  : json.Write(person.record);
    return written.WithContext(instance::PersonId(person.id));
  }));
  return format == ExportFormat::kCsv ? csv.Finish() : json.Finish();
}

}  // namespace canje::registry
