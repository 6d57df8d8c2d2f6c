// The type of every event canje appends to its log, named once. A type is part of its event's
// leaf (ledger/event_envelope.h), so every signed checkpoint commits to it: a type is never
// renamed, not by a byte; a new event adds a type here, to kAllEventTypes, and to the table of
// docs/formats.md ("Event types"), which event_types_test compares with kAllEventTypes.
//
// Above each type: its subjects (the ids the event row names: erasing a person reaches the
// events that name them); its payload's members (sealed in the store; only the payload's salted
// hash enters the leaf). Ids are written as canje shows them: P17 person, R5 record, L3 list, X1 exchange, V2
// version, H3 hold, A4 legal act, I5 interview; party codes as they are.
#pragma once

#include <string_view>

namespace canje::events {

// ---- The instance, its parties, users, keys and log ------------------------------------------

// Party code of the first party; instance_id, origin, admin, party {code, name, kind}.
inline constexpr std::string_view kInstanceCreated = "instance.created";
// Party code; code, name, kind.
inline constexpr std::string_view kPartyAdded = "party.added";
// Party code; name, party, role.
inline constexpr std::string_view kUserAdded = "user.added";
// None; old_key_id, new_key_id, rewrapped, resumed.
inline constexpr std::string_view kKeyRotated = "key.rotated";
// None; size, witness, line (the cosignature attached by hand).
inline constexpr std::string_view kLogCosigned = "log.cosigned";
// The witness's party code, if any; witness, verifier_key, url, party.
inline constexpr std::string_view kLogWitnessAdded = "log.witness_added";
// None; witness.
inline constexpr std::string_view kLogWitnessRemoved = "log.witness_removed";
// None; reading ("open" or "token").
inline constexpr std::string_view kLogReadingSet = "log.reading_set";
// None (logged instead of kInterviewRecorded and kExecutionNotTravelling: instance/
// sealed_events.h); sealed_type, sealed_subjects, payload (the real event's).
inline constexpr std::string_view kAssessmentSealed = "assessment.sealed";

// ---- Signing in and API tokens ---------------------------------------------------------------

// Party code, "user:NAME"; user.
inline constexpr std::string_view kUserPasswordSet = "user.password_set";
// Party code, "user:NAME"; user.
inline constexpr std::string_view kUserTotpEnrolled = "user.totp_enrolled";
// Party code, "user:NAME"; user, reason.
inline constexpr std::string_view kUserUnlocked = "user.unlocked";
// Party code, "session:ID"; session, user, expires_at.
inline constexpr std::string_view kSessionStarted = "session.started";
// Party code, "session:ID"; session, user, reason.
inline constexpr std::string_view kSessionEnded = "session.ended";
// Party code, "user:NAME"; user, failed (why), failures_in_a_row.
inline constexpr std::string_view kSignInFailed = "sign_in.failed";
// Party code, "user:NAME"; user, until.
inline constexpr std::string_view kSignInLocked = "sign_in.locked";
// Party code, "token:ID"; token, user, party, role, expires_at.
inline constexpr std::string_view kApiTokenCreated = "api_token.created";
// Party code, "token:ID"; token, user.
inline constexpr std::string_view kApiTokenRevoked = "api_token.revoked";

// ---- Lists, persons and reconciliation -------------------------------------------------------

// List, party code; list, kind, source, default_holder, party, file_name, file_sha256, format,
// rows, imported, rejected, persons_created, records_root.
inline constexpr std::string_view kListImported = "list.imported";
// Person; person, reason, records, events, merged_persons.
inline constexpr std::string_view kPersonErased = "person.erased";
// "reconciliation"; threshold, review_band, records_compared, persons, relinked, merged,
// separated, review_queue, decisions_applied, stale_decisions.
inline constexpr std::string_view kPersonsLinked = "persons.linked";
// None; command, pairs (the record pairs shown).
inline constexpr std::string_view kReviewRead = "review.read";
// Both records and their persons; left, right, decision, reason, replaces (when it does).
inline constexpr std::string_view kReviewDecided = "review.decided";

// ---- Holds, legal acts, interviews -----------------------------------------------------------

// Hold; hold, issuer, reference, from, until, persons, rule {holder, nationality, category,
// legal_basis}.
inline constexpr std::string_view kHoldAdded = "hold.added";
// Hold; hold, lifted_on, reason.
inline constexpr std::string_view kHoldLifted = "hold.lifted";
// Person, act; act, person, type, date, authority, reference, status_after.
inline constexpr std::string_view kLegalActRecorded = "legal_act.recorded";
// Person, interview; interview, person, destination, interviewed_on, identity, consent,
// fit_to_travel, note, changes_refusal. Logged sealed (kAssessmentSealed).
inline constexpr std::string_view kInterviewRecorded = "interview.recorded";

// ---- Exchanges -------------------------------------------------------------------------------

// Exchange, mediator party; exchange, name, mediator.
inline constexpr std::string_view kExchangeCreated = "exchange.created";
// Exchange, party code; exchange, party, bloc, new_bloc.
inline constexpr std::string_view kExchangePartyAdded = "exchange.party_added";
// Exchange; exchange, bloc, rule.
inline constexpr std::string_view kExchangeRuleSet = "exchange.rule_set";
// Exchange; exchange, max_size, max_parties, objective.
inline constexpr std::string_view kExchangeCapsSet = "exchange.caps_set";
// Exchange, person, claimant party; exchange, claim, person, claimant, destination, value,
// priority, unconditional, replaces_earlier.
inline constexpr std::string_view kExchangeClaimed = "exchange.claimed";
// Exchange, person, holder party; exchange, person, holder, cost.
inline constexpr std::string_view kExchangeCostSet = "exchange.cost_set";
// Exchange; exchange, threshold, witnesses.
inline constexpr std::string_view kExchangeWitnessPolicySet = "exchange.witness_policy_set";
// A guarantor declared or withdrawn, an observer organisation attached or detached (these four):
// exchange, party code; exchange, party.
inline constexpr std::string_view kExchangeGuarantorAdded = "exchange.guarantor_added";
inline constexpr std::string_view kExchangeGuarantorRemoved = "exchange.guarantor_removed";
inline constexpr std::string_view kExchangeObserverAdded = "exchange.observer_added";
inline constexpr std::string_view kExchangeObserverRemoved = "exchange.observer_removed";
// Exchange, version; exchange, version.
inline constexpr std::string_view kExchangeAgreed = "exchange.agreed";
// The exchange moved to a state (these four): exchange; exchange, from, to, reason (if given).
inline constexpr std::string_view kExchangeVerifying = "exchange.verifying";
inline constexpr std::string_view kExchangeExecuting = "exchange.executing";
inline constexpr std::string_view kExchangeCompleted = "exchange.completed";
inline constexpr std::string_view kExchangeCollapsed = "exchange.collapsed";
// Exchange, version, every person taken out of a stage; exchange, version (the new agreed
// version), replaces (the one before), unstaged (persons the new version leaves out, taken out
// of their stages).
inline constexpr std::string_view kExchangeReplanned = "exchange.replanned";

// ---- Proposals and the agreement -------------------------------------------------------------

// Exchange, version, every person in it; kind (named or counts), counts, transfers, exchange,
// version, parent, refers_to, source.
inline constexpr std::string_view kProposalCreated = "proposal.created";
// Exchange, version; exchange, version.
inline constexpr std::string_view kProposalTabled = "proposal.tabled";
// Exchange, version countered, the counter; exchange, version, counter.
inline constexpr std::string_view kProposalCountered = "proposal.countered";
// Exchange, version, party code; exchange, version, party.
inline constexpr std::string_view kProposalAccepted = "proposal.accepted";
// Exchange, version, party code; exchange, version, party, reason.
inline constexpr std::string_view kProposalRejected = "proposal.rejected";
// Exchange, version; exchange, version, blocs, broken_rules, justification.
inline constexpr std::string_view kProposalOverridden = "proposal.overridden";
// Exchange, version; exchange, version, parties.
inline constexpr std::string_view kProposalAgreed = "proposal.agreed";
// Exchange, version; exchange, version, parties.
inline constexpr std::string_view kProposalAgreedInPrinciple = "proposal.agreed_in_principle";
// Party code; party, key_id, algorithm, public_key.
inline constexpr std::string_view kPartyKeyAdded = "party.key_added";
// Exchange, version, party code; exchange, version, party, key_id, manifest_sha256, signature.
inline constexpr std::string_view kAgreementSigned = "agreement.signed";

// ---- Execution -------------------------------------------------------------------------------

// Exchange, person; exchange, version, person, reason, note. Logged sealed (kAssessmentSealed).
inline constexpr std::string_view kExecutionNotTravelling = "execution.not_travelling";
// Exchange, person, receiving party; exchange, version, person, at, place, to, witnesses.
inline constexpr std::string_view kExecutionHandedOver = "execution.handed_over";
// Exchange, reporting party; exchange, party, direction, count, note, persons (when listed),
// stage (a count of one stage).
inline constexpr std::string_view kExecutionCountReported = "execution.count_reported";
// Exchange, every person of the stage; exchange, stage, name, date, place, persons.
inline constexpr std::string_view kExecutionStagePlanned = "execution.stage_planned";
// Exchange, every person assigned; exchange, stage, name, date, persons.
inline constexpr std::string_view kExecutionStageAssigned = "execution.stage_assigned";
// Exchange; exchange, stage, name, date, version.
inline constexpr std::string_view kExecutionStageStarted = "execution.stage_started";
// Exchange; exchange, stage, name, from, to (the days), reason.
inline constexpr std::string_view kExecutionStagePostponed = "execution.stage_postponed";
// Exchange; exchange, stage, name, date, handed_over, not_travelling.
inline constexpr std::string_view kExecutionStageCompleted = "execution.stage_completed";

// Every type above, once.
inline constexpr std::string_view kAllEventTypes[] = {kInstanceCreated,
                                                      kPartyAdded,
                                                      kUserAdded,
                                                      kKeyRotated,
                                                      kLogCosigned,
                                                      kLogWitnessAdded,
                                                      kLogWitnessRemoved,
                                                      kLogReadingSet,
                                                      kAssessmentSealed,
                                                      kUserPasswordSet,
                                                      kUserTotpEnrolled,
                                                      kUserUnlocked,
                                                      kSessionStarted,
                                                      kSessionEnded,
                                                      kSignInFailed,
                                                      kSignInLocked,
                                                      kApiTokenCreated,
                                                      kApiTokenRevoked,
                                                      kListImported,
                                                      kPersonErased,
                                                      kPersonsLinked,
                                                      kReviewRead,
                                                      kReviewDecided,
                                                      kHoldAdded,
                                                      kHoldLifted,
                                                      kLegalActRecorded,
                                                      kInterviewRecorded,
                                                      kExchangeCreated,
                                                      kExchangePartyAdded,
                                                      kExchangeRuleSet,
                                                      kExchangeCapsSet,
                                                      kExchangeClaimed,
                                                      kExchangeCostSet,
                                                      kExchangeWitnessPolicySet,
                                                      kExchangeGuarantorAdded,
                                                      kExchangeGuarantorRemoved,
                                                      kExchangeObserverAdded,
                                                      kExchangeObserverRemoved,
                                                      kExchangeAgreed,
                                                      kExchangeVerifying,
                                                      kExchangeExecuting,
                                                      kExchangeCompleted,
                                                      kExchangeCollapsed,
                                                      kExchangeReplanned,
                                                      kProposalCreated,
                                                      kProposalTabled,
                                                      kProposalCountered,
                                                      kProposalAccepted,
                                                      kProposalRejected,
                                                      kProposalOverridden,
                                                      kProposalAgreed,
                                                      kProposalAgreedInPrinciple,
                                                      kPartyKeyAdded,
                                                      kAgreementSigned,
                                                      kExecutionNotTravelling,
                                                      kExecutionHandedOver,
                                                      kExecutionCountReported,
                                                      kExecutionStagePlanned,
                                                      kExecutionStageAssigned,
                                                      kExecutionStageStarted,
                                                      kExecutionStagePostponed,
                                                      kExecutionStageCompleted};

}  // namespace canje::events
