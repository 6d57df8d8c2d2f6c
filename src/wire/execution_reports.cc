#include "wire/execution_reports.h"

#include "core/csv_writer.h"
#include "core/text.h"
#include "instance/ids.h"
#include "negotiation/exchange.h"
#include "negotiation/proposal_actions.h"

namespace canje::wire {
namespace {

using nlohmann::json;

std::string Arrow(const negotiation::DirectionCounts& d) { return d.from + ">" + d.to; }

std::string ReasonLabel(const std::string& reason) {
  // The reason codes as read by the viewer ("confidential" already in place of a refusal).
  return negotiation::DescribeReason(reason, instance::Role::kMediator);
}

std::string ReportedSummary(const negotiation::PartyCount& line) {
  std::string text = ReportedCount(line);
  if (line.has_persons) text += " (with a list)";
  if (line.unexplained > 0) text += " (" + std::to_string(line.unexplained) + " not explained)";
  return text;
}

}  // namespace

std::string ReportedCount(const negotiation::PartyCount& line) {
  std::string text = line.party + " " + std::to_string(line.count);
  if (line.stages.size() > 1) {
    text += " (stages";
    for (size_t i = 0; i < line.stages.size(); ++i) {
      text += (i == 0 ? " " : ", ") + std::to_string(line.stages[i]);
    }
    text += ")";
  }
  return text;
}

std::string EscapeHtml(std::string_view text) {
  static const ByteEscapes kHtmlEscapes{
      {'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"}};
  std::string out;
  kHtmlEscapes.AppendTo(out, text);
  return out;
}

std::string NotTravellingSummary(const std::map<std::string, int64_t>& by_reason) {
  std::string text;
  for (const auto& [reason, n] : by_reason) {
    text += (text.empty() ? "" : ", ") + ReasonLabel(reason) + " " + std::to_string(n);
  }
  return text.empty() ? "none" : text;
}

std::string ReconciliationCsv(const negotiation::ExchangeReconciliation& r, const Names& names) {
  std::string out;
  AppendCsvRow({"direction", "row", "kind", "person", "name", "party", "count", "reason", "text"},
               out);
  for (const auto& d : r.counts.directions) {
    const std::string arrow = Arrow(d);
    auto total = [&](const std::string& kind, int64_t count, const std::string& party = "",
                     const std::string& reason = "", const std::string& text = "") {
      AppendCsvRow({arrow, "total", kind, "", "", party, std::to_string(count), reason, text}, out);
    };
    total("agreed", d.agreed);
    total("verified", d.verified);
    total("handed_over", d.handed_over);
    for (const auto& [reason, n] : d.not_travelling) total("not_travelling", n, "", reason);
    total("no_outcome", d.no_outcome);
    for (const auto& line : d.reported) {
      total("reported", line.count, line.party, "",
            line.has_persons ? "with a list of persons" : "count only");
    }
    total("unexplained", d.unexplained);
    for (const auto& difference : d.differences) {
      AppendCsvRow({arrow, "difference", difference.kind,
                    difference.person_id == 0 ? "" : instance::PersonId(difference.person_id),
                    NameOf(names, difference.person_id), difference.party,
                    std::to_string(difference.count), difference.reason, difference.text},
                   out);
    }
  }
  return out;
}

std::string ReconciliationHtml(const negotiation::ExchangeReconciliation& r, const Names& names) {
  const std::string title =
      "Reconciliation of " + negotiation::ExchangeId(r.exchange.id) + " (" + r.exchange.name + ")";
  std::string html;
  html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
          EscapeHtml(title) + "</title>\n";
  html += R"(<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; margin: 2em; color: #000; }
h1 { font-size: 16pt; margin-bottom: 0.2em; }
h2 { font-size: 13pt; margin-top: 1.5em; border-bottom: 1px solid #000; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
th, td { border: 1px solid #444; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
td.n { text-align: right; }
.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; word-break: break-all; }
.unexplained { font-weight: bold; }
@media print {
  body { margin: 0; font-size: 10pt; }
  h2 { page-break-after: avoid; }
  tr { page-break-inside: avoid; }
  @page { size: A4; margin: 15mm; }
}
</style>
</head>
<body>
)";
  html += "<h1>" + EscapeHtml(title) + "</h1>\n";
  html += "<table>\n";
  auto fact = [&](const std::string& name, const std::string& value, bool hash = false) {
    html += "<tr><th>" + EscapeHtml(name) + "</th><td" + (hash ? " class=\"hash\"" : "") + ">" +
            EscapeHtml(value) + "</td></tr>\n";
  };
  fact("Exchange", negotiation::ExchangeId(r.exchange.id) + " " + r.exchange.name);
  fact("State", r.state);
  fact("Agreed version", negotiation::VersionId(r.agreed_version));
  fact("Manifest SHA-256", r.manifest_sha256.empty() ? "(not readable by you)" : r.manifest_sha256,
       true);
  std::string signatures;
  for (const auto& [party, key_id] : r.signatures) {
    signatures += (signatures.empty() ? "" : "; ") + party + " " + key_id;
  }
  fact("Valid signatures", signatures.empty() ? "none" : signatures, true);
  fact("Log size at printing", std::to_string(r.log_size));
  fact("Log root at printing", r.log_root, true);
  fact("Printed at", r.generated_at);
  fact("Checks as of", r.date);
  fact("Persons not explained", std::to_string(r.counts.unexplained));
  html += "</table>\n";
  html +=
      "<h2>Per direction</h2>\n<table>\n<tr><th>Direction</th><th>Agreed</th><th>Verified"
      "</th><th>Handed over</th><th>Not travelling</th><th>No outcome</th><th>Reported by "
      "the parties</th><th>Not explained</th></tr>\n";
  for (const auto& d : r.counts.directions) {
    std::string reported;
    for (const auto& line : d.reported) {
      reported += (reported.empty() ? "" : "; ") + ReportedSummary(line);
    }
    html += "<tr><td>" + EscapeHtml(Arrow(d)) + "</td><td class=\"n\">" + std::to_string(d.agreed) +
            "</td><td class=\"n\">" + std::to_string(d.verified) + "</td><td class=\"n\">" +
            std::to_string(d.handed_over) + "</td><td>" +
            EscapeHtml(NotTravellingSummary(d.not_travelling)) + "</td><td class=\"n\">" +
            std::to_string(d.no_outcome) + "</td><td>" +
            EscapeHtml(reported.empty() ? "none" : reported) + "</td><td class=\"n\">" +
            std::to_string(d.unexplained) + "</td></tr>\n";
  }
  html += "</table>\n";
  for (const auto& d : r.counts.directions) {
    html += "<h2>Differences " + EscapeHtml(Arrow(d)) + "</h2>\n";
    if (d.differences.empty()) {
      html += "<p>None: every number of this direction agrees.</p>\n";
      continue;
    }
    html +=
        "<table>\n<tr><th>Kind</th><th>Person</th><th>Name</th><th>Party</th><th>Count</th>"
        "<th>Explanation</th></tr>\n";
    for (const auto& difference : d.differences) {
      html +=
          std::string("<tr") + (difference.explained ? "" : " class=\"unexplained\"") + "><td>" +
          EscapeHtml(difference.kind) + "</td><td>" +
          EscapeHtml(difference.person_id == 0 ? "" : instance::PersonId(difference.person_id)) +
          "</td><td>" + EscapeHtml(NameOf(names, difference.person_id)) + "</td><td>" +
          EscapeHtml(difference.party) + "</td><td class=\"n\">" +
          std::to_string(difference.count) + "</td><td>" + EscapeHtml(difference.text) +
          "</td></tr>\n";
    }
    html += "</table>\n";
  }
  html +=
      "<p>Check this page against the log: <code>canje log verify</code> and the checkpoint "
      "of size " +
      std::to_string(r.log_size) + "; check the agreement with <code>canje agreement verify " +
      EscapeHtml(negotiation::VersionId(r.agreed_version)) + "</code>.</p>\n";
  html += "</body>\n</html>\n";
  return html;
}

}  // namespace canje::wire
