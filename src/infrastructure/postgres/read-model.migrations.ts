import type { MigrationSet } from './migrator.js';
import { accessIdentities, accessAuthorization } from './access.migration.js';
import { readingsRawChunks } from './readings-raw-chunks.migration.js';
import { seriesDayCache } from './series-day-cache.migration.js';

const checkpoints = `
CREATE TABLE projection_checkpoints (
  name text PRIMARY KEY,
  position text,
  events_applied bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`;

const auditLog = `
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  event_id uuid NOT NULL,
  position text NOT NULL,
  stream text NOT NULL,
  revision bigint NOT NULL,
  type text NOT NULL,
  actor_id text,
  correlation_id text,
  recorded_at timestamptz NOT NULL,
  summary text NOT NULL
);
CREATE INDEX audit_log_stream_idx ON audit_log (stream, seq);
CREATE INDEX audit_log_recorded_at_idx ON audit_log (recorded_at, seq);
`;

// Not a projection table: replays never touch it. Entries are immutable, one per key id.
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

const gatewayStatus = `
CREATE TABLE gateway_status (
  id text PRIMARY KEY,
  name text NOT NULL,
  network_type text NOT NULL,
  address text NOT NULL,
  description text NOT NULL,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  location_label text NOT NULL,
  owner_id text NOT NULL,
  lifecycle text NOT NULL,
  key_fingerprint text NOT NULL,
  connection text NOT NULL,
  last_seen_at timestamptz,
  open_sessions integer NOT NULL,
  frames_received bigint NOT NULL,
  readings_received bigint NOT NULL,
  last_refusal_reason text,
  last_refusal_detail text,
  last_refusal_at timestamptz,
  registered_at timestamptz NOT NULL,
  decommissioned_at timestamptz
);
CREATE INDEX gateway_status_name_idx ON gateway_status (name, id);
`;

// Bucket starts are UTC and aligned to their width ('15m' | '1h' | '1d'). Power-like quantities fill
// sample_count/value_sum/value_min/value_max; counters (energyImported, energyExported, gasVolume) fill
// sample_count and delta, the consumption inside the bucket (never negative: a counter reset starts a new segment).
const readings = `
CREATE TABLE readings_latest (
  sensor_id text PRIMARY KEY,
  node_id text NOT NULL,
  gateway_id text NOT NULL,
  quantity text NOT NULL,
  unit text NOT NULL,
  value double precision NOT NULL,
  measured_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  phase text,
  tariff smallint,
  source jsonb NOT NULL
);
CREATE TABLE readings_raw (
  sensor_id text NOT NULL,
  measured_at timestamptz NOT NULL,
  value double precision NOT NULL,
  gateway_id text NOT NULL
);
CREATE INDEX readings_raw_sensor_time_idx ON readings_raw (sensor_id, measured_at);
-- A constraint, unlike a plain index, is copied onto a replay's shadow table before the load, so the projection's
-- neighbour look-ups for late readings stay index probes during a rebuild. It also stores a re-delivered reading once.
ALTER TABLE readings_raw ADD CONSTRAINT readings_raw_reading_key UNIQUE (sensor_id, measured_at, value);
CREATE TABLE readings_buckets (
  sensor_id text NOT NULL,
  bucket_width text NOT NULL,
  bucket_start timestamptz NOT NULL,
  quantity text NOT NULL,
  unit text NOT NULL,
  sample_count integer NOT NULL,
  value_sum double precision,
  value_min double precision,
  value_max double precision,
  delta double precision,
  PRIMARY KEY (sensor_id, bucket_width, bucket_start)
);
CREATE TABLE nodes (
  node_id text PRIMARY KEY,
  gateway_id text NOT NULL,
  protocol text,
  model text,
  vendor text,
  firmware text,
  status text NOT NULL,
  link_quality integer,
  availability text,
  joined_at timestamptz,
  interviewed_at timestamptz,
  left_at timestamptz,
  last_seen_at timestamptz
);
CREATE INDEX nodes_gateway_idx ON nodes (gateway_id, node_id);
`;

const gatewayStatusUndecoded = `
ALTER TABLE gateway_status ADD COLUMN payloads_undecoded bigint NOT NULL DEFAULT 0;
ALTER TABLE gateway_status ADD COLUMN last_undecoded_reason text;
`;

// users and api_clients are projections. The other tables are not: replays never touch them, and nothing in them
// can be rebuilt from the log — credentials and refresh tokens never enter it.
const readingsRawOneIndex = `
DROP INDEX IF EXISTS readings_raw_sensor_time_idx;
`;

// The objects (gateway, node, sensor, command, … ids) an audit entry is about, so admins can filter by object.
// Entries recorded before this migration get theirs on the next replay of the audit projection.
const auditObjects = `
CREATE TABLE audit_objects (
  object_id text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (object_id, seq)
);
`;

// Desired vs applied configuration per node and field (reporting.power, alarm.power_above, firmware, …).
const nodeConfiguration = `
CREATE TABLE node_configuration (
  node_id text NOT NULL,
  field text NOT NULL,
  gateway_id text NOT NULL,
  desired jsonb NOT NULL,
  desired_request_id text NOT NULL,
  desired_by text NOT NULL,
  desired_at timestamptz NOT NULL,
  status text NOT NULL,
  outcome text,
  applied jsonb,
  applied_by text,
  applied_at timestamptz,
  PRIMARY KEY (node_id, field)
);
CREATE INDEX node_configuration_gateway_idx ON node_configuration (gateway_id, node_id, field);
`;

// Alarm evaluation keeps, per node with an alarm setting, the alarm states it judges by and the revision of the node's
// alarm stream (not rebuilt by replays: it goes with the events it appended). `alarms` is the read model of open and
// past alarms; `seq` orders them by when they were raised, and pages run on it.
const alarms = `
CREATE TABLE alarm_evaluation (
  node_id text PRIMARY KEY,
  stream_revision bigint,
  state jsonb NOT NULL
);
CREATE TABLE alarms (
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

export const readModelMigrations: MigrationSet = {
  name: 'read-models',
  migrations: [
    { version: 1, name: 'projection checkpoints', sql: checkpoints },
    { version: 2, name: 'audit log', sql: auditLog },
    { version: 3, name: 'key vault', sql: keyVault },
    { version: 4, name: 'gateway status', sql: gatewayStatus },
    { version: 5, name: 'readings', sql: readings },
    { version: 6, name: 'gateway status: undecoded payloads', sql: gatewayStatusUndecoded },
    { version: 7, name: 'access: users, API clients, credentials, sessions', sql: accessIdentities },
    { version: 8, name: 'access: ownership, grants, visibility, data-access log', sql: accessAuthorization },
    { version: 9, name: 'readings raw: the unique key is its only index', sql: readingsRawOneIndex },
    { version: 10, name: 'audit objects', sql: auditObjects },
    { version: 11, name: 'node configuration', sql: nodeConfiguration },
    { version: 12, name: 'alarms: evaluation state, open and past alarms', sql: alarms },
    { version: 13, name: 'readings: bucket revisions, series JSON per day', sql: seriesDayCache },
    { version: 14, name: 'readings raw: chunks of a quarter hour per sensor and batch', sql: readingsRawChunks },
  ],
};
