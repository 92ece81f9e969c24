import { randomUUID } from 'node:crypto';

/**
 * Principals for HTTP specs, made through the public API exactly as an operator would: the bootstrap admin token
 * registers users and API clients, users log in with their password, clients use the client-credentials grant.
 */
export interface TestUser {
  readonly userId: string;
  readonly email: string;
  readonly password: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

export interface TestClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly organisation: string;
  readonly accessToken: string;
}

/** Passes the common-password check and the 12-character minimum. */
export const aStrongPassword = (): string => `pw-${randomUUID()}`;

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${new URL(url).pathname} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export function login(
  baseUrl: string,
  email: string,
  password: string,
): Promise<{ accessToken: string; refreshToken: string; expiresIn: number }> {
  return post(`${baseUrl}/api/auth/login`, { email, password });
}

/** Registers a user (role `user` unless told) with the admin token and logs in. */
export async function aLoggedInUser(
  baseUrl: string,
  adminToken: string,
  options: { readonly role?: 'admin' | 'user'; readonly email?: string; readonly displayName?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? `user-${randomUUID()}@example.org`;
  const password = aStrongPassword();
  const registered = await post<{ userId: string }>(
    `${baseUrl}/api/users`,
    { email, displayName: options.displayName ?? 'Test user', role: options.role ?? 'user', password },
    adminToken,
  );
  const tokens = await login(baseUrl, email, password);
  return {
    userId: registered.userId,
    email,
    password,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
  };
}

/** Registers an API client for `organisation` with the admin token and obtains a client-credentials token. */
export async function aClientWithToken(
  baseUrl: string,
  adminToken: string,
  organisation = 'Test Utility',
  options: { readonly role?: 'api' | 'bl'; readonly scope?: string } = {},
): Promise<TestClient> {
  const client = await post<{ clientId: string; clientSecret: string }>(
    `${baseUrl}/api/clients`,
    { organisation, name: 'test client', ...(options.role !== undefined ? { role: options.role } : {}) },
    adminToken,
  );
  const token = await post<{ access_token: string }>(`${baseUrl}/api/oauth/token`, {
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    ...(options.scope !== undefined ? { scope: options.scope } : {}),
  });
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    organisation,
    accessToken: token.access_token,
  };
}
