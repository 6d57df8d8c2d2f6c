// Idempotency keys for a form whose sending must not record twice (a handover sent from a
// tablet on a bad line): sending the same body again reuses its key, so that the server answers
// the first answer again instead of recording anew (docs/api.md, "Retries"); a changed body is a
// new request and gets a new key. After a success the form calls done(), and the next sending,
// even of the same body, is new.
import { useRef, useState } from 'preact/hooks';
import { postJson } from './client';

// 128 random bits in hex (getRandomValues works on plain http too, unlike randomUUID).
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface IdempotencyKeys {
  keyFor: (body: unknown) => string;
  done: () => void;
}

export function useIdempotencyKeys(): IdempotencyKeys {
  const last = useRef<{ body: string; key: string } | null>(null);
  return {
    keyFor(body) {
      const text = JSON.stringify(body);
      if (last.current?.body !== text) last.current = { body: text, key: randomKey() };
      return last.current.key;
    },
    done() {
      last.current = null;
    },
  };
}

// A form's sending: POST `body` to `path` with its idempotency key, `sending` while it is on its
// way, `error` the refusal or failure of the last sending (cleared when the next one starts).
// Returns the answer, or undefined when it failed (the form keeps its input and shows `error`).
export function useIdempotentPost() {
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const keys = useIdempotencyKeys();
  async function post<T>(path: string, body: unknown): Promise<T | undefined> {
    setError(null);
    setSending(true);
    try {
      const answer = await postJson<T>(path, body, { 'Idempotency-Key': keys.keyFor(body) });
      keys.done();
      return answer;
    } catch (failure) {
      setError(failure);
      return undefined;
    } finally {
      setSending(false);
    }
  }
  return { error, sending, post };
}
