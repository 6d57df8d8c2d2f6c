// Eligibility: why a person cannot (or not yet) be transferred to a destination.
//
// The one place where legal holds, consent interviews and erasure turn into obstacles. The
// solver's candidates, proposals and the handover all ask here (docs/principles.md, principle 2):
//  - an active legal hold (hold_scope.h) blocks selection and handover;
//  - a personal assessment in the person's latest interview about the destination that does not
//    clear them (a refusal, an undecided answer, an unconfirmed identity, unfitness to travel)
//    blocks selection and handover until a later interview clears them;
//  - no interview yet blocks the handover only (the person may still be negotiated for);
//  - an erased person blocks everything.
// Every personal obstacle (the four above and "no interview yet") is confidential: only roles
// that read personal assessments (instance/need_to_know.h) read which one it is; everyone else
// reads one "not available (confidential)", with kind "confidential", in the place of all of
// them. Since the personal obstacles that block selection all block it alike, no answer tells a
// refusal from unfitness or the other assessments (docs/security.md, the threat model).
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
#include "protect/vault.h"
#include "store/store.h"

namespace canje::negotiation {

// Why a person cannot (or not yet) be transferred to a destination.
// The personal kinds (consent to erasure exclusive) are contiguous, so that the one
// confidential line that stands for them keeps their place in every list.
enum class ObstacleKind {
  kLegalHold,            // an active hold covers the person (blocks selection and handover)
  kConsentRefused,       // refused this destination in an interview (blocks; personal)
  kConsentNotGiven,      // undecided (blocks; personal), or no interview yet (handover; personal)
  kIdentityUnconfirmed,  // the latest interview did not confirm it (blocks; personal)
  kUnfitToTravel,        // the latest interview says not fit (blocks; personal)
  kErased,               // the person was erased (blocks)
};

struct Obstacle {
  ObstacleKind kind;
  bool blocks_selection;  // excluded from solver candidates and proposals
  bool confidential;      // personal: only ReadsPersonalAssessments roles read which it is
  std::string detail;     // full reason (hold issuer + reference, interview date and id...)
};

// Obstacles to transferring `person_id` to `destination` (a party code) on `date`
// (YYYY-MM-DD). Reads holds, interviews and the person's erasure state; `vault` opens their
// sealed values (instance/sealed_texts.h). kNotFound for an unknown person. Obstacles come in
// the order of ObstacleKind, holds by id.
Result<std::vector<Obstacle>> TransferObstacles(store::Store& store, protect::Vault& vault,
                                                int64_t person_id,
                                                std::string_view destination,
                                                std::string_view date);

// Batch form for many persons (one pass over holds/interviews): person id -> obstacles. Every
// requested id is a key (with an empty vector when nothing stands in the way); an unknown id
// is kNotFound.
Result<std::map<int64_t, std::vector<Obstacle>>> TransferObstaclesForAll(
    store::Store& store, protect::Vault& vault, const std::vector<int64_t>& person_ids,
    std::string_view destination, std::string_view date);

// The text every personal obstacle reads as for a viewer who may not read why.
inline constexpr std::string_view kNotAvailableConfidential = "not available (confidential)";

// An obstacle as a viewer may read it.
struct ObstacleAsRead {
  std::string kind;  // ObstacleKindName, or "confidential"
  std::string text;  // the detail, or kNotAvailableConfidential
  bool blocks_selection = false;
};

// All of a person's obstacles as `viewer` may read them, in order: for viewers who may not read
// personal assessments, the personal ones become one "confidential" line (blocking selection
// when any of them does) in their place, so that neither their kinds nor their number show.
std::vector<ObstacleAsRead> ObstaclesAsRead(const std::vector<Obstacle>& obstacles,
                                            instance::Role viewer);

// The texts of ObstaclesAsRead.
std::vector<std::string> DescribeObstacles(const std::vector<Obstacle>& obstacles,
                                           instance::Role viewer);

// True when any obstacle blocks selection (the person is not a candidate).
bool BlocksSelection(const std::vector<Obstacle>& obstacles);

// True when an obstacle that no one can override stands in the way: a legal hold in force, or a
// personal obstacle that blocks selection (refusal, undecided, identity unconfirmed, unfit).
bool NoOverrideExists(const std::vector<Obstacle>& obstacles);

// A short stable name for a kind: "legal_hold", "consent_refused", "consent_not_given",
// "identity_unconfirmed", "unfit_to_travel", "erased" (JSON outputs; ObstaclesAsRead gives what
// a viewer reads).
std::string_view ObstacleKindName(ObstacleKind kind);

}  // namespace canje::negotiation
