import type { ReadModelMigration } from '../../projections/projection.js';

/** One row per stored event, and the objects (gateway, node, sensor, command, … ids) each is about. */
export const AUDIT_LOG_TABLE = 'audit_log';
export const AUDIT_OBJECTS_TABLE = 'audit_objects';

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

// So admins can filter by object. Entries recorded before this migration get theirs on the next rebuild of the
// audit log.
const auditObjects = `
CREATE TABLE audit_objects (
  object_id text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (object_id, seq)
);
`;

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const AUDIT_LOG_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 2, name: 'audit log', sql: auditLog },
  { version: 10, name: 'audit objects', sql: auditObjects },
];
