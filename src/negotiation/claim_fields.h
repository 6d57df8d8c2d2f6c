// Claims by field (docs/exchanges.md, "Claims by field"): the persons of a list that a claim
// takes when it names conditions on what the list says about them — "every prisoner of war of
// L1 who is sick or wounded", at priority 1.
//
// A condition is FIELD=VALUE. FIELD is any header name of that column (columns.h: ihl_status,
// "статус военнопленного", categories, rank, ...); VALUE is read as the import reads that column,
// and may give alternatives separated by "|" (ihl_status=prisoner_of_war|civilian_internee).
// The fields: ihl_status, categories (the record has the category), rank and unit (equal after
// folding case and accents, in any script), sex, nationality (one of the record's), status (as
// the list reported it). A record matches when every condition holds; several conditions are
// all required.
//
// What is compared is each record of the list as the list gave it (the record's own sealed
// person, not the person it was linked to), so the answer depends only on the list — which the
// caller may act on as a whole (PersonsOfList's rule, instance/need_to_know.h) — never on what
// another party's list says about a person. The persons claimed are those the matching records
// are linked to, as PersonsOfList gives them. Nothing is written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"
#include "registry/columns.h"
#include "registry/person.h"

namespace canje::negotiation {

struct FieldCondition {
  registry::Column column;
  std::string written;                   // as given, for messages: "ihl_status=prisoner_of_war"
  std::vector<std::string> alternatives;  // canonical values: "prisoner_of_war", "VEN", ...
};

// Reads "FIELD=VALUE". kUsage naming the fields above, or the column's accepted values, for a
// condition that cannot be read.
Result<FieldCondition> ParseFieldCondition(std::string_view text);

// Whether `record` meets `condition`.
bool RecordMeets(const registry::PersonRecord& record, const FieldCondition& condition);

// The persons linked to the records of list `list_id` that meet every condition (distinct, in
// id order). As PersonsOfList: kNotFound for a list the caller may not act on as a whole,
// kInvalid when no record is linked; kInvalid too when no record meets the conditions.
Result<std::vector<int64_t>> PersonsOfListWhere(instance::Instance& instance, int64_t list_id,
                                                const std::vector<FieldCondition>& conditions);

// The persons a claim is about: PersonOrListPersons (exchange.h) without conditions; with
// conditions ("ihl_status=prisoner_of_war", read by ParseFieldCondition), PersonsOfListWhere
// on the --list, which they need (kUsage without one, or with a PERSON).
Result<std::vector<int64_t>> PersonsToClaim(instance::Instance& instance, std::string_view person,
                                            std::string_view list,
                                            const std::vector<std::string>& where);

}  // namespace canje::negotiation
