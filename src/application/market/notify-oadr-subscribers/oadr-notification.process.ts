import {
  matchingCallbacks,
  notificationBody,
  type ObjectChange,
  type SubscriptionInterest,
} from '../../../domain/market/oadr-notification-matching.js';
import { isOadrSubscriptionEvent, type StoredSubscription } from '../../../domain/market/oadr-subscription.events.js';
import type { ObjectType } from '../../../domain/market/openadr-objects.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { LogProcess, TableResolver } from '../../projections/projection.js';
import {
  NOTIFICATION_SOURCES,
  notificationEventTypes,
  type KnownObject,
  type KnownObjects,
  type NotificationSource,
} from './notification-sources.js';
import {
  OADR_NOTIFICATION_DELIVERIES_TABLE,
  OADR_NOTIFICATION_OBJECTS_TABLE,
  OADR_NOTIFICATION_SUBSCRIPTIONS_TABLE,
} from './oadr-notifications.tables.js';

/** The process is named after its main table, as projections are. */
export const OADR_NOTIFICATIONS = OADR_NOTIFICATION_DELIVERIES_TABLE;

interface ObjectRow {
  object_type: ObjectType;
  object_id: string;
  provider_id: string;
  program_id: string | null;
  enrollment_id: string | null;
  targets: string[];
  created_at: string;
  object: unknown;
}

const known = (row: ObjectRow): KnownObject => ({
  objectType: row.object_type,
  objectId: row.object_id,
  providerId: row.provider_id,
  ...(row.program_id !== null ? { programId: row.program_id } : {}),
  ...(row.enrollment_id !== null ? { enrollmentId: row.enrollment_id } : {}),
  targets: row.targets,
  createdAt: row.created_at,
  object: typeof row.object === 'string' ? (JSON.parse(row.object) as unknown) : row.object,
});

function knownObjects(tx: SqlExecutor, table: string): KnownObjects {
  return {
    async get(objectType, objectId) {
      const [row] = await tx.query<ObjectRow>(`SELECT * FROM ${table} WHERE object_type = $1 AND object_id = $2`, [
        objectType,
        objectId,
      ]);
      return row ? known(row) : undefined;
    },
    async ofProgram(objectType, programId) {
      const rows = await tx.query<ObjectRow>(
        `SELECT * FROM ${table} WHERE object_type = $1 AND program_id = $2 ORDER BY object_id`,
        [objectType, programId],
      );
      return rows.map(known);
    },
    async ofEnrollment(objectType, enrollmentId) {
      const rows = await tx.query<ObjectRow>(
        `SELECT * FROM ${table} WHERE object_type = $1 AND enrollment_id = $2 ORDER BY object_id`,
        [objectType, enrollmentId],
      );
      return rows.map(known);
    },
  };
}

async function remember(tx: SqlExecutor, table: string, change: ObjectChange): Promise<void> {
  if (change.operation === 'DELETE') {
    await tx.query(`DELETE FROM ${table} WHERE object_type = $1 AND object_id = $2`, [
      change.objectType,
      change.objectId,
    ]);
    return;
  }
  const createdAt = (change.object as { createdDateTime?: unknown }).createdDateTime;
  await tx.query(
    `INSERT INTO ${table} (object_type, object_id, provider_id, program_id, targets, created_at, object, enrollment_id)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7::jsonb, $8)
     ON CONFLICT (object_type, object_id) DO UPDATE SET program_id = EXCLUDED.program_id, targets = EXCLUDED.targets,
       object = EXCLUDED.object, enrollment_id = EXCLUDED.enrollment_id`,
    [
      change.objectType,
      change.objectId,
      change.providerId,
      change.programId ?? null,
      change.targets,
      typeof createdAt === 'string' ? createdAt : '',
      JSON.stringify(change.object),
      change.enrollmentId ?? null,
    ],
  );
}

async function interestsOf(tx: SqlExecutor, table: string, providerId: string): Promise<SubscriptionInterest[]> {
  const rows = await tx.query<{ subscription_id: string; provider_id: string; content: StoredSubscription | string }>(
    `SELECT subscription_id, provider_id, content FROM ${table} WHERE provider_id = $1 ORDER BY subscription_id`,
    [providerId],
  );
  return rows.map((row) => ({
    subscriptionId: row.subscription_id,
    providerId: row.provider_id,
    content: typeof row.content === 'string' ? (JSON.parse(row.content) as StoredSubscription) : row.content,
  }));
}

/** Keeps the process's own copy of the live subscriptions, folded in log order with the changes they judge. */
async function foldSubscription(tx: SqlExecutor, table: string, event: RecordedEvent): Promise<void> {
  if (!isOadrSubscriptionEvent(event)) return;
  switch (event.type) {
    case 'OadrSubscriptionCreated':
      await tx.query(
        `INSERT INTO ${table} (subscription_id, provider_id, content) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (subscription_id) DO UPDATE SET content = EXCLUDED.content`,
        [event.data.subscriptionId, event.data.providerId, JSON.stringify(event.data.content)],
      );
      return;
    case 'OadrSubscriptionRevised':
      await tx.query(`UPDATE ${table} SET content = $2::jsonb WHERE subscription_id = $1`, [
        event.data.subscriptionId,
        JSON.stringify(event.data.content),
      ]);
      return;
    case 'OadrSubscriptionDeleted':
      await tx.query(`DELETE FROM ${table} WHERE subscription_id = $1`, [event.data.subscriptionId]);
      return;
  }
}

