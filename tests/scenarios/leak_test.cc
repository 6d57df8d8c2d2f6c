// Need to know as a property, on the scenario scripts (docs/security.md, "What a negotiator or
// observer can infer"). Each script runs twice on a fresh store: as written, and with every
// refusal replaced by an unfitness (script_variant.h). Along the way every negotiator and
// observer (two observers are added: one of a party in the story, one of a party outside it or
// of the mediator) reads everything it can:
//  - every `canje` step it runs itself, as the script runs it;
//  - at every chapter's end and after every interview or not-travelling outcome, the HTTP API's
//    read endpoints (`canje serve` over loopback);
//  - at the end of the negotiation and of the script, every read command of the command line
//    (tables and JSON, files written by reconcile and log bundle) and every read endpoint,
//    persons one by one included.
// Two properties are checked:
//  1. Nothing forbidden reaches them: no refusal, no interview answer or note, no fitness
//     reason, no not-travelling note, and no name or document number of a person outside their
//     need to know — computed here, independently of the core, from what an admin reads: the
//     persons their party holds or listed (through a record that made the person or whose link
//     was confirmed, never one merged by `canje link` alone), and those transferred to it or
//     claimed by it under an agreed version it accepted.
//  2. Each user's collected bytes are identical in the two runs, apart from times and random
//     values (salts, hashes, keys, signatures, tokens): nothing they read can tell a refusal
//     from an unfitness.
// Both backends (leak_test on SQLite, leak_test_postgres on PostgreSQL).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_test_support.h"
#include "core/clock.h"
#include "core/text.h"
#include "script_catalog.h"
#include "script_executor.h"
#include "script_parser.h"
#include "script_variant.h"
#include "server/serve_test_support.h"

namespace canje::scenario_script {
namespace {

using cli::testing::CanjeRunner;
using cli::testing::RunResult;
using nlohmann::json;

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Words that say why a person is not available, in any letter case. None may reach a
// negotiator or observer, in the original or the variant.
const std::vector<std::string> kForbiddenWords = {"refus",
                                                  "unfit",
                                                  "not fit",
                                                  "fit_to_travel",
                                                  "fit to travel",
                                                  "interview",
                                                  "consent",
                                                  "identity_unconfirmed",
                                                  "identity not confirmed",
                                                  "undecided"};

bool IsTokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '/' || c == '_' ||
         c == '-' || c == '=';
}

bool IsDigitAt(const std::string& text, size_t at) {
  return at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) != 0;
}

// The length of an RFC 3339 time at `at` (2025-07-18T14:05:00Z, with fractions or an offset),
// or 0.
size_t TimeAt(const std::string& text, size_t at) {
  static const std::string kShape = "dddd-dd-ddTdd:dd:dd";
  if (at + kShape.size() > text.size()) return 0;
  for (size_t i = 0; i < kShape.size(); ++i) {
    if (kShape[i] == 'd' ? !IsDigitAt(text, at + i) : text[at + i] != kShape[i]) return 0;
  }
  size_t end = at + kShape.size();
  if (end < text.size() && text[end] == '.') {
    ++end;
    while (IsDigitAt(text, end)) ++end;
  }
  if (end < text.size() && text[end] == 'Z') return end + 1 - at;
  if (end + 6 <= text.size() && (text[end] == '+' || text[end] == '-') && text[end + 3] == ':') {
    return end + 6 - at;
  }
  return end - at;
}

// Whether the `length` bytes at `at` lie inside a run of base64 (a hash, a proof, a signature, a
// sealed blob: 24 or more letters, digits, '+', '/' and '=', with a digit, '+' or '/' in it).
// Random base64 spells any short word now and then ("UnFiT"): that is not a word read.
bool InsideEncodedRun(const std::string& text, size_t at, size_t length) {
  auto base64 = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '/' || c == '=';
  };
  size_t begin = at, end = at + length;
  while (begin > 0 && base64(text[begin - 1])) --begin;
  while (end < text.size() && base64(text[end])) ++end;
  if (end - begin < 24) return false;
  for (size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '/') return true;
  }
  return false;
}

// `text` without the lines that refuse an action to a role ("a negotiator may not read
// interviews; ask a user with the role ..."): they name the action, and say nothing of a person.
std::string WithoutRoleRefusals(const std::string& text) {
  std::string kept;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("; ask a user with the role") == std::string::npos) kept += line + "\n";
  }
  return kept;
}

