import type { SensorScope } from './sensor-access.port.js';

/** Column names of the table being narrowed; `sensor` absent means the table has none (nodes). */
export interface ScopedColumns {
  readonly gateway: string;
  readonly sensor?: string;
  readonly node?: string;
}

/**
 * A SQL condition restricting rows to the scope, with its parameters appended to `params`; null when nothing is
 * restricted. Node rows under a sensor scope are visible when one of their sensors is.
 */
export function scopeCondition(scope: SensorScope, params: unknown[], columns: ScopedColumns): string | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'gateways':
      params.push(scope.gatewayIds);
      return `${columns.gateway} = ANY($${params.length}::text[])`;
    case 'sensors':
      params.push(scope.sensorIds);
      if (columns.sensor) return `${columns.sensor} = ANY($${params.length}::text[])`;
      if (columns.node) {
        return `${columns.node} IN (SELECT s.node_id FROM readings_latest s WHERE s.sensor_id = ANY($${params.length}::text[]))`;
      }
      return 'false';
  }
}

/** The same rule in memory, for readings that never pass through a read model (the live stream). */
export function scopeAdmits(scope: SensorScope, reading: { readonly sensorId: string; readonly gatewayId: string }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'gateways':
      return scope.gatewayIds.includes(reading.gatewayId);
    case 'sensors':
      return scope.sensorIds.includes(reading.sensorId);
  }
}
