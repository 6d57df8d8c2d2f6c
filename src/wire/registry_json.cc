#include "wire/registry_json.h"

#include "instance/ids.h"
#include "registry/enumerated_fields.h"
#include "registry/person_fields.h"
#include "wire/instance_json.h"
#include "wire/json_values.h"
#include "wire/reconciliation_json.h"

namespace canje::wire {

using nlohmann::json;

json ListJson(const store::ListRow& list) {
  return {{"id", instance::ListId(list.id)},
          {"kind", list.kind},
          {"party", list.party},
          {"source", list.source},
          {"file_name", list.file_name},
          {"file_sha256", list.file_sha256},
          {"format", list.format},
          {"records", list.record_count},
          {"rejected", list.rejected_count},
          {"imported_at", list.imported_at},
          {"imported_by", list.imported_by},
          {"event", list.event_seq}};
}

json CustodyJson(const store::CustodyRow& custody) {
  json out = {{"holder", custody.holder},
              {"facility", custody.facility},
              {"since", custody.since},
              {"legal_basis", custody.legal_basis},
              {"charge_status", custody.charge_status},
              {"status", custody.status}};
  out["evidence_disclosed"] = OrNull(custody.evidence_disclosed);
  if (custody.list_id != 0) out["list"] = instance::ListId(custody.list_id);
  return out;
}

json PersonJson(const registry::PersonEntry& person) {
  json out = {{"id", instance::PersonId(person.id)}, {"erased", person.erased}};
  json custody = json::array();
  for (const auto& row : person.custody) custody.push_back(CustodyJson(row));
  out["custody"] = custody;
  if (person.erased) {
    out["erased_at"] = person.erased_at;
    return out;
  }
  const registry::PersonRecord& record = person.record;
  out["name"] = record.name.Display();
  out["given_names"] = record.name.given_names;
  out["family_names"] = record.name.family_names;
  out["patronymic"] = record.name.patronymic;
  out["aliases"] = record.aliases;
  out["sex"] = std::string(registry::SexName(record.sex));
  out["date_of_birth"] = OrNull(record.date_of_birth, &registry::PartialDate::ToIso);
  out["nationalities"] = record.nationalities;
  out["categories"] = record.categories;
  json documents = json::array();
  for (const auto& document : record.documents) {
    documents.push_back(
        {{"type", document.type}, {"number", document.number}, {"country", document.country}});
  }
  out["documents"] = documents;
  json charges = json::array();
  for (const auto& charge : record.charges) {
    charges.push_back({{"description", charge.description}, {"status", charge.status}});
  }
  out["charges"] = charges;
  for (const registry::PersonTextField& text : registry::PersonTextFields()) {
    if (text.on_person_page) out[std::string(CanonicalColumnName(text.column))] = text.of(record);
  }
  out["ihl_status"] = std::string(registry::IhlStatusName(record.ihl_status));
  out["date_of_capture"] = OrNull(record.date_of_capture, &registry::PartialDate::ToIso);
  return out;
}

json PersonDetailsJson(const registry::PersonDetails& details) {
  json sources = json::array();
  for (const auto& source : details.sources) {
    sources.push_back({{"record", instance::RecordId(source.record_id)},
                       {"list", instance::ListId(source.list_id)},
                       {"line", source.line},
                       {"kind", source.list_kind},
                       {"source", source.list_source},
                       {"party", source.list_party},
                       {"reported_status", source.reported_status},
                       {"link", source.link}});
  }
  json out = PersonJson(details.person);
  out["records"] = sources;
  if (details.merged_from != 0) out["merged_from"] = instance::PersonId(details.merged_from);
  return out;
}

json SummaryJson(const registry::InstanceSummary& summary) {
  json out;
  out["persons"] = summary.persons;
  out["erased"] = summary.erased;
  out["events"] = summary.events;
  out["parties"] = json::array();
  for (const auto& party : summary.parties) {
    out["parties"].push_back(PartyJson(party));
  }
  out["lists"] = json::array();
  for (const auto& list : summary.lists) {
    out["lists"].push_back({{"id", instance::ListId(list.id)},
                            {"kind", list.kind},
                            {"party", list.party},
                            {"source", list.source},
                            {"records", list.record_count}});
  }
  out["holders"] = json::array();
  for (const auto& holder : summary.holders) {
    out["holders"].push_back({{"holder", holder.holder},
                              {"persons", holder.persons},
                              {"by_status", holder.by_status},
                              {"by_charges", holder.by_charges},
                              {"no_evidence_disclosed", holder.no_evidence_disclosed},
                              {"by_category", holder.by_category},
                              {"by_nationality", holder.by_nationality}});
  }
  return out;
}

json SummaryJson(const registry::InstanceSummary& summary,
                 const reconciliation::ReconciliationStatus& reconciled) {
  json out = SummaryJson(summary);
  out["reconciliation"] = ReconciliationCountsJson(reconciled, "", 0);
  return out;
}

json FieldErrorsJson(const std::vector<registry::FieldError>& errors) {
  json out = json::array();
  for (const auto& error : errors) {
    json item = {{"line", error.line}, {"reason", error.reason}};
    if (error.column > 0) item["column"] = error.column;
    if (!error.column_name.empty()) item["column_name"] = error.column_name;
    if (!error.json_path.empty()) item["json_path"] = error.json_path;
    out.push_back(item);
  }
  return out;
}

json ImportReportJson(const registry::ImportReport& report, bool dry_run) {
  json out = {{"rows", report.rows},
              {"imported", report.imported},
              {"rejected", report.rejected},
              {"persons_created", report.persons_created},
              {"file_sha256", report.file_sha256},
              {"dry_run", dry_run},
              {"error_count", report.error_count},
              {"errors", FieldErrorsJson(report.errors)}};
  if (report.list_id != 0) out["list"] = instance::ListId(report.list_id);
  if (report.event_seq >= 0) out["event"] = report.event_seq;
  return out;
}

}  // namespace canje::wire
