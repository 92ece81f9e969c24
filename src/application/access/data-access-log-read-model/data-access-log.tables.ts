import type { ReadModelMigration } from '../../projections/projection.js';

export const DATA_ACCESS_LOG_TABLE = 'data_access_log';
/** This read model's own copy of the ownership periods, so that a read is filed under the owner of its moment. */
export const DATA_ACCESS_LOG_OWNERS_TABLE = 'data_access_log_owners';

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

// Part 2 of migration 19 (ADR 0024): the log is filed per owner of the sensor's gateway at the time of the read. Rows
// and periods from before it are attributed to the current owner until a rebuild files them exactly.
const perOwner = `
CREATE TABLE data_access_log_owners (
  gateway_id text NOT NULL,
  owner_id text NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  PRIMARY KEY (gateway_id, valid_from)
);
INSERT INTO data_access_log_owners (gateway_id, owner_id, valid_from)
  SELECT gateway_id, owner_id, '-infinity'::timestamptz FROM access_gateway_owners;
ALTER TABLE data_access_log ADD COLUMN owner_id text NOT NULL DEFAULT '';
UPDATE data_access_log l SET owner_id = o.owner_id FROM access_gateway_owners o WHERE o.gateway_id = l.gateway_id;
ALTER TABLE data_access_log DROP CONSTRAINT data_access_log_pkey;
ALTER TABLE data_access_log ADD CONSTRAINT data_access_log_pkey PRIMARY KEY (actor_id, sensor_id, owner_id);
CREATE INDEX data_access_log_owner_idx ON data_access_log (owner_id, last_at);
`;

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const DATA_ACCESS_LOG_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 8, name: 'access: ownership, grants, visibility, data-access log', sql: dataAccessLog, part: 2 },
  { version: 19, name: 'access: grants and the data-access log bounded by ownership', sql: perOwner, part: 2 },
];
