import type {
  GatewayOwnerChanged,
  GatewayRegistered,
  OwnershipPeriodErased,
} from '../../../domain/gateways/gateway.events.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { OWNERSHIP_PERIODS_MIGRATIONS, OWNERSHIP_PERIODS_TABLE } from './ownership-periods.tables.js';

export type OwnershipEvent = GatewayRegistered | GatewayOwnerChanged;

export const OWNERSHIP_EVENT_TYPES = ['GatewayRegistered', 'GatewayOwnerChanged'] as const;

export function asOwnershipEvent(event: RecordedEvent): OwnershipEvent | undefined {
  const known = (OWNERSHIP_EVENT_TYPES as readonly string[]).includes(event.type);
  return known ? ({ type: event.type, data: event.data } as OwnershipEvent) : undefined;
}

/**
 * Folds one ownership event into a periods table (`physical` is its name, shadow or live): registration opens the
 * first period (unbounded in the past), a handover closes the open one at its time and opens the new owner's. Applying an event again
 * changes nothing, so a batch replayed after a crash leaves the same rows. Shared with the data-access log, which
 * keeps its own copy so that each read model is rebuilt from the log alone.
 */
export async function applyOwnershipEvent(tx: SqlExecutor, physical: string, event: OwnershipEvent): Promise<void> {
  const { gatewayId, ownerId } = event.data;
  // The first owner's period reaches back without bound: whatever was measured before registration (a meter's
  // backlog, a device clock behind) can only be theirs.
  const at = event.type === 'GatewayRegistered' ? '-infinity' : event.data.at;
  if (event.type === 'GatewayOwnerChanged') {
    await tx.query(
      `UPDATE ${physical} SET valid_to = $2::timestamptz
        WHERE gateway_id = $1 AND valid_to IS NULL AND valid_from < $2::timestamptz`,
      [gatewayId, at],
    );
  }
  await tx.query(
    `INSERT INTO ${physical} (gateway_id, owner_id, valid_from, valid_to) VALUES ($1, $2, $3::timestamptz, NULL)
     ON CONFLICT (gateway_id, valid_from) DO ${event.type === 'GatewayOwnerChanged' ? 'UPDATE SET owner_id = EXCLUDED.owner_id' : 'NOTHING'}`,
    [gatewayId, ownerId, at],
  );
}

/** Marks an erased period; `from` null is the first owner's, stored as -infinity. */
async function markErased(tx: SqlExecutor, physical: string, event: OwnershipPeriodErased): Promise<void> {
  const { gatewayId, ownerId, from, at } = event.data;
  await tx.query(
    `UPDATE ${physical} SET erased_at = $4::timestamptz
      WHERE gateway_id = $1 AND owner_id = $2 AND valid_from = $3::timestamptz`,
    [gatewayId, ownerId, from ?? '-infinity', at],
  );
}

/** Ownership periods per gateway, from registration and every handover: the time bound of every access check. */
export const ownershipPeriodsProjection: Projection = {
  name: OWNERSHIP_PERIODS_TABLE,
  eventTypes: [...OWNERSHIP_EVENT_TYPES, 'OwnershipPeriodErased'],
  tables: [OWNERSHIP_PERIODS_TABLE],
  async apply(batch, tx, { table }) {
    const physical = table(OWNERSHIP_PERIODS_TABLE);
    for (const recorded of batch) {
      if (recorded.type === 'OwnershipPeriodErased') {
        await markErased(tx, physical, { type: 'OwnershipPeriodErased', data: recorded.data } as OwnershipPeriodErased);
        continue;
      }
      const event = asOwnershipEvent(recorded);
      if (event) await applyOwnershipEvent(tx, physical, event);
    }
  },
};

export const ownershipPeriodsReadModel: ReadModel = {
  migrations: OWNERSHIP_PERIODS_MIGRATIONS,
  projection: () => ownershipPeriodsProjection,
};
