import type { StoredSubscription } from '../../../domain/market/oadr-subscription.events.js';
import type { ObjectType, Operation } from '../../../domain/market/openadr-objects.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import { OADR_SUBSCRIPTIONS_TABLE } from './oadr-subscriptions.tables.js';

/** An OpenADR 3.1.0 `subscription` as the wire has it. Callback bearer tokens are write-only (docs/openadr.md). */
export interface SubscriptionObject {
  readonly id: string;
  readonly createdDateTime: string;
  readonly modificationDateTime: string;
  readonly objectType: 'SUBSCRIPTION';
  readonly clientID: string;
  readonly clientName: string;
  readonly programID?: string;
  readonly objectOperations: readonly {
    readonly objects: readonly ObjectType[];
    readonly operations: readonly Operation[];
    readonly callbackUrl: string;
  }[];
  readonly targets?: readonly string[];
}

interface SubscriptionRow {
  subscription_id: string;
  client_id: string;
  content: StoredSubscription | string;
  created_at: string;
  modified_at: string;
}

const COLUMNS = 'subscription_id, client_id, content, created_at, modified_at';

function toObject(row: SubscriptionRow): SubscriptionObject {
  const content = typeof row.content === 'string' ? (JSON.parse(row.content) as StoredSubscription) : row.content;
  return {
    id: row.subscription_id,
    createdDateTime: row.created_at,
    modificationDateTime: row.modified_at,
    objectType: 'SUBSCRIPTION',
    clientID: row.client_id,
    clientName: content.clientName,
    ...(content.programID !== undefined ? { programID: content.programID } : {}),
    objectOperations: content.objectOperations.map(({ objects, operations, callbackUrl }) => ({
      objects,
      operations,
      callbackUrl,
    })),
    ...(content.targets !== undefined ? { targets: content.targets } : {}),
  };
}

export interface SubscriptionFilter {
  readonly providerId: string;
  readonly programId?: string;
  readonly clientName?: string;
  readonly objects?: readonly string[];
  readonly skip: number;
  readonly limit: number;
}

export async function selectSubscriptions(db: SqlExecutor, filter: SubscriptionFilter): Promise<SubscriptionObject[]> {
  const rows = await db.query<SubscriptionRow>(
    `SELECT ${COLUMNS} FROM ${OADR_SUBSCRIPTIONS_TABLE}
      WHERE provider_id = $1
        AND ($2::text IS NULL OR program_id = $2)
        AND ($3::text IS NULL OR client_name = $3)
        AND ($4::text[] IS NULL OR objects && $4::text[])
      ORDER BY seq OFFSET $5 LIMIT $6`,
    [
      filter.providerId,
      filter.programId ?? null,
      filter.clientName ?? null,
      filter.objects ?? null,
      filter.skip,
      filter.limit,
    ],
  );
  return rows.map(toObject);
}

export async function selectSubscription(
  db: SqlExecutor,
  providerId: string,
  subscriptionId: string,
): Promise<SubscriptionObject | undefined> {
  const [row] = await db.query<SubscriptionRow>(
    `SELECT ${COLUMNS} FROM ${OADR_SUBSCRIPTIONS_TABLE} WHERE provider_id = $1 AND subscription_id = $2`,
    [providerId, subscriptionId],
  );
  return row ? toObject(row) : undefined;
}

export async function subscriptionRowRevision(db: SqlExecutor, subscriptionId: string): Promise<number> {
  const [row] = await db.query<{ revision: number }>(
    `SELECT revision FROM ${OADR_SUBSCRIPTIONS_TABLE} WHERE subscription_id = $1`,
    [subscriptionId],
  );
  return row ? Number(row.revision) : -1;
}