// `token` with every run of 16 or more hex digits and dashes (with a digit in it: an id, a key
// id, a UUID) written <hex>.
std::string HexRunsNormalised(std::string_view token) {
  std::string out;
  size_t i = 0;
  while (i < token.size()) {
    size_t j = i;
    bool digit = false;
    while (j < token.size() &&
           (std::isxdigit(static_cast<unsigned char>(token[j])) != 0 || token[j] == '-')) {
      digit = digit || std::isdigit(static_cast<unsigned char>(token[j])) != 0;
      ++j;
    }
    if (j - i >= 16 && digit) {
      out += "<hex>";
      i = j;
    } else if (j > i) {
      out += token.substr(i, j - i);
      i = j;
    } else {
      out += token[i++];
    }
  }
  return out;
}

// Times and random values set aside, so that two runs of the same story compare: every time,
// every token of 40 characters or more (hashes, signatures, keys in base64 or hex, paths), every
// hex string of 16 or more (dashes allowed: ids), every API token, the solver's timing, and this
// run's own folder and database.
std::string Normalised(std::string text, const std::vector<std::string>& local) {
  for (const std::string& value : local) {
    if (value.empty()) continue;
    for (size_t at = text.find(value); at != std::string::npos; at = text.find(value, at)) {
      text.replace(at, value.size(), "<local>");
    }
  }
  // The solver's own timing (`"seconds": 0.0123` in `exchange solve --json`).
  static const std::regex kSeconds(R"("seconds": [-0-9.e+]+)");
  if (text.find("\"seconds\"") != std::string::npos) {
    text = std::regex_replace(text, kSeconds, "\"seconds\": <seconds>");
  }
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (size_t time = TimeAt(text, i); time > 0) {
      out += "<time>";
      i += time;
      continue;
    }
    if (!IsTokenChar(text[i])) {
      out += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsTokenChar(text[j])) ++j;
    const std::string_view token(text.data() + i, j - i);
    if (token.substr(0, 6) == "canje_") {
      out += "<token>";
    } else if (token.size() >= 40) {
      out += "<b64>";
    } else if (i >= 2 && text[i - 1] == '.' && IsDigitAt(text, i - 2) && token.size() >= 7 &&
               std::all_of(token.begin(), token.end(),
                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      // A long fraction (the linkage model's weights, trained on two threads, differ in their
      // last digits from run to run): its first four digits.
      out += std::string(token.substr(0, 4)) + "~";
    } else {
      out += HexRunsNormalised(token);
    }
    i = j;
  }
  return out;
}

// Finds any of many values (six bytes or more) in a text in one pass, by their first six bytes.
class ValueScanner {
 public:
  void Reset(const std::vector<std::string>& values) {
    by_prefix_.clear();
    for (const std::string& value : values) {
      if (value.size() >= kPrefix) by_prefix_[value.substr(0, kPrefix)].push_back(value);
    }
  }
  // The first value found, or "".
  std::string FindIn(const std::string& text) const {
    if (by_prefix_.empty()) return "";
    for (size_t at = 0; at + kPrefix <= text.size(); ++at) {
      auto found = by_prefix_.find(std::string_view(text.data() + at, kPrefix));
      if (found == by_prefix_.end()) continue;
      for (const std::string& value : found->second) {
        if (text.compare(at, value.size(), value) == 0) return value;
      }
    }
    return "";
  }

 private:
  static constexpr size_t kPrefix = 6;
  std::map<std::string, std::vector<std::string>, std::less<>> by_prefix_;
};

struct User {
  std::string name;
  std::string party;
  std::string role;
};

// One read and what came back, with times and random values set aside (Normalised).
struct Collected {
  std::string label;
  std::string bytes;
};

// What the oracle knows of a person, read as an admin.
struct PersonFacts {
  std::string name;
  std::vector<std::string> documents;
  std::set<std::string> holders;       // custody rows
  // Parties whose lists have a record of them that made the person or whose link was
  // confirmed in review (a record merged by `canje link` alone grants nothing).
  std::set<std::string> list_parties;
};

// A whole run of one script (as written, or its variant) with the collection along the way.
class LeakRun {
 public:
  LeakRun(Script script, std::filesystem::path folder, bool variant)
      : script_(std::move(script)), folder_(std::move(folder)), variant_(variant) {}

