import type { RunningServer } from '../../src/interfaces/http/http-server.js';
import { aClientWithToken, aLoggedInUser, login, type TestClient, type TestUser } from '../support/access.js';
import { ROLES, type Caller, type Role, type RoleCredentials, type Tenant } from './roles.js';
import { untilClientListed, type Fixtures } from './tenant-fixtures.js';

async function post(server: RunningServer, path: string, token: string, body: unknown): Promise<{ grantId: string }> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as { grantId: string };
}

/** Waits until the access projection has applied the grants: the granted client sees the sensor, the revoked one not. */
async function untilGrantsApply(
  server: RunningServer,
  sensorId: string,
  grantedToken: string,
  revokedToken: string,
): Promise<void> {
  const sees = async (token: string): Promise<boolean> => {
    const response = await fetch(`${server.url}/api/readings/latest?sensor=${encodeURIComponent(sensorId)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { missing?: string[] };
    return response.status === 200 && body.missing?.length === 0;
  };
  const deadline = Date.now() + 20_000;
  while (!(await sees(grantedToken)) || (await sees(revokedToken))) {
    if (Date.now() > deadline) throw new Error('the grants of the authorization matrix did not take effect');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Every role, made through the public API as an operator and the homeowners would: the bootstrap admin token
 * registers two users (the owners of tenants A and B) and three API clients; once the tenants exist, userA grants
 * `read` on A's sensor to two of the clients and revokes one of those grants again.
 */
export function apiCredentials(): RoleCredentials {
  let adminToken = '';
  let baseUrl: string | undefined;
  let users: Record<Tenant, TestUser> | undefined;
  let clients: Record<'clientWithGrant' | 'clientWithoutGrant' | 'clientAfterRevoke', TestClient> | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the role credentials are not set up yet');
    return value;
  };
  const userOf = (role: Role): TestUser | undefined =>
    role === 'userA' ? ready(users).A : role === 'userB' ? ready(users).B : undefined;

  const headersFor = (role: Role): Readonly<Record<string, string>> => {
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    switch (role) {
      case 'anonymous':
        return {};
      case 'userA':
        return bearer(ready(users).A.accessToken);
      case 'userB':
        return bearer(ready(users).B.accessToken);
      case 'clientWithGrant':
      case 'clientWithoutGrant':
      case 'clientAfterRevoke':
        return bearer(ready(clients)[role].accessToken);
      case 'admin':
        return bearer(adminToken);
    }
  };

  return {
    provided: new Set<Role>(ROLES),
    setUp: async (server, token) => {
      adminToken = token;
      baseUrl = server.url;
      users = {
        A: await aLoggedInUser(server.url, token, { displayName: 'Owner of tenant A' }),
        B: await aLoggedInUser(server.url, token, { displayName: 'Owner of tenant B' }),
      };
      clients = {
        clientWithGrant: await aClientWithToken(server.url, token, 'Granted Utility'),
        clientWithoutGrant: await aClientWithToken(server.url, token, 'Stranger Utility'),
        clientAfterRevoke: await aClientWithToken(server.url, token, 'Former Utility'),
      };
    },
    afterSeed: async (server, fixtures: Fixtures) => {
      const owner = ready(users).A.accessToken;
      const grantTo = async (clientId: string) => {
        await untilClientListed(server, adminToken, clientId);
        return post(server, '/api/grants', owner, {
          grantee: { kind: 'client', id: clientId },
          scope: { sensorIds: [fixtures.A.sensorId] },
          rights: ['read'],
        });
      };
      const revoked = await grantTo(ready(clients).clientAfterRevoke.clientId);
      await post(server, `/api/grants/${revoked.grantId}/revoke`, owner, {});
      // Granted last: once the projection has applied this grant, it has applied the revoke before it too.
      await grantTo(ready(clients).clientWithGrant.clientId);
      await untilGrantsApply(
        server,
        fixtures.A.sensorId,
        ready(clients).clientWithGrant.accessToken,
        ready(clients).clientAfterRevoke.accessToken,
      );
    },
    ownerOf: (tenant) => ready(users)[tenant].userId,
    headersFor,
    callerFor: async (role, freshSession): Promise<Caller> => {
      const user = userOf(role);
      if (user === undefined) return { headers: headersFor(role) };
      if (!freshSession) return { headers: headersFor(role), password: user.password };
      const server = ready(baseUrl);
      const tokens = await login(server, user.email, user.password);
      return { headers: { authorization: `Bearer ${tokens.accessToken}` }, password: user.password };
    },
  };
}
