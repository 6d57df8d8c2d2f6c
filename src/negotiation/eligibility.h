// Eligibility: why a person cannot (or not yet) be transferred to a destination.
//
// The one place where legal holds, consent interviews and erasure turn into obstacles. The
// solver's candidates, proposals and the handover all ask here (docs/principles.md, principle 2):
//  - an active legal hold (hold_scope.h) blocks selection and handover;
//  - a refusal of that destination in the person's latest interview about it blocks, and is
//    confidential: only mediators, verifiers and admins may read why;
//  - no interview yet, or "undecided", an unconfirmed identity, or unfitness to travel block
//    the handover only (the person may still be negotiated for);
//  - an erased person blocks everything.
// The latest interview about a destination is the one with the greatest (interviewed_on, id);
// interviews count whatever the date asked about, holds only on the dates they are in force.
// Nothing here can lift a refusal: only a new interview in which the person says otherwise
// (docs/holds-and-consent.md).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "instance/access.h"
#include "store/store.h"

namespace canje::negotiation {

// Why a person cannot (or not yet) be transferred to a destination.
enum class ObstacleKind {
  kLegalHold,            // an active hold covers the person (blocks selection and handover)
  kConsentRefused,       // refused this destination in an interview (blocks; confidential)
  kConsentNotGiven,      // no interview yet, or undecided (blocks handover only)
  kIdentityUnconfirmed,  // blocks handover only
  kUnfitToTravel,        // blocks handover only
  kErased,               // the person was erased (blocks)
};

struct Obstacle {
  ObstacleKind kind;
  bool blocks_selection;  // excluded from solver candidates and proposals
  bool confidential;      // negotiators see only "not available (confidential)"
  std::string detail;     // full reason (hold issuer + reference, interview date and id...)
};

// Obstacles to transferring `person_id` to `destination` (a party code) on `date`
// (YYYY-MM-DD). Reads holds, interviews and the person's erasure state. kNotFound for an
// unknown person. Obstacles come in the order of ObstacleKind, holds by id.
Result<std::vector<Obstacle>> TransferObstacles(store::Store& store, int64_t person_id,
                                                std::string_view destination,
                                                std::string_view date);

// Batch form for many persons (one pass over holds/interviews): person id -> obstacles. Every
// requested id is a key (with an empty vector when nothing stands in the way); an unknown id
// is kNotFound.
Result<std::map<int64_t, std::vector<Obstacle>>> TransferObstaclesForAll(
    store::Store& store, const std::vector<int64_t>& person_ids, std::string_view destination,
    std::string_view date);

// The text for a confidential obstacle shown to a viewer who may not read it.
inline constexpr std::string_view kNotAvailableConfidential = "not available (confidential)";

// True for the roles that may read confidential reasons: mediator, verifier, admin.
bool MaySeeConfidential(instance::Role viewer);

// True for the roles that see persons on a need-to-know basis (negotiator, observer): only
// persons their party holds or listed (store::PersonFilter::visible_to_party).
bool SeesOnlyWhatItNeedsToKnow(instance::Role viewer);

// How `obstacle` reads for a viewer: the detail for mediators, verifiers and admins; for
// others "not available (confidential)" when confidential.
std::string DescribeObstacle(const Obstacle& obstacle, instance::Role viewer);

// All of a person's obstacles as `viewer` may read them: confidential ones collapse into one
// "not available (confidential)" for the others, so that the number of hidden reasons does not
// show either. Non-confidential ones are described in full.
std::vector<std::string> DescribeObstacles(const std::vector<Obstacle>& obstacles,
                                           instance::Role viewer);

// True when any obstacle blocks selection (the person is not a candidate).
bool BlocksSelection(const std::vector<Obstacle>& obstacles);

// A short stable name for a kind: "legal_hold", "consent_refused", "consent_not_given",
// "identity_unconfirmed", "unfit_to_travel", "erased" (JSON outputs).
std::string_view ObstacleKindName(ObstacleKind kind);
// The kind as `viewer` may see it: "confidential" for a confidential obstacle shown to a viewer
// who may not read it, ObstacleKindName otherwise. Use it for every output's "kind" field.
std::string_view ObstacleKindNameFor(const Obstacle& obstacle, instance::Role viewer);

}  // namespace canje::negotiation