  // Runs the script; a failure of the script itself, and every leak, is a test failure.
  void Run() {
    std::cout << script_.path << " on " << (canje_.on_postgres() ? "PostgreSQL" : "SQLite") << "\n";
    ScriptHooks hooks;
    hooks.statuses_only = variant_;
    hooks.after_command = [this](const std::string& user, const std::vector<std::string>& args,
                                 const RunResult& result) { AfterCommand(user, args, result); };
    hooks.after_step = [this](const Step& step, bool chapter_ends) {
      AfterStep(step, chapter_ends);
      return Status::Ok();
    };
    executor_ = std::make_unique<ScriptExecutor>(script_, folder_, canje_, std::cout, hooks);
    ScriptOutcome outcome = executor_->Run();
    ASSERT_EQ(outcome.kind, ScriptOutcome::Kind::kPassed) << outcome.message;
    clients_.clear();
    client_.reset();
    server_.reset();
    std::cout << "  " << reads_ << " reads by " << WatchedUsers().size()
              << " negotiators and observers, " << std::fixed << std::setprecision(1) << seconds_
              << " s of it collecting (after assessments " << seconds_by_point_[0]
              << " s, chapters " << seconds_by_point_[1] << " s, agreement " << seconds_by_point_[2]
              << " s, end " << seconds_by_point_[3] << " s)\n";
  }

  // Each watched user's reads, in order.
  const std::map<std::string, std::vector<Collected>>& transcripts() const { return transcripts_; }

 private:
  bool Watched(const std::string& user) const {
    auto found = users_.find(user);
    return found != users_.end() &&
           (found->second.role == "negotiator" || found->second.role == "observer");
  }

  std::vector<User> WatchedUsers() const {
    std::vector<User> watched;
    for (const auto& [name, user] : users_) {
      if (Watched(name)) watched.push_back(user);
    }
    return watched;
  }

  void AfterCommand(const std::string& user, const std::vector<std::string>& args,
                    const RunResult& result) {
    // Users as the script adds them: `user add NAME --party P --role R`.
    if (args.size() >= 3 && args[0] == "user" && args[1] == "add" && result.exit_status == 0) {
      User added{args[2], "", ""};
      for (size_t i = 3; i + 1 < args.size(); ++i) {
        if (args[i] == "--party") added.party = args[i + 1];
        if (args[i] == "--role") added.role = args[i + 1];
      }
      users_[added.name] = added;
    }
    if (!Watched(user)) return;
    std::string label = "step:";
    for (const std::string& arg : args) label += " " + arg;
    // Checked once the step is over (AfterStep), when what the party may read is known.
    pending_.push_back({user, label,
                        "exit " + std::to_string(result.exit_status) + "\n" + result.out +
                            "\n--- stderr\n" + result.err});
  }

  // What is read when (Collect): after every personal assessment, the views it may change;
  // at every chapter's end, the API's read endpoints (the log's latest entries); at the end of
  // the chapter that reached an agreement, every read endpoint, the whole log and persons one
  // by one; at the end of the script, all that and every read command of the command line.
  enum class Point { kAssessment, kChapter, kAgreement, kEnd };

  void AfterStep(const Step& step, bool chapter_ends) {
    if (step.kind != Step::Kind::kCommand) return;
    const auto& args = step.command.args;
    auto is = [&](const char* first, const char* second) {
      return args.size() >= 2 && args[0].text == first && args[1].text == second;
    };
    // A step that may make a version agreed changes what the parties may read.
    if (server_ != nullptr && (is("proposal", "accept") || is("proposal", "override"))) {
      RefreshForbidden();
    }
    for (Pending& pending : pending_) Keep(pending.user, pending.label, pending.bytes);
    pending_.clear();
    if (WatchedUsers().empty()) return;
    const bool assessment = is("interview", "record") || is("exchange", "not-travelling");
    if (&step == &script_.steps.back()) {
      Collect(Point::kEnd);
    } else if (chapter_ends && server_ != nullptr && !agreement_collected_ && AnyAgreedVersion()) {
      agreement_collected_ = true;
      Collect(Point::kAgreement);
    } else if (chapter_ends) {
      Collect(Point::kChapter);
    } else if (assessment) {
      Collect(Point::kAssessment);
    }
  }

  void Keep(const std::string& user, const std::string& label, const std::string& bytes) {
    std::string normal = Normalised(bytes, local_);
    CheckForbidden(user, label, bytes, normal);
    // Collectors on several threads only find their user's transcript (PrepareReaders made it);
    // a step's outputs, kept on the main thread, may add one.
    auto transcript = transcripts_.find(user);
    if (transcript == transcripts_.end()) transcript = transcripts_.try_emplace(user).first;
    transcript->second.push_back({label, std::move(normal)});
    ++reads_;
  }

