import { GATEWAY_EVENT_TYPES, isGatewayEvent } from '../../../domain/gateways/gateway.events.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import {
  READINGS_REPORTED,
  UNDECODED_PAYLOAD_RECEIVED,
  evolveStatus,
  statusKeyOf,
  type GatewayStatusRow,
  type StatusEvent,
} from './gateway-status.row.js';
import { GATEWAY_STATUS_TABLE, selectStatusRows, upsertStatusRow } from './gateway-status.sql.js';
import type { ReadModel } from '../../projections/read-model.js';
import { GATEWAY_STATUS_MIGRATIONS } from './gateway-status.tables.js';

function asStatusEvent(event: RecordedEvent): StatusEvent {
  return isGatewayEvent(event)
    ? ({ type: event.type, data: event.data } as StatusEvent)
    : {
        type: event.type === UNDECODED_PAYLOAD_RECEIVED ? UNDECODED_PAYLOAD_RECEIVED : READINGS_REPORTED,
        data: (event.data ?? {}) as Record<string, unknown>,
      };
}

/**
 * One row per registered gateway: lifecycle, connection and traffic counters. A batch is folded in memory per
 * gateway first, so a thousand frames from one gateway cost one upsert.
 */
export const gatewayStatusProjection: Projection = {
  name: GATEWAY_STATUS_TABLE,
  formerName: 'gateways',
  eventTypes: [...GATEWAY_EVENT_TYPES, READINGS_REPORTED, UNDECODED_PAYLOAD_RECEIVED],
  tables: [GATEWAY_STATUS_TABLE],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table }: { table: TableResolver; sequence: number }) {
    const relevant = batch.filter((e) => statusKeyOf(e) !== undefined);
    if (relevant.length === 0) return;
    const physical = table(GATEWAY_STATUS_TABLE);
    const ids = [...new Set(relevant.map((e) => statusKeyOf(e)!))];
    const rows = new Map<string, GatewayStatusRow | undefined>(
      (await selectStatusRows(tx, physical, { ids })).map((r) => [r.id, r]),
    );
    const changed = new Set<string>();
    for (const event of relevant) {
      const id = statusKeyOf(event)!;
      const before = rows.get(id);
      const after = evolveStatus(before, asStatusEvent(event));
      if (after !== before) {
        rows.set(id, after);
        changed.add(id);
      }
    }
    for (const id of changed) {
      const row = rows.get(id);
      if (row) await upsertStatusRow(tx, physical, row);
    }
  },
};

export const gatewayStatusReadModel: ReadModel = {
  migrations: GATEWAY_STATUS_MIGRATIONS,
  projection: () => gatewayStatusProjection,
};
