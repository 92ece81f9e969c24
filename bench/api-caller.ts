import { randomUUID } from 'node:crypto';
import type { BenchCaller } from './api.bench.js';

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
  if (!response.ok) throw new Error(`bench setup: POST ${new URL(url).pathname} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Retries `attempt` for up to 15 s, for set-up steps that wait on a projection. */
async function eventually<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * The caller `bench api` measures: a utility's API client reading a homeowner's meter through a `read` grant the
 * homeowner gave — bearer JWT verification, the grant and visibility checks inside the query, the data-access log
 * and the rate limiter all on the path. Everything is set up through the public API as an operator would.
 */
export async function aGrantedUtilityClient(
  baseUrl: string,
  adminToken: string,
  gatewayId: string,
  sensorId: string,
): Promise<BenchCaller> {
  const email = `homeowner-${randomUUID()}@bench.wattlog.local`;
  const password = `bench-${randomUUID()}`;
  const { userId } = await post<{ userId: string }>(
    `${baseUrl}/api/users`,
    { email, displayName: 'Bench homeowner', role: 'user', password },
    adminToken,
  );
  await post(
    `${baseUrl}/api/gateways`,
    {
      id: gatewayId,
      name: 'Bench meter gateway',
      networkType: 'dsmr',
      address: 'tcp://127.0.0.1:1',
      location: { lat: 52.1, lon: 5.1 },
      ownerId: userId,
    },
    adminToken,
  );
  const owner = await post<{ accessToken: string }>(`${baseUrl}/api/auth/login`, { email, password });
  const client = await post<{ clientId: string; clientSecret: string }>(
    `${baseUrl}/api/clients`,
    { organisation: 'Bench Utility', name: 'bench' },
    adminToken,
  );
  const grant = {
    grantee: { kind: 'client', id: client.clientId },
    scope: { sensorIds: [sensorId] },
    rights: ['read'],
  };
  // Ownership reaches the grant check through its projection: until then the owner's own sensor answers 404.
  await eventually(() => post(`${baseUrl}/api/grants`, grant, owner.accessToken));
  const token = await post<{ access_token: string }>(`${baseUrl}/api/oauth/token`, {
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
  });
  const authorization = `Bearer ${token.access_token}`;
  // The grant reaches the policy through its projection too; wait until the caller really sees the reading.
  await eventually(async () => {
    const response = await fetch(`${baseUrl}/api/readings/latest?sensor=${encodeURIComponent(sensorId)}`, {
      headers: { authorization },
    });
    const body = (await response.json()) as { items?: unknown[] };
    if (response.status !== 200 || body.items?.length !== 1)
      throw new Error(`bench setup: the granted client cannot read ${sensorId} (${response.status})`);
  });
  return {
    authorization,
    describe: "an API client's client-credentials JWT reading through a homeowner's read grant on the sensor",
    // What the access policy makes of this caller on every request (src/application/access/policy).
    scope: () => ({
      kind: 'principal',
      ownerId: null,
      grantee: `client:${client.clientId}`,
      right: 'read',
      at: new Date().toISOString(),
      publicAggregate: false,
    }),
  };
}