  // ---- Setting up: observers, tokens, the server, the admin's view ----------------------------

  void SetUpOnce() {
    if (server_ != nullptr) return;
    const json users = json::parse(canje_.Run({"user", "list", "--json"}).out);
    for (const json& user : users) {
      const std::string name = user["name"].get<std::string>();
      if (user["role"] == "admin" && admin_.empty()) admin_ = name;
      users_[name] = User{name, user["party"].get<std::string>(), user["role"].get<std::string>()};
    }
    // Two observers: of the first negotiating party, and of a party no negotiator acts for.
    std::set<std::string> negotiating;
    for (const auto& [name, user] : users_) {
      if (user.role == "negotiator") negotiating.insert(user.party);
    }
    ASSERT_FALSE(negotiating.empty());
    std::string outside = users_[admin_].party;
    for (const json& party : json::parse(canje_.Run({"party", "list", "--json"}).out)) {
      const std::string code = party["code"].get<std::string>();
      if (!negotiating.count(code) && code != users_[admin_].party) {
        outside = code;
        break;
      }
    }
    for (const auto& [name, party] :
         {std::pair<std::string, std::string>{"obs-inside", *negotiating.begin()},
          {"obs-outside", outside}}) {
      RunResult added = canje_.Run({"user", "add", name, "--party", party, "--role", "observer"});
      ASSERT_EQ(added.exit_status, 0) << added.err;
      users_[name] = User{name, party, "observer"};
    }
    CreateToken(admin_);
    if (::testing::Test::HasFatalFailure()) return;
    local_ = {canje_.dir().string(), canje_.database()};
    server_ = std::make_unique<server::testing::ServeProcess>(canje_);
    ASSERT_NE(server_->port(), 0) << server_->error();
    client_ = std::make_unique<server::testing::HttpTestClient>(server_->port());
    Notes();  // read once here: the collectors' threads only read it
    ReadPersonFacts();
  }

  void CreateToken(const std::string& name) {
    RunResult token = canje_.Run({"user", "token", "create", name, "--json"});
    ASSERT_EQ(token.exit_status, 0) << token.err;
    tokens_[name] = json::parse(token.out)["token"].get<std::string>();
  }

  // Before the collectors' threads start, on the main thread: every watched user (the script
  // may add users after the first collection) has its token, its own connection and its
  // transcript, so that the threads only read these maps.
  void PrepareReaders() {
    for (const User& user : WatchedUsers()) {
      if (!tokens_.count(user.name)) CreateToken(user.name);
      if (::testing::Test::HasFatalFailure()) return;
      if (!clients_.count(user.name)) {
        clients_[user.name] = std::make_unique<server::testing::HttpTestClient>(server_->port());
      }
      transcripts_[user.name];
    }
  }

  json AdminGet(const std::string& target) {
    const auto result = client_->Send("GET", target, tokens_[admin_]);
    EXPECT_EQ(result.status, 200) << target << ": " << result.body;
    json parsed = json::parse(result.body, nullptr, false);
    return parsed.is_discarded() ? json::array() : parsed;
  }

  // Who each person is and what makes them visible to a party, as the admin reads it (the
  // scripts import every list before their first chapter ends).
  void ReadPersonFacts() {
    for (const json& person : AdminGet("/v1/persons")) {
      const std::string id = person["id"].get<std::string>();
      PersonFacts facts;
      if (person.contains("name")) facts.name = person["name"].get<std::string>();
      if (person.contains("documents")) {
        for (const json& document : person["documents"]) {
          facts.documents.push_back(document["number"].get<std::string>());
        }
      }
      for (const json& custody : person["custody"]) {
        facts.holders.insert(custody["holder"].get<std::string>());
      }
      const json details = AdminGet("/v1/persons/" + id);
      for (const json& record : details["records"]) {
        if (record["link"] != "automatic") {
          facts.list_parties.insert(record["party"].get<std::string>());
        }
      }
      persons_[id] = std::move(facts);
    }
    // A party reads its own records whatever person they are linked to (a row merged by `canje
    // link` alone shows the party its own row, not the person): the names and documents of the
    // records on each party's lists, as the admin's review queue shows them (where a negotiator
    // reads records).
    const json queue = json::parse(canje_.Run({"review", "list", "--json"}).out, nullptr, false);
    ASSERT_TRUE(queue.is_array());
    for (const json& item : queue) {
      for (const char* side : {"left", "right"}) {
        const json& record = item[side];
        std::vector<std::string>& into = own_record_values_[record["list_party"].get<std::string>()];
        std::vector<std::string> words = record["given_names"].get<std::vector<std::string>>();
        for (const json& word : record["family_names"]) words.push_back(word.get<std::string>());
        into.push_back(Join(words, " "));
        for (const json& document : record["documents"]) into.push_back(document.get<std::string>());
      }
    }
  }

