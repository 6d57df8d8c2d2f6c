// The console's one way to the HTTP API (docs/api.md): fetch with the session cookie, the
// session's CSRF token in X-CSRF-Token on every method but GET and HEAD, and every failure
// turned into an ApiError holding the problem (RFC 9457) so that pages show it in the user's
// language (problemMessage in ./problems.ts). A 401 on anything but signing in means the
// session ended: the handler set with onSessionEnded() takes the user back to sign-in.
export interface Problem {
  type: string;
  title?: string;
  status: number;
  detail?: string;
  retry_after_seconds?: number;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? problem.type);
  }
  // The problem's short name: "sign_in_failed" for "urn:canje:problem:sign_in_failed".
  get kind(): string {
    const prefix = 'urn:canje:problem:';
    return this.problem.type.startsWith(prefix) ? this.problem.type.slice(prefix.length) : this.problem.type;
  }
}

const csrfKey = 'canje.csrf';
let sessionEnded: () => void = () => {};

export function onSessionEnded(handler: () => void): void {
  sessionEnded = handler;
}
export function keepCsrfToken(token: string | null): void {
  if (token) sessionStorage.setItem(csrfKey, token);
  else sessionStorage.removeItem(csrfKey);
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.startsWith('application/problem+json') || type.startsWith('application/json')) {
    try {
      const body = await response.json();
      if (body && typeof body.type === 'string') return { ...body, status: response.status };
    } catch {
      // not JSON after all: described by its status below
    }
  }
  return { type: 'about:blank', status: response.status };
}

export interface Page<T> {
  items: T;
  hasMore: boolean;
}

// A body sent as it is (a list file) rather than as JSON, with its Content-Type.
export interface RawBody { raw: Blob | string; contentType: string }
function isRaw(body: unknown): body is RawBody {
  return typeof body === 'object' && body !== null && 'raw' in body && 'contentType' in body;
}

async function send(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = isRaw(body) ? body.contentType : 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = sessionStorage.getItem(csrfKey);
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isRaw(body) ? body.raw : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ type: 'urn:canje:console:network', status: 0 });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    const signingIn = method === 'POST' && path === '/v1/session';
    if (response.status === 401 && !signingIn) {
      keepCsrfToken(null);
      sessionEnded();
    }
    throw new ApiError(problem);
  }
  return response;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await send('GET', path)).json() as Promise<T>;
}

// A body read as it is: text (a signed checkpoint), or bytes (a log entry's leaf, hashed as sent).
export async function getText(path: string): Promise<string> {
  return (await send('GET', path)).text();
}

export async function getBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await (await send('GET', path)).arrayBuffer());
}

// A page of a list (docs/api.md, "Pages"): its items, and whether a Link rel="next" follows.
export async function getPage<T>(path: string): Promise<Page<T>> {
  const response = await send('GET', path);
  const link = response.headers.get('Link') ?? '';
  return { items: (await response.json()) as T, hasMore: /rel="next"/.test(link) };
}

// `idempotencyKey`, when given, is sent as Idempotency-Key (docs/api.md, "Retries"): the same
// key with the same body after a lost answer gets the first answer, the change made once.
export async function postJson<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
  return (await send('POST', path, body, idempotencyKey)).json() as Promise<T>;
}

export async function deleteJson<T>(path: string): Promise<T> {
  return (await send('DELETE', path)).json() as Promise<T>;
}
