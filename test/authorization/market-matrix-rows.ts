import type { Cell, MatrixRow } from './authorization-matrix.js';
import type { Role } from './roles.js';

/**
 * Rows of the owners' market API for `AUTHORIZATION_MATRIX`. Programs are there for every homeowner to join (admins
 * are users too; API clients own no plugs and see none). An enrollment is its owner's alone: tenant A's is not found
 * for everyone else, admins included; enrolling needs plugs of the caller's own gateways, so only A enrolls A's.
 */

type Cells = Readonly<Record<Role, Cell>>;

const cells = (anonymous: Cell, userA: Cell, userB: Cell, clients: Cell, admin: Cell): Cells => ({
  anonymous,
  userA,
  userB,
  clientWithGrant: clients,
  clientWithoutGrant: clients,
  clientAfterRevoke: clients,
  admin,
});
const LIST = cells(401, 200, 200, 200, 200);
const HOMEOWNERS = cells(401, 200, 200, 404, 200);
const OWNER_ONLY = (status: number): Cells => cells(401, status, 404, 404, 404);
const items = (body: unknown): unknown => (body as { items?: unknown }).items;
const DAY = { from: '2026-12-08T00:00:00Z', to: '2026-12-08T01:00:00Z', timeZone: 'Europe/Amsterdam' };

export const MARKET_MATRIX_ROWS: Readonly<Record<string, MatrixRow>> = {
  'GET /api/market/programs': {
    request: async (f) => {
      await f.market.program();
      return {};
    },
    expected: LIST,
    listing: (f) => ({ id: f.market.known.program, to: ['userA', 'userB', 'admin'], in: items }),
  },
  'GET /api/market/programs/{id}': {
    request: async (f) => ({ path: { id: await f.market.program() } }),
    expected: HOMEOWNERS,
  },
  'GET /api/market/enrollments': {
    request: async (f) => {
      await f.market.enrollment();
      return {};
    },
    expected: LIST,
    listing: (f) => ({ id: f.market.known.enrollment, to: ['userA'], in: items }),
  },
  // A new program per cell: A may hold one live enrollment per program. The plug is A's: everyone else is told it
  // does not exist.
  'POST /api/market/enrollments': {
    request: async (f) => ({
      body: {
        programId: await f.market.freshProgram(),
        sensorIds: [f.A.sensorId],
        allowDispatch: true,
        shareReports: 'aggregate',
      },
    }),
    expected: OWNER_ONLY(201),
  },
  'GET /api/market/enrollments/{id}': {
    request: async (f) => ({ path: { id: await f.market.enrollment() } }),
    expected: OWNER_ONLY(200),
  },
  'POST /api/market/enrollments/{id}/pause': {
    request: async (f) => ({ path: { id: await f.market.freshEnrollment() }, body: {} }),
    expected: OWNER_ONLY(201),
  },
  'POST /api/market/enrollments/{id}/resume': {
    request: async (f) => ({ path: { id: await f.market.enrollment() } }),
    expected: OWNER_ONLY(201),
  },
  'DELETE /api/market/enrollments/{id}': {
    request: async (f) => ({ path: { id: await f.market.freshEnrollment() } }),
    expected: OWNER_ONLY(200),
  },
  'GET /api/market/signals': { request: () => ({ query: DAY }), expected: LIST },
  // The program must be one the caller took part in, and the meter one it may read: only A has both.
  'GET /api/market/costs': {
    request: async (f) => ({
      query: {
        ...DAY,
        programId: (await f.market.enrollment(), await f.market.program()),
        sensor: await f.market.meter(),
        bucket: '15m',
      },
    }),
    expected: OWNER_ONLY(200),
  },
};
