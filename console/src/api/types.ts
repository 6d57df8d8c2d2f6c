// The shapes of the API's answers the console reads (src/server/openapi.json has them all).
export type Role = 'admin' | 'mediator' | 'negotiator' | 'verifier' | 'observer';

export interface Actor { user: string; party: string; role: Role }
export interface SessionCreated extends Actor { session: number; expires_at: string; csrf_token: string }
export interface Party { code: string; name: string; kind: string }
export interface ListInfo {
  id: string; kind: string; party: string; source: string; file_name: string;
  file_sha256: string; records: number; rejected: number; imported_at: string;
}
export interface Summary { persons: number; erased: number; events: number }
export interface ReconciliationCounts {
  parties: { party: string; on_roster: number; claimed_or_documented: number; by_status: Record<string, number> }[];
  review_queue: number;
}
export interface Custody { holder: string; facility: string; since: string; status: string }
export interface Person {
  id: string; erased: boolean; name?: string; sex?: string; date_of_birth?: string | null;
  nationalities?: string[]; categories?: string[]; aliases?: string[];
  documents?: { type?: string; number?: string; country?: string }[];
  custody?: Custody[];
}
export interface PersonSource { record: string; list: string; party: string; reported_status: string; link: string }
export interface PersonDetails extends Person { records: PersonSource[]; merged_from?: string }
export interface Hold {
  id: string; issuer: string | null; reference: string | null; from: string; until: string | null;
  state: string; covered?: string[];
}
export interface LegalAct { id: string; person: string; type: string; date: string; authority: string; status_after: string }
export interface Interview {
  id: string; person: string; destination: string; interviewed_on: string; identity: string;
  consent: string; fit_to_travel: boolean; current: boolean; note: string | null;
}

// GET /v1/review (docs/formats.md, "canje review list --json"): a queued pair side by side with
// the engine's explanation. A negotiator's pair of its own record with one it may not read is
// candidate_only: the hidden side is only {"hidden": true}, and there is no explanation.
export interface ReviewRecord {
  record: string; list: string; list_kind: string; list_party: string; line: number; person: string;
  given_names: string[]; family_names: string[]; date_of_birth: string; sex: string;
  nationalities: string[]; documents: string[];
}
export interface HiddenRecord { hidden: true }
export interface ReviewComparison {
  comparison: string; level: string; left_value: string; right_value: string; weight: number;
  m: number; u: number; term_frequency_adjusted: boolean;
}
export interface Explanation {
  left_id: string; right_id: string; prior: number; prior_log2_odds: number; log2_odds: number;
  probability: number; comparisons: ReviewComparison[];
}
export interface ReviewPair {
  left: ReviewRecord | HiddenRecord; right: ReviewRecord | HiddenRecord;
  candidate_only?: boolean; probability?: number; explanation?: Explanation;
}
export interface DecisionRecorded { decision: string; event: number; replaces?: string }