interface Delivery {
  readonly subscription_id: string;
  readonly source_position: string;
  readonly callback_url: string;
  readonly source_event_id: string;
  readonly source_recorded_at: string;
  readonly provider_id: string;
  readonly object_type: string;
  readonly object_id: string;
  readonly operation: string;
  readonly bearer_token_fingerprint: string | null;
  readonly body: unknown;
}

async function queue(tx: SqlExecutor, table: string, deliveries: readonly Delivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  // A batch applied again (a crash before its checkpoint moved, a checkpoint reset) finds its rows there already.
  await tx.query(
    `INSERT INTO ${table} (subscription_id, source_position, callback_url, source_event_id, source_recorded_at,
       provider_id, object_type, object_id, operation, bearer_token_fingerprint, body, due_at)
     SELECT subscription_id, source_position, callback_url, source_event_id, source_recorded_at, provider_id,
       object_type, object_id, operation, bearer_token_fingerprint, body, source_recorded_at
     FROM jsonb_to_recordset($1::jsonb) AS r(subscription_id text, source_position text, callback_url text,
       source_event_id text, source_recorded_at timestamptz, provider_id text, object_type text, object_id text,
       operation text, bearer_token_fingerprint text, body jsonb)
     ON CONFLICT (subscription_id, source_position, callback_url, object_type, object_id) DO NOTHING`,
    [JSON.stringify(deliveries)],
  );
}

/**
 * Decides who hears of each change of an OpenADR object (OpenADR 3.1.0 subscriptions) and queues one delivery per
 * (subscription, log event, callback URL, object): one log event may change several objects (an enrollment creates a
 * ven and its resources), in the same transaction as its checkpoint: a batch is queued exactly
 * once, and a replay or a re-applied batch adds nothing (the deliveries' primary key). Sending is the
 * OadrNotificationSender's job. A log process rather than a projection: its deliveries are history, and a rebuild
 * of the read models never touches them.
 *
 * Subscriptions are judged as they stood at the change's place in the log (the process folds them itself), so a
 * subscription hears of what happened while it existed, never of what came before it.
 */
export function oadrNotificationProcess(
  options: { readonly sources?: readonly NotificationSource[]; readonly onQueued?: () => void } = {},
): LogProcess<readonly RecordedEvent[]> {
  const sources = options.sources ?? NOTIFICATION_SOURCES;
  const sourcesOf = new Map<string, NotificationSource[]>();
  for (const source of sources)
    for (const type of source.eventTypes) sourcesOf.set(type, [...(sourcesOf.get(type) ?? []), source]);
  return {
    name: OADR_NOTIFICATIONS,
    eventTypes: notificationEventTypes(sources),
    tables: [
      OADR_NOTIFICATION_DELIVERIES_TABLE,
      OADR_NOTIFICATION_SUBSCRIPTIONS_TABLE,
      OADR_NOTIFICATION_OBJECTS_TABLE,
    ],

    // Nothing is appended to the log: the whole batch is worked out inside its transaction.
    decide: (batch) => Promise.resolve(batch),

    async record(batch, tx, { table }: { table: TableResolver }) {
      const objectsTable = table(OADR_NOTIFICATION_OBJECTS_TABLE);
      const subscriptionsTable = table(OADR_NOTIFICATION_SUBSCRIPTIONS_TABLE);
      const objects = knownObjects(tx, objectsTable);
      const deliveries: Delivery[] = [];
      for (const event of batch) {
        for (const source of sourcesOf.get(event.type) ?? []) {
          for (const change of await source.changes(event, objects)) {
            for (const subscription of await interestsOf(tx, subscriptionsTable, change.providerId)) {
              for (const callback of matchingCallbacks(subscription, change)) {
                deliveries.push({
                  subscription_id: subscription.subscriptionId,
                  source_position: event.position,
                  callback_url: callback.callbackUrl,
                  source_event_id: event.id,
                  source_recorded_at: event.recordedAt,
                  provider_id: change.providerId,
                  object_type: change.objectType,
                  object_id: change.objectId,
                  operation: change.operation,
                  bearer_token_fingerprint: callback.bearerTokenFingerprint ?? null,
                  body: notificationBody(change),
                });
              }
            }
            await remember(tx, objectsTable, change);
          }
        }
        await foldSubscription(tx, subscriptionsTable, event);
      }
      await queue(tx, table(OADR_NOTIFICATION_DELIVERIES_TABLE), deliveries);
      if (deliveries.length > 0) options.onQueued?.();
    },
  };
}
