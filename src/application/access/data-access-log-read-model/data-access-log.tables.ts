import type { ReadModelMigration } from '../../projections/projection.js';

export const DATA_ACCESS_LOG_TABLE = 'data_access_log';

// Part 2 of migration 8, shipped with the access tables (part 1, access.tables.ts).
const dataAccessLog = `CREATE TABLE data_access_log (
  actor_id text NOT NULL,
  sensor_id text NOT NULL,
  gateway_id text NOT NULL,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  requests bigint NOT NULL,
  rows_returned bigint NOT NULL,
  PRIMARY KEY (actor_id, sensor_id)
);
CREATE INDEX data_access_log_gateway_idx ON data_access_log (gateway_id, last_at);
`;

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const DATA_ACCESS_LOG_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 8, name: 'access: ownership, grants, visibility, data-access log', sql: dataAccessLog, part: 2 },
];
