import type { ReadModelMigration } from '../../projections/projection.js';

export const USERS_TABLE = 'users';

// Part 1 of migration 7; API clients (part 2) and the credential and session tables (part 3, not read models:
// nothing in them can be rebuilt from the log) were shipped with it.
const users = `
CREATE TABLE users (
  user_id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL,
  registered_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  disabled_at timestamptz,
  disabled_reason text
);
`;

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const USERS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 7, name: 'access: users, API clients, credentials, sessions', sql: users, part: 1 },
];
