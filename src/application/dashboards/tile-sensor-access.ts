import type { Principal } from '../../domain/access/principal.js';
import type { DashboardEvent, Tile, TileSpec } from '../../domain/dashboards/dashboard.events.js';
import { sensorsOf } from '../../domain/dashboards/dashboard.validation.js';
import type { AccessPolicy, AccessRight } from '../access/ports/access-policy.port.js';

/**
 * The right a tile needs on each sensor it names: a chart reads buckets, a number, a gauge and an alarm list read
 * values, a switch commands.
 */
const RIGHT: Record<TileSpec['kind'], AccessRight> = {
  chart: 'aggregate',
  number: 'read',
  gauge: 'read',
  alarms: 'read',
  switch: 'command',
};

function tilesOf(event: DashboardEvent): readonly Tile[] {
  switch (event.type) {
    case 'DashboardTileAdded':
    case 'DashboardTileChanged':
      return [event.data.tile];
    case 'DashboardDuplicated':
    case 'DashboardVersionRestored':
      return event.data.tiles;
    default:
      return [];
  }
}

/**
 * Refuses decided events whose tiles name a sensor the caller may not use as the tile would: the access policy
 * answers it exactly like an unknown sensor (404, `sensor … not found`), so a dashboard cannot probe for sensors.
 * Restored and duplicated content is checked again: a grant may have ended since.
 */
export async function assertTileSensors(
  policy: AccessPolicy,
  principal: Principal,
  events: readonly DashboardEvent[],
): Promise<void> {
  const checks = new Map<string, AccessRight>();
  for (const tile of events.flatMap(tilesOf)) {
    for (const sensorId of sensorsOf(tile)) checks.set(`${RIGHT[tile.kind]}\u0000${sensorId}`, RIGHT[tile.kind]);
  }
  for (const [key, right] of checks) {
    await policy.assertSensorRight(principal, key.slice(key.indexOf('\u0000') + 1), right);
  }
}
