import {
  isOadrSubscriptionEvent,
  OADR_SUBSCRIPTION_EVENT_TYPES,
  type OadrSubscriptionEvent,
  type StoredSubscription,
} from '../../../domain/market/oadr-subscription.events.js';
import { assertNever } from '../../../domain/shared/decider.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { BatchContext, Projection } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { OADR_SUBSCRIPTIONS_MIGRATIONS, OADR_SUBSCRIPTIONS_TABLE } from './oadr-subscriptions.tables.js';

function objectsOf(content: StoredSubscription): string[] {
  return [...new Set(content.objectOperations.flatMap((o) => o.objects))];
}

async function applyEvent(tx: SqlExecutor, table: string, event: OadrSubscriptionEvent, revision: number, seq: number) {
  switch (event.type) {
    case 'OadrSubscriptionCreated': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${table} (subscription_id, seq, provider_id, client_id, program_id, client_name, objects, content, created_at, modified_at, revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::jsonb, $9, $9, $10) ON CONFLICT (subscription_id) DO NOTHING`,
        [
          d.subscriptionId,
          seq,
          d.providerId,
          d.clientId,
          d.content.programID ?? null,
          d.content.clientName,
          objectsOf(d.content),
          JSON.stringify(d.content),
          d.at,
          revision,
        ],
      );
      return;
    }
    case 'OadrSubscriptionRevised': {
      const d = event.data;
      await tx.query(
        `UPDATE ${table} SET program_id = $2, client_name = $3, objects = $4::text[], content = $5::jsonb, modified_at = $6, revision = $7
          WHERE subscription_id = $1`,
        [
          d.subscriptionId,
          d.content.programID ?? null,
          d.content.clientName,
          objectsOf(d.content),
          JSON.stringify(d.content),
          d.at,
          revision,
        ],
      );
      return;
    }
    case 'OadrSubscriptionDeleted':
      await tx.query(`DELETE FROM ${table} WHERE subscription_id = $1`, [event.data.subscriptionId]);
      return;
    default:
      assertNever(event);
  }
}

/** OpenADR subscriptions as their provider reads them (callback tokens stay in the key vault). */
export const oadrSubscriptionsProjection: Projection = {
  name: OADR_SUBSCRIPTIONS_TABLE,
  eventTypes: OADR_SUBSCRIPTION_EVENT_TYPES,
  tables: [OADR_SUBSCRIPTIONS_TABLE],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table, sequence }: BatchContext) {
    const physical = table(OADR_SUBSCRIPTIONS_TABLE);
    for (const [i, recorded] of batch.entries()) {
      if (!isOadrSubscriptionEvent(recorded)) continue;
      const event = { type: recorded.type, data: recorded.data } as OadrSubscriptionEvent;
      await applyEvent(tx, physical, event, recorded.revision, sequence + i + 1);
    }
  },
};

export const oadrSubscriptionsReadModel: ReadModel = {
  migrations: OADR_SUBSCRIPTIONS_MIGRATIONS,
  projection: () => oadrSubscriptionsProjection,
};
