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
