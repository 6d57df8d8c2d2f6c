#include "reconciliation/link_input.h"

#include <sstream>
#include <string>
#include <unordered_map>

#include "core/csv_writer.h"
#include "core/text.h"
#include "instance/ids.h"
#include "registry/enumerated_fields.h"
#include "registry/person_directory.h"

namespace canje::reconciliation {
namespace {

// The fields compared for every record, whatever list it came from: the identity its own person
// holds (the importer has already read each list's columns into these).
constexpr std::string_view kSettings = R"json({
  "id": "record",
  "fields": [
    {"column": "given_names", "kind": "given_name"},
    {"column": "family_names", "kind": "family_name"},
    {"column": "patronymic", "kind": "patronymic"},
    {"column": "date_of_birth", "kind": "date"},
    {"column": "document_1", "kind": "identifier"},
    {"column": "document_2", "kind": "identifier"},
    {"column": "sex", "kind": "exact"},
    {"column": "nationality", "kind": "exact"},
    {"column": "service_number", "kind": "service_number"}
  ]
})json";

// The record's row of the comparison table, without its id.
std::string IdentityFields(const registry::PersonRecord& person) {
  std::string row;
  AppendCsvField(JoinWords(person.name.given_names), row);
  row += ',';
  AppendCsvField(JoinWords(person.name.family_names), row);
  row += ',';
  AppendCsvField(person.name.patronymic, row);
  row += ',';
  if (person.date_of_birth) row += person.date_of_birth->ToIso();
  for (size_t i = 0; i < 2; ++i) {
    row += ',';
    if (i < person.documents.size()) AppendCsvField(person.documents[i].number, row);
  }
  row += ',';
  row += registry::SexName(person.sex);
  row += ',';
  if (!person.nationalities.empty()) row += person.nationalities.front();
  row += ',';
  AppendCsvField(person.service_number, row);
  row += '\n';
  return row;
}

}  // namespace

ListVersions CurrentListVersions(const std::vector<store::ListRow>& lists) {
  ListVersions versions;
  std::map<std::tuple<std::string, std::string, std::string>, int64_t> latest;
  for (const store::ListRow& list : lists) {
    auto key = std::make_tuple(list.kind, list.source, list.party);
    auto [it, inserted] = latest.emplace(key, list.id);
    if (!inserted && list.id > it->second) it->second = list.id;
  }
  for (const store::ListRow& list : lists) {
    const int64_t newest = latest.at(std::make_tuple(list.kind, list.source, list.party));
    if (newest == list.id) {
      versions.current.insert(list.id);
    } else {
      versions.superseded_by[list.id] = newest;
    }
  }
  return versions;
}

Result<LinkInput> LoadLinkInput(instance::Instance& instance, int threads) {
  LinkInput input;
  store::Store& store = instance.store();
  CANJE_ASSIGN_OR_RETURN(input.lists, store.Lists());
  for (const store::ListRow& list : input.lists) input.list_by_id[list.id] = &list;
  input.versions = CurrentListVersions(input.lists);
  CANJE_RETURN_IF_ERROR(store::ForEachLinkRecord(store, [&](const store::LinkRecordRow& record) {
    input.records.push_back(record);
    return Status::Ok();
  }));

  // Which own persons are needed: those of readable records on current lists.
  std::unordered_map<int64_t, std::string> identity_of;  // own person id -> fields
  for (const store::LinkRecordRow& record : input.records) {
    if (record.own_person_id == 0) {
      ++input.before_schema_2;
      continue;
    }
    if (record.erased || !input.versions.current.contains(record.list_id)) continue;
    identity_of.emplace(record.own_person_id, std::string());
  }
  store::PersonFilter all;
  all.include_merged = true;
  CANJE_RETURN_IF_ERROR(store.ForEachPerson(all, [&](const store::PersonView& view) -> Status {
    if (view.person.merged_into != 0) input.merged_into[view.person.id] = view.person.merged_into;
    auto found = identity_of.find(view.person.id);
    if (found == identity_of.end() || view.person.data_key.empty()) return Status::Ok();
    CANJE_ASSIGN_OR_RETURN(registry::PersonRecord person,
                           registry::OpenPerson(instance, view.person));
    found->second = IdentityFields(person);
    return Status::Ok();
  }));

  std::string csv =
      "record,given_names,family_names,patronymic,date_of_birth,document_1,document_2,sex,"
      "nationality,service_number\n";
  for (uint32_t i = 0; i < input.records.size(); ++i) {
    const store::LinkRecordRow& record = input.records[i];
    auto found = identity_of.find(record.own_person_id);
    if (found == identity_of.end() || found->second.empty()) continue;
    if (record.erased || !input.versions.current.contains(record.list_id)) continue;
    input.compared.push_back(i);
    csv += instance::RecordId(record.record_id);
    csv += ',';
    csv += found->second;
  }
  CANJE_ASSIGN_OR_RETURN(input.settings,
                         linkage::ParseLinkSettings(kSettings, "reconciliation settings"));
  std::istringstream stream(std::move(csv));
  CANJE_ASSIGN_OR_RETURN(input.table, linkage::LoadRecordTableFromStream(
                                          stream, "the store's records", input.settings.left,
                                          input.settings.file_name, threads));
  // The list of every compared record: the link rules treat two entries of one list apart
  // (linkage/link_rules.h, undated_same_list).
  input.table.lists.reserve(input.compared.size());
  for (uint32_t i : input.compared) input.table.lists.push_back(input.records[i].list_id);
  return input;
}

}  // namespace canje::reconciliation
