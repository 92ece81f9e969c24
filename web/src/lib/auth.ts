import { computed, signal } from '@preact/signals';

/** What the browser says on every cookie-based auth call; the server refuses those calls without it (CSRF). */
export const BROWSER_HEADER = { 'x-requested-with': 'fetch' } as const;

export interface Me {
  readonly kind: 'user' | 'client';
  readonly userId?: string;
  readonly role?: 'admin' | 'user';
}

interface TokenAnswer {
  readonly accessToken: string;
  readonly expiresIn: number;
}

/** The access token lives in memory only; a reload gets a fresh one through the refresh cookie. */
const accessToken = signal<string | null>(null);
export const me = signal<Me | null>(null);
/** `unknown` until the first refresh attempt tells whether a session cookie exists. */
export const sessionState = signal<'unknown' | 'in' | 'out'>('unknown');
export const loggedIn = computed(() => sessionState.value === 'in');

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('wattlog-auth') : null;
channel?.addEventListener('message', (event: MessageEvent<{ type: string; token?: string }>) => {
  if (event.data.type === 'logout') clear();
  if (event.data.type === 'token' && event.data.token) accessToken.value = event.data.token;
});

function clear(): void {
  accessToken.value = null;
  me.value = null;
  sessionState.value = 'out';
}

async function adopt(answer: TokenAnswer): Promise<void> {
  accessToken.value = answer.accessToken;
  const who = await fetch('/api/me', { headers: { authorization: `Bearer ${answer.accessToken}` } });
  me.value = who.ok ? ((await who.json()) as Me) : null;
  sessionState.value = 'in';
  channel?.postMessage({ type: 'token', token: answer.accessToken });
}

export async function login(email: string, password: string): Promise<string | null> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...BROWSER_HEADER },
    body: JSON.stringify({ email, password }),
  });
  if (response.ok) {
    await adopt((await response.json()) as TokenAnswer);
    return null;
  }
  if (response.status === 429) return 'Too many attempts; wait a moment and try again.';
  if (response.status === 401) return 'Wrong email or password.';
  return `Login failed (${response.status}).`;
}

let refreshing: Promise<boolean> | null = null;

async function refreshOnce(): Promise<boolean> {
  const response = await fetch('/api/auth/refresh', {
    method: 'POST',
    headers: BROWSER_HEADER,
    credentials: 'same-origin',
  });
  // 204: this browser has no session to continue.
  if (response.status !== 200) {
    clear();
    return false;
  }
  await adopt((await response.json()) as TokenAnswer);
  return true;
}

/**
 * Trades the refresh cookie for a new access token. Single-flight in this tab, and across tabs through a Web Lock:
 * two tabs refreshing at once would present the same cookie twice, which the server treats as theft.
 */
export function refresh(): Promise<boolean> {
  refreshing ??= (
    navigator.locks
      ? navigator.locks.request('wattlog-auth-refresh', () => refreshOnce()).then((done) => done)
      : refreshOnce()
  ).finally(() => (refreshing = null));
  return refreshing;
}

export async function logout(): Promise<void> {
  const token = accessToken.value;
  await fetch('/api/auth/logout', {
    method: 'POST',
    headers: { ...BROWSER_HEADER, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  }).catch(() => undefined);
  clear();
  channel?.postMessage({ type: 'logout' });
}

export function currentToken(): string | null {
  return accessToken.value;
}

/** fetch with the access token; on a 401 refreshes once and retries once, then gives up to the login page. */
export async function authorizedFetch(input: RequestInfo, init: RequestInit = {}): Promise<Response> {
  // Kept unsent, so the retry can send the same body again.
  const base = new Request(input, init);
  const send = (): Promise<Response> => {
    const request = base.clone();
    const token = accessToken.value;
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return fetch(request);
  };
  const first = await send();
  if (first.status !== 401) return first;
  if (!(await refresh())) return first;
  return send();
}
