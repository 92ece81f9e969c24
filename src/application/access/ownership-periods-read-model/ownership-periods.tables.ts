import type { ReadModelMigration } from '../../projections/projection.js';

/** Who owned each gateway when: one row per period `[valid_from, valid_to)`, the open one has no end. */
export const OWNERSHIP_PERIODS_TABLE = 'ownership_periods';

// The access conditions probe it per row of the data they narrow (gateway, owner, time), hence the index order.
const ownershipPeriods = `
CREATE TABLE ownership_periods (
  gateway_id text NOT NULL,
  owner_id text NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  PRIMARY KEY (gateway_id, valid_from)
);
CREATE INDEX ownership_periods_owner_idx ON ownership_periods (owner_id, gateway_id, valid_from);
`;

// Erased periods stay as rows (ADR 0030): the probes that bound every owner's and grantee's read skip them, and the
// admins' reads of the log (commands, configuration history) look them up.
const erasedPeriods = `
ALTER TABLE ownership_periods ADD COLUMN erased_at timestamptz;
`;

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const OWNERSHIP_PERIODS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 18, name: 'access: ownership periods', sql: ownershipPeriods },
  {
    version: 48,
    name: 'access: erased ownership periods, visibility of the owner of the moment',
    sql: erasedPeriods,
    part: 1,
  },
];
