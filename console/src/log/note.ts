// C2SP signed notes (https://c2sp.org/signed-note): a text ending in a newline, an empty line,
// then one or more lines "— NAME BASE64" (U+2014, space, key name, space, base64 of the 4-byte
// key id and the signature). The text is everything up to and including the newline before the
// last empty line; it is what was signed. A verifier trusts only the key it was given: lines by
// other keys are ignored, and at least one line by that key must verify.
import { equalBytes, fromBase64, utf8 } from './bytes';
import { LogCheckError } from './problem';
import { validKeyName, type VerifierKey } from './vkey';

export interface NoteSignature { name: string; keyId: Uint8Array; signature: Uint8Array }
export interface SignedNote { text: string; signatures: NoteSignature[] }

export function parseSignedNote(note: string): SignedNote {
  // Only newlines among the control characters.
  const control = /[\u0000-\u0009\u000b-\u001f]/.exec(note);
  if (control) throw new LogCheckError('note.control', { at: control.index });
  const split = note.lastIndexOf('\n\n');
  if (!note.endsWith('\n') || split < 0 || split + 2 >= note.length) throw new LogCheckError('note.form');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const signatures = lines.map((line, i) => {
    const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
    const bytes = match ? fromBase64(match[2]) : null;
    if (!match || !validKeyName(match[1]) || !bytes || bytes.length < 5) {
      throw new LogCheckError('note.signatureLine', { line: i + 1 });
    }
    return { name: match[1], keyId: bytes.slice(0, 4), signature: bytes.slice(4) };
  });
  return { text, signatures };
}

// Checks that `note` is signed by `key` (Ed25519, WebCrypto); returns the signed text.
export async function verifyNote(note: string, key: VerifierKey): Promise<string> {
  const parsed = parseSignedNote(note);
  const named = parsed.signatures.filter((s) => s.name === key.name);
  if (named.length === 0) {
    throw new LogCheckError('note.notSignedByKey', {
      name: key.name, signers: parsed.signatures.map((s) => s.name).join(', '),
    });
  }
  const ours = named.filter((s) => equalBytes(s.keyId, key.keyId));
  if (ours.length === 0) throw new LogCheckError('note.otherKeyId', { name: key.name });
  const publicKey = await crypto.subtle.importKey('raw', key.publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  const message = utf8(parsed.text);
  for (const s of ours) {
    if (s.signature.length !== 64) continue;
    if (await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, s.signature as BufferSource, message as BufferSource)) {
      return parsed.text;
    }
  }
  throw new LogCheckError('note.badSignature', { name: key.name });
}
