import type {
  DashboardCreated,
  DashboardRenamed,
  DashboardTileAdded,
  DashboardTileRemoved,
  Tile,
} from '../../src/domain/dashboards/dashboard.events.js';

export const A_DASHBOARD_ID = 'd-1';
export const DASHBOARD_OWNER = 'user:owner-1';
export const CREATED_AT = '2026-12-01T10:00:00.000Z';

/** A power chart of one sensor; pass what the spec is about and leave the rest. */
export function aChartTile(overrides: Partial<Extract<Tile, { kind: 'chart' }>> = {}): Tile {
  return { tileId: 't-1', kind: 'chart', title: 'Power', sensorIds: ['zigbee:0x01/1/power'], ...overrides };
}

export function aDashboardCreated(overrides: Partial<DashboardCreated['data']> = {}): DashboardCreated {
  return {
    type: 'DashboardCreated',
    data: {
      dashboardId: A_DASHBOARD_ID,
      ownerId: DASHBOARD_OWNER,
      name: 'Kitchen',
      timeRange: { kind: 'relative', last: '24h' },
      at: CREATED_AT,
      ...overrides,
    },
  };
}

export function aTileAdded(tile: Tile = aChartTile(), at = CREATED_AT): DashboardTileAdded {
  return { type: 'DashboardTileAdded', data: { dashboardId: A_DASHBOARD_ID, tile, at } };
}

export function aTileRemoved(tileId = 't-1', at = CREATED_AT): DashboardTileRemoved {
  return { type: 'DashboardTileRemoved', data: { dashboardId: A_DASHBOARD_ID, tileId, at } };
}

export function aDashboardRenamed(name: string, previousName = 'Kitchen', at = CREATED_AT): DashboardRenamed {
  return { type: 'DashboardRenamed', data: { dashboardId: A_DASHBOARD_ID, name, previousName, at } };
}
