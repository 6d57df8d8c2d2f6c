#include "server/body_members.h"

#include "instance/ids.h"
#include "negotiation/occurred_at.h"

namespace canje::server {

using nlohmann::json;

std::string MemberPointer(const std::string& at, const std::string& name) {
  std::string pointer = at + "/";
  for (char c : name) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
  return pointer;
}

Status KnownMembers(ApiCall& call, const json& object, const std::vector<std::string>& known,
                    const std::string& at) {
  if (!object.is_object()) return call.AtPointer(Status::Usage("must be a JSON object"), at);
  for (const auto& [name, value] : object.items()) {
    bool is_known = false;
    for (const auto& candidate : known) is_known = is_known || candidate == name;
    if (!is_known) {
      std::string accepted;
      for (const auto& candidate : known) accepted += (accepted.empty() ? "" : ", ") + candidate;
      return call.AtPointer(
          Status::Usage("unknown member \"" + name + "\"; the accepted members are " + accepted),
          MemberPointer(at, name));
    }
  }
  return Status::Ok();
}

Result<json> BodyWithMembers(ApiCall& call, const std::vector<std::string>& known) {
  CANJE_ASSIGN_OR_RETURN(json body, call.JsonObjectBody());
  CANJE_RETURN_IF_ERROR(KnownMembers(call, body, known));
  return body;
}

Result<json> BatchItems(ApiCall& call, const std::string& name) {
  CANJE_ASSIGN_OR_RETURN(json body, BodyWithMembers(call, {name}));
  auto found = body.find(name);
  if (found == body.end() || !found->is_array() || found->empty()) {
    return call.AtPointer(Status::Usage("\"" + name + "\" must be a non-empty array of " + name +
                                        ", all recorded or none"),
                          "/" + name);
  }
  return std::move(*found);
}

Result<std::string> TextMember(ApiCall& call, const json& object, const std::string& name,
                               bool required, const std::string& at) {
  auto found = object.find(name);
  if (found == object.end()) {
    if (!required) return std::string();
    return call.AtPointer(Status::Usage("the body needs a member \"" + name + "\""),
                          MemberPointer(at, name));
  }
  if (!found->is_string()) {
    return call.AtPointer(Status::Usage("\"" + name + "\" must be a string"),
                          MemberPointer(at, name));
  }
  return found->get<std::string>();
}

Result<int64_t> PersonIdAt(ApiCall& call, const json& value, const std::string& pointer) {
  if (!value.is_string()) {
    return call.AtPointer(Status::Usage("a person id is a string, such as \"P17\""), pointer);
  }
  Result<int64_t> id = instance::ParseId(value.get<std::string>(), 'P', "person");
  if (!id.ok()) return call.AtPointer(id.status(), pointer);
  return *id;
}

Result<int64_t> PersonIdMember(ApiCall& call, const json& object, const std::string& name,
                               const std::string& at) {
  auto found = object.find(name);
  if (found == object.end()) {
    return call.AtPointer(
        Status::Usage("the body needs a member \"" + name + "\", a person id such as \"P17\""),
        MemberPointer(at, name));
  }
  return PersonIdAt(call, *found, MemberPointer(at, name));
}

Result<std::vector<int64_t>> PersonIdsMember(ApiCall& call, const json& object,
                                             const std::string& name, const std::string& at) {
  std::vector<int64_t> ids;
  auto found = object.find(name);
  if (found == object.end()) return ids;
  const std::string pointer = MemberPointer(at, name);
  if (!found->is_array()) {
    return call.AtPointer(Status::Usage("\"" + name + "\" must be an array of person ids, such "
                                        "as [\"P17\", \"P18\"]"),
                          pointer);
  }
  for (size_t i = 0; i < found->size(); ++i) {
    CANJE_ASSIGN_OR_RETURN(int64_t id,
                           PersonIdAt(call, (*found)[i], pointer + "/" + std::to_string(i)));
    ids.push_back(id);
  }
  return ids;
}

Result<std::vector<std::string>> TextsMember(ApiCall& call, const json& object,
                                             const std::string& name, const std::string& at) {
  std::vector<std::string> texts;
  auto found = object.find(name);
  if (found == object.end()) return texts;
  const std::string pointer = MemberPointer(at, name);
  if (!found->is_array()) {
    return call.AtPointer(Status::Usage("\"" + name + "\" must be an array of strings"), pointer);
  }
  for (size_t i = 0; i < found->size(); ++i) {
    if (!(*found)[i].is_string()) {
      return call.AtPointer(Status::Usage("\"" + name + "\" must be an array of strings"),
                            pointer + "/" + std::to_string(i));
    }
    texts.push_back((*found)[i].get<std::string>());
  }
  return texts;
}

Result<std::optional<double>> NumberMember(ApiCall& call, const json& object,
                                           const std::string& name, const std::string& at) {
  auto found = object.find(name);
  if (found == object.end()) return std::optional<double>();
  if (!found->is_number()) {
    return call.AtPointer(Status::Usage("\"" + name + "\" must be a number"),
                          MemberPointer(at, name));
  }
  return std::optional<double>(found->get<double>());
}

Result<std::optional<int64_t>> IntegerMember(ApiCall& call, const json& object,
                                             const std::string& name, bool null_allowed,
                                             const std::string& at) {
  auto found = object.find(name);
  if (found == object.end()) return std::optional<int64_t>();
  if (null_allowed && found->is_null()) return std::optional<int64_t>();
  if (!found->is_number_integer() ||
      (found->is_number_unsigned() && found->get<uint64_t>() > INT64_MAX)) {
    return call.AtPointer(
        Status::Usage("\"" + name + "\" must be a whole number" + (null_allowed ? " or null" : "")),
        MemberPointer(at, name));
  }
  return std::optional<int64_t>(found->get<int64_t>());
}

Result<std::optional<bool>> BoolMember(ApiCall& call, const json& object, const std::string& name,
                                       const std::string& at) {
  auto found = object.find(name);
  if (found == object.end()) return std::optional<bool>();
  if (!found->is_boolean()) {
    return call.AtPointer(Status::Usage("\"" + name + "\" must be true or false"),
                          MemberPointer(at, name));
  }
  return std::optional<bool>(found->get<bool>());
}

Result<std::string> OccurredAtMember(ApiCall& call, const json& object) {
  CANJE_ASSIGN_OR_RETURN(std::string text, TextMember(call, object, "occurred_at", false));
  if (text.empty()) return text;
  Result<std::string> parsed = negotiation::ParseOccurredAt(text);
  if (!parsed.ok()) return call.AtPointer(parsed.status(), "/occurred_at");
  return parsed;
}

}  // namespace canje::server
