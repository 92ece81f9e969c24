import { DATA_ACCESSED, type DataAccessed } from '../../../domain/access/data-access.events.js';
import type { Projection } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { DATA_ACCESS_LOG_MIGRATIONS, DATA_ACCESS_LOG_TABLE } from './data-access-log.tables.js';

/** Who read which sensor, first and last time, how many requests and rows: folded per (actor, sensor). */
export const dataAccessLogProjection: Projection = {
  name: DATA_ACCESS_LOG_TABLE,
  formerName: 'data-access-log',
  eventTypes: [DATA_ACCESSED],
  tables: [DATA_ACCESS_LOG_TABLE],
  async apply(batch, tx, { table }) {
    const physical = table(DATA_ACCESS_LOG_TABLE);
    for (const event of batch) {
      if (event.type !== DATA_ACCESSED) continue;
      const { entries } = event.data as DataAccessed['data'];
      if (!Array.isArray(entries) || entries.length === 0) continue;
      await tx.query(
        `INSERT INTO ${physical} AS l (actor_id, sensor_id, gateway_id, first_at, last_at, requests, rows_returned)
         SELECT e.actor_id, e.sensor_id, e.gateway_id, e.first_at, e.last_at, e.requests, e.rows_returned
           FROM jsonb_to_recordset($1::jsonb) AS e(actor_id text, sensor_id text, gateway_id text, first_at timestamptz, last_at timestamptz, requests bigint, rows_returned bigint)
         ON CONFLICT (actor_id, sensor_id) DO UPDATE SET
           gateway_id = EXCLUDED.gateway_id,
           first_at = least(l.first_at, EXCLUDED.first_at),
           last_at = greatest(l.last_at, EXCLUDED.last_at),
           requests = l.requests + EXCLUDED.requests,
           rows_returned = l.rows_returned + EXCLUDED.rows_returned`,
        [
          JSON.stringify(
            entries.map((e) => ({
              actor_id: e.actorId,
              sensor_id: e.sensorId,
              gateway_id: e.gatewayId,
              first_at: e.firstAt,
              last_at: e.lastAt,
              requests: e.requests,
              rows_returned: e.rows,
            })),
          ),
        ],
      );
    }
  },
};

export const dataAccessLogReadModel: ReadModel = {
  migrations: DATA_ACCESS_LOG_MIGRATIONS,
  projection: () => dataAccessLogProjection,
};