  // The persons transferred to each party, or claimed by it, under an agreed version it
  // accepted (the rule of need to know by agreement, computed from the admin's reads).
  std::map<std::string, std::set<std::string>> ByAgreement() {
    std::map<std::string, std::set<std::string>> visible;
    for (const json& exchange : AdminGet("/v1/exchanges")) {
      const std::string id = exchange["id"].get<std::string>();
      const json details = AdminGet("/v1/exchanges/" + id);
      for (const json& version : AdminGet("/v1/exchanges/" + id + "/proposals")) {
        if (version["state"] != "agreed") continue;
        const json view = AdminGet("/v1/proposals/" + version["version"].get<std::string>());
        for (const json& response : view["responses"]) {
          if (response["response"] != "accepted") continue;
          const std::string party = response["party"].get<std::string>();
          std::set<std::string> claimed;
          for (const json& claim : details["claims"]) {
            if (claim["claimant"] == party) claimed.insert(claim["person"].get<std::string>());
          }
          for (const json& transfer : view["transfers"]) {
            const std::string person = transfer["person"].get<std::string>();
            if (transfer["to"] == party || claimed.count(person)) visible[party].insert(person);
          }
        }
      }
    }
    return visible;
  }

  bool AnyAgreedVersion() {
    for (const json& exchange : AdminGet("/v1/exchanges")) {
      for (const json& version :
           AdminGet("/v1/exchanges/" + exchange["id"].get<std::string>() + "/proposals")) {
        if (version["state"] == "agreed") return true;
      }
    }
    return false;
  }

  // The names and document numbers `party` may not read now.
  std::vector<std::string> ForbiddenValues(const std::string& party,
                                           const std::set<std::string>& agreed) const {
    std::vector<std::string> visible_values, hidden_values;
    for (const auto& [id, facts] : persons_) {
      const bool visible =
          facts.holders.count(party) || facts.list_parties.count(party) || agreed.count(id);
      std::vector<std::string>& into = visible ? visible_values : hidden_values;
      if (!facts.name.empty()) into.push_back(facts.name);
      for (const std::string& document : facts.documents) into.push_back(document);
    }
    if (auto own = own_record_values_.find(party); own != own_record_values_.end()) {
      visible_values.insert(visible_values.end(), own->second.begin(), own->second.end());
    }
    // A hidden value that a visible one contains (a shared name) proves nothing.
    std::vector<std::string> forbidden;
    std::string visible_text;
    for (const std::string& value : visible_values) visible_text += value + "\n";
    for (const std::string& value : hidden_values) {
      if (value.size() >= 6 && visible_text.find(value) == std::string::npos) {
        forbidden.push_back(value);
      }
    }
    return forbidden;
  }

  void CheckForbidden(const std::string& user, const std::string& label, const std::string& bytes,
                      const std::string& normal) {
    const std::string lower = Lower(WithoutRoleRefusals(bytes));
    for (const std::string& word : kForbiddenWords) {
      size_t at = lower.find(word);
      while (at != std::string::npos && InsideEncodedRun(lower, at, word.size())) {
        at = lower.find(word, at + 1);
      }
      EXPECT_EQ(at, std::string::npos)
          << user << " read \"" << word << "\" in " << label << ":\n"
          << bytes.substr(at == std::string::npos ? 0 : (at > 400 ? at - 400 : 0), 800);
    }
    for (const std::string& note : Notes()) {
      EXPECT_EQ(bytes.find(note), std::string::npos)
          << user << " read the note \"" << note << "\" in " << label;
    }
    const std::string& party = users_.at(user).party;
    auto scanner = forbidden_.find(party);
    if (scanner == forbidden_.end()) return;
    const std::string found = scanner->second.FindIn(normal);
    EXPECT_EQ(found, "") << user << " (" << party << ") read \"" << found
                         << "\", of a person outside its need to know, in " << label;
  }

