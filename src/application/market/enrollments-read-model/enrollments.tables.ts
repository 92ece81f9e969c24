import type { ReadModelMigration } from '../../projections/projection.js';

export const ENROLLMENTS_TABLE = 'market_enrollments';
export const VENS_TABLE = 'oadr_vens';
export const RESOURCES_TABLE = 'oadr_resources';

// Enrollments as their owners see them (ended ones stay, for the owner's history), and the OpenADR ven and resources
// each live enrollment shows its program's utility: removed when it ends. `seq` is the order of enrollment (stable
// pages; resources add their `ordinal` in the enrollment), `revision` the enrollment stream's revision the rows
// reflect. Sensor ids never leave Wattlog: the utility sees opaque names only.
const enrollments = `CREATE TABLE market_enrollments (
  enrollment_id text PRIMARY KEY,
  seq bigint NOT NULL,
  owner_id text NOT NULL,
  program_id text NOT NULL,
  provider_id text NOT NULL,
  ven_id text NOT NULL,
  status text NOT NULL,
  allow_dispatch boolean NOT NULL,
  share_reports text NOT NULL,
  sensor_ids text[] NOT NULL,
  paused_until text,
  created_at text NOT NULL,
  modified_at text NOT NULL,
  revision integer NOT NULL
);
CREATE INDEX market_enrollments_owner_idx ON market_enrollments (owner_id, seq);
CREATE INDEX market_enrollments_program_idx ON market_enrollments (program_id, status);
CREATE TABLE oadr_vens (
  ven_id text PRIMARY KEY,
  seq bigint NOT NULL,
  enrollment_id text NOT NULL,
  provider_id text NOT NULL,
  program_id text NOT NULL,
  ven_name text NOT NULL,
  status text NOT NULL,
  targets text[] NOT NULL,
  created_at text NOT NULL,
  modified_at text NOT NULL
);
CREATE INDEX oadr_vens_provider_idx ON oadr_vens (provider_id, seq);
CREATE TABLE oadr_resources (
  resource_id text PRIMARY KEY,
  seq bigint NOT NULL,
  ordinal integer NOT NULL,
  ven_id text NOT NULL,
  enrollment_id text NOT NULL,
  provider_id text NOT NULL,
  resource_name text NOT NULL,
  sensor_id text NOT NULL,
  targets text[] NOT NULL,
  created_at text NOT NULL,
  modified_at text NOT NULL
);
CREATE INDEX oadr_resources_provider_idx ON oadr_resources (provider_id, seq, ordinal);
CREATE INDEX oadr_resources_ven_idx ON oadr_resources (ven_id);
`;

export const ENROLLMENTS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 46, name: 'market: enrollments, OpenADR vens and resources', sql: enrollments },
];
