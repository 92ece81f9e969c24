import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CanonicalReading } from '../../../../domain/metering/canonical-reading.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../../ports/read-model-db.port.js';
import { DATA_ACCESS_RECORDER, type DataAccessRecorder } from '../../../access/ports/data-access-recorder.port.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../../access/ports/access-policy.port.js';
import { LATEST_VALUE_SCOPE_COLUMNS, scopeCondition } from '../../../access/sensor-scope/sensor-scope.js';
import type { SensorScope } from '../../../access/sensor-scope/sensor-access.port.js';
import { InvalidReadingQueryError } from '../reading-query.errors.js';
import { bind, epochMs, isoFromEpochMs } from '../../../shared/sql.js';
import { READINGS_LATEST_TABLE } from '../../readings-read-model/readings.tables.js';
import { GetLatestReadings, MAX_LATEST_SENSORS, type LatestReadings } from './get-latest-readings.query.js';

export interface LatestRow {
  sensor_id: string;
  node_id: string;
  gateway_id: string;
  quantity: string;
  unit: string;
  value: number;
  measured_at: number;
  received_at: number;
  phase: string | null;
  tariff: number | null;
  source: unknown;
}

/** The row back to the reading the projection took it from (phase and tariff only where the reading had them). */
export function toReading(row: LatestRow): CanonicalReading {
  const source = typeof row.source === 'string' ? (JSON.parse(row.source) as unknown) : row.source;
  return {
    sensorId: row.sensor_id,
    nodeId: row.node_id,
    gatewayId: row.gateway_id,
    quantity: row.quantity,
    unit: row.unit,
    value: Number(row.value),
    measuredAt: isoFromEpochMs(row.measured_at),
    receivedAt: isoFromEpochMs(row.received_at),
    ...(row.phase !== null ? { phase: row.phase } : {}),
    ...(row.tariff !== null ? { tariff: Number(row.tariff) } : {}),
    source,
  } as CanonicalReading;
}

/** The one statement that answers a latest request: the sensors asked for, narrowed to the caller's scope. */
export function latestReadingsSql(
  scope: SensorScope,
  sensorIds: readonly string[],
): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = [`sensor_id = ANY(${bind(params, sensorIds)}::text[])`];
  const scoped = scopeCondition(scope, params, LATEST_VALUE_SCOPE_COLUMNS);
  if (scoped) where.push(scoped);
  return {
    text: `SELECT sensor_id, node_id, gateway_id, quantity, unit, value, ${epochMs('measured_at')}, ${epochMs('received_at')},
                  phase, tariff, source
             FROM ${READINGS_LATEST_TABLE} WHERE ${where.join(' AND ')}`,
    params,
  };
}

@QueryHandler(GetLatestReadings)
export class GetLatestReadingsHandler implements IQueryHandler<GetLatestReadings, LatestReadings> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
    @Inject(DATA_ACCESS_RECORDER) private readonly accessLog: DataAccessRecorder,
  ) {}

  async execute({ principal, sensorIds }: GetLatestReadings): Promise<LatestReadings> {
    const wanted = [...new Set(sensorIds)];
    if (wanted.length > MAX_LATEST_SENSORS) {
      throw new InvalidReadingQueryError(`at most ${MAX_LATEST_SENSORS} sensors per request; got ${wanted.length}`);
    }
    if (wanted.length === 0) return { items: [], missing: [] };
    const { text, params } = latestReadingsSql(await this.access.sensorScope(principal, 'read'), wanted);
    const rows = await this.db.query<LatestRow>(text, params);
    const found = new Map(rows.map((row) => [row.sensor_id, toReading(row)]));
    this.accessLog.record(
      principal,
      rows.map((row) => ({ sensorId: row.sensor_id, gatewayId: row.gateway_id, rows: 1 })),
    );
    return {
      items: wanted.flatMap((id) => found.get(id) ?? []),
      missing: wanted.filter((id) => !found.has(id)),
    };
  }
}
