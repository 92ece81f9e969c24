import type { ReadModelMigration } from '../../projections/projection.js';

export const OADR_SUBSCRIPTIONS_TABLE = 'oadr_subscriptions';

// One row per live subscription; `objects` lists the object types of all its operations (for the `objects` filter).
const subscriptions = `CREATE TABLE oadr_subscriptions (
  subscription_id text PRIMARY KEY,
  seq bigint NOT NULL,
  provider_id text NOT NULL,
  client_id text NOT NULL,
  program_id text,
  client_name text NOT NULL,
  objects text[] NOT NULL,
  content jsonb NOT NULL,
  created_at text NOT NULL,
  modified_at text NOT NULL,
  revision integer NOT NULL
);
CREATE INDEX oadr_subscriptions_provider_idx ON oadr_subscriptions (provider_id, seq);
`;

export const OADR_SUBSCRIPTIONS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 43, name: 'market: OpenADR subscriptions', sql: subscriptions },
];
