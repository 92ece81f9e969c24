import { catalogueMigrations } from '../../application/projections/projection-catalog.js';
import type { ReadModelMigration } from '../../application/projections/projection.js';
import type { Migration, MigrationSet } from './migrator.js';
import { SHARED_LIMITS_SQL } from './shared-limits.js';

// The read-model set: the migrations of the platform's own tables, here, and those of every read model and log
// process, which live in their folders and come from the projection catalogue.

const checkpoints = `
CREATE TABLE projection_checkpoints (
  name text PRIMARY KEY,
  position text,
  events_applied bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`;

// Not a projection table: rebuilds never touch it. Entries are immutable, one per key id.
const keyVault = `
CREATE TABLE key_vault (
  key_id text PRIMARY KEY,
  master_key_id text NOT NULL,
  iv bytea NOT NULL,
  ciphertext bytea NOT NULL,
  tag bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`;

// Part 3 of migration 7 (users and API clients hold parts 1 and 2). Not read models: rebuilds never touch them, and
// nothing in them can be rebuilt from the log — credentials and refresh tokens never enter it.
const accessCredentials = `CREATE TABLE user_credentials (
  user_id text PRIMARY KEY,
  password_hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE api_client_secrets (
  client_id text NOT NULL,
  secret_fingerprint text NOT NULL,
  secret_verifier bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, secret_fingerprint)
);
CREATE TABLE auth_sessions (
  session_id text PRIMARY KEY,
  user_id text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  ended_reason text
);
CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id) WHERE ended_at IS NULL;
CREATE TABLE auth_refresh_tokens (
  token_hash bytea PRIMARY KEY,
  session_id text NOT NULL REFERENCES auth_sessions (session_id) ON DELETE CASCADE,
  issued_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX auth_refresh_tokens_session_idx ON auth_refresh_tokens (session_id);
`;

// Projections are named after their tables since this migration; a checkpoint keeps its position under the new
// name, so an installation neither loses nor re-applies what it projected. A rebuild's own checkpoint is renamed too.
const checkpointsNamedAfterTables = `
UPDATE projection_checkpoints SET name = 'audit_log' WHERE name = 'audit';
UPDATE projection_checkpoints SET name = 'gateway_status' WHERE name = 'gateways';
UPDATE projection_checkpoints SET name = 'readings_latest' WHERE name = 'readings';
UPDATE projection_checkpoints SET name = 'api_clients' WHERE name = 'api-clients';
UPDATE projection_checkpoints SET name = 'access_grants' WHERE name = 'access';
UPDATE projection_checkpoints SET name = 'data_access_log' WHERE name = 'data-access-log';
UPDATE projection_checkpoints SET name = 'node_configuration' WHERE name = 'node-configuration';
UPDATE projection_checkpoints SET name = 'alarm_evaluation' WHERE name = 'alarm-evaluation';
UPDATE projection_checkpoints SET name = 'audit_log__rebuild' WHERE name = 'audit__rebuild';
UPDATE projection_checkpoints SET name = 'gateway_status__rebuild' WHERE name = 'gateways__rebuild';
UPDATE projection_checkpoints SET name = 'readings_latest__rebuild' WHERE name = 'readings__rebuild';
UPDATE projection_checkpoints SET name = 'api_clients__rebuild' WHERE name = 'api-clients__rebuild';
UPDATE projection_checkpoints SET name = 'access_grants__rebuild' WHERE name = 'access__rebuild';
UPDATE projection_checkpoints SET name = 'data_access_log__rebuild' WHERE name = 'data-access-log__rebuild';
UPDATE projection_checkpoints SET name = 'node_configuration__rebuild' WHERE name = 'node-configuration__rebuild';
`;

// Nodes that run projection partitions say they are alive here (PartitionSpread); unlogged, it is only liveness.
const projectionNodes = `
CREATE UNLOGGED TABLE projection_nodes (
  node_id text PRIMARY KEY,
  seen_at timestamptz NOT NULL
);
`;

const PLATFORM_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 1, name: 'projection checkpoints', sql: checkpoints },
  { version: 3, name: 'key vault', sql: keyVault },
  { version: 7, name: 'access: users, API clients, credentials, sessions', sql: accessCredentials, part: 3 },
  { version: 15, name: 'projection checkpoints: named after their tables', sql: checkpointsNamedAfterTables },
  { version: 30, name: 'shared limits: rate-limit buckets, failed logins', sql: SHARED_LIMITS_SQL },
  { version: 31, name: 'projection nodes: heartbeats that spread partitions', sql: projectionNodes },
];

/**
 * One migration set out of parts: each version once, in version order, a split migration's parts joined in part
 * order, so the set is exactly what was shipped (the same versions, names and SQL).
 */
export function assembleMigrations(name: string, parts: readonly ReadModelMigration[]): MigrationSet {
  const byVersion = new Map<number, ReadModelMigration[]>();
  for (const part of parts) byVersion.set(part.version, [...(byVersion.get(part.version) ?? []), part]);
  const migrations = [...byVersion.entries()]
    .sort(([a], [b]) => a - b)
    .map(([version, group]): Migration => {
      const ordered = [...group].sort((a, b) => (a.part ?? 1) - (b.part ?? 1));
      const first = ordered[0]!;
      ordered.forEach((part, i) => {
        if ((part.part ?? 1) !== i + 1 || part.name !== first.name || (group.length > 1 && part.part === undefined)) {
          throw new Error(
            `read-model migration ${version}: its parts must be numbered 1..${group.length} and share one name`,
          );
        }
      });
      return { version, name: first.name, sql: ordered.map((part) => part.sql).join('') };
    });
  return { name, migrations };
}

export const readModelMigrations: MigrationSet = assembleMigrations('read-models', [
  ...PLATFORM_MIGRATIONS,
  ...catalogueMigrations(),
]);
