import type { Cell, MatrixRow } from './authorization-matrix.js';
import type { Role } from './roles.js';

/**
 * Rows of the dashboards for `AUTHORIZATION_MATRIX`. A dashboard is its owner's alone: every request targets a
 * dashboard of tenant A's owner, which everyone else, the other tenant, API clients and admins alike, is told does
 * not exist (404). Any signed-in caller may create dashboards of its own. Rows that change a dashboard take a fresh
 * one per cell, so each cell sends the version it read.
 */

type Cells = Readonly<Record<Role, Cell>>;

const ownerOnly = (status: number): Cells => ({
  anonymous: 401,
  userA: status,
  userB: 404,
  clientWithGrant: 404,
  clientWithoutGrant: 404,
  clientAfterRevoke: 404,
  admin: 404,
});
const SIGNED_IN = (status: number): Cells => ({
  anonymous: 401,
  userA: status,
  userB: status,
  clientWithGrant: status,
  clientWithoutGrant: status,
  clientAfterRevoke: status,
  admin: status,
});
const items = (body: unknown): unknown => (body as { items?: unknown }).items;

export const DASHBOARD_MATRIX_ROWS: Readonly<Record<string, MatrixRow>> = {
  'GET /api/dashboards': {
    request: async (f) => {
      await f.dashboardListed('A');
      return {};
    },
    expected: SIGNED_IN(200),
    listing: (f) => ({ id: f.A.dashboardId, to: ['userA'], in: items }),
  },
  'POST /api/dashboards': { request: () => ({ body: { name: 'Matrix' } }), expected: SIGNED_IN(201) },
  'GET /api/dashboards/{id}': { request: (f) => ({ path: { id: f.A.dashboardId } }), expected: ownerOnly(200) },
  'PUT /api/dashboards/{id}/name': {
    request: async (f) => {
      const d = await f.freshDashboard('A');
      return { path: { id: d.dashboardId }, body: { expectedVersion: d.version, name: 'Renamed' } };
    },
    expected: ownerOnly(200),
  },
  'POST /api/dashboards/{id}/duplicate': {
    request: (f) => ({ path: { id: f.A.dashboardId }, body: { version: 0 } }),
    expected: ownerOnly(201),
  },
  'DELETE /api/dashboards/{id}': {
    request: async (f) => {
      const d = await f.freshDashboard('A');
      return { path: { id: d.dashboardId }, query: { expectedVersion: String(d.version) } };
    },
    expected: ownerOnly(204),
  },
  // The chart names tenant A's sensor: its owner may use it; B would get the same 404 for the sensor as for the dashboard.
  'POST /api/dashboards/{id}/tiles': {
    request: async (f) => {
      const d = await f.freshDashboard('A');
      return {
        path: { id: d.dashboardId },
        body: { expectedVersion: d.version, tile: { kind: 'number', title: 'Now', sensorId: f.A.sensorId } },
      };
    },
    expected: ownerOnly(201),
  },
  'PUT /api/dashboards/{id}/tiles/{tileId}': {
    request: async (f) => {
      const d = await f.freshDashboard('A');
      return {
        path: { id: d.dashboardId, tileId: d.tileId },
        body: {
          expectedVersion: d.version,
          tile: {
            kind: 'chart',
            title: 'Week',
            sensorIds: [f.A.sensorId],
            timeRange: { kind: 'relative', last: '7d' },
          },
        },
      };
    },
    expected: ownerOnly(200),
  },
  'DELETE /api/dashboards/{id}/tiles/{tileId}': {
    request: async (f) => {
      const d = await f.freshDashboard('A');
      return { path: { id: d.dashboardId, tileId: d.tileId }, query: { expectedVersion: String(d.version) } };
    },
    expected: ownerOnly(200),
  },
  'PUT /api/dashboards/{id}/time-range': {
    request: async (f) => {
      const d = await f.freshDashboard('A');
      return {
        path: { id: d.dashboardId },
        body: { expectedVersion: d.version, timeRange: { kind: 'relative', last: '1h' } },
      };
    },
    expected: ownerOnly(200),
  },
  'GET /api/dashboards/{id}/versions': {
    request: (f) => ({ path: { id: f.A.dashboardId } }),
    expected: ownerOnly(200),
  },
  'GET /api/dashboards/{id}/versions/{version}': {
    request: (f) => ({ path: { id: f.A.dashboardId, version: '0' } }),
    expected: ownerOnly(200),
  },
  'POST /api/dashboards/{id}/versions/{version}/restore': {
    request: async (f) => {
      const d = await f.freshDashboard('A');
      return { path: { id: d.dashboardId, version: '0' }, body: { expectedVersion: d.version } };
    },
    expected: ownerOnly(200),
  },
};