  // Every note the script gives an interview or a not-travelling outcome.
  const std::vector<std::string>& Notes() {
    if (notes_read_) return notes_;
    notes_read_ = true;
    for (const Step& step : script_.steps) {
      const auto& args = step.command.args;
      if (args.size() < 2 || !((args[0].text == "interview" && args[1].text == "record") ||
                               (args[0].text == "exchange" && args[1].text == "not-travelling"))) {
        continue;
      }
      for (size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i].text == "--note") notes_.push_back(args[i + 1].text);
      }
    }
    return notes_;
  }

  // ---- Collecting ------------------------------------------------------------------------------

  // What each watched party may not read now (names and documents).
  void RefreshForbidden() {
    const auto agreed = ByAgreement();
    forbidden_.clear();
    for (const User& user : WatchedUsers()) {
      if (forbidden_.count(user.party)) continue;
      auto found = agreed.find(user.party);
      forbidden_[user.party].Reset(ForbiddenValues(
          user.party, found == agreed.end() ? std::set<std::string>() : found->second));
    }
  }

  void Collect(Point point) {
    const auto start = std::chrono::steady_clock::now();
    SetUpOnce();
    if (::testing::Test::HasFatalFailure()) return;
    RefreshForbidden();
    std::vector<std::string> exchanges, versions;
    for (const json& exchange : AdminGet("/v1/exchanges")) {
      exchanges.push_back(exchange["id"].get<std::string>());
      for (const json& version : AdminGet("/v1/exchanges/" + exchanges.back() + "/proposals")) {
        versions.push_back(version["version"].get<std::string>());
      }
    }
    PrepareReaders();
    if (::testing::Test::HasFatalFailure()) return;
    // Each user reads the API on its own thread and connection: no GET changes anything, so what
    // one reads does not depend on the others, and the server serves them at once. The command
    // line's reads run one after the other: some of them are events (`review list` logs the
    // pairs it shows), which the others' `log show` lists, in an order that must not depend on
    // the threads' timing.
    const int64_t latest = LatestEntries(point == Point::kChapter ? 50 : 5);
    std::vector<std::thread> readers;
    for (const User& user : WatchedUsers()) {
      readers.emplace_back([&, user] { CollectHttp(user, exchanges, versions, point, latest); });
    }
    for (std::thread& reader : readers) reader.join();
    if (point == Point::kEnd) {
      for (const User& user : WatchedUsers()) CollectCommandLine(user, exchanges, versions);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    seconds_ += seconds;
    seconds_by_point_[static_cast<int>(point)] += seconds;
  }

  // `latest`: the first of the log's latest entries to read at an assessment or a chapter's end.
  void CollectHttp(const User& user, const std::vector<std::string>& exchanges,
                   const std::vector<std::string>& versions, Point point, int64_t latest) {
    std::vector<std::string> targets;
    if (point == Point::kAssessment) {
      // What an assessment may change: readiness, the count, the log's latest entries.
      for (const std::string& exchange : exchanges) {
        targets.push_back("/v1/exchanges/" + exchange + "/readiness");
        targets.push_back("/v1/exchanges/" + exchange + "/reconciliation");
      }
      targets.push_back("/v1/log/events?from=" + std::to_string(latest) + "&limit=5");
    } else {
      targets = {"/v1/exchanges", "/v1/log/checkpoint"};
      if (point == Point::kChapter) {
        targets.push_back("/v1/log/events?from=" + std::to_string(latest) + "&limit=50");
      } else {
        targets.push_back("/v1/whoami");
        targets.push_back("/v1/summary");
        targets.push_back("/v1/lists");
        targets.push_back("/v1/link/status");
        targets.push_back("/v1/persons");
        targets.push_back("/v1/log/events?limit=1000000");
        targets.push_back("/v1/link/status?people=true");
      }
      for (const std::string& exchange : exchanges) {
        for (const char* part : {"", "/proposals", "/readiness", "/handovers", "/reconciliation"}) {
          targets.push_back("/v1/exchanges/" + exchange + part);
        }
      }
      for (const std::string& version : versions) targets.push_back("/v1/proposals/" + version);
    }
    if (point == Point::kAgreement || point == Point::kEnd) {
      for (const std::string& id : SamplePersons(25)) targets.push_back("/v1/persons/" + id);
    }
    for (const std::string& target : targets) {
      const auto result = clients_.at(user.name)->Send("GET", target, tokens_.at(user.name));
      EXPECT_NE(result.status, 0) << target << ": " << result.error;
      EXPECT_NE(result.status, 500) << user.name << " GET " << target << ": " << result.body;
      Keep(user.name, "GET " + target, std::to_string(result.status) + "\n" + result.body);
    }
  }

  // The first of the log's latest `count` entries.
  int64_t LatestEntries(int64_t count) {
    const json summary = AdminGet("/v1/summary");
    return std::max<int64_t>(0, summary.value("events", int64_t{0}) - count);
  }

  // Runs a read command as `user` and keeps its outputs, and the files it wrote (`files`: file
  // or folder names in the run folder, removed afterwards).
  void ReadAs(const User& user, std::vector<std::string> args,
              const std::vector<std::string>& files = {}) {
    std::string label = "canje";
    for (const std::string& arg : args) label += " " + arg;
    args.insert(args.begin(), {"--as", user.name});
    RunResult result = canje_.Run(args);
    std::string bytes = "exit " + std::to_string(result.exit_status) + "\n" + result.out +
                        "\n--- stderr\n" + result.err;
    for (const std::string& file : files) {
      std::error_code error;
      std::vector<std::filesystem::path> paths;
      if (std::filesystem::is_directory(canje_.Path(file), error)) {
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(canje_.Path(file), error)) {
          if (entry.is_regular_file()) paths.push_back(entry.path());
        }
      } else if (std::filesystem::exists(canje_.Path(file), error)) {
        paths.push_back(canje_.Path(file));
      }
      std::sort(paths.begin(), paths.end());
      for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        bytes += "\n--- " + std::filesystem::relative(path, canje_.dir()).string() + "\n" +
                 std::string(std::istreambuf_iterator<char>(in), {});
      }
      std::filesystem::remove_all(canje_.Path(file), error);
    }
    Keep(user.name, label, bytes);
  }

  void CollectCommandLine(const User& user, const std::vector<std::string>& exchanges,
                          const std::vector<std::string>& versions) {
    // Every read command once (JSON, where the table says the same), and the tables of the
    // views that show why a person is not available.
    const std::vector<std::vector<std::string>> general = {
        {"summary"},
        {"lists", "--json"},
        {"persons", "--json"},
        {"party", "list", "--json"},
        {"party", "key", "list", "--json"},
        {"user", "list"},
        {"exchange", "list", "--json"},
        {"hold", "list", "--json"},
        {"act", "list", "--json"},
        {"interview", "list"},
        {"link", "status", "--people", "--json"},
        {"review", "list", "--json"},
        {"log", "show", "--limit", "1000000"},
        {"log", "verify", "--json"},
        {"export", "persons", "--format", "json"},
    };
    for (const auto& args : general) ReadAs(user, args);
    ReadAs(user, {"log", "bundle", "--out", "leak-bundle-" + user.name},
           {"leak-bundle-" + user.name});
    for (const json& hold : json::parse(canje_.Run({"hold", "list", "--json"}).out)) {
      ReadAs(user, {"hold", "show", hold["id"].get<std::string>(), "--json"});
    }
    std::set<std::string> destinations;
    for (const std::string& exchange : exchanges) {
      for (const std::vector<std::string>& args :
           std::vector<std::vector<std::string>>{{"exchange", "show", exchange, "--json"},
                                                 {"exchange", "state", exchange, "--json"},
                                                 {"exchange", "candidates", exchange},
                                                 {"exchange", "solve", exchange, "--json"},
                                                 {"exchange", "readiness", exchange},
                                                 {"exchange", "readiness", exchange, "--json"},
                                                 {"handover", "list", exchange},
                                                 {"proposal", "list", exchange, "--json"}}) {
        ReadAs(user, args);
      }
      const std::string csv = "leak-" + user.name + ".csv", html = "leak-" + user.name + ".html";
      ReadAs(user, {"exchange", "reconcile", exchange, "--csv", csv, "--html", html}, {csv, html});
      const json details = json::parse(canje_.Run({"exchange", "show", exchange, "--json"}).out);
      for (const json& bloc : details["blocs"]) {
        for (const json& party : bloc["parties"]) destinations.insert(party.get<std::string>());
      }
    }
    for (const std::string& destination : destinations) {
      ReadAs(user, {"eligibility", "--destination", destination, "--json"});
    }
    std::string previous;
    for (const std::string& version : versions) {
      ReadAs(user, {"proposal", "show", version});
      ReadAs(user, {"agreement", "verify", version, "--json"});
      if (!previous.empty()) ReadAs(user, {"proposal", "diff", previous, version, "--json"});
      previous = version;
    }
    if (!versions.empty()) ReadAs(user, {"proposal", "manifest", versions.back()});
    for (const std::string& id : SamplePersons(400, 4)) {
      ReadAs(user, {"person", "show", id, "--json"});
    }
  }

  // Persons to read one by one: those the script's values name (the first `each` of each: the
  // persons the story is about), and every `stride`-th person of the store.
  std::set<std::string> SamplePersons(size_t stride, size_t each = 32) const {
    std::set<std::string> sample;
    for (const auto& [name, values] : executor_->variables().all()) {
      for (size_t i = 0; i < values.size() && i < each; ++i) {
        if (persons_.count(values[i])) sample.insert(values[i]);
      }
    }
    size_t index = 0;
    for (const auto& [id, facts] : persons_) {
      if (index++ % stride == 0) sample.insert(id);
    }
    return sample;
  }

  const Script script_;
  std::filesystem::path folder_;
  bool variant_;
  CanjeRunner canje_;
  std::unique_ptr<ScriptExecutor> executor_;
  std::map<std::string, User> users_;
  std::string admin_;
  std::map<std::string, std::string> tokens_;
  std::vector<std::string> local_;  // this run's folder and database
  std::unique_ptr<server::testing::ServeProcess> server_;
  std::unique_ptr<server::testing::HttpTestClient> client_;  // the admin's
  std::map<std::string, std::unique_ptr<server::testing::HttpTestClient>> clients_;
  std::map<std::string, PersonFacts> persons_;
  // Party -> the names and document numbers of the records on its own lists.
  std::map<std::string, std::vector<std::string>> own_record_values_;
  std::map<std::string, ValueScanner> forbidden_;  // by party
  std::map<std::string, std::vector<Collected>> transcripts_;
  struct Pending {
    std::string user, label, bytes;
  };
  std::vector<Pending> pending_;  // the current step's outputs, checked once it is over
  std::vector<std::string> notes_;
  bool notes_read_ = false;
  bool agreement_collected_ = false;
  std::atomic<int64_t> reads_ = 0;
  double seconds_ = 0;
  double seconds_by_point_[4] = {0, 0, 0, 0};
};

