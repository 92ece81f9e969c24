import type { Cell, MatrixRow } from './authorization-matrix.js';
import type { Role } from './roles.js';

/**
 * Rows of the configuration unit (actuator commands, node and network configuration, gateway configuration history) for
 * `AUTHORIZATION_MATRIX`, spread into it as they are. Every request targets tenant A's objects; the statuses are
 * what the handlers' access checks give:
 * - anonymous never gets past authentication (401); the client whose grant was revoked is any client without one;
 * - changing configuration is for admins only: every other signed-in caller, clients included, gets 403;
 * - switching needs the `command` right on the sensor: the owner has it, a client holding only `read` does not and
 *   is answered like a stranger (404), as is the other tenant;
 * - configuration and its history are shown to the gateway's owner and admins; a grant on a sensor does not make
 *   its holder an owner (404).
 */

type Cells = Readonly<Record<Role, Cell>>;

const cells = (signedIn: {
  readonly userA: Cell;
  readonly userB: Cell;
  readonly clients: Cell;
  readonly admin: Cell;
}): Cells => ({
  anonymous: 401,
  userA: signedIn.userA,
  userB: signedIn.userB,
  clientWithGrant: signedIn.clients,
  clientWithoutGrant: signedIn.clients,
  clientAfterRevoke: signedIn.clients,
  admin: signedIn.admin,
});

const ADMIN_ONLY_CHANGE = (status: number): Cells => cells({ userA: 403, userB: 403, clients: 403, admin: status });
const OWNER_OR_ADMIN_READ = cells({ userA: 200, userB: 404, clients: 404, admin: 200 });
const RANGE = { from: '2020-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
/** A well-formed command id no command has: nobody may tell it from someone else's command. */
const UNKNOWN_COMMAND = '00000000-0000-4000-8000-000000000000';

export const CONTROL_MATRIX_ROWS: Readonly<Record<string, MatrixRow>> = {
  // The fixtures' sensor measures power: whoever holds `command` on it gets past the access check and is then refused
  // with 422 (not a switch). A switch sensor would answer 202 to the first caller and 409 to the next while that
  // command waits for the offline gateway, so 422 is the stable proof of "allowed".
  'POST /api/actuator-commands': {
    request: (f) => ({ body: { sensorId: f.A.sensorId, action: 'on', timeoutSeconds: 1 } }),
    expected: cells({ userA: 422, userB: 404, clients: 404, admin: 422 }),
  },
  // Without a switch sensor in the fixtures no command can exist; this row shows the unknown id answers alike for
  // everyone signed in. On a command tenant A's owner made on A's switch sensor the cells are: userA 200, userB 404,
  // clients 404 (`read` is not `command`), admin 200 — someone else's command reads like an unknown one.
  'GET /api/actuator-commands/{id}': {
    request: () => ({ path: { id: UNKNOWN_COMMAND } }),
    expected: cells({ userA: 404, userB: 404, clients: 404, admin: 404 }),
  },
  // The timeline needs the same `command` right as one command: a reader's grant does not show who switched (404).
  'GET /api/actuator-commands': {
    request: (f) => ({ query: { sensor: f.A.sensorId } }),
    expected: cells({ userA: 200, userB: 404, clients: 404, admin: 200 }),
  },
  // An alarm setting is applied by the server at once, so the admin's 202 needs no connected gateway.
  'POST /api/nodes/{nodeId}/configuration': {
    request: (f) => ({
      path: { nodeId: f.A.nodeId },
      body: { kind: 'alarm_power_above', thresholdW: 2000, forSeconds: 30, reason: 'authorization matrix' },
    }),
    expected: ADMIN_ONLY_CHANGE(202),
  },
  'GET /api/nodes/{nodeId}/configuration': {
    request: (f) => ({ path: { nodeId: f.A.nodeId } }),
    expected: OWNER_OR_ADMIN_READ,
  },
  'GET /api/nodes/{nodeId}/configuration/changes': {
    request: (f) => ({ path: { nodeId: f.A.nodeId }, query: RANGE }),
    expected: OWNER_OR_ADMIN_READ,
  },
  // A list narrowed to the caller's gateways: asking for A's gateway without owning it gives an empty list, not 404.
  'GET /api/configuration': {
    request: (f) => ({ query: { gateway: f.A.gatewayId } }),
    expected: cells({ userA: 200, userB: 200, clients: 200, admin: 200 }),
  },
  // Sending the current description again changes nothing (200, no changed fields), so repeated cells do not drift.
  'PATCH /api/gateways/{id}': {
    request: (f) => ({ path: { id: f.A.gatewayId }, body: { description: 'authorization matrix' } }),
    expected: ADMIN_ONLY_CHANGE(200),
  },
  // Recorded and waiting for the (never connected) gateway; it expires a second later.
  'POST /api/gateways/{id}/network-configuration': {
    request: (f) => ({
      path: { id: f.A.gatewayId },
      body: { kind: 'channel', channel: 15, timeoutSeconds: 1, reason: 'authorization matrix' },
    }),
    expected: ADMIN_ONLY_CHANGE(202),
  },
  'GET /api/gateways/{id}/configuration': {
    request: (f) => ({ path: { id: f.A.gatewayId } }),
    expected: OWNER_OR_ADMIN_READ,
  },
  'GET /api/gateways/{id}/configuration/changes': {
    request: (f) => ({ path: { id: f.A.gatewayId }, query: RANGE }),
    expected: OWNER_OR_ADMIN_READ,
  },
};
