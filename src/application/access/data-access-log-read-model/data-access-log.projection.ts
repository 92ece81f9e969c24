import { DATA_ACCESSED, type DataAccessed } from '../../../domain/access/data-access.events.js';
import type { OwnershipPeriodErased } from '../../../domain/gateways/gateway.events.js';
import type { Projection } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import {
  applyOwnershipEvent,
  asOwnershipEvent,
  OWNERSHIP_EVENT_TYPES,
} from '../ownership-periods-read-model/ownership-periods.projection.js';
import {
  DATA_ACCESS_LOG_MIGRATIONS,
  DATA_ACCESS_LOG_OWNERS_TABLE,
  DATA_ACCESS_LOG_TABLE,
} from './data-access-log.tables.js';

/**
 * Who read which sensor, first and last time, how many requests and rows: folded per (actor, sensor, owner), the
 * owner being whoever owned the sensor's gateway when the reads began. A reader who owned the gateway before can only
 * read their own periods (ADR 0024), so their reads are filed under themselves, never under the owner of the moment. Ownership is folded into this read model's own
 * periods table, so a rebuild files every read exactly as the live run did.
 */
export const dataAccessLogProjection: Projection = {
  name: DATA_ACCESS_LOG_TABLE,
  formerName: 'data-access-log',
  eventTypes: [DATA_ACCESSED, ...OWNERSHIP_EVENT_TYPES, 'OwnershipPeriodErased'],
  tables: [DATA_ACCESS_LOG_TABLE, DATA_ACCESS_LOG_OWNERS_TABLE],
  async apply(batch, tx, { table }) {
    const physical = table(DATA_ACCESS_LOG_TABLE);
    const owners = table(DATA_ACCESS_LOG_OWNERS_TABLE);
    for (const event of batch) {
      const ownership = asOwnershipEvent(event);
      if (ownership) {
        await applyOwnershipEvent(tx, owners, ownership);
        continue;
      }
      if (event.type === 'OwnershipPeriodErased') {
        // Who read the former owner's data is part of what they left (ADR 0030): every row filed under them here.
        const { gatewayId, ownerId } = event.data as OwnershipPeriodErased['data'];
        await tx.query(`DELETE FROM ${physical} WHERE gateway_id = $1 AND owner_id = $2`, [gatewayId, ownerId]);
        continue;
      }
      if (event.type !== DATA_ACCESSED) continue;
      const { entries } = event.data as DataAccessed['data'];
      if (!Array.isArray(entries) || entries.length === 0) continue;
      await tx.query(
        `INSERT INTO ${physical} AS l (actor_id, sensor_id, gateway_id, owner_id, first_at, last_at, requests, rows_returned)
         SELECT e.actor_id, e.sensor_id, e.gateway_id,
                coalesce((SELECT o.owner_id FROM ${owners} o
                           WHERE o.gateway_id = e.gateway_id AND e.actor_id = 'user:' || o.owner_id
                             AND o.valid_from <= e.first_at LIMIT 1),
                         (SELECT o.owner_id FROM ${owners} o
                           WHERE o.gateway_id = e.gateway_id AND o.valid_from <= e.first_at
                             AND (o.valid_to IS NULL OR e.first_at < o.valid_to)
                           ORDER BY o.valid_from DESC LIMIT 1), ''),
                e.first_at, e.last_at, e.requests, e.rows_returned
           FROM jsonb_to_recordset($1::jsonb) AS e(actor_id text, sensor_id text, gateway_id text, first_at timestamptz, last_at timestamptz, requests bigint, rows_returned bigint)
         ON CONFLICT (actor_id, sensor_id, owner_id) DO UPDATE SET
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
