import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { isAdmin } from '../../../domain/access/principal.js';
import { DEFAULT_VISIBILITY, type SensorVisibility } from '../../../domain/access/sensor-visibility.decider.js';
import { NotAuthenticatedError } from '../../access/access.errors.js';
import { GATEWAY_OWNERS_TABLE, SENSOR_VISIBILITY_TABLE } from '../../access/access-read-model/access.tables.js';
import { READINGS_LATEST_TABLE } from '../../metering/readings-read-model/readings.tables.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { bind, epochMs, isoFromEpochMs } from '../../shared/sql.js';
import {
  ListSensorVisibility,
  type SensorVisibilityPage,
  type SensorVisibilityView,
} from './list-sensor-visibility.query.js';

interface Row {
  sensor_id: string;
  node_id: string;
  gateway_id: string;
  quantity: string;
  visibility: string | null;
  changed_by: string | null;
  changed_at: number | null;
}

function toView(row: Row): SensorVisibilityView {
  return {
    sensorId: row.sensor_id,
    nodeId: row.node_id,
    gatewayId: row.gateway_id,
    quantity: row.quantity,
    visibility: (row.visibility ?? DEFAULT_VISIBILITY) as SensorVisibility,
    changedBy: row.changed_by,
    changedAt: row.changed_at === null ? null : isoFromEpochMs(row.changed_at),
  };
}

/**
 * Keyset pages, in sensor id order, over the sensors of the gateways the caller owns now (admins: every sensor),
 * each with its visibility. Only owners decide visibility, so only they (and admins) are told it; grantees and API
 * clients get an empty list. No reading is handed out, so nothing is written to the data-access log.
 */
@QueryHandler(ListSensorVisibility)
export class ListSensorVisibilityHandler implements IQueryHandler<ListSensorVisibility, SensorVisibilityPage> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, filter }: ListSensorVisibility): Promise<SensorVisibilityPage> {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    if (principal.kind === 'client') return { items: [], nextAfter: null };
    const params: unknown[] = [];
    const where: string[] = [];
    if (!isAdmin(principal))
      where.push(
        `l.gateway_id IN (SELECT o.gateway_id FROM ${GATEWAY_OWNERS_TABLE} o WHERE o.owner_id = ${bind(params, principal.userId)})`,
      );
    if (filter.gatewayId !== undefined) where.push(`l.gateway_id = ${bind(params, filter.gatewayId)}`);
    if (filter.after !== undefined) where.push(`l.sensor_id > ${bind(params, filter.after)}`);
    const rows = await this.db.query<Row>(
      `SELECT l.sensor_id, l.node_id, l.gateway_id, l.quantity, v.visibility, v.changed_by, ${epochMs('v.changed_at', 'changed_at')}
         FROM ${READINGS_LATEST_TABLE} l LEFT JOIN ${SENSOR_VISIBILITY_TABLE} v ON v.sensor_id = l.sensor_id
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY l.sensor_id LIMIT ${bind(params, filter.limit + 1)}`,
      params,
    );
    const items = rows.slice(0, filter.limit).map(toView);
    return { items, nextAfter: rows.length > filter.limit ? (items.at(-1)?.sensorId ?? null) : null };
  }
}
