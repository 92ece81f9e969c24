import { randomUUID } from 'node:crypto';
import { CONTROL_MATRIX_ROWS } from './control-matrix-rows.js';
import { DASHBOARD_MATRIX_ROWS } from './dashboard-matrix-rows.js';
import { RULE_MATRIX_ROWS } from './rule-matrix-rows.js';
import { MARKET_MATRIX_ROWS } from './market-matrix-rows.js';
import { NOTIFICATION_MATRIX_ROWS } from './notification-matrix-rows.js';
import type { Fixtures } from './tenant-fixtures.js';
import type { Caller, Role } from './roles.js';

/** A cell whose role cannot be tested yet: the runner lists it as a todo while the role is not provided. */
export const PENDING = 'pending';
export type Cell = number | typeof PENDING;

export interface RequestParts {
  /** Values for the `{name}` segments of the path; URL-encoded by the runner. */
  readonly path?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
  /** Sent as JSON. */
  readonly body?: unknown;
}

/** On a 200 list answer: `id` appears in the part of the body `in` picks exactly for the roles in `to`. */
export interface Listing {
  readonly id: string;
  readonly to: readonly Role[];
  readonly in?: (body: unknown) => unknown;
  /** Written asynchronously (the data-access log): roles in `to` may not find it yet; the others still must not. */
  readonly mayLag?: boolean;
}

export interface MatrixRow {
  /** Built per cell, so rows that change their target (rotate, decommission) can take a fresh one each time. */
  readonly request?: (fixtures: Fixtures, caller: Caller) => RequestParts | Promise<RequestParts>;
  /** The cell sends with a login session of its own (rows that end or change the caller's session). */
  readonly freshSession?: boolean;
  readonly listing?: (fixtures: Fixtures) => Listing;
  readonly expected: Readonly<Record<Role, Cell>>;
}

type Cells = Readonly<Record<Role, Cell>>;
const cells = (
  anonymous: Cell,
  userA: Cell,
  userB: Cell,
  clientWithGrant: Cell,
  clientWithoutGrant: Cell,
  clientAfterRevoke: Cell,
  admin: Cell,
): Cells => ({
  anonymous,
  userA,
  userB,
  clientWithGrant,
  clientWithoutGrant,
  clientAfterRevoke,
  admin,
});

const PUBLIC = cells(200, 200, 200, 200, 200, 200, 200);
/** Lists: every authenticated caller gets 200, with only what it may see. */
const LIST = cells(401, 200, 200, 200, 200, 200, 200);
/** Admin only: any other caller, owner or not, is refused before the target is looked up. */
const ADMIN = (status: number): Cells => cells(401, 403, 403, 403, 403, 403, status);
/** Tenant A's gateway status: its owner and admins. */
const OWNER_ONLY = cells(401, 200, 404, 404, 404, 404, 200);
/** Tenant A's sensor data: its owner, admins and holders of a live `read` grant. */
const READERS = cells(401, 200, 404, 200, 404, 404, 200);
const SEE_A: readonly Role[] = ['userA', 'admin'];
const READ_A: readonly Role[] = ['userA', 'clientWithGrant', 'admin'];
const items = (body: unknown): unknown => (body as { items?: unknown }).items;
const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
/** The login session a caller's user token belongs to (its `sid` claim); undefined for other tokens. */
function sessionOf(caller: Caller): string | undefined {
  const token = /^Bearer (.+)$/.exec(caller.headers.authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (payload === undefined) return undefined;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sid?: unknown };
  return typeof claims.sid === 'string' ? claims.sid : undefined;
}

/**
 * The expected status of every operation of the OpenAPI document, per role. Keys are `METHOD /path` exactly as the
 * document names them; the spec fails when an operation has no row or a row names no operation. Requests target
 * tenant A's objects, so "userB → 404" reads as "B cannot see A's gateway". How to add a row: docs/http-api.md.
 * The admin is the holder of the bootstrap admin token: a user without a login session.
 */
