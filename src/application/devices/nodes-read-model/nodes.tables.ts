import type { ReadModelMigration } from '../../projections/projection.js';

export const NODES_TABLE = 'nodes';

// Part 2 of migration 5, shipped together with the readings tables (part 1, readings.tables.ts).
const nodes = `CREATE TABLE nodes (
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

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const NODES_MIGRATIONS: readonly ReadModelMigration[] = [{ version: 5, name: 'readings', sql: nodes, part: 2 }];
