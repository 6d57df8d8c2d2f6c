// The page's checks against the server (docs/api.md, "GET /v1/log/…"), each trusting only the
// user's key: the latest checkpoint's signature; that the log grew from the checkpoint verified
// last (RFC 9162 consistency proof), which is then kept; and that an entry is in the verified
// tree (its leaf bytes hashed here, the inclusion proof verified here).
import { getBytes, getJson, getText } from '../api/client';
import { fromBase64 } from './bytes';
import { verifyCheckpoint, type Checkpoint } from './checkpoint';
import { keepCheckpoint, keptCheckpoint, type KeptCheckpoint } from './kept';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle';
import { LogCheckError } from './problem';
import type { VerifierKey } from './vkey';

export type Growth =
  | { kind: 'first' }
  | { kind: 'same'; kept: KeptCheckpoint }
  | { kind: 'grew'; kept: KeptCheckpoint }
  | { kind: 'shrank'; kept: KeptCheckpoint }
  | { kind: 'forked'; kept: KeptCheckpoint; problem: LogCheckError };

export interface CheckpointCheck {
  note: string;                       // what the server sent, as sent
  checkpoint?: Checkpoint;            // only when its signature verified with the user's key
  problem?: LogCheckError;            // why it did not
  growth?: Growth;                    // only for a verified checkpoint
}

interface ProofAnswer { hashes: string[] }

function proofHashes(answer: ProofAnswer): Uint8Array[] {
  if (!answer || !Array.isArray(answer.hashes)) throw new LogCheckError('entry.answer');
  return answer.hashes.map((h) => {
    const bytes = typeof h === 'string' ? fromBase64(h) : null;
    if (!bytes) throw new LogCheckError('entry.answer');
    return bytes;
  });
}

async function growthFrom(kept: KeptCheckpoint | null, now: Checkpoint): Promise<Growth> {
  if (!kept) return { kind: 'first' };
  if (kept.size > now.size) return { kind: 'shrank', kept };
  if (kept.size === now.size) {
    return kept.root === now.rootBase64 ? { kind: 'same', kept }
      : { kind: 'forked', kept, problem: new LogCheckError('merkle.equalSizesDiffer', { size: now.size }) };
  }
  if (kept.size === 0) return { kind: 'grew', kept };
  const answer = await getJson<ProofAnswer>(`/v1/log/proof/consistency?old=${kept.size}&new=${now.size}`);
  try {
    await verifyConsistency(kept.size, now.size, proofHashes(answer), fromBase64(kept.root)!, now.root);
    return { kind: 'grew', kept };
  } catch (error) {
    if (error instanceof LogCheckError) return { kind: 'forked', kept, problem: error };
    throw error;
  }
}

// Network and server refusals are thrown as ApiError; a checkpoint that does not verify, or a
// log that did not only grow, is an answer (the page says it).
export async function checkCheckpoint(key: VerifierKey): Promise<CheckpointCheck> {
  const note = await getText('/v1/log/checkpoint');
  let checkpoint: Checkpoint;
  try {
    checkpoint = await verifyCheckpoint(note, key);
  } catch (error) {
    if (error instanceof LogCheckError) return { note, problem: error };
    throw error;
  }
  const growth = await growthFrom(keptCheckpoint(key.line), checkpoint);
  // Only a checkpoint that extends the one kept (or the first) replaces it: a failure stays
  // visible on every visit until the user forgets the kept checkpoint.
  if (growth.kind === 'first' || growth.kind === 'grew') keepCheckpoint(key.line, checkpoint);
  return { note, checkpoint, growth };
}

export interface EntryCheck { index: number; size: number; leaf: string; event: unknown }

// Entry `index` is in the verified checkpoint's tree; returns its leaf (canonical JSON) decoded.
export async function checkEntry(index: number, checkpoint: Checkpoint): Promise<EntryCheck> {
  if (!Number.isSafeInteger(index) || index < 0 || index >= checkpoint.size) {
    throw new LogCheckError('merkle.index', { index, size: checkpoint.size });
  }
  const [leaf, answer] = await Promise.all([
    getBytes(`/v1/log/entries/${index}`),
    getJson<ProofAnswer & { index: number; size: number }>(`/v1/log/proof/inclusion?index=${index}&size=${checkpoint.size}`),
  ]);
  if (answer.index !== index || answer.size !== checkpoint.size) throw new LogCheckError('entry.answer');
  await verifyInclusion(index, checkpoint.size, await leafHash(leaf), proofHashes(answer), checkpoint.root);
  const text = new TextDecoder().decode(leaf);
  let event: unknown = null;
  try {
    event = JSON.parse(text);
  } catch {
    // not JSON: shown as text
  }
  const seq = (event as { seq?: unknown } | null)?.seq;
  if (event !== null && seq !== index) throw new LogCheckError('entry.seq', { index, seq: String(seq) });
  return { index, size: checkpoint.size, leaf: text, event };
}
