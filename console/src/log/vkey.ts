// A log's verifier key as `canje log vkey` prints it (C2SP signed-note, Go's
// golang.org/x/mod/sumdb/note form): NAME+KEYID+BASE64, where BASE64 holds the type byte 0x01
// (Ed25519) and the 32-byte public key, and KEYID is 8 hex digits, the first 4 bytes of
// SHA-256(NAME || 0x0A || 0x01 || key). Spaces and newlines around the pasted line are dropped.
import { fromBase64, sha256, toHex, utf8 } from './bytes';
import { LogCheckError } from './problem';

export interface VerifierKey {
  line: string;          // the key as pasted, trimmed
  name: string;
  keyId: Uint8Array;     // 4 bytes
  publicKey: Uint8Array; // 32 bytes, Ed25519
}

// A key name: not empty, no Unicode space, no plus sign (C2SP signed-note).
export const validKeyName = (name: string) => name.length > 0 && !/[\s+]/u.test(name);

export async function keyIdOf(name: string, typeAndKey: Uint8Array): Promise<Uint8Array> {
  return (await sha256(utf8(name), Uint8Array.of(0x0a), typeAndKey)).slice(0, 4);
}

export async function parseVerifierKey(text: string): Promise<VerifierKey> {
  const line = text.trim();
  if (line === '') throw new LogCheckError('vkey.empty');
  const first = line.indexOf('+');
  const second = first < 0 ? -1 : line.indexOf('+', first + 1);
  if (second < 0) throw new LogCheckError('vkey.form');
  const name = line.slice(0, first);
  const hexId = line.slice(first + 1, second);
  if (!validKeyName(name)) throw new LogCheckError('vkey.name', { name });
  if (!/^[0-9a-f]{8}$/i.test(hexId)) throw new LogCheckError('vkey.keyIdForm', { keyId: hexId });
  const typeAndKey = fromBase64(line.slice(second + 1));
  if (!typeAndKey) throw new LogCheckError('vkey.base64');
  if (typeAndKey[0] === 0x04) throw new LogCheckError('vkey.witnessKey');
  if (typeAndKey[0] !== 0x01) throw new LogCheckError('vkey.type', { type: typeAndKey[0] ?? 0 });
  if (typeAndKey.length !== 33) throw new LogCheckError('vkey.length', { length: typeAndKey.length - 1 });
  const keyId = await keyIdOf(name, typeAndKey);
  if (toHex(keyId) !== hexId.toLowerCase()) throw new LogCheckError('vkey.keyIdMismatch', { keyId: hexId });
  return { line, name, keyId, publicKey: typeAndKey.slice(1) };
}
