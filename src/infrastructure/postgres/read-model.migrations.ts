import type { MigrationSet } from './migrator.js';

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

export const readModelMigrations: MigrationSet = {
  name: 'read-models',
  migrations: [
    { version: 1, name: 'projection checkpoints', sql: checkpoints },
    { version: 2, name: 'audit log', sql: auditLog },
    { version: 3, name: 'key vault', sql: keyVault },
    { version: 4, name: 'gateway status', sql: gatewayStatus },
  ],
};