export const AUTHORIZATION_MATRIX: Readonly<Record<string, MatrixRow>> = {
  'GET /health/live': { expected: PUBLIC },
  'GET /health': { expected: PUBLIC },
  'GET /metrics': { expected: PUBLIC },
  // A small read model: the rebuild swaps it in while the other rows keep querying.
  'POST /api/system/replays': { request: () => ({ body: { projection: 'api_clients' } }), expected: ADMIN(202) },
  'GET /api/system/replays': { expected: ADMIN(200) },
  'GET /api/system/replays/{replayId}': { request: () => ({ path: { replayId: randomUUID() } }), expected: ADMIN(404) },
  'GET /api/audit': { request: (f) => ({ query: { stream: `gateway-${f.A.gatewayId}` } }), expected: ADMIN(200) },

  'POST /api/gateways': {
    request: (f) => ({
      body: {
        name: 'Another',
        networkType: 'zigbee',
        address: '192.0.2.2',
        location: { lat: 52, lon: 5 },
        ownerId: f.A.ownerId,
      },
    }),
    expected: ADMIN(201),
  },
  'GET /api/gateways': { expected: LIST, listing: (f) => ({ id: f.A.gatewayId, to: SEE_A, in: items }) },
  'GET /api/gateways/{id}': { request: (f) => ({ path: { id: f.A.gatewayId } }), expected: OWNER_ONLY },
  'POST /api/gateways/{id}/rotate-key': {
    request: async (f) => ({ path: { id: await f.freshGateway('A') } }),
    expected: ADMIN(200),
  },
  'POST /api/gateways/{id}/decommission': {
    request: async (f) => ({ path: { id: await f.freshGateway('A') }, body: { reason: 'authorization matrix' } }),
    expected: ADMIN(200),
  },
  // The fixtures' gateways are not connected: an authorized caller's request is recorded and waits (202), expiring soon.
  'POST /api/gateways/{id}/permit-join': {
    request: (f) => ({ path: { id: f.A.gatewayId }, body: { seconds: 1, timeoutSeconds: 1 } }),
    expected: ADMIN(202),
  },
  'POST /api/gateways/{id}/owner': {
    request: async (f) => ({ path: { id: await f.freshGateway('A') }, body: { ownerId: f.B.ownerId } }),
    expected: ADMIN(200),
  },
  // A fresh gateway of A's, handed to B: A is its former owner, whose period an admin erases on request.
  'POST /api/gateways/{id}/ownership-periods/erase': {
    request: async (f) => ({
      path: { id: await f.freshHandover() },
      body: { ownerId: f.A.ownerId, reason: 'authorization matrix' },
    }),
    expected: ADMIN(200),
  },

  'GET /api/sensors': {
    request: (f) => ({ query: { gateway: f.A.gatewayId } }),
    expected: LIST,
    listing: (f) => ({ id: f.A.sensorId, to: READ_A, in: items }),
  },
  // Each caller's own setting: everyone signed in has one (none chosen, or A's sensor for A).
  'GET /api/me/main-meter': { expected: LIST },
  // Choosing A's power sensor: whoever may read it; a stranger is told it does not exist.
  'PUT /api/me/main-meter': { request: (f) => ({ body: { sensorId: f.A.sensorId } }), expected: READERS },
  // Whoever may read the sensor; what each sees inside (configuration, commands) narrows further by its rights.
  'GET /api/sensors/annotations': {
    request: (f) => ({ query: { sensor: f.A.sensorId, from: '2020-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' } }),
    expected: READERS,
  },
  // Sensors out of scope are answered in `missing`, like unknown ones.
  'GET /api/readings/latest': {
    request: (f) => ({ query: { sensor: [f.A.sensorId] } }),
    expected: LIST,
    listing: (f) => ({ id: f.A.sensorId, to: READ_A, in: items }),
  },
  'GET /api/readings/series': {
    request: (f) => ({
      query: { sensor: [f.A.sensorId], from: '2025-03-01T00:00:00Z', to: '2025-03-02T00:00:00Z', bucket: '1h' },
    }),
    expected: LIST,
    listing: (f) => ({ id: f.A.sensorId, to: READ_A, in: (body) => (body as { series?: unknown }).series }),
  },
  // A stream opens for any sensor ids; readings of sensors out of scope (or unknown) simply never arrive.
  'GET /api/readings/stream': { request: (f) => ({ query: { sensor: [f.A.sensorId] } }), expected: LIST },
  'GET /api/nodes': {
    request: (f) => ({ query: { gateway: f.A.gatewayId } }),
    expected: LIST,
    listing: (f) => ({ id: f.A.nodeId, to: READ_A, in: items }),
  },
  'GET /api/nodes/{nodeId}': { request: (f) => ({ path: { nodeId: f.A.nodeId } }), expected: READERS },
  // Alarms carry the sensor's values: shown to those who may read them. The alarm may have been cleared meanwhile (the
  // configuration row changes the node's setting), which a list without `state` still shows.
  'GET /api/alarms': {
    request: (f) => ({ query: { node: f.A.nodeId } }),
    expected: LIST,
    listing: (f) => ({ id: f.A.alarmId, to: READ_A, in: items }),
  },
  'GET /api/alarms/{alarmId}': { request: (f) => ({ path: { alarmId: f.A.alarmId } }), expected: READERS },

  'POST /api/auth/login': {
    request: async (f) => {
      const user = await f.freshUser();
      return { body: { email: user.email, password: user.password } };
    },
    expected: PUBLIC,
  },
  'POST /api/auth/refresh': {
    request: async (f) => ({ body: { refreshToken: (await f.freshUser()).refreshToken } }),
    expected: PUBLIC,
  },
  // Only a password login has a session to end; client tokens and the bootstrap token are refused with 400.
  'POST /api/auth/logout': { freshSession: true, expected: cells(401, 204, 204, 400, 400, 400, 400) },
  // The right current password with a new one the policy refuses: a user gets past authorization to the policy
  // (a 204 would end the role's other sessions, which the other rows use).
  'POST /api/auth/password': {
    request: (_, caller) => ({
      body: { currentPassword: caller.password ?? 'no password of its own', newPassword: 'short' },
    }),
    expected: cells(401, 400, 400, 400, 400, 400, 400),
  },
  'GET /api/me': { expected: LIST },

  'POST /api/users': {
    request: () => ({
      body: {
        email: `matrix-${randomUUID()}@example.org`,
        displayName: 'Matrix',
        role: 'user',
        password: `pw-${randomUUID()}`,
      },
    }),
    expected: ADMIN(201),
  },
  'GET /api/users': { expected: ADMIN(200) },
  'POST /api/users/{id}/role': {
    request: async (f) => ({ path: { id: (await f.freshUser()).userId }, body: { role: 'admin' } }),
    expected: ADMIN(200),
  },
  'POST /api/users/{id}/disable': {
    request: async (f) => ({ path: { id: (await f.freshUser()).userId }, body: { reason: 'matrix' } }),
    expected: ADMIN(200),
  },

  // A user's own sessions, or any user's for an admin; another user is told the user is not there, clients refused.
  'GET /api/users/{id}/sessions': {
    request: (f) => ({ path: { id: f.A.ownerId } }),
    expected: cells(401, 200, 404, 403, 403, 403, 200),
  },
  // The caller's own fresh session (users) or a fresh user's (the others): A ends its own, B cannot reach A's.
  'POST /api/users/{id}/sessions/{sessionId}/revoke': {
    freshSession: true,
    request: async (f, caller) => {
      const own = sessionOf(caller);
      if (own !== undefined) return { path: { id: f.A.ownerId, sessionId: own } };
      const user = await f.freshUser();
      return { path: { id: user.userId, sessionId: sessionOf({ headers: bearer(user.accessToken) })! } };
    },
    expected: cells(401, 204, 404, 403, 403, 403, 204),
  },
  // A fresh user's: revoking all of A's would end the sessions the other rows send with.
  'POST /api/users/{id}/sessions/revoke': {
    request: async (f) => ({ path: { id: (await f.freshUser()).userId } }),
    expected: cells(401, 404, 404, 403, 403, 403, 200),
  },

  'POST /api/clients': {
    request: () => ({ body: { organisation: 'Matrix Utility', name: 'matrix' } }),
    expected: ADMIN(201),
  },
  'GET /api/clients': { expected: ADMIN(200) },
  'POST /api/clients/{id}/rotate-secret': {
    request: async (f) => ({ path: { id: (await f.freshClient()).clientId } }),
    expected: ADMIN(200),
  },
  'POST /api/clients/{id}/revoke': {
    request: async (f) => ({ path: { id: (await f.freshClient()).clientId }, body: { reason: 'matrix' } }),
    expected: ADMIN(200),
  },
  // Client authentication is the body's id and secret or the Authorization header, never both: a caller that also
  // sends its bearer token is refused with invalid_request (RFC 6749 2.3).
  'POST /api/oauth/token': {
    request: async (f) => {
      const client = await f.freshClient();
      return {
        body: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret },
      };
    },
    expected: cells(200, 400, 400, 400, 400, 400, 400),
  },

  // Owners grant over what they own, admins over anything; to everyone else A's sensor is not there.
  'POST /api/grants': {
    request: async (f) => ({
      body: {
        grantee: { kind: 'client', id: (await f.freshClient()).clientId },
        scope: { sensorIds: [f.A.sensorId] },
        rights: ['aggregate'],
      },
    }),
    expected: cells(401, 201, 404, 404, 404, 404, 201),
  },
  // Grants the caller gave or holds (the revoked one too); admins see all.
  'GET /api/grants': {
    expected: LIST,
    listing: (f) => ({ id: f.A.sensorId, to: ['userA', 'clientWithGrant', 'clientAfterRevoke', 'admin'], in: items }),
  },
  // Grantor, grantee or an admin; the fresh grant's grantee is a client of its own.
  'POST /api/grants/{id}/revoke': {
    request: async (f) => ({ path: { id: await f.freshGrant('A') } }),
    expected: cells(401, 200, 404, 404, 404, 404, 200),
  },
  // Sets the default again (nothing changes), so the other rows keep seeing the sensor as shared.
  'PUT /api/sensors/{sensorId}/visibility': {
    request: (f) => ({ path: { sensorId: f.A.sensorId }, body: { visibility: 'shared' } }),
    expected: cells(401, 200, 404, 404, 404, 404, 200),
  },
  // Owners (and admins) see their sensors' visibility; grantees and clients find nothing of tenant A's in it.
  'GET /api/sensor-visibility': { expected: LIST, listing: (f) => ({ id: f.A.sensorId, to: SEE_A, in: items }) },
  // Owners see who read their sensors; nobody else finds tenant A's sensor in it.
  'GET /api/access-log': { expected: LIST, listing: (f) => ({ id: f.A.sensorId, to: SEE_A, in: items, mayLag: true }) },
  ...CONTROL_MATRIX_ROWS,
  ...DASHBOARD_MATRIX_ROWS,
  ...RULE_MATRIX_ROWS,
  ...MARKET_MATRIX_ROWS,
  ...NOTIFICATION_MATRIX_ROWS,
};
