import type { ReadModelMigration } from '../../projections/projection.js';

export const NODE_CONFIGURATION_TABLE = 'node_configuration';

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

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const NODE_CONFIGURATION_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 11, name: 'node configuration', sql: nodeConfiguration },
];
