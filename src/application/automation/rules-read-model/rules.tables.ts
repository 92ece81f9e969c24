import type { ReadModelMigration } from '../../projections/projection.js';

export const RULES_TABLE = 'automation_rules';

const rules = `
CREATE TABLE automation_rules (
  rule_id text PRIMARY KEY,
  owner_id text NOT NULL,
  provider_id text,
  program_id text,
  name text NOT NULL,
  spec jsonb NOT NULL,
  spec_hash text NOT NULL,
  accepted_hash text,
  acceptance text NOT NULL,
  enabled boolean NOT NULL,
  in_force boolean NOT NULL,
  version integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz
);
CREATE INDEX automation_rules_owner_idx ON automation_rules (owner_id, name, rule_id) WHERE deleted_at IS NULL;
CREATE INDEX automation_rules_provider_idx ON automation_rules (provider_id, rule_id) WHERE deleted_at IS NULL;
`;

/** Its tables' migrations; the version is an id in `schema_migrations`, never renumbered once shipped. */
export const RULES_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 45, name: 'automation_rules: owners’ rules and utilities’ proposals', sql: rules },
];
