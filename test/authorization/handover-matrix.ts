import { AUTHORIZATION_MATRIX, type Cell, type Listing, type MatrixRow } from './authorization-matrix.js';
import type { Role } from './roles.js';

/**
 * The authorization matrix after tenant A's gateway is handed to tenant B's owner, readings flowing on (ADR 0024):
 * the same operations, asked by A (the former owner), B (the new owner), A's grantee (whose grant ended with A's
 * ownership) and an admin. Rows keep their requests; only the expectations move:
 * - rows about what the gateway is *now* (its status, nodes, newest values, commands and settings to come, grants
 *   and visibility over it) pass from A to B: A gets what B got before, B what A got;
 * - rows about the data of A's period (the seeded reading and alarm, A's commands and configuration requests, the
 *   access log) and the callers' own things (sessions, dashboards) stay as they were for A and B;
 * - A's grantee answers like a client whose grant was revoked; admins as before.
 */
export const HANDOVER_ROLES = ['userA', 'userB', 'clientWithGrant', 'admin'] as const;
export type HandoverRole = (typeof HANDOVER_ROLES)[number];

/** Operations about the gateway's present: they follow the owner of the moment. */
const CURRENT = new Set<string>([
  'GET /api/gateways',
  'GET /api/gateways/{id}',
  'GET /api/nodes',
  'GET /api/nodes/{nodeId}',
  'GET /api/readings/latest',
  'PUT /api/me/main-meter',
  'POST /api/grants',
  'PUT /api/sensors/{sensorId}/visibility',
  'GET /api/sensor-visibility',
  'POST /api/actuator-commands',
  'POST /api/nodes/{nodeId}/configuration',
  'GET /api/nodes/{nodeId}/configuration',
  'GET /api/configuration',
  'PATCH /api/gateways/{id}',
  'GET /api/gateways/{id}/configuration',
  // A fresh grant on A's former sensor, given by its owner now (B): grantor, admins.
  'POST /api/grants/{id}/revoke',
  // Need the right now; what they list inside is bounded per row by its time (ADR 0024).
  'GET /api/sensors/annotations',
  'GET /api/actuator-commands',
  'GET /api/nodes/{nodeId}/configuration/changes',
  'GET /api/gateways/{id}/configuration/changes',
  // A new rule or enrollment names the plug as it is now: only its owner of the moment (B) may switch or enroll it.
  'POST /api/rules',
  'POST /api/market/enrollments',
]);

/** Cells that differ from the rule above, each with why. */
const OVERRIDES: Readonly<Record<string, Partial<Record<HandoverRole, Cell>>>> = {
  // A new tile names sensors the way the tile would use them, now: A's former sensor is not A's to chart any more.
  'POST /api/dashboards/{id}/tiles': { userA: 404 },
  'PUT /api/dashboards/{id}/tiles/{tileId}': { userA: 404 },
  // A's rule (made before) stays A's to read, disable and delete, but a revision, an enabling or an acceptance would
  // (re)arm the switching of a plug that is not A's any more.
  'PUT /api/rules/{id}': { userA: 404 },
  'POST /api/rules/{id}/enable': { userA: 404 },
  'POST /api/rules/{id}/accept': { userA: 404 },
  // Likewise A's enrollment (made before) may be paused or left by A, but resuming would offer B's plug again.
  'POST /api/market/enrollments/{id}/resume': { userA: 404 },
};

/** Listings that differ from the rule above, each with why. */
const LISTING_OVERRIDES: Readonly<Record<string, Partial<Record<HandoverRole, boolean>>>> = {
  // The sensor is B's now, and A keeps its id (without a value) for their own period: both find it.
  'GET /api/sensors': { userA: true, userB: true },
  // A series of A's period: A gets its points; B gets the sensor (theirs now) without a point of A's period.
  'GET /api/readings/series': { userA: true, userB: true },
  // B gave a grant on the sensor in the `POST /api/grants` row of this variant.
  'GET /api/grants': { userB: true },
  // Reads of the sensor since the handover (B's own, in the rows before) are filed under B; none of A's period is
  // (the handover spec checks that per reader).
  'GET /api/access-log': { userB: true },
};

function mapped(row: MatrixRow, operation: string, role: HandoverRole): Role {
  if (role === 'clientWithGrant') return 'clientAfterRevoke';
  if (role === 'admin' || !CURRENT.has(operation)) return role;
  return role === 'userA' ? 'userB' : 'userA';
}

export function handoverExpected(operation: string, row: MatrixRow, role: HandoverRole): Cell {
  return OVERRIDES[operation]?.[role] ?? row.expected[mapped(row, operation, role)];
}

/** Whether a role finds the listed object after the handover: as the role it now stands for did before. */
export function handoverSees(operation: string, row: MatrixRow, listing: Listing, role: HandoverRole): boolean {
  return LISTING_OVERRIDES[operation]?.[role] ?? listing.to.includes(mapped(row, operation, role));
}

export const HANDOVER_OPERATIONS = Object.entries(AUTHORIZATION_MATRIX);
