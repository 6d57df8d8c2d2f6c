// The answers of the execution routes (docs/api.md: readiness, handovers, reconciliation), as
// the console reads them. Fields a role may not read are absent, never empty strings standing
// for them: a negotiator's `name` is there only for the persons its party may see.
export type ReadinessStatus = 'ready' | 'blocked' | 'not travelling' | 'handed over';

export interface Obstacle { kind: string; reason: string }

export interface ReadinessPerson {
  person: string; from: string; to: string; name?: string;
  status: ReadinessStatus;
  reason?: string; reason_text?: string; note?: string;
  obstacles?: Obstacle[];
}

export interface Readiness {
  exchange: string; name: string; state: string; agreed_version: string; date: string;
  counts: { persons: number; ready: number; blocked: number; not_travelling: number; handed_over: number };
  persons: ReadinessPerson[];
}

export interface Handover {
  person: string; name?: string; to: string; at: string; place: string; witnesses: string[];
  recorded_at: string; recorded_by: string; recorder_party: string;
}

export interface CountDifference {
  kind: string; reason: string; person: string; name?: string; party: string;
  count: number; explained: boolean; text: string;
}

export interface PartyCount {
  party: string; count: number; has_persons: boolean; note: string; report: number;
  reported_at: string; reported_by: string; superseded: number; unexplained: number;
}

export interface DirectionCounts {
  from: string; to: string; agreed: number; verified: number; handed_over: number;
  not_travelling: Record<string, number>; no_outcome: number;
  reported: PartyCount[]; differences: CountDifference[]; unexplained: number;
}

export interface Reconciliation {
  exchange: string; name: string; state: string; agreed_version: string; date: string;
  directions: DirectionCounts[]; unexplained: number; generated_at: string;
  log: { root: string; size: number };
}

// The reasons a person does not travel, in the API's order (POST .../not-travelling).
export const notTravellingReasons = ['refused-consent', 'unfit', 'deceased', 'missing', 'released-otherwise', 'other'] as const;
