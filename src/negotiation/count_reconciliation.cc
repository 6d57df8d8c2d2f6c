#include "negotiation/count_reconciliation.h"

#include <cstdlib>
#include <utility>

#include "instance/ids.h"
#include "instance/need_to_know.h"
#include "negotiation/eligibility.h"

namespace canje::negotiation {
namespace {

using instance::PersonId;
using Direction = std::pair<std::string, std::string>;

std::string Arrow(const Direction& direction) { return direction.first + ">" + direction.second; }

// A party's report on one direction as the reconciliation reads it (the header's rule).
struct PartyReport {
  store::ReportedCountRow report;  // the latest one, or the stages' latest ones added up
  int64_t superseded = 0;
  std::vector<int64_t> stages;
};

PartyReport ReadPartyReport(const std::vector<const store::ReportedCountRow*>& reports) {
  const store::ReportedCountRow* whole = nullptr;
  std::map<int64_t, const store::ReportedCountRow*> per_stage;
  for (const store::ReportedCountRow* report : reports) {
    const store::ReportedCountRow*& slot = report->stage == 0 ? whole : per_stage[report->stage];
    if (slot == nullptr || report->id > slot->id) slot = report;
  }
  PartyReport read;
  if (whole != nullptr) {
    read.report = *whole;
    read.superseded = static_cast<int64_t>(reports.size()) - 1;
    return read;
  }
  read.superseded = static_cast<int64_t>(reports.size() - per_stage.size());
  const store::ReportedCountRow* latest = nullptr;
  std::set<int64_t> persons;
  bool every_stage_listed = true;
  int64_t count = 0;
  std::string notes;
  for (const auto& [stage, report] : per_stage) {
    read.stages.push_back(stage);
    if (latest == nullptr || report->id > latest->id) latest = report;
    count += report->count;
    every_stage_listed = every_stage_listed && report->has_persons;
    persons.insert(report->persons.begin(), report->persons.end());
    if (!report->note.empty()) {
      notes += (notes.empty() ? "" : "; ") + ("stage " + std::to_string(stage) + ": ") +
               report->note;
    }
  }
  read.report = *latest;
  read.report.count = count;
  read.report.has_persons = every_stage_listed;
  read.report.persons.assign(persons.begin(), persons.end());
  if (!every_stage_listed) read.report.persons.clear();
  read.report.note = per_stage.size() == 1 ? latest->note : notes;
  return read;
}

// The differences a party's report leaves, and the party's line.
void CompareReport(const store::ReportedCountRow& report, int64_t superseded,
                   std::vector<int64_t> stages, const Direction& direction, const std::set<int64_t>& agreed_here,
                   const std::set<int64_t>& handed_over_here, const ExecutionFacts& facts,
                   instance::Role viewer, DirectionCounts& out) {
  PartyCount line;
  line.party = report.party;
  line.count = report.count;
  line.has_persons = report.has_persons;
  line.report_id = report.id;
  line.superseded = superseded;
  line.stages = std::move(stages);
  line.note = report.note;
  line.reported_at = report.reported_at;
  line.reported_by = report.reported_by;
  const int64_t recorded = static_cast<int64_t>(handed_over_here.size());
  const std::string who = report.party;
  if (!report.has_persons) {
    const int64_t gap = report.count - recorded;
    if (gap != 0) {
      CountDifference difference;
      difference.kind = "count_unexplained";
      difference.party = who;
      difference.count = std::llabs(gap);
      difference.explained = false;
      difference.text = who + " reports " + std::to_string(report.count) + " for " +
                        Arrow(direction) + "; the record has " + std::to_string(recorded) +
                        " handed over; " + std::to_string(std::llabs(gap)) +
                        (gap > 0 ? " more than the record" : "") + " not explained by " + who +
                        " (a list of persons with the report would name them)";
      line.unexplained = difference.count;
      out.unexplained += difference.count;
      out.differences.push_back(std::move(difference));
    }
    out.reported.push_back(std::move(line));
    return;
  }
  const std::set<int64_t> listed(report.persons.begin(), report.persons.end());
  for (int64_t person : listed) {
    if (handed_over_here.contains(person)) continue;
    CountDifference difference;
    difference.party = who;
    difference.person_id = person;
    if (!agreed_here.contains(person)) {
      difference.kind = "extra";
      difference.text = who + " reports " + PersonId(person) + " for " + Arrow(direction) +
                        ", who is not on the agreed list for it";
    } else {
      difference.kind = "not_handed_over";
      auto outcome = facts.not_travelling.find(person);
      difference.text =
          who + " reports " + PersonId(person) + " for " + Arrow(direction) +
          "; the record has no handover" +
          (outcome == facts.not_travelling.end()
               ? std::string(" and no outcome")
               : " (did not travel: " + DescribeReason(outcome->second, viewer) + ")");
    }
    out.differences.push_back(std::move(difference));
  }
  for (int64_t person : handed_over_here) {
    if (listed.contains(person)) continue;
    const store::HandoverRow& handover = facts.handovers.at(person);
    CountDifference difference;
    difference.kind = "not_in_report";
    difference.party = who;
    difference.person_id = person;
    difference.text = PersonId(person) + " was handed over to " + handover.to_party + " at " +
                      handover.handed_over_at + "; " + who + "'s report does not list them";
    out.differences.push_back(std::move(difference));
  }
  out.reported.push_back(std::move(line));
}

}  // namespace

bool IsPersonalReason(std::string_view reason) {
  return reason == kRefusedConsent || reason == kUnfit;
}

std::string_view ReasonFor(std::string_view reason, instance::Role viewer) {
  if (IsPersonalReason(reason) && !instance::ReadsPersonalAssessments(viewer)) {
    return kConfidentialReason;
  }
  return reason;
}

std::string DescribeReason(std::string_view reason, instance::Role viewer) {
  const std::string_view shown = ReasonFor(reason, viewer);
  if (shown == kConfidentialReason) return std::string(kNotAvailableConfidential);
  if (shown == kRefusedConsent) return "refused consent";
  if (shown == kUnfit) return "unfit to travel";
  if (shown == "released-otherwise") return "released otherwise";
  return std::string(shown);
}

CountReconciliation ReconcileCounts(const ExecutionFacts& facts, instance::Role viewer) {
  std::map<Direction, DirectionCounts> directions;
  std::map<Direction, std::set<int64_t>> agreed;
  std::map<Direction, std::set<int64_t>> handed_over;
  auto direction_of = [&](const Direction& key) -> DirectionCounts& {
    DirectionCounts& counts = directions[key];
    counts.from = key.first;
    counts.to = key.second;
    return counts;
  };
  for (const Transfer& transfer : facts.agreed) {
    const Direction key{transfer.from, transfer.to};
    DirectionCounts& counts = direction_of(key);
    agreed[key].insert(transfer.person_id);
    ++counts.agreed;
    if (facts.verified.contains(transfer.person_id)) ++counts.verified;
    if (facts.handovers.contains(transfer.person_id)) {
      ++counts.handed_over;
      handed_over[key].insert(transfer.person_id);
      continue;
    }
    CountDifference difference;
    difference.person_id = transfer.person_id;
    auto outcome = facts.not_travelling.find(transfer.person_id);
    if (outcome != facts.not_travelling.end()) {
      difference.kind = "not_travelling";
      difference.reason = std::string(ReasonFor(outcome->second, viewer));
      difference.text = PersonId(transfer.person_id) +
                        " did not travel: " + DescribeReason(outcome->second, viewer);
      ++counts.not_travelling[difference.reason];
    } else {
      difference.kind = "no_outcome";
      difference.explained = false;
      difference.text = PersonId(transfer.person_id) +
                        " is missing: agreed, not handed over, and no outcome recorded";
      ++counts.no_outcome;
      ++counts.unexplained;
    }
    counts.differences.push_back(std::move(difference));
  }
  // Each party's report per direction (ReadPartyReport).
  std::map<std::pair<Direction, std::string>, std::vector<const store::ReportedCountRow*>> reports;
  for (const store::ReportedCountRow& report : facts.reports) {
    reports[{Direction{report.from_party, report.to_party}, report.party}].push_back(&report);
  }
  for (const auto& [key, of_party] : reports) {
    const Direction& direction = key.first;
    PartyReport read = ReadPartyReport(of_party);
    CompareReport(read.report, read.superseded, std::move(read.stages), direction,
                  agreed[direction], handed_over[direction], facts, viewer,
                  direction_of(direction));
  }
  CountReconciliation result;
  for (auto& [key, counts] : directions) {
    result.unexplained += counts.unexplained;
    result.directions.push_back(std::move(counts));
  }
  return result;
}

}  // namespace canje::negotiation
