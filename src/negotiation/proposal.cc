#include "negotiation/proposal.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <sstream>

#include "core/text.h"
#include "instance/ids.h"
#include "negotiation/csv_columns.h"
#include "registry/csv_reader.h"
#include "solver/exchange_model.h"
#include "solver/solve_steps.h"

namespace canje::negotiation {
namespace {

bool IsPartyCode(std::string_view code) {
  return !code.empty() && code.size() <= 16 && std::all_of(code.begin(), code.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

Status CountsError(std::string_view item, std::string_view why) {
  return Status::Usage("'" + std::string(item) + "': " + std::string(why) +
                       "; write counts as FROM>TO=N separated by commas, e.g. "
                       "\"SLV>VEN=252,VEN>SLV=252\"");
}

}  // namespace

std::vector<DirectionCount> CountTransfers(const std::vector<Transfer>& transfers) {
  std::map<std::pair<std::string, std::string>, int64_t> counts;
  for (const Transfer& transfer : transfers) ++counts[{transfer.from, transfer.to}];
  std::vector<DirectionCount> out;
  for (const auto& [direction, persons] : counts) {
    out.push_back({direction.first, direction.second, persons});
  }
  return out;
}

Result<std::vector<DirectionCount>> ParseCounts(std::string_view text) {
  std::vector<DirectionCount> counts;
  std::set<std::pair<std::string, std::string>> seen;
  std::stringstream stream{std::string(text)};
  std::string item;
  while (std::getline(stream, item, ',')) {
    item = Trim(item);
    const size_t arrow = item.find('>');
    const size_t equals = item.find('=');
    if (arrow == std::string::npos || equals == std::string::npos || equals < arrow) {
      return CountsError(item, "not of the form FROM>TO=N");
    }
    DirectionCount count{Trim(item.substr(0, arrow)),
                         Trim(item.substr(arrow + 1, equals - arrow - 1)), 0};
    const std::string number = Trim(item.substr(equals + 1));
    auto [end, error] =
        std::from_chars(number.data(), number.data() + number.size(), count.persons);
    if (error != std::errc() || end != number.data() + number.size() || count.persons < 1) {
      return CountsError(item, "the count must be a whole number of at least 1");
    }
    if (!IsPartyCode(count.from) || !IsPartyCode(count.to)) {
      return CountsError(item, "FROM and TO must be party codes such as SLV");
    }
    if (count.from == count.to) return CountsError(item, "a party cannot release to itself");
    if (!seen.insert({count.from, count.to}).second) {
      return CountsError(item, "this direction is given twice");
    }
    counts.push_back(std::move(count));
  }
  if (counts.empty()) return CountsError(text, "no counts given");
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return std::tie(a.from, a.to) < std::tie(b.from, b.to);
  });
  return counts;
}

std::string FormatCounts(const std::vector<DirectionCount>& counts) {
  std::string out;
  for (const DirectionCount& count : counts) {
    if (!out.empty()) out += ',';
    out += count.from + ">" + count.to + "=" + std::to_string(count.persons);
  }
  return out;
}

Result<std::vector<Transfer>> ParseTransfersCsv(std::string_view text, std::string_view file_name) {
  std::istringstream in{std::string(text)};
  const std::string file(file_name);
  CANJE_ASSIGN_OR_RETURN(registry::CsvReader reader, registry::CsvReader::Open(in));
  const std::vector<std::string> known = {"person", "from", "to", "beneficiary", "unconditional"};
  CANJE_ASSIGN_OR_RETURN(const auto column,
                         KnownColumns(reader, known, file));  // name -> 1-based column
  for (const char* required : {"person", "from", "to"}) {
    if (column.count(required) == 0) {
      return Status::Invalid(file + ":" + std::to_string(reader.header_line()) +
                             ": missing column '" + required +
                             "'; a transfers file has columns person, from, to and optionally "
                             "beneficiary, unconditional");
    }
  }
  std::vector<Transfer> transfers;
  registry::Row row;
  while (true) {
    CANJE_ASSIGN_OR_RETURN(bool more, reader.Next(&row));
    if (!more) break;
    if (!row.errors.empty()) return Status::Invalid(row.errors.front().ToString(file));
    auto cell = [&](const std::string& name) -> std::string {
      auto it = column.find(name);
      if (it == column.end() || it->second > static_cast<int>(row.values.size())) return "";
      return Trim(row.values[it->second - 1]);
    };
    auto where = [&](const std::string& name) {
      return file + ":" + std::to_string(row.line) + ":" + std::to_string(column.at(name)) +
             ": ";
    };
    Transfer transfer;
    Result<int64_t> person = instance::ParseId(cell("person"), 'P', "person");
    if (!person.ok()) return Status::Invalid(where("person") + person.status().message());
    transfer.person_id = *person;
    transfer.from = cell("from");
    transfer.to = cell("to");
    transfer.beneficiary = cell("beneficiary").empty() ? transfer.to : cell("beneficiary");
    for (const char* name : {"from", "to", "beneficiary"}) {
      if (column.count(name) == 0 || (cell(name).empty() && std::string(name) == "beneficiary")) {
        continue;
      }
      if (!IsPartyCode(cell(name))) {
        return Status::Invalid(where(name) + "'" + cell(name) +
                               "' is not a party code such as VEN");
      }
    }
    const std::string flag = AsciiLower(cell("unconditional"));
    if (flag == "yes" || flag == "true" || flag == "1") {
      transfer.unconditional = true;
    } else if (!(flag.empty() || flag == "no" || flag == "false" || flag == "0")) {
      return Status::Invalid(where("unconditional") + "'" + flag + "' is not yes or no");
    }
    transfers.push_back(std::move(transfer));
  }
  return transfers;
}

Result<ProposalContent> NamedContent(std::vector<Transfer> transfers) {
  std::sort(transfers.begin(), transfers.end(),
            [](const Transfer& a, const Transfer& b) { return a.person_id < b.person_id; });
  for (size_t i = 0; i < transfers.size(); ++i) {
    if (i > 0 && transfers[i].person_id == transfers[i - 1].person_id) {
      return Status::Invalid(instance::PersonId(transfers[i].person_id) +
                             " is listed twice; a version transfers each person at most once");
    }
    if (transfers[i].from == transfers[i].to) {
      return Status::Invalid(instance::PersonId(transfers[i].person_id) + " goes from " +
                             transfers[i].from + " to itself");
    }
  }
  if (transfers.empty()) {
    return Status::Invalid("a named version transfers at least one person");
  }
  ProposalContent content;
  content.named = true;
  content.counts = CountTransfers(transfers);
  content.transfers = std::move(transfers);
  return content;
}

Result<ProposalContent> CountsContent(std::vector<DirectionCount> counts) {
  if (counts.empty()) return Status::Invalid("a numbers-only version states at least one count");
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return std::tie(a.from, a.to) < std::tie(b.from, b.to);
  });
  ProposalContent content;
  content.named = false;
  content.counts = std::move(counts);
  return content;
}

