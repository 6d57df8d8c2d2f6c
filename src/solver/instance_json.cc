#include "solver/instance_json.h"

#include <cmath>
#include <fstream>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string_view>

#include "core/utf8.h"

namespace canje::solver {
namespace {

using nlohmann::json;

std::string Index(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}
std::string Key(const std::string& path, std::string_view key) {
  return path + "." + std::string(key);
}

Status Bad(const std::string& path, const std::string& what) {
  return Status::Invalid(path + ": " + what);
}

// Reports the first key of `object` that is not in `allowed`.
Status CheckKeys(const json& object, const std::string& path,
                 std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, unused] : object.items()) {
    bool known = false;
    for (std::string_view name : allowed) known = known || key == name;
    if (!known) {
      std::string list;
      for (std::string_view name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
      return Bad(Key(path, key), "unknown key '" + key + "'; the keys allowed here are " + list);
    }
  }
  return Status::Ok();
}

Result<std::string> ReadString(const json& value, const std::string& path) {
  if (!value.is_string()) return Bad(path, "expected a string, found " + value.dump());
  std::string text = value.get<std::string>();
  if (text.empty()) return Bad(path, "is empty; write a non-empty string");
  return text;
}

Result<double> ReadNonNegative(const json& value, const std::string& path, const char* name) {
  if (!value.is_number()) return Bad(path, std::string("expected a number, found ") + value.dump());
  double number = value.get<double>();
  if (!std::isfinite(number) || number < 0) {
    return Bad(path, std::string(name) + " is " + value.dump() + "; write a number >= 0");
  }
  return number;
}

Result<int> ReadInteger(const json& value, const std::string& path, int minimum) {
  if (!value.is_number_integer() || value.get<long long>() < minimum ||
      value.get<long long>() > 1'000'000'000) {
    return Bad(path,
               "expected an integer >= " + std::to_string(minimum) + ", found " + value.dump());
  }
  return static_cast<int>(value.get<long long>());
}

bool LooksLikeCountryCode(const std::string& code) {
  if (code.size() != 3) return false;
  for (char letter : code) {
    if (letter < 'A' || letter > 'Z') return false;
  }
  return true;
}

// Checks a party code against the declared list (when there is one) or the code format.
Status CheckParty(const std::string& party, const std::string& path,
                  const std::set<std::string>* declared) {
  if (declared != nullptr) {
    if (declared->count(party) == 0) {
      return Bad(path, "unknown party '" + party + "'; add it to $.parties or correct the code");
    }
  } else if (!LooksLikeCountryCode(party)) {
    return Bad(path, "unknown party '" + party +
                         "'; parties are ISO 3166-1 alpha-3 codes such as VEN (or declare your "
                         "own codes in $.parties)");
  }
  return Status::Ok();
}

Result<Rule> ReadRule(const json& value, const std::string& path) {
  if (!value.is_object()) return Bad(path, "expected an object such as {\"kind\": \"count\"}");
  CANJE_RETURN_IF_ERROR(CheckKeys(value, path, {"kind", "ratio"}));
  if (!value.contains("kind")) return Bad(Key(path, "kind"), "missing; write none, count or value");
  const json& kind = value["kind"];
  Rule rule;
  if (kind == "none") {
    rule.kind = Rule::Kind::kNone;
  } else if (kind == "count") {
    rule.kind = Rule::Kind::kCount;
  } else if (kind == "value") {
    rule.kind = Rule::Kind::kValue;
  } else {
    return Bad(Key(path, "kind"), "is " + kind.dump() + "; write none, count or value");
  }
  if (value.contains("ratio")) {
    if (rule.kind == Rule::Kind::kNone) {
      return Bad(Key(path, "ratio"), "a rule of kind none has no ratio; remove it");
    }
    CANJE_ASSIGN_OR_RETURN(rule.ratio,
                           ReadNonNegative(value["ratio"], Key(path, "ratio"), "ratio"));
  }
  return rule;
}

Result<std::vector<std::string>> ReadStringList(const json& value, const std::string& path) {
  if (!value.is_array()) return Bad(path, "expected an array of strings");
  std::vector<std::string> list;
  std::set<std::string> seen;
  for (size_t i = 0; i < value.size(); ++i) {
    CANJE_ASSIGN_OR_RETURN(std::string text, ReadString(value[i], Index(path, i)));
    if (!seen.insert(text).second) return Bad(Index(path, i), "'" + text + "' is listed twice");
    list.push_back(std::move(text));
  }
  return list;
}

Result<Candidate> ReadCandidate(const json& value, const std::string& path,
                                const std::set<std::string>* declared) {
  if (!value.is_object()) return Bad(path, "expected an object");
  CANJE_RETURN_IF_ERROR(CheckKeys(
      value, path,
      {"id", "person", "from", "to", "beneficiary", "value", "cost", "priority", "unconditional"}));
  Candidate candidate;
  for (const char* required : {"id", "person", "from", "to"}) {
    if (!value.contains(required)) return Bad(Key(path, required), "missing");
  }
  CANJE_ASSIGN_OR_RETURN(candidate.id, ReadString(value["id"], Key(path, "id")));
  CANJE_ASSIGN_OR_RETURN(candidate.person, ReadString(value["person"], Key(path, "person")));
  CANJE_ASSIGN_OR_RETURN(candidate.from, ReadString(value["from"], Key(path, "from")));
  CANJE_ASSIGN_OR_RETURN(candidate.to, ReadString(value["to"], Key(path, "to")));
  candidate.beneficiary = candidate.to;
  if (value.contains("beneficiary")) {
    CANJE_ASSIGN_OR_RETURN(candidate.beneficiary,
                           ReadString(value["beneficiary"], Key(path, "beneficiary")));
  }
  CANJE_RETURN_IF_ERROR(CheckParty(candidate.from, Key(path, "from"), declared));
  CANJE_RETURN_IF_ERROR(CheckParty(candidate.to, Key(path, "to"), declared));
  if (value.contains("beneficiary")) {
    CANJE_RETURN_IF_ERROR(CheckParty(candidate.beneficiary, Key(path, "beneficiary"), declared));
  }
  if (value.contains("value")) {
    CANJE_ASSIGN_OR_RETURN(candidate.value,
                           ReadNonNegative(value["value"], Key(path, "value"), "value"));
  }
  if (value.contains("cost")) {
    CANJE_ASSIGN_OR_RETURN(candidate.cost,
                           ReadNonNegative(value["cost"], Key(path, "cost"), "cost"));
  }
  if (value.contains("priority")) {
    CANJE_ASSIGN_OR_RETURN(candidate.priority,
                           ReadInteger(value["priority"], Key(path, "priority"), 1));
  }
  if (value.contains("unconditional")) {
    if (!value["unconditional"].is_boolean()) {
      return Bad(Key(path, "unconditional"), "expected true or false");
    }
    candidate.unconditional = value["unconditional"].get<bool>();
  }
  return candidate;
}

}  // namespace

