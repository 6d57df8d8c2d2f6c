// What the page keeps in the browser's localStorage, which belongs to one origin (the server's
// scheme, host and port) and so is kept per server: the verifier key the user pasted, and the
// last checkpoint verified with that key, to check next time that the log only grew from it.
import { fromBase64 } from './bytes';
import type { Checkpoint } from './checkpoint';

const keyItem = 'canje.log.vkey';
const checkpointItem = 'canje.log.checkpoint';

export interface KeptCheckpoint { vkey: string; origin: string; size: number; root: string }

export const keptKey = (): string => localStorage.getItem(keyItem) ?? '';
export const keepKey = (line: string): void => localStorage.setItem(keyItem, line);

// The checkpoint kept for `vkey`, or null (none, another key's, or not readable).
export function keptCheckpoint(vkey: string): KeptCheckpoint | null {
  try {
    const kept = JSON.parse(localStorage.getItem(checkpointItem) ?? 'null');
    if (!kept || kept.vkey !== vkey || !Number.isSafeInteger(kept.size) || kept.size < 0) return null;
    if (typeof kept.origin !== 'string' || typeof kept.root !== 'string' || fromBase64(kept.root)?.length !== 32) return null;
    return { vkey, origin: kept.origin, size: kept.size, root: kept.root };
  } catch {
    return null;
  }
}

export function keepCheckpoint(vkey: string, checkpoint: Checkpoint): void {
  const kept: KeptCheckpoint = { vkey, origin: checkpoint.origin, size: checkpoint.size, root: checkpoint.rootBase64 };
  localStorage.setItem(checkpointItem, JSON.stringify(kept));
}

export const forgetCheckpoint = (): void => localStorage.removeItem(checkpointItem);
