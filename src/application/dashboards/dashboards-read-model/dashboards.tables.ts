import type { ReadModelMigration } from '../../projections/projection.js';

export const DASHBOARDS_TABLE = 'dashboards';
export const DASHBOARD_VERSIONS_TABLE = 'dashboard_versions';

const dashboards = `
CREATE TABLE dashboards (
  dashboard_id text PRIMARY KEY,
  owner_id text NOT NULL,
  name text NOT NULL,
  time_range jsonb NOT NULL,
  tiles jsonb NOT NULL,
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz
);
CREATE INDEX dashboards_owner_idx ON dashboards (owner_id, name, dashboard_id) WHERE deleted_at IS NULL;
CREATE TABLE dashboard_versions (
  dashboard_id text NOT NULL,
  version integer NOT NULL,
  actor_id text NOT NULL,
  event_type text NOT NULL,
  change text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (dashboard_id, version)
);
`;

/** Its tables' migrations; the version is an id in `schema_migrations`, never renumbered once shipped. */
export const DASHBOARDS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 40, name: 'dashboards: current content and version history', sql: dashboards },
];
