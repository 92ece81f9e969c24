import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { DATA_ACCESS_RECORDER, type DataAccessRecorder } from '../../access/ports/data-access-recorder.port.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import {
  LATEST_SCOPE_COLUMNS,
  LATEST_VALUE_SCOPE_COLUMNS,
  scopeCondition,
} from '../../access/sensor-scope/sensor-scope.js';
import { bind, isoFromEpochMs } from '../../shared/sql.js';
import { READINGS_LATEST_TABLE } from '../../metering/readings-read-model/readings.tables.js';
import { ListSensors, type SensorPage, type SensorView } from './list-sensors.query.js';

interface SensorRow {
  sensor_id: string;
  node_id: string;
  gateway_id: string;
  quantity: string;
  unit: string;
  phase: string | null;
  tariff: number | null;
  value: number | null;
  measured_at: number | null;
}

function toView(row: SensorRow): SensorView {
  return {
    sensorId: row.sensor_id,
    nodeId: row.node_id,
    gatewayId: row.gateway_id,
    quantity: row.quantity,
    unit: row.unit,
    ...(row.phase !== null ? { phase: row.phase } : {}),
    ...(row.tariff !== null ? { tariff: Number(row.tariff) } : {}),
    lastValue: row.value === null ? null : Number(row.value),
    lastMeasuredAt: row.measured_at === null ? null : isoFromEpochMs(row.measured_at),
  };
}

/**
 * Keyset pages over readings_latest, in sensor id order. Lists every sensor the principal may aggregate; the newest
 * value is shown only where it may also read raw values.
 */
@QueryHandler(ListSensors)
export class ListSensorsHandler implements IQueryHandler<ListSensors, SensorPage> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
    @Inject(DATA_ACCESS_RECORDER) private readonly accessLog: DataAccessRecorder,
  ) {}

  async execute({ principal, filter }: ListSensors): Promise<SensorPage> {
    const params: unknown[] = [];
    const where: string[] = [];
    const readable = scopeCondition(
      await this.access.sensorScope(principal, 'read'),
      params,
      LATEST_VALUE_SCOPE_COLUMNS,
    );
    const scoped = scopeCondition(await this.access.sensorScope(principal, 'aggregate'), params, LATEST_SCOPE_COLUMNS);
    if (scoped) where.push(scoped);
    const shown = (column: string, alias: string): string =>
      readable ? `CASE WHEN ${readable} THEN ${column} END AS ${alias}` : `${column} AS ${alias}`;
    if (filter.gatewayId !== undefined) where.push(`gateway_id = ${bind(params, filter.gatewayId)}`);
    if (filter.nodeId !== undefined) where.push(`node_id = ${bind(params, filter.nodeId)}`);
    if (filter.quantity !== undefined) where.push(`quantity = ${bind(params, filter.quantity)}`);
    if (filter.after !== undefined) where.push(`sensor_id > ${bind(params, filter.after)}`);
    const rows = await this.db.query<SensorRow>(
      `SELECT sensor_id, node_id, gateway_id, quantity, unit, phase, tariff, ${shown('value', 'value')},
              ${shown('floor(extract(epoch FROM measured_at) * 1000)::float8', 'measured_at')}
         FROM ${READINGS_LATEST_TABLE}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
        ORDER BY sensor_id LIMIT ${bind(params, filter.limit + 1)}`,
      params,
    );
    const items = rows.slice(0, filter.limit).map(toView);
    // A newest value handed out is a read like any other.
    this.accessLog.record(
      principal,
      items.flatMap((s) => (s.lastValue === null ? [] : [{ sensorId: s.sensorId, gatewayId: s.gatewayId, rows: 1 }])),
    );
    return { items, nextAfter: rows.length > filter.limit ? (items.at(-1)?.sensorId ?? null) : null };
  }
}
