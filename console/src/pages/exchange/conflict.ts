// What a refused answer to a version (409: superseded or already decided; 412: the version moved
// since the page read it) means, from the timeline as it is now: countered by a newer version
// (open that one), decided already (its state), or changed meanwhile (who answered since).
import { ApiError } from '../../api/client';
import type { Proposal, VersionSummary } from '../../api/types';

export type Conflict =
  | { kind: 'countered'; version: string; by: string; counter: string; counterParty: string }
  | { kind: 'decided'; version: string; state: string }
  | { kind: 'changed'; version: string; answers: string[] }
  | null;

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.problem.status === 409 || error.problem.status === 412);
}

export function explainConflict(seen: Proposal, now: Proposal, versions: VersionSummary[]): Conflict {
  const counters = versions.filter((v) => v.parent === now.version && v.state !== 'draft');
  if (now.state === 'countered' || counters.length > 0) {
    const newest = counters[counters.length - 1];
    return { kind: 'countered', version: now.version, by: newest?.created_party ?? '', counter: newest?.version ?? '', counterParty: newest?.created_party ?? '' };
  }
  if (now.state !== seen.state && now.state !== 'tabled') return { kind: 'decided', version: now.version, state: now.state };
  const before = new Set(seen.responses.map((r) => `${r.party}:${r.response}`));
  const answers = now.responses.filter((r) => !before.has(`${r.party}:${r.response}`)).map((r) => `${r.party}:${r.response}`);
  return { kind: 'changed', version: now.version, answers };
}
