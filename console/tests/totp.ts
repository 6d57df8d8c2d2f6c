// RFC 6238 codes (SHA-1, 6 digits, 30 s) from a base32 secret, as an authenticator app computes
// them, with node's crypto. The server accepts a code once and the step before or after the
// current one, so codeFor() never gives a user the same step twice.
import { createHmac } from 'node:crypto';

export function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0;
  const out: number[] = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function hotp(secret: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', secret).update(message).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const binary = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return binary.toString().padStart(6, '0');
}

// The code of the current step, for an attempt meant to fail for another reason (a wrong
// password): the server takes no step from a refused sign-in.
export function currentCode(secretBase32: string): string {
  return hotp(base32Decode(secretBase32), Math.floor(Date.now() / 1000 / 30));
}

const lastStep = new Map<string, number>();

// A fresh code for `user`: the current step's, or the next one's when the current was used.
// Waits for the clock when both were.
export async function codeFor(user: string, secretBase32: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / 30);
    const step = Math.max(now, (lastStep.get(user) ?? -1) + 1);
    if (step <= now + 1) {
      lastStep.set(user, step);
      return hotp(base32Decode(secretBase32), step);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
