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

export const readModelMigrations: MigrationSet = {
  name: 'read-models',
  migrations: [
    { version: 1, name: 'projection checkpoints', sql: checkpoints },
    { version: 2, name: 'audit log', sql: auditLog },
  ],
};
