import type { Fixtures } from './tenant-fixtures.js';
import { ROLES, type Role } from './roles.js';

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

export interface MatrixRow {
  /** Built per cell, so rows that change their target (rotate, decommission) can take a fresh one each time. */
  readonly request?: (fixtures: Fixtures) => RequestParts | Promise<RequestParts>;
  readonly expected: Readonly<Record<Role, Cell>>;
}

/** Today's truth for the two roles that exist (anonymous, bootstrap admin); every other role pending. */
function today(cells: { readonly anonymous: Cell; readonly admin: Cell }): Record<Role, Cell> {
  return { ...(Object.fromEntries(ROLES.map((role) => [role, PENDING])) as Record<Role, Cell>), ...cells };
}

const PUBLIC = today({ anonymous: 200, admin: 200 });
const ADMIN_ONLY_READ = today({ anonymous: 401, admin: 200 });

/**
 * The expected status of every operation of the OpenAPI document, per role. Keys are `METHOD /path` exactly as the
 * document names them; the spec fails when an operation has no row or a row names no operation. Requests target
 * tenant A's objects, so "userB → 404" reads as "B cannot see A's gateway". How to add a row: docs/http-api.md.
 */
export const AUTHORIZATION_MATRIX: Readonly<Record<string, MatrixRow>> = {
  'GET /health/live': { expected: PUBLIC },
  'GET /health': { expected: PUBLIC },
  'GET /metrics': { expected: PUBLIC },
  'GET /api/audit': { request: (f) => ({ query: { stream: `gateway-${f.A.gatewayId}` } }), expected: ADMIN_ONLY_READ },
  'POST /api/gateways': {
    request: (f) => ({ body: { name: 'Another', networkType: 'zigbee', address: '192.0.2.2', location: { lat: 52, lon: 5 }, ownerId: f.A.ownerId } }),
    expected: today({ anonymous: 401, admin: 201 }),
  },
  'GET /api/gateways': { expected: ADMIN_ONLY_READ },
  'GET /api/gateways/{id}': { request: (f) => ({ path: { id: f.A.gatewayId } }), expected: ADMIN_ONLY_READ },
  'POST /api/gateways/{id}/rotate-key': { request: async (f) => ({ path: { id: await f.freshGateway('A') } }), expected: ADMIN_ONLY_READ },
  'POST /api/gateways/{id}/decommission': {
    request: async (f) => ({ path: { id: await f.freshGateway('A') }, body: { reason: 'authorization matrix' } }),
    expected: ADMIN_ONLY_READ,
  },
  // The fixtures' gateways are not connected: an authorized caller gets as far as 409.
  'POST /api/gateways/{id}/permit-join': { request: (f) => ({ path: { id: f.A.gatewayId }, body: { seconds: 1 } }), expected: today({ anonymous: 401, admin: 409 }) },
  'GET /api/sensors': { request: (f) => ({ query: { gateway: f.A.gatewayId } }), expected: ADMIN_ONLY_READ },
  'GET /api/readings/latest': { request: (f) => ({ query: { sensor: [f.A.sensorId] } }), expected: ADMIN_ONLY_READ },
  'GET /api/readings/series': {
    request: (f) => ({ query: { sensor: [f.A.sensorId], from: '2025-03-01T00:00:00Z', to: '2025-03-02T00:00:00Z', bucket: '1h' } }),
    expected: ADMIN_ONLY_READ,
  },
  'GET /api/readings/stream': { request: (f) => ({ query: { sensor: [f.A.sensorId] } }), expected: ADMIN_ONLY_READ },
  'GET /api/nodes': { request: (f) => ({ query: { gateway: f.A.gatewayId } }), expected: ADMIN_ONLY_READ },
  'GET /api/nodes/{nodeId}': { request: (f) => ({ path: { nodeId: f.A.nodeId } }), expected: ADMIN_ONLY_READ },
};