// POST /v1/lists (docs/formats.md, "Import outcome"): the report of a check (dry run) or an
// import; a refused file's problem carries the same `errors`, `error_count`, `rows`, `rejected`.
export interface ImportRowError { line: number; column?: number; json_path?: string; column_name?: string; reason: string }
export interface ImportReport {
  list?: string; event?: number; rows: number; imported: number; rejected: number; persons_created: number;
  file_sha256: string; dry_run: boolean; error_count: number; errors: ImportRowError[];
}
export interface ListRow extends ListInfo { format?: string; imported_by?: string }
export interface HoldCreated extends Hold { scope?: unknown }
export interface ActRecorded { id: string; person: string }
export interface InterviewRecorded { id: string; person: string; destination: string; changes_refusal: boolean }
export interface EligibilityReason { kind: string; blocks_selection: boolean; reason: string }
export interface Eligibility { person: string; selectable: boolean; ready_for_handover: boolean; reasons: EligibilityReason[] }
// Exchanges, their workflow, the solver's answers and proposal versions (docs/api.md).
export interface ExchangeInfo {
  id: string; name: string; mediator: string; objective: string; max_size: number | null;
  max_parties: number | null; created_at: string; created_by: string;
}
export interface Rule { kind: string; ratio: number }
export interface Bloc { name: string; parties: string[]; rule: Rule | null }
export interface Claim {
  claim: number; claimant: string; destination: string; person: string; name?: string;
  priority: number; unconditional: boolean; value: number; claimed_at: string; claimed_by: string;
}
export interface ExchangeDetails extends ExchangeInfo {
  blocs: Bloc[]; claims: Claim[]; costs: { holder: string; person: string; cost: number; name?: string }[];
}
export type WorkflowState = 'negotiating' | 'agreed' | 'verifying' | 'executing' | 'completed' | 'collapsed';
export interface Workflow {
  exchange: string; state: WorkflowState; agreed_version: string; reason: string;
  changed_at: string; changed_by: string; agreement_final: boolean; completion_final: boolean;
}
export interface SolverReason { kind: string; text: string }
export interface DealPerson {
  candidate: string; person: string; name?: string; from: string; to: string; beneficiary: string;
  value: number; cost: number; priority: number; handover_notes?: SolverReason[];
}
export interface BlocBalance {
  name?: string; bloc?: string; given: number; received: number; value_received: number;
  cost_given: number; holds: boolean; rule?: Rule | string; ratio?: number;
}
export interface Candidates {
  exchange: string; date: string; candidates: DealPerson[];
  excluded: { claim: number; claimant: string; destination: string; person: string; name?: string; reasons: SolverReason[] }[];
}
export interface RequireAnswer {
  person: string; outcome: 'already_selected' | 'no_change_needed' | 'ratio_change' | 'impossible' | string;
  bloc?: string; ratio_before?: number; ratio_after?: number; proven: boolean;
  deal_persons?: DealPerson[]; groups?: { path: string; description: string }[];
}
export interface SolveAnswer {
  exchange: string; date: string; status: string; objective: number | null; deal: DealPerson[];
  blocs: BlocBalance[]; not_chosen: { person: string; name?: string; reasons: SolverReason[] }[];
  require?: RequireAnswer; conflict?: { path: string; description: string }[];
}
export interface VersionSummary {
  version: string; state: string; kind: string; parent: string; created_by: string;
  created_party: string; created_at: string;
}
export interface ProposalResponse { party: string; by: string; at: string; response: string; reason: string }
export interface Proposal extends VersionSummary {
  exchange: string; revision: number; counts: string; parties: string[]; responses: ProposalResponse[];
  transfers: { person: string; name?: string; from: string; to: string; beneficiary: string }[];
  balance: BlocBalance[]; broken_rules: unknown[]; counter_proposals: string[]; refers_to: string;
}
export interface ProposalDiff {
  from: string; to: string;
  added: { person: string; name?: string; from: string; to: string }[];
  removed: { person: string; name?: string; from: string; to: string }[];
  moved: { before: { person: string; name?: string; from: string; to: string }; after: { person: string; name?: string; from: string; to: string } }[];
  counts: { from: string; to: string; before: number; after: number }[];
}
export interface ProposalChanged { version: string; state: string; changed: boolean; note: string }
export interface AgreementCheck {
  version: string; manifest_sha256: string; complete: boolean; final: boolean;
  parties: { party: string; role?: 'party' | 'guarantor' | string; status: 'valid' | 'invalid' | 'missing' | string; key_id: string; detail: string }[];
}

// Stages of an exchange's execution (docs/formats.md, "Stages"): GET /v1/exchanges/{id}/stages
// and every stage route's answer. `date` is the planned day after any postponement; `counts` the
// persons per direction ("SLV>VEN"); `name` of a person only as the reader may see it.
export type StageState = 'planned' | 'started' | 'completed' | 'postponed';
export interface Stage {
  exchange: string; stage: number; name: string; date: string; place: string; state: StageState | string;
  postponements: number; postponed_reason?: string; started_at: string; completed_at: string;
  counts: Record<string, number>; handed_over: number; not_travelling: number;
  persons: { person: string; name?: string; from: string; to: string }[];
}
// The guarantors and observer organisations GET /v1/exchanges/{id} names.
export interface ExchangeSupporters { guarantors?: string[]; observers?: string[] }
export interface SupporterChanged { exchange: string; role: 'guarantor' | 'observer'; party: string; change: 'added' | 'removed' }
// A person's fields of international humanitarian law (GET /v1/persons/{id}); "" or null when
// not said.
export type IhlStatus = 'prisoner_of_war' | 'civilian_internee' | 'detained_civilian' | 'other';
export interface PersonIhl {
  patronymic?: string; ihl_status?: IhlStatus | '' | string; rank?: string; unit?: string;
  service_number?: string; date_of_capture?: string | null; place_of_capture?: string;
}
// Why a pair of GET /v1/review is queued, and whether its records are one person now.
export type QueuedBecause = 'above_threshold' | 'linked_through_others' | 'kept_apart' | 'below_threshold'
  | 'roster_guard' | 'closest_roster' | 'review_band';
export interface ReviewQueueReason { queued_because?: QueuedBecause | string; linked?: boolean }
