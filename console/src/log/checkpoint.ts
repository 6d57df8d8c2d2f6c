// A C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the text of a signed note made of
// the origin line, the tree size in decimal (no leading zero), the base64 root hash, and any
// number of non-empty extension lines. verifyCheckpoint checks the note's signature by the
// user's key first, and that the checkpoint's origin is that key's name (docs/formats.md: the
// key's name is the log's origin).
import { fromBase64 } from './bytes';
import { verifyNote } from './note';
import { LogCheckError } from './problem';
import type { VerifierKey } from './vkey';

export interface Checkpoint { origin: string; size: number; root: Uint8Array; rootBase64: string; extensions: string[] }

export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines.pop() !== '' || lines.some((l) => l === '')) throw new LogCheckError('checkpoint.form');
  const [origin, sizeText, rootBase64, ...extensions] = lines;
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) {
    throw new LogCheckError('checkpoint.size', { size: sizeText });
  }
  const root = fromBase64(rootBase64);
  if (!root || root.length !== 32) throw new LogCheckError('checkpoint.root');
  return { origin, size: Number(sizeText), root, rootBase64, extensions };
}

export async function verifyCheckpoint(note: string, key: VerifierKey): Promise<Checkpoint> {
  const checkpoint = parseCheckpoint(await verifyNote(note, key));
  if (checkpoint.origin !== key.name) throw new LogCheckError('checkpoint.origin', { origin: checkpoint.origin, name: key.name });
  return checkpoint;
}
