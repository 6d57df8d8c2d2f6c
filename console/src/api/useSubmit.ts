// Sending a form's change: whether it is on its way, the problem the API answered (kept until
// the next attempt; the form's fields are the form's own state and are never touched here), and
// the member of the body it points at ("/until" → "until"). Each new body gets a new
// Idempotency-Key; the same body sent again (after a lost answer) keeps its key, so the API
// makes the change once (docs/api.md, "Retries").
import { useRef, useState } from 'preact/hooks';
import { ApiError } from './client';

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// The body member a problem points at, without its leading slash ("rule/holder"); '' for none.
export function pointedField(error: unknown): string {
  if (!(error instanceof ApiError)) return '';
  const pointer = (error.problem as { pointer?: unknown }).pointer;
  return typeof pointer === 'string' ? pointer.replace(/^\//, '') : '';
}

export interface Submit {
  pending: boolean;
  error: unknown;
  field: string;
  // Sends `body` (its key chosen as above); the answer, or undefined when it failed.
  send: <T>(post: (key: string) => Promise<T>, body: unknown) => Promise<T | undefined>;
  clear: () => void;
}

export function useSubmit(): Submit {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const last = useRef<{ body: string; key: string } | null>(null);
  return {
    pending,
    error,
    field: pointedField(error),
    clear: () => setError(null),
    async send<T>(post: (key: string) => Promise<T>, body: unknown) {
      const text = JSON.stringify(body);
      if (!last.current || last.current.body !== text) last.current = { body: text, key: newKey() };
      setPending(true);
      setError(null);
      try {
        const answer = await post(last.current.key);
        last.current = null;
        return answer;
      } catch (caught) {
        setError(caught);
        return undefined;
      } finally {
        setPending(false);
      }
    },
  };
}
