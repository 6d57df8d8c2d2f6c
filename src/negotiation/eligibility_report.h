// Eligibility as a reader sees it: for persons the reader may see, whether each can be selected
// for a transfer to a destination and handed over, with the reasons as the reader's role allows
// (eligibility.h's confidentiality rule applied). Used by `canje eligibility`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "instance/instance.h"

namespace canje::negotiation {

struct EligibilityQuery {
  std::string destination;       // party code, required
  std::string date;              // YYYY-MM-DD; empty: today
  std::vector<int64_t> persons;  // these persons; empty: every person matching the filters
  std::string holder;            // filters (empty: no filter)
  std::string nationality;
  std::string category;
};

struct ReasonForReader {
  std::string kind;  // ObstaclesAsRead: "confidential" when hidden from the reader
  bool blocks_selection = false;
  std::string text;  // ObstaclesAsRead's text for the reader
};

struct PersonEligibility {
  int64_t person_id = 0;
  bool selectable = true;          // no obstacle blocks selection
  bool ready_for_handover = true;  // no obstacle at all
  std::vector<ReasonForReader> reasons;
};

// Needs kReadRegistry. Negotiators and observers get only persons need to know allows them (an
// explicitly named person they may not see is kNotFound, as an unknown one) and "not available
// (confidential)", once, in place of every personal reason. kNotFound for an unknown
// destination. On a refusal of one of the query's values, `fault` (when given) names it as the
// HTTP API's query does: "destination", "date" or "category".
Result<std::vector<PersonEligibility>> ReportEligibility(instance::Instance& instance,
                                                         const EligibilityQuery& query,
                                                         std::string* fault = nullptr);

}  // namespace canje::negotiation
