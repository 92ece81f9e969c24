import type { ReadModelMigration } from '../../projections/projection.js';

export const GATEWAY_STATUS_TABLE = 'gateway_status';

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

const gatewayStatusUndecoded = `
ALTER TABLE gateway_status ADD COLUMN payloads_undecoded bigint NOT NULL DEFAULT 0;
ALTER TABLE gateway_status ADD COLUMN last_undecoded_reason text;
`;

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const GATEWAY_STATUS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 4, name: 'gateway status', sql: gatewayStatus },
  { version: 6, name: 'gateway status: undecoded payloads', sql: gatewayStatusUndecoded },
];