Result<Instance> ParseInstance(const json& document) {
  const std::string root = "$";
  if (!document.is_object()) return Bad(root, "expected a JSON object with blocs and candidates");
  CANJE_RETURN_IF_ERROR(CheckKeys(document, root,
                                  {"parties", "blocs", "candidates", "must_include", "must_exclude",
                                   "max_size", "max_parties", "objective"}));
  Instance instance;

  std::set<std::string> declared_parties;
  const std::set<std::string>* declared = nullptr;
  if (document.contains("parties")) {
    CANJE_ASSIGN_OR_RETURN(auto parties, ReadStringList(document["parties"], "$.parties"));
    declared_parties.insert(parties.begin(), parties.end());
    declared = &declared_parties;
  }

  if (document.contains("blocs")) {
    const json& blocs = document["blocs"];
    if (!blocs.is_array()) return Bad("$.blocs", "expected an array of blocs");
    std::map<std::string, std::string> bloc_of_party;  // party -> path where it was first seen
    std::set<std::string> names;
    for (size_t b = 0; b < blocs.size(); ++b) {
      const std::string path = Index("$.blocs", b);
      const json& item = blocs[b];
      if (!item.is_object()) return Bad(path, "expected an object with name, parties and rule");
      CANJE_RETURN_IF_ERROR(CheckKeys(item, path, {"name", "parties", "rule"}));
      for (const char* required : {"name", "parties"}) {
        if (!item.contains(required)) return Bad(Key(path, required), "missing");
      }
      Bloc bloc;
      CANJE_ASSIGN_OR_RETURN(bloc.name, ReadString(item["name"], Key(path, "name")));
      if (!names.insert(bloc.name).second) {
        return Bad(Key(path, "name"), "bloc name '" + bloc.name + "' is used twice");
      }
      const std::string parties_path = Key(path, "parties");
      if (!item["parties"].is_array() || item["parties"].empty()) {
        return Bad(parties_path, "expected a non-empty array of party codes");
      }
      for (size_t p = 0; p < item["parties"].size(); ++p) {
        const std::string party_path = Index(parties_path, p);
        CANJE_ASSIGN_OR_RETURN(std::string party, ReadString(item["parties"][p], party_path));
        CANJE_RETURN_IF_ERROR(CheckParty(party, party_path, declared));
        auto [it, inserted] = bloc_of_party.emplace(party, party_path);
        if (!inserted) {
          return Bad(party_path, "party '" + party + "' is already in a bloc at " + it->second +
                                     "; a party belongs to one bloc only");
        }
        bloc.parties.push_back(std::move(party));
      }
      if (item.contains("rule")) {
        CANJE_ASSIGN_OR_RETURN(bloc.rule, ReadRule(item["rule"], Key(path, "rule")));
      }
      instance.blocs.push_back(std::move(bloc));
    }
  }

  if (!document.contains("candidates")) return Bad("$.candidates", "missing");
  const json& candidates = document["candidates"];
  if (!candidates.is_array()) return Bad("$.candidates", "expected an array of candidates");
  std::map<std::string, size_t> candidate_ids;
  std::set<std::string> persons;
  for (size_t c = 0; c < candidates.size(); ++c) {
    const std::string path = Index("$.candidates", c);
    CANJE_ASSIGN_OR_RETURN(Candidate candidate, ReadCandidate(candidates[c], path, declared));
    auto [it, inserted] = candidate_ids.emplace(candidate.id, c);
    if (!inserted) {
      return Bad(Key(path, "id"), "duplicate candidate id '" + candidate.id +
                                      "' (also $.candidates[" + std::to_string(it->second) +
                                      "].id); give every candidate its own id");
    }
    persons.insert(candidate.person);
    instance.candidates.push_back(std::move(candidate));
  }

  if (document.contains("must_include")) {
    CANJE_ASSIGN_OR_RETURN(instance.must_include,
                           ReadStringList(document["must_include"], "$.must_include"));
    for (size_t i = 0; i < instance.must_include.size(); ++i) {
      if (persons.count(instance.must_include[i]) == 0) {
        return Bad(Index("$.must_include", i), "person '" + instance.must_include[i] +
                                                   "' has no candidate; add one or remove them");
      }
    }
  }
  if (document.contains("must_exclude")) {
    CANJE_ASSIGN_OR_RETURN(instance.must_exclude,
                           ReadStringList(document["must_exclude"], "$.must_exclude"));
    std::set<std::string> included(instance.must_include.begin(), instance.must_include.end());
    for (size_t i = 0; i < instance.must_exclude.size(); ++i) {
      if (included.count(instance.must_exclude[i]) != 0) {
        return Bad(Index("$.must_exclude", i),
                   "person '" + instance.must_exclude[i] +
                       "' is in both must_include and must_exclude; keep one");
      }
    }
  }
  if (document.contains("max_size")) {
    CANJE_ASSIGN_OR_RETURN(instance.max_size, ReadInteger(document["max_size"], "$.max_size", 0));
  }
  if (document.contains("max_parties")) {
    CANJE_ASSIGN_OR_RETURN(instance.max_parties,
                           ReadInteger(document["max_parties"], "$.max_parties", 0));
  }
  if (document.contains("objective")) {
    const json& objective = document["objective"];
    if (objective == "people") {
      instance.objective = Objective::kPeople;
    } else if (objective == "value") {
      instance.objective = Objective::kValue;
    } else {
      return Bad("$.objective", "is " + objective.dump() + "; write people or value");
    }
  }
  return instance;
}

