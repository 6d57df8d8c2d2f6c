#include "wire/execution_json.h"

#include "instance/ids.h"
#include "negotiation/exchange.h"
#include "negotiation/proposal_actions.h"
#include "wire/json_values.h"

namespace canje::wire {

std::string NameOf(const Names& names, int64_t person) {
  auto found = names.find(person);
  return found == names.end() ? "" : found->second;
}

namespace {

using nlohmann::json;

json DifferenceJson(const negotiation::CountDifference& d, const Names& names) {
  json out = {{"kind", d.kind},
              {"reason", d.reason},
              {"party", d.party},
              {"count", d.count},
              {"explained", d.explained},
              {"text", d.text},
              {"person", d.person_id == 0 ? "" : instance::PersonId(d.person_id)}};
  const std::string name = NameOf(names, d.person_id);
  if (!name.empty()) out["name"] = name;
  return out;
}

}  // namespace

json ObstaclesJson(const std::vector<negotiation::ObstacleAsRead>& obstacles) {
  json out = json::array();
  for (const auto& obstacle : obstacles) {
    out.push_back({{"kind", obstacle.kind}, {"reason", obstacle.text}});
  }
  return out;
}

json HandoverJson(const store::HandoverRow& row, const Names& names) {
  json out = {{"person", instance::PersonId(row.person_id)},
              {"at", row.handed_over_at},
              {"place", row.place},
              {"to", row.to_party},
              {"witnesses", row.witnesses},
              {"recorded_by", row.recorded_by},
              {"recorder_party", row.recorder_party},
              {"recorded_at", row.recorded_at}};
  const std::string name = NameOf(names, row.person_id);
  if (!name.empty()) out["name"] = name;
  return out;
}

json ReadinessJson(const negotiation::ReadinessReport& report, const Names& names) {
  json entries = json::array();
  for (const auto& entry : report.persons) {
    json out = {{"person", instance::PersonId(entry.transfer.person_id)},
                {"from", entry.transfer.from},
                {"to", entry.transfer.to},
                {"status", entry.status}};
    const std::string name = NameOf(names, entry.transfer.person_id);
    if (!name.empty()) out["name"] = name;
    if (entry.status == "not travelling") {
      out["reason"] = entry.reason;
      out["reason_text"] = entry.reason_text;
      if (entry.note) out["note"] = *entry.note;
    }
    if (entry.status == "blocked") out["obstacles"] = ObstaclesJson(entry.obstacles);
    if (entry.handover) out["handover"] = HandoverJson(*entry.handover, names);
    entries.push_back(std::move(out));
  }
  return {{"exchange", negotiation::ExchangeId(report.exchange.id)},
          {"name", report.exchange.name},
          {"state", report.state},
          {"agreed_version", negotiation::VersionId(report.agreed_version)},
          {"date", report.date},
          {"counts",
           {{"persons", report.persons.size()},
            {"ready", report.ready},
            {"blocked", report.blocked},
            {"not_travelling", report.not_travelling},
            {"handed_over", report.handed_over}}},
          {"persons", entries}};
}

json ReconciliationJson(const negotiation::ExchangeReconciliation& r, const Names& names) {
  json signatures = json::array();
  for (const auto& [party, key_id] : r.signatures) {
    signatures.push_back({{"party", party}, {"key_id", key_id}});
  }
  json directions = json::array();
  for (const auto& d : r.counts.directions) {
    json reported = json::array();
    for (const auto& line : d.reported) {
      reported.push_back({{"party", line.party},
                          {"count", line.count},
                          {"has_persons", line.has_persons},
                          {"report", line.report_id},
                          {"superseded", line.superseded},
                          {"stages", line.stages},
                          {"note", line.note},
                          {"reported_at", line.reported_at},
                          {"reported_by", line.reported_by},
                          {"unexplained", line.unexplained}});
    }
    json differences = json::array();
    for (const auto& difference : d.differences) {
      differences.push_back(DifferenceJson(difference, names));
    }
    directions.push_back({{"from", d.from},
                          {"to", d.to},
                          {"agreed", d.agreed},
                          {"verified", d.verified},
                          {"handed_over", d.handed_over},
                          {"not_travelling", d.not_travelling},
                          {"no_outcome", d.no_outcome},
                          {"unexplained", d.unexplained},
                          {"reported", reported},
                          {"differences", differences}});
  }
  return {{"exchange", negotiation::ExchangeId(r.exchange.id)},
          {"name", r.exchange.name},
          {"state", r.state},
          {"agreed_version", negotiation::VersionId(r.agreed_version)},
          {"manifest_sha256", r.manifest_sha256},
          {"signatures", signatures},
          {"log", {{"size", r.log_size}, {"root", r.log_root}}},
          {"generated_at", r.generated_at},
          {"date", r.date},
          {"unexplained", r.counts.unexplained},
          {"directions", directions}};
}

std::vector<int64_t> PersonsOf(const negotiation::ReadinessReport& report) {
  std::vector<int64_t> persons;
  for (const auto& entry : report.persons) persons.push_back(entry.transfer.person_id);
  return persons;
}

std::vector<int64_t> PersonsOf(const negotiation::ExchangeReconciliation& reconciliation) {
  std::vector<int64_t> persons;
  for (const auto& d : reconciliation.counts.directions) {
    for (const auto& difference : d.differences) {
      if (difference.person_id != 0) persons.push_back(difference.person_id);
    }
  }
  return persons;
}

json RecordedPersonsJson(int64_t exchange, int64_t recorded, const std::vector<int64_t>& persons) {
  return {{"exchange", negotiation::ExchangeId(exchange)},
          {"recorded", recorded},
          {"persons", PersonIdsJson(persons)}};
}

json CountReportedJson(int64_t exchange, int64_t report_id,
                       const negotiation::NewCountReport& report) {
  return {{"exchange", negotiation::ExchangeId(exchange)},
          {"report", report_id},
          {"party", report.party},
          {"direction", report.from + ">" + report.to},
          {"count", report.count},
          {"stage", report.stage > 0 ? json(report.stage) : json(nullptr)},
          {"has_persons", report.has_persons}};
}

}  // namespace canje::wire
