// The log checks of src/log without a browser (Node's WebCrypto): RFC 9162 proof verification
// against the reference vectors of tests/reference-data/merkle (transparency-dev's, negative
// cases included), and a signed checkpoint made by the real `canje log checkpoint`, verified
// with `canje log vkey`'s key and refused when a byte of it changes or the key is another's.
import { expect, test } from '@playwright/test';
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromBase64, toBase64 } from '../src/log/bytes';
import { parseCheckpoint, verifyCheckpoint } from '../src/log/checkpoint';
import { verifyConsistency, verifyInclusion } from '../src/log/merkle';
import { parseSignedNote } from '../src/log/note';
import { LogCheckError } from '../src/log/problem';
import { keyIdOf, parseVerifierKey } from '../src/log/vkey';
import { canjeText, fixture } from './fixture';

const vectors = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/reference-data/merkle');

function jsonFilesUnder(folder: string): string[] {
  return readdirSync(folder).sort().flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return jsonFilesUnder(file);
    return name.endsWith('.json') ? [file] : [];
  });
}

// A vector's hash: its bytes, or an empty array when it is not base64 (then refused as not 32 bytes).
const hash = (text: string) => fromBase64(text) ?? new Uint8Array(0);

async function accepted(check: Promise<void>): Promise<boolean> {
  try {
    await check;
    return true;
  } catch (error) {
    if (error instanceof LogCheckError) return false;
    throw error;
  }
}

// The one vector whose verdict differs, for the reason canje's own verifier gives
// (src/ledger/merkle_tree_test.cc): its equal "roots" are 16-byte placeholders, and a hash here
// is exactly 32 bytes.
const divergences = new Set(['consistency/additional/sizes-are-equal-one-and-proof-is-empty.json']);

test('RFC 9162 inclusion proofs: every reference vector, negative cases refused', async () => {
  const files = jsonFilesUnder(path.join(vectors, 'inclusion'));
  expect(files.length).toBeGreaterThanOrEqual(80);
  let happy = 0;
  for (const file of files) {
    const v = JSON.parse(readFileSync(file, 'utf8'));
    const ok = await accepted(verifyInclusion(v.leafIdx, v.treeSize, hash(v.leafHash), (v.proof ?? []).map(hash), hash(v.root)));
    expect(ok, `${path.relative(vectors, file)}: ${v.desc}`).toBe(!v.wantErr);
    if (ok) happy++;
  }
  expect(happy).toBeGreaterThanOrEqual(5);
});

test('RFC 9162 consistency proofs: every reference vector, negative cases refused', async () => {
  const files = jsonFilesUnder(path.join(vectors, 'consistency'));
  expect(files.length).toBeGreaterThanOrEqual(90);
  let happy = 0;
  let diverging = 0;
  for (const file of files) {
    const name = path.relative(vectors, file);
    const v = JSON.parse(readFileSync(file, 'utf8'));
    const want = divergences.has(name) ? v.wantErr : !v.wantErr;
    if (divergences.has(name)) diverging++;
    const ok = await accepted(verifyConsistency(v.size1, v.size2, (v.proof ?? []).map(hash), hash(v.root1), hash(v.root2)));
    expect(ok, `${name}: ${v.desc}`).toBe(want);
    if (ok) happy++;
  }
  expect(happy).toBeGreaterThanOrEqual(5);
  expect(diverging).toBe(divergences.size);
});

async function refusal(check: Promise<unknown>): Promise<string> {
  try {
    await check;
  } catch (error) {
    if (error instanceof LogCheckError) return error.code;
    throw error;
  }
  return 'accepted';
}

test('a checkpoint signed by `canje log checkpoint` verifies with `canje log vkey`; a changed byte or another key does not', async () => {
  const note = canjeText(['log', 'checkpoint']);
  const vkey = await parseVerifierKey(canjeText(['log', 'vkey']));
  const checkpoint = await verifyCheckpoint(note, vkey);
  expect(checkpoint.origin).toBe(vkey.name);
  expect(checkpoint.size).toBeGreaterThan(3);
  expect(checkpoint.rootBase64).toBe(note.split('\n')[2]);

  // A byte of the body: the size line one larger.
  const lines = note.split('\n');
  const grown = [lines[0], String(checkpoint.size + 1), ...lines.slice(2)].join('\n');
  expect(await refusal(verifyCheckpoint(grown, vkey))).toBe('note.badSignature');
  // A bit of the signature.
  const sigLine = lines.find((l) => l.startsWith(`\u2014 ${vkey.name} `))!;
  const sig = fromBase64(sigLine.split(' ')[2])!;
  sig[10] ^= 1;
  const forged = note.replace(sigLine, `\u2014 ${vkey.name} ${toBase64(sig)}`);
  expect(await refusal(verifyCheckpoint(forged, vkey))).toBe('note.badSignature');

  // Another log's key (a second demo store): another name, not among the signers.
  const other = await parseVerifierKey(fixture().otherVkey);
  expect(other.name).not.toBe(vkey.name);
  expect(await refusal(verifyCheckpoint(note, other))).toBe('note.notSignedByKey');
  // A key of the same name but other bytes: its key id differs from the signature's.
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const typeAndKey = Uint8Array.of(1, ...raw);
  const id = Buffer.from(await keyIdOf(vkey.name, typeAndKey)).toString('hex');
  const impostor = await parseVerifierKey(`${vkey.name}+${id}+${toBase64(typeAndKey)}`);
  expect(await refusal(verifyCheckpoint(note, impostor))).toBe('note.otherKeyId');
});

test('verifier keys and notes that are not well formed are refused with the reason', async () => {
  const line = canjeText(['log', 'vkey']).trim();
  const [name, id, key] = [line.slice(0, line.indexOf('+')), line.split('+')[1], line.slice(line.indexOf('+', line.indexOf('+') + 1) + 1)];
  expect((await parseVerifierKey(`  ${line}\n`)).line).toBe(line);
  expect(await refusal(parseVerifierKey(''))).toBe('vkey.empty');
  expect(await refusal(parseVerifierKey('just some text'))).toBe('vkey.form');
  expect(await refusal(parseVerifierKey(`${name}+${id.slice(1)}+${key}`))).toBe('vkey.keyIdForm');
  expect(await refusal(parseVerifierKey(`${name}+${id}+${key.slice(1)}`))).toBe('vkey.base64');
  const otherId = ((parseInt(id, 16) ^ 1) >>> 0).toString(16).padStart(8, '0');
  expect(await refusal(parseVerifierKey(`${name}+${otherId}+${key}`))).toBe('vkey.keyIdMismatch');
  const typeAndKey = fromBase64(key)!;
  typeAndKey[0] = 4;
  expect(await refusal(parseVerifierKey(`${name}+${id}+${toBase64(typeAndKey)}`))).toBe('vkey.witnessKey');

  const note = canjeText(['log', 'checkpoint']);
  expect(parseSignedNote(note).text).toBe(note.slice(0, note.indexOf('\n\n') + 1));
  expect(() => parseSignedNote(note.trimEnd())).toThrow(LogCheckError);
  expect(() => parseSignedNote(note.replace('\n\n', '\n'))).toThrow(LogCheckError);
  expect(() => parseSignedNote(note.replace('\u2014', '-'))).toThrow(LogCheckError);
  expect(() => parseCheckpoint('origin\n007\nAAAA\n')).toThrow(LogCheckError);
});