Result<Instance> ParseInstanceText(const std::string& text) {
  json document;
  try {
    document = json::parse(text);
  } catch (const json::parse_error& error) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i + 1 < error.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    // The parser's text quotes the bytes it read, which may not be UTF-8.
    return Status::Invalid(std::to_string(line) + ":" + std::to_string(column) +
                           ": not valid JSON (" + QuoteUntrusted(error.what(), 300) + ")");
  } catch (const json::exception& error) {
    // Well-formed JSON the parser cannot hold, such as a number beyond a double.
    return Status::Invalid("not readable JSON (" + QuoteUntrusted(error.what(), 300) + ")");
  }
  return ParseInstance(document);
}

Result<Instance> ReadInstanceFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::NotFound(path + ": cannot open the instance file");
  std::ostringstream buffer;
  buffer << file.rdbuf();
  Result<Instance> instance = ParseInstanceText(buffer.str());
  if (!instance.ok()) return instance.status().WithContext(path);
  return instance;
}

nlohmann::json RuleToJson(const Rule& rule) {
  json out = {{"kind", RuleKindName(rule.kind)}};
  if (rule.kind != Rule::Kind::kNone) out["ratio"] = rule.ratio;
  return out;
}

nlohmann::json CandidateToJson(const Candidate& c) {
  return {{"id", c.id},
          {"person", c.person},
          {"from", c.from},
          {"to", c.to},
          {"beneficiary", c.beneficiary},
          {"value", c.value},
          {"cost", c.cost},
          {"priority", c.priority},
          {"unconditional", c.unconditional}};
}

nlohmann::json InstanceToJson(const Instance& instance) {
  json blocs = json::array();
  for (const Bloc& bloc : instance.blocs) {
    blocs.push_back(
        {{"name", bloc.name}, {"parties", bloc.parties}, {"rule", RuleToJson(bloc.rule)}});
  }
  json candidates = json::array();
  for (const Candidate& c : instance.candidates) candidates.push_back(CandidateToJson(c));
  json out = {{"blocs", blocs}, {"candidates", candidates}};
  if (!instance.must_include.empty()) out["must_include"] = instance.must_include;
  if (!instance.must_exclude.empty()) out["must_exclude"] = instance.must_exclude;
  if (instance.max_size) out["max_size"] = *instance.max_size;
  if (instance.max_parties) out["max_parties"] = *instance.max_parties;
  out["objective"] = instance.objective == Objective::kPeople ? "people" : "value";
  return out;
}

}  // namespace canje::solver
