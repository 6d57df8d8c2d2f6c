// Client-side routes, in the URL's fragment so that the server serves one page:
//   #/                     overview
//   #/persons?q=fragment   the person search (the typed fragment kept in the URL)
//   #/persons/P17          a person
//   #/review               the review queue
//   #/log                  the log, verified in the browser
//   #/exchanges            the exchanges the user may see
//   #/exchanges/X1?v=V3    an exchange (the proposal version V3 opened in its timeline)
//   #/execution/X1         an agreed exchange's execution and count afterwards
//   #/execution/X1?stage=2 the same for the persons of its stage 2
//   #/lists                the imported lists, and importing one
//   #/persons/P17/interview a verifier records a consent interview with P17
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'overview' }
  | { page: 'persons'; query: string }
  | { page: 'person'; id: string }
  | { page: 'review' }
  | { page: 'log' }
  | { page: 'execution'; id: string; stage: string }
  | { page: 'lists' }
  | { page: 'interview'; id: string }
  | { page: 'exchanges' }
  | { page: 'exchange'; id: string; version: string };

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?');
  const person = /^\/persons\/([A-Za-z0-9]+)$/.exec(path);
  if (person) return { page: 'person', id: person[1] };
  const interview = /^\/persons\/([A-Za-z0-9]+)\/interview$/.exec(path);
  if (interview) return { page: 'interview', id: interview[1] };
  if (path === '/lists') return { page: 'lists' };
  if (path === '/review') return { page: 'review' };
  const execution = /^\/execution(?:\/([A-Za-z0-9]+))?$/.exec(path);
  if (execution) return { page: 'execution', id: execution[1] ?? '', stage: /^\d+$/.exec(new URLSearchParams(search).get('stage') ?? '')?.[0] ?? '' };
  if (path === '/log') return { page: 'log' };
  if (path === '/exchanges') return { page: 'exchanges' };
  const exchange = /^\/exchanges\/([A-Za-z0-9]+)$/.exec(path);
  if (exchange) return { page: 'exchange', id: exchange[1], version: new URLSearchParams(search).get('v') ?? '' };
  if (path === '/persons') return { page: 'persons', query: new URLSearchParams(search).get('q') ?? '' };
  return { page: 'overview' };
}

// The route of the URL as it is now (replacePersonsQuery changes it without a hashchange), the
// page rendered again on every hashchange.
export function useRoute(): Route {
  const [, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return parseRoute(location.hash);
}

// Replaces the URL's query of the persons search without adding a history entry per key.
export function replacePersonsQuery(query: string): void {
  const hash = query ? `#/persons?q=${encodeURIComponent(query)}` : '#/persons';
  history.replaceState(null, '', hash);
}
