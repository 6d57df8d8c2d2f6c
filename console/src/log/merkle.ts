// RFC 9162 (section 2.1) proof verification over SHA-256: the leaf hash H(0x00 || leaf), the
// node hash H(0x01 || left || right), an inclusion proof (2.1.3.2) and a consistency proof
// (2.1.4.2), written from the RFC's verification algorithms. Hashes are exactly 32 bytes; a
// failed check throws LogCheckError, a passed one returns.
import { equalBytes, sha256 } from './bytes';
import { LogCheckError } from './problem';

export const leafHash = (leaf: Uint8Array) => sha256(Uint8Array.of(0), leaf);
const nodeHash = (left: Uint8Array, right: Uint8Array) => sha256(Uint8Array.of(1), left, right);

function checkHashes(hashes: Uint8Array[]): void {
  for (const hash of hashes) if (hash.length !== 32) throw new LogCheckError('merkle.hashLength', { length: hash.length });
}

function checkSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new LogCheckError('merkle.badSize', { size });
}

// "Right-shift both fn and sn equally until either LSB(fn) is set or fn is 0."
function toRightEdge(n: { fn: bigint; sn: bigint }): void {
  while ((n.fn & 1n) === 0n && n.fn !== 0n) {
    n.fn >>= 1n;
    n.sn >>= 1n;
  }
}

// One step of both algorithms' walk up the tree: whether the proof's node at this level is the
// left sibling ("if LSB(fn) is set, or if fn is equal to sn"); fn and sn then move to the level
// the next proof node is on.
function climb(n: { fn: bigint; sn: bigint }): boolean {
  const left = (n.fn & 1n) === 1n || n.fn === n.sn;
  if (left && (n.fn & 1n) === 0n) toRightEdge(n);
  n.fn >>= 1n;
  n.sn >>= 1n;
  return left;
}

// Entry `index` (0-based) of the tree of `size` leaves, whose leaf hash is `leaf`, is in the tree
// whose root is `root`, by `proof` (the audit path, lowest level first).
export async function verifyInclusion(index: number, size: number, leaf: Uint8Array, proof: Uint8Array[],
  root: Uint8Array): Promise<void> {
  checkSize(size);
  checkSize(index);
  checkHashes([leaf, root, ...proof]);
  if (index >= size) throw new LogCheckError('merkle.index', { index, size });
  const n = { fn: BigInt(index), sn: BigInt(size - 1) };
  let r = leaf;
  for (const p of proof) {
    if (n.sn === 0n) throw new LogCheckError('merkle.proofLength', { count: proof.length });
    r = climb(n) ? await nodeHash(p, r) : await nodeHash(r, p);
  }
  if (n.sn !== 0n) throw new LogCheckError('merkle.proofLength', { count: proof.length });
  if (!equalBytes(r, root)) throw new LogCheckError('merkle.rootMismatch');
}

// The tree of `oldSize` leaves with root `oldRoot` is a prefix of the tree of `newSize` leaves
// with root `newRoot`, by `proof`. Equal sizes need equal roots and no proof; an old size of 0
// proves nothing and is refused (as `canje log prove-consistency` refuses it).
export async function verifyConsistency(oldSize: number, newSize: number, proof: Uint8Array[],
  oldRoot: Uint8Array, newRoot: Uint8Array): Promise<void> {
  checkSize(oldSize);
  checkSize(newSize);
  checkHashes([oldRoot, newRoot, ...proof]);
  if (oldSize > newSize) throw new LogCheckError('merkle.sizes', { oldSize, newSize });
  if (oldSize === 0) throw new LogCheckError('merkle.oldEmpty');
  if (oldSize === newSize) {
    if (proof.length !== 0) throw new LogCheckError('merkle.proofLength', { count: proof.length });
    if (!equalBytes(oldRoot, newRoot)) throw new LogCheckError('merkle.equalSizesDiffer', { size: oldSize });
    return;
  }
  if (proof.length === 0) throw new LogCheckError('merkle.proofLength', { count: 0 });
  // An old tree that is a complete subtree (a power of two) is the proof's implicit first node.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  const n = { fn: BigInt(oldSize - 1), sn: BigInt(newSize - 1) };
  while ((n.fn & 1n) === 1n) {
    n.fn >>= 1n;
    n.sn >>= 1n;
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (n.sn === 0n) throw new LogCheckError('merkle.proofLength', { count: proof.length });
    if (climb(n)) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
    } else {
      sr = await nodeHash(sr, c);
    }
  }
  if (n.sn !== 0n) throw new LogCheckError('merkle.proofLength', { count: proof.length });
  if (!equalBytes(fr, oldRoot)) throw new LogCheckError('merkle.oldRootMismatch');
  if (!equalBytes(sr, newRoot)) throw new LogCheckError('merkle.rootMismatch');
}

function isPowerOfTwo(n: number): boolean {
  const b = BigInt(n);
  return b > 0n && (b & (b - 1n)) === 0n;
}
