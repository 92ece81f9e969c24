import type { ReadModelMigration } from '../../projections/projection.js';

export const API_CLIENTS_TABLE = 'api_clients';

// Part 2 of migration 7 (users.tables.ts holds part 1).
const apiClients = `CREATE TABLE api_clients (
  client_id text PRIMARY KEY,
  organisation text NOT NULL,
  name text NOT NULL,
  secret_fingerprint text NOT NULL,
  registered_at timestamptz NOT NULL,
  secret_rotated_at timestamptz,
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX api_clients_organisation_idx ON api_clients (organisation, client_id);
`;

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const API_CLIENTS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 7, name: 'access: users, API clients, credentials, sessions', sql: apiClients, part: 2 },
];
