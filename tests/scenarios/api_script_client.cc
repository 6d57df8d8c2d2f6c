#include "api_script_client.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/encoding.h"

namespace canje::scenario_script {
namespace {

using cli::testing::RunResult;
using nlohmann::json;
using server::testing::HttpResult;

int ExitStatusOf(int http_status) {
  switch (http_status) {
    case 400:
      return 2;
    case 422:
      return 65;
    case 404:
      return 66;
    case 409:
    case 412:
      return 75;
    case 403:
      return 77;
    case 503:
      return 69;
    default:
      return http_status >= 200 && http_status < 300 ? 0 : 1;
  }
}

// "1.5" -> 1.5 and "3" -> 3 as JSON numbers (whole numbers stay integers).
json Number(const std::string& text) {
  if (text.find_first_not_of("0123456789") == std::string::npos) return std::stoll(text);
  return std::stod(text);
}

// The rows of a simple CSV file (no quoted commas): a header, then one object per row.
std::vector<std::map<std::string, std::string>> CsvRows(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
  auto split = [](const std::string& row) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(row);
    while (std::getline(in, cell, ',')) cells.push_back(cell);
    if (!row.empty() && row.back() == ',') cells.push_back("");
    return cells;
  };
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    if (header.empty()) {
      header = split(line);
      continue;
    }
    std::vector<std::string> cells = split(line);
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

// The non-empty lines of a text.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace

struct ApiScriptClient::Parsed {
  std::vector<std::string> words;                           // before the first option
  std::map<std::string, std::vector<std::string>> options;  // "--party" -> its values
  bool Has(const std::string& name) const { return options.count(name) > 0; }
  std::string Get(const std::string& name) const {
    auto found = options.find(name);
    return found == options.end() || found->second.empty() ? "" : found->second.front();
  }
  std::string Word(size_t i) const { return i < words.size() ? words[i] : ""; }
};

ApiScriptClient::ApiScriptClient(int port, const cli::testing::CanjeRunner& canje,
                                 std::string admin_token)
    : client_(port), canje_(canje) {
  tokens_[""] = std::move(admin_token);
}

HttpResult ApiScriptClient::Send(const std::string& user, const std::string& method,
                                 const std::string& target, const std::string& body) {
  ++requests_;
  auto token = tokens_.find(user);
  if (token == tokens_.end()) {
    ADD_FAILURE() << "no token for user '" << user << "' (made by `user add`)";
    return {};
  }
  return client_.Send(method, target, token->second, body);
}

RunResult ApiScriptClient::Answer(const HttpResult& answer) {
  RunResult result;
  result.exit_status = answer.status == 0 ? 1 : ExitStatusOf(answer.status);
  if (result.exit_status == 0) {
    result.out = answer.body;
  } else {
    json problem = json::parse(answer.body, nullptr, false);
    result.err = problem.is_object() && problem.contains("detail")
                     ? problem["detail"].get<std::string>()
                     : answer.body + answer.error;
  }
  return result;
}

RunResult ApiScriptClient::GetAllPages(const std::string& user, std::string target) {
  json items = json::array();
  while (!target.empty()) {
    HttpResult page = Send(user, "GET", target);
    if (page.status != 200) return Answer(page);
    for (const json& item : json::parse(page.body)) items.push_back(item);
    const std::string link = page.Header("link");
    target = link.empty() ? "" : link.substr(1, link.find('>') - 1);
  }
  return {0, items.dump(), ""};
}

std::string ApiScriptClient::ReadRunFile(const std::string& name) const {
  std::ifstream in(canje_.Path(name), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ApiScriptClient::Checkpoint() {
  HttpResult checkpoint = Send("", "GET", "/v1/log/checkpoint");
  return checkpoint.status == 200 ? checkpoint.body : "";
}

std::optional<RunResult> ApiScriptClient::Run(const std::string& user,
                                              const std::vector<std::string>& args) {
  Parsed command;
  std::string option;
  for (const std::string& arg : args) {
    if (arg.rfind("--", 0) == 0) {
      option = arg;
      command.options[option];
    } else if (option.empty()) {
      command.words.push_back(arg);
    } else {
      command.options[option].push_back(arg);
    }
  }
  return Translate(user, command);
}

std::optional<RunResult> ApiScriptClient::Translate(const std::string& user, const Parsed& c) {
  const std::string what = c.Word(0) + " " + c.Word(1);
  // Commands that need no store, and a party's own check of the published log.
  if (c.Word(0) == "sign" || what == "log verify") return std::nullopt;

  if (what == "user add") {
    const std::string name = c.Word(2);
    json body = {{"name", name}, {"party", c.Get("--party")}, {"role", c.Get("--role")}};
    RunResult added = Answer(Send(user, "POST", "/v1/users", body.dump()));
    if (added.exit_status != 0) return added;
    HttpResult token = Send(user, "POST", "/v1/users/" + name + "/tokens");
    if (token.status != 201) return Answer(token);
    tokens_[name] = json::parse(token.body)["token"];
    return added;
  }
  if (c.Word(0) == "persons") {
    std::string target = "/v1/persons?";
    for (const char* filter : {"list", "nationality", "holder", "status", "category"}) {
      if (c.Has(std::string("--") + filter)) {
        target += std::string(filter) + "=" + c.Get(std::string("--") + filter) + "&";
      }
    }
    return GetAllPages(user, target + "limit=1000");
  }
  if (what == "person show") return Answer(Send(user, "GET", "/v1/persons/" + c.Word(2)));

  // Exchanges and their set-up.
  const std::string exchange = "/v1/exchanges/" + c.Word(2);
  if (what == "exchange create") {
    json body = {{"name", c.Word(2)}, {"mediator", c.Get("--mediator")}};
    return Answer(Send(user, "POST", "/v1/exchanges", body.dump()));
  }
  if (what == "exchange party" && c.Word(2) == "add") {
    json body = {{"party", c.Word(4)}, {"bloc", c.Get("--bloc")}};
    return Answer(Send(user, "POST", "/v1/exchanges/" + c.Word(3) + "/parties", body.dump()));
  }
  if (what == "exchange rule") {
    json body = {{"bloc", c.Word(3)}, {"rule", c.Word(4)}};
    if (c.Has("--ratio")) body["ratio"] = Number(c.Get("--ratio"));
    return Answer(Send(user, "POST", exchange + "/rules", body.dump()));
  }
  if (what == "exchange claim") {
    json body = {{"by", c.Get("--by")}};
    if (c.Has("--list")) body["list"] = c.Get("--list");
    if (!c.Word(3).empty()) body["person"] = c.Word(3);
    if (c.Has("--value")) body["value"] = Number(c.Get("--value"));
    return Answer(Send(user, "POST", exchange + "/claims", body.dump()));
  }

  // Proposals and the agreement.
  const std::string version = "/v1/proposals/" + c.Word(2);
  if (what == "proposal create") {
    json body = json::object();
    if (c.Has("--counts")) body["counts"] = c.Get("--counts");
    if (c.Has("--transfers")) body["transfers_csv"] = ReadRunFile(c.Get("--transfers"));
    if (c.Has("--parent")) body["parent"] = c.Get("--parent");
    return Answer(Send(user, "POST", exchange + "/proposals", body.dump()));
  }
  if (what == "proposal table") return Answer(Send(user, "POST", version + "/table", "{}"));
  if (what == "proposal accept" || what == "proposal reject") {
    json body = {{"party", c.Get("--party")}};
    if (c.Has("--reason")) body["reason"] = c.Get("--reason");
    if (c.Has("--expect-state")) body["expect_state"] = c.Get("--expect-state");
    return Answer(Send(user, "POST", version + "/" + c.Word(1), body.dump()));
  }
  if (what == "proposal show") return Answer(Send(user, "GET", version));
  if (what == "proposal diff") {
    return Answer(Send(user, "GET", "/v1/proposals/" + c.Word(3) + "/diff?against=" + c.Word(2)));
  }
  if (what == "proposal override") {
    json body = {{"justification", c.Get("--justification")}};
    return Answer(Send(user, "POST", version + "/override", body.dump()));
  }
  if (what == "proposal manifest") {
    HttpResult manifest = Send(user, "GET", version + "/manifest");
    if (manifest.status == 200 && c.Has("--out")) canje_.WriteFile(c.Get("--out"), manifest.body);
    return Answer(manifest);
  }
  if (what == "party key" && c.Word(2) == "add") {
    json body = {{"pem", ReadRunFile(c.Get("--pem"))}};
    return Answer(Send(user, "POST", "/v1/parties/" + c.Word(3) + "/keys", body.dump()));
  }
  if (what == "agreement sign-add") {
    const std::string signature = ReadRunFile(c.Get("--signature"));
    json body = {{"party", c.Get("--party")}, {"signature", Base64Encode(AsBytes(signature))}};
    return Answer(Send(user, "POST", version + "/signatures", body.dump()));
  }
  if (what == "agreement verify") {
    // The command fails (65) when a party's valid signature is missing; the API answers the
    // check either way.
    RunResult checked = Answer(Send(user, "GET", version + "/agreement"));
    json check = json::parse(checked.out, nullptr, false);
    if (checked.exit_status == 0 && check.is_object() && !check.value("complete", false)) {
      checked.exit_status = 65;
    }
    return checked;
  }

  // Holds and interviews.
  if (what == "hold add") {
    json body = {{"issuer", c.Get("--issuer")},
                 {"reference", c.Get("--reference")},
                 {"from", c.Get("--from")}};
    if (c.Has("--person")) body["persons"] = c.options.at("--person");
    return Answer(Send(user, "POST", "/v1/holds", body.dump()));
  }
  if (what == "interview record") {
    if (c.Has("--file")) {
      json interviews = json::array();
      for (const auto& row : CsvRows(ReadRunFile(c.Get("--file")))) {
        json item = json::object();
        for (const auto& [column, value] : row) {
          if (!value.empty()) item[column] = value;
        }
        interviews.push_back(item);
      }
      return Answer(
          Send(user, "POST", "/v1/interviews/batch", json{{"interviews", interviews}}.dump()));
    }
    json body = {{"person", c.Word(2)}};
    for (const char* member : {"destination", "identity", "consent", "fit", "note", "on"}) {
      if (c.Has(std::string("--") + member)) body[member] = c.Get(std::string("--") + member);
    }
    return Answer(Send(user, "POST", "/v1/interviews", body.dump()));
  }

  // The workflow, execution and the count afterwards.
  if (what == "exchange advance") {
    json body = {{"to", c.Get("--to")}};
    return Answer(Send(user, "POST", exchange + "/workflow/advance", body.dump()));
  }
  if (what == "exchange state") return Answer(Send(user, "GET", exchange + "/workflow"));
  if (what == "exchange readiness") return Answer(Send(user, "GET", exchange + "/readiness"));
  if (what == "exchange not-travelling") {
    json body = {{"person", c.Word(3)}, {"reason", c.Get("--reason")}};
    if (c.Has("--note")) body["note"] = c.Get("--note");
    return Answer(Send(user, "POST", exchange + "/not-travelling", body.dump()));
  }
  if (what == "handover record") {
    auto handover = [](const std::string& person, const std::string& at, const std::string& place,
                       const std::string& to, std::vector<std::string> witnesses) {
      return json{
          {"person", person}, {"at", at}, {"place", place}, {"to", to}, {"witnesses", witnesses}};
    };
    if (c.Has("--file")) {
      json handovers = json::array();
      for (const auto& row : CsvRows(ReadRunFile(c.Get("--file")))) {
        std::vector<std::string> witnesses;
        std::istringstream names(row.count("witnesses") ? row.at("witnesses") : "");
        for (std::string name; std::getline(names, name, '|');) witnesses.push_back(name);
        handovers.push_back(
            handover(row.at("person"), row.at("at"), row.at("place"), row.at("to"), witnesses));
      }
      return Answer(
          Send(user, "POST", exchange + "/handovers/batch", json{{"handovers", handovers}}.dump()));
    }
    json body =
        handover(c.Word(3), c.Get("--at"), c.Get("--place"), c.Get("--to"),
                 c.Has("--witness") ? c.options.at("--witness") : std::vector<std::string>{});
    return Answer(Send(user, "POST", exchange + "/handovers", body.dump()));
  }
  if (what == "handover list") {
    return Answer(Send(user, "GET", "/v1/exchanges/" + c.Word(2) + "/handovers"));
  }
  if (what == "exchange report") {
    json body = {{"party", c.Get("--party")},
                 {"direction", c.Get("--direction")},
                 {"count", Number(c.Get("--count"))}};
    if (c.Has("--note")) body["note"] = c.Get("--note");
    if (c.Has("--persons")) body["persons"] = Lines(ReadRunFile(c.Get("--persons")));
    return Answer(Send(user, "POST", exchange + "/reports", body.dump()));
  }
  if (what == "exchange reconcile") {
    for (const auto& [option, format] : {std::pair{"--csv", "csv"}, {"--html", "html"}}) {
      if (!c.Has(option)) continue;
      HttpResult file = Send(user, "GET", exchange + "/reconciliation?format=" + format);
      if (file.status != 200) return Answer(file);
      canje_.WriteFile(c.Get(option), file.body);
    }
    return Answer(Send(user, "GET", exchange + "/reconciliation"));
  }

  ADD_FAILURE() << "the API replay does not know `canje " << what
                << " ...`: add its request to api_script_client.cc";
  return RunResult{1, "", "not translated"};
}

}  // namespace canje::scenario_script
