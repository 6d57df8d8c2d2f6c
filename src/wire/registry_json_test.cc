// Golden tests of the registry's shapes (registry_json.h): lists, persons, the summary and an
// import report, with synthetic persons and parties.
#include "wire/registry_json.h"

#include <gtest/gtest.h>

#include "wire/golden.h"

namespace canje::wire {
namespace {

store::ListRow SampleList() {
  store::ListRow list;
  list.id = 2;
  list.kind = "custody_roster";
  list.source = "Ministry of Tests";
  list.party = "AAA";
  list.file_name = "roster.csv";
  list.file_sha256 = std::string(64, 'd');
  list.format = "csv";
  list.imported_at = "2030-01-01T10:00:00Z";
  list.imported_by = "negotiator.aaa";
  list.record_count = 3;
  list.rejected_count = 1;
  list.event_seq = 9;
  return list;
}

store::CustodyRow SampleCustody() {
  store::CustodyRow custody;
  custody.person_id = 3;
  custody.holder = "AAA";
  custody.facility = "Test Facility 1";
  custody.since = "2029-05-01";
  custody.legal_basis = "synthetic basis";
  custody.charge_status = "pending";
  custody.evidence_disclosed = false;
  custody.status = "held";
  custody.list_id = 2;
  return custody;
}

registry::PersonEntry SamplePerson() {
  registry::PersonEntry person;
  person.id = 3;
  person.record.name = {{"Testa"}, {"Personne", "Exemple"}};
  person.record.aliases = {"T. P."};
  person.record.sex = registry::Sex::kFemale;
  person.record.date_of_birth = registry::PartialDate{1990, 4, 0,
                                                      registry::PartialDate::Precision::kMonth};
  person.record.nationalities = {"BBB"};
  person.record.documents = {{"passport", "X0000001", "BBB"}};
  person.record.charges = {{"synthetic charge", "pending"}};
  person.record.categories = {"minor"};
  person.record.notes = "synthetic note";
  person.record.place_of_birth = "Synthetic Town";
  person.record.name.patronymic = "Syntheticovna";
  person.record.ihl_status = registry::IhlStatus::kCivilianInternee;
  person.record.rank = "synthetic rank";
  person.record.unit = "Synthetic Unit 1";
  person.record.service_number = "S-0001";
  person.record.date_of_capture = registry::PartialDate{2029, 0, 0,
                                                        registry::PartialDate::Precision::kYear};
  person.record.place_of_capture = "Synthetic Crossing";
  person.custody = {SampleCustody()};
  return person;
}

TEST(RegistryJsonTest, ListAndCustody) {
  store::CustodyRow unlisted = SampleCustody();
  unlisted.list_id = 0;
  unlisted.evidence_disclosed.reset();
  nlohmann::json shapes = {
      {"list", ListJson(SampleList())},
      {"custody", CustodyJson(SampleCustody())},
      {"custody_without_list", CustodyJson(unlisted)},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "registry_list"));
}

TEST(RegistryJsonTest, Persons) {
  registry::PersonEntry erased;
  erased.id = 4;
  erased.erased = true;
  erased.erased_at = "2030-02-01T10:00:00Z";
  registry::PersonDetails details;
  details.person = SamplePerson();
  details.sources = {{11, 2, 4, "custody_roster", "Ministry of Tests", "AAA", "held", "own"}};
  details.merged_from = 6;
  nlohmann::json shapes = {
      {"person", PersonJson(SamplePerson())},
      {"erased", PersonJson(erased)},
      {"details", PersonDetailsJson(details)},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "registry_person"));
}

TEST(RegistryJsonTest, Summary) {
  registry::InstanceSummary summary;
  summary.parties = {{"AAA", "State of Aaa", "state", "2030-01-01T10:00:00Z"}};
  summary.lists = {SampleList()};
  registry::HolderSummary holder;
  holder.holder = "AAA";
  holder.persons = 3;
  holder.by_status = {{"held", 3}};
  holder.by_charges = {{"pending", 2}, {"none", 1}};
  holder.no_evidence_disclosed = 1;
  holder.by_category = {{"minor", 1}};
  holder.by_nationality = {{"BBB", 3}};
  summary.holders = {holder};
  summary.persons = 3;
  summary.erased = 1;
  summary.events = 20;
  reconciliation::ReconciliationStatus reconciled;
  reconciled.review_queue = 2;
  EXPECT_TRUE(MatchesGolden(SummaryJson(summary, reconciled), "registry_summary"));
}

TEST(RegistryJsonTest, ImportReport) {
  registry::ImportReport report;
  report.list_id = 2;
  report.event_seq = 9;
  report.rows = 4;
  report.imported = 3;
  report.rejected = 1;
  report.persons_created = 3;
  report.file_sha256 = std::string(64, 'd');
  registry::FieldError csv_error;
  csv_error.line = 5;
  csv_error.column = 3;
  csv_error.column_name = "fecha_nacimiento";
  csv_error.reason = "not a date";
  registry::FieldError json_error;
  json_error.line = 40;
  json_error.json_path = "$[12].nombres";
  json_error.reason = "missing";
  report.errors = {csv_error, json_error};
  report.error_count = 2;
  registry::ImportReport dry_run = report;
  dry_run.list_id = 0;
  dry_run.event_seq = -1;
  nlohmann::json shapes = {
      {"imported", ImportReportJson(report, false)},
      {"dry_run", ImportReportJson(dry_run, true)},
  };
  EXPECT_TRUE(MatchesGolden(shapes, "registry_import"));
}

}  // namespace
}  // namespace canje::wire
