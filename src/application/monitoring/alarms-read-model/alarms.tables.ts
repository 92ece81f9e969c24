import type { ReadModelMigration } from '../../projections/projection.js';

export const ALARMS_TABLE = 'alarms';

// Part 2 of migration 12 (alarm-evaluation.tables.ts holds part 1): open and past alarms; `seq` orders them by
// when they were raised, and pages run on it.
const alarms = `CREATE TABLE alarms (
  alarm_id text PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  node_id text NOT NULL,
  gateway_id text NOT NULL,
  sensor_id text NOT NULL,
  phase text,
  kind text NOT NULL,
  unit text NOT NULL,
  state text NOT NULL,
  setting jsonb NOT NULL,
  setting_request_id text NOT NULL,
  since timestamptz NOT NULL,
  raised_at timestamptz NOT NULL,
  raised_value double precision NOT NULL,
  first_value double precision NOT NULL,
  direction text,
  peak double precision NOT NULL,
  cleared_at timestamptz,
  clear_reason text,
  cleared_value double precision
);
CREATE INDEX alarms_open_idx ON alarms (seq) WHERE state = 'open';
CREATE INDEX alarms_sensor_idx ON alarms (sensor_id, seq);
CREATE INDEX alarms_node_idx ON alarms (node_id, seq);
`;

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const ALARMS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 12, name: 'alarms: evaluation state, open and past alarms', sql: alarms, part: 2 },
];