solver::Instance BalanceInstance(const BalanceTerms& terms, const ProposalContent& content) {
  solver::Instance instance;
  instance.blocs = terms.blocs;
  auto add = [&](const std::string& person, const Transfer& transfer, double value, double cost) {
    solver::Candidate candidate;
    candidate.id = "c" + std::to_string(instance.candidates.size());
    candidate.person = person;
    candidate.from = transfer.from;
    candidate.to = transfer.to;
    candidate.beneficiary = transfer.beneficiary;
    candidate.value = value;
    candidate.cost = cost;
    candidate.unconditional = transfer.unconditional;
    instance.candidates.push_back(std::move(candidate));
  };
  if (content.named) {
    for (const Transfer& transfer : content.transfers) {
      auto value = terms.claim_values.find({transfer.person_id, transfer.beneficiary, transfer.to});
      auto cost = terms.release_costs.find({transfer.person_id, transfer.from});
      add(instance::PersonId(transfer.person_id), transfer,
          value == terms.claim_values.end() ? 1.0 : value->second,
          cost == terms.release_costs.end() ? 1.0 : cost->second);
    }
  } else {
    for (const DirectionCount& count : content.counts) {
      for (int64_t i = 0; i < count.persons; ++i) {
        add(count.from + ">" + count.to + "#" + std::to_string(i + 1),
            Transfer{0, count.from, count.to, count.to, false}, 1.0, 1.0);
      }
    }
  }
  return instance;
}

std::vector<solver::BlocReport> Balance(const BalanceTerms& terms, const ProposalContent& content) {
  const solver::ExchangeModel model = solver::BuildExchangeModel(BalanceInstance(terms, content));
  std::vector<int> every(model.instance.candidates.size());
  for (size_t c = 0; c < every.size(); ++c) every[c] = static_cast<int>(c);
  return solver::MakeDeal(model, every).blocs;
}

std::string DescribeBloc(const solver::BlocReport& bloc) {
  std::string text = "bloc " + bloc.name + ": gives " + std::to_string(bloc.given) + ", receives " +
                     std::to_string(bloc.received);
  switch (bloc.rule.kind) {
    case solver::Rule::Kind::kNone:
      return text + " (no rule)";
    case solver::Rule::Kind::kCount:
      return text + "; count rule (received >= " + NumberText(bloc.rule.ratio) + " x given) " +
             (bloc.holds ? "holds" : "broken");
    case solver::Rule::Kind::kValue:
      return text + "; value received " + NumberText(bloc.value_received) + ", cost given " +
             NumberText(bloc.cost_given) +
             "; value rule (received >= " + NumberText(bloc.rule.ratio) + " x cost given) " +
             (bloc.holds ? "holds" : "broken");
  }
  return text;
}

std::vector<std::string> BrokenRules(const std::vector<solver::BlocReport>& balance) {
  std::vector<std::string> out;
  for (const solver::BlocReport& bloc : balance) {
    if (!bloc.holds) out.push_back(DescribeBloc(bloc));
  }
  return out;
}

}  // namespace canje::negotiation
