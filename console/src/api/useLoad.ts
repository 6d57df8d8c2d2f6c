import { useEffect, useState } from 'preact/hooks';

export interface Loaded<T> { data?: T; error?: unknown; loading: boolean }

// Runs `load` when `deps` change; a later run's answer replaces an earlier one's, never the
// reverse.
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ loading: true });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return state;
}