class LeakTest : public ::testing::TestWithParam<ScenarioScript> {};

TEST_P(LeakTest, NothingForbiddenReachesAPartyAndARefusalReadsLikeAnUnfitness) {
  const ScenarioScript& scenario = GetParam();
  std::ifstream in(scenario.file, std::ios::binary);
  ASSERT_TRUE(in) << "cannot read " << scenario.file;
  std::stringstream text;
  text << in.rdbuf();
  Result<Script> script = ParseScript(scenario.shown_path, text.str());
  ASSERT_TRUE(script.ok()) << script.status().message();

  // The two runs must see the same day: candidates and solutions count the holds in force
  // today (UTC). A pair of runs that crossed midnight compares two days, and is run again.
  std::optional<LeakRun> original;
  std::optional<LeakRun> variant;
  for (int attempt = 0; attempt < 2; ++attempt) {
    const std::string day = TodayIso();
    original.emplace(*script, scenario.folder, false);
    original->Run();
    if (HasFailure()) return;
    variant.emplace(RefusalsAsUnfitness(*script), scenario.folder, true);
    variant->Run();
    if (HasFailure()) return;
    if (TodayIso() == day) break;
    std::cout << "the runs crossed midnight (UTC): running both again\n";
  }
  // The differential: each user's reads, byte for byte once times and random values are set
  // aside.
  ASSERT_EQ(original->transcripts().size(), variant->transcripts().size());
  for (const auto& [user, reads] : original->transcripts()) {
    const auto found = variant->transcripts().find(user);
    ASSERT_NE(found, variant->transcripts().end()) << user;
    const std::vector<Collected>& other = found->second;
    ASSERT_EQ(reads.size(), other.size()) << user << " made a different number of reads";
    int differences = 0;
    for (size_t i = 0; i < reads.size() && differences < 5; ++i) {
      ASSERT_EQ(reads[i].label, other[i].label) << user << ", read " << i;
      const std::string& a = reads[i].bytes;
      const std::string& b = other[i].bytes;
      if (a == b) continue;
      ++differences;
      size_t at = 0;
      while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
      const size_t from = at > 300 ? at - 300 : 0;
      ADD_FAILURE() << user << " can tell a refusal from an unfitness: " << reads[i].label
                    << " differs at byte " << at << "\nwith the refusal:\n"
                    << a.substr(from, 800) << "\nwith the unfitness:\n"
                    << b.substr(from, 800);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Scenarios, LeakTest,
                         ::testing::ValuesIn(FindScenarioScripts(CANJE_SOURCE_DIR)),
                         [](const ::testing::TestParamInfo<ScenarioScript>& param) {
                           return param.param.test_name;
                         });

}  // namespace
}  // namespace canje::scenario_script
